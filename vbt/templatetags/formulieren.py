"""{% load formulieren %}{{ form|crispy_gecacht }}: as crispy's |crispy filter, from the HTML
cache (vbt.htmlcache) while the form is unbound; a submitted form is rendered afresh."""

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django import template
from django.forms.models import ModelChoiceIterator

from vbt.htmlcache import gecacht, velden_sleutel

register = template.Library()


@register.filter
def crispy_gecacht(form):
    if form.is_bound:
        return as_crispy_form(form)
    # A model choice list is read once, for the key and (on a miss) the HTML alike: the page's
    # query count does not depend on the cache.
    for veld in form.fields.values():
        if isinstance(getattr(veld.widget, "choices", None), ModelChoiceIterator):
            veld.widget.choices = list(veld.widget.choices)
    sleutel = ("crispy", velden_sleutel(form, met_waarden=True))
    return gecacht(sleutel, lambda: as_crispy_form(form))
