"""{% load snelle_urls %}{% pk_url 'acties:actie_detail' actie.pk %}: as {% url %} for a URL
whose only argument is a primary key, without walking the URL patterns for every row."""

from django import template

from vbt.snelle_urls import url_met_pk

register = template.Library()


@register.simple_tag
def pk_url(naam, pk):
    return url_met_pk(naam, pk)
