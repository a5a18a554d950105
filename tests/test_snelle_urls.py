"""vbt.snelle_urls formats the URL of a pk as reverse() would, also under a script prefix."""

import pytest
from django.template import Context, Template
from django.urls import reverse, set_script_prefix

from vbt.snelle_urls import url_met_pk

NAMEN = [
    "signalen:signaal_detail",
    "acties:verbeterpunt_detail",
    "signalen:activiteit_detail",
    "acties:actie_detail",
    "acties:actie_status",
]


@pytest.mark.parametrize("naam", NAMEN)
@pytest.mark.parametrize("pk", [1, 42, 1234567])
def test_zelfde_als_reverse(naam, pk):
    assert url_met_pk(naam, pk) == reverse(naam, args=[pk])


def test_onder_een_scriptprefix():
    try:
        set_script_prefix("/vbt/")
        assert url_met_pk("acties:actie_detail", 7) == reverse("acties:actie_detail", args=[7])
        assert url_met_pk("acties:actie_detail", 7).startswith("/vbt/")
    finally:
        set_script_prefix("/")
    assert not url_met_pk("acties:actie_detail", 7).startswith("/vbt/")


def test_geen_tekst_als_pk():
    with pytest.raises((TypeError, ValueError)):
        url_met_pk("acties:actie_detail", "7/../../beheer")


def test_template_tag():
    html = Template("{% load snelle_urls %}{% pk_url 'signalen:signaal_detail' pk %}").render(
        Context({"pk": 5})
    )
    assert html == reverse("signalen:signaal_detail", args=[5])
