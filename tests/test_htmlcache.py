"""{{ form|crispy_gecacht }} (vbt.htmlcache): the same HTML as crispy's own filter, never another
form's, never stale, never for a submitted form, and the same queries on a hit and a miss."""

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django.db import connection
from django.test.utils import CaptureQueriesContext

from acties.forms import ActieFormulier, NotitieFormulier
from partners.models import Partner
from tests.acties.helpers import snel_punt
from vbt.templatetags.formulieren import crispy_gecacht


def _actieformulier(wereld, punt, **kwargs):
    return ActieFormulier(user=wereld["teamleider"], verbeterpunt=punt, **kwargs)


def test_zelfde_html_als_crispy(wereld):
    punt = snel_punt(wereld)
    assert crispy_gecacht(_actieformulier(wereld, punt)) == as_crispy_form(
        _actieformulier(wereld, punt)
    )
    # A hit gives the same again.
    assert crispy_gecacht(_actieformulier(wereld, punt)) == as_crispy_form(
        _actieformulier(wereld, punt)
    )


def test_nieuwe_naam_van_een_keuze_is_een_nieuwe_sleutel(wereld):
    punt = snel_punt(wereld)
    crispy_gecacht(_actieformulier(wereld, punt))
    Partner.objects.filter(pk=wereld.politie.pk).update(naam="Politie Zuid-Limburg")
    assert "Politie Zuid-Limburg" in crispy_gecacht(_actieformulier(wereld, punt))


def test_andere_beginwaarde_andere_html(wereld):
    punt = snel_punt(wereld)
    leeg = crispy_gecacht(NotitieFormulier(partner=wereld.gemeente))
    ingevuld = crispy_gecacht(
        NotitieFormulier(partner=wereld.gemeente, initial={"tekst": "Eerder geschreven"})
    )
    assert "Eerder geschreven" not in leeg
    assert "Eerder geschreven" in ingevuld
    assert punt  # the world has a point: the forms are those of a real page


def test_ingediend_formulier_met_fouten_wordt_niet_gecachet(wereld):
    punt = snel_punt(wereld)
    crispy_gecacht(_actieformulier(wereld, punt))
    fout = _actieformulier(wereld, punt, data={"omschrijving": "", "deadline": "morgen"})
    assert not fout.is_valid()
    html = crispy_gecacht(fout)
    assert "is-invalid" in html
    assert "is-invalid" not in crispy_gecacht(_actieformulier(wereld, punt))


@pytest.mark.django_db
def test_zelfde_aantal_queries_bij_treffer_en_misser(wereld):
    punt = snel_punt(wereld)
    with CaptureQueriesContext(connection) as misser:
        crispy_gecacht(_actieformulier(wereld, punt))
    with CaptureQueriesContext(connection) as treffer:
        crispy_gecacht(_actieformulier(wereld, punt))
    assert len(misser) == len(treffer)
