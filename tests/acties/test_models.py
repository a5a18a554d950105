"""The Actie model: constraints, validation, overdue, the transition table."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from acties.constants import ACTIE_GESLOTEN, ACTIE_OPEN, ACTIE_OVERGANGEN, ActieStatus
from acties.models import Actie, Verbeterpunt
from acties.selectors import is_integraal, met_integraal
from tests.acties.helpers import ActieFactory, meedoende_steun, over, punt_via_services


def test_overgangentabel_volgt_het_ontwerp():
    A = ActieStatus
    assert set(ACTIE_OVERGANGEN) == set(A.values)
    assert ACTIE_OVERGANGEN[A.OPEN] == {A.BEZIG, A.VERVALLEN}
    assert ACTIE_OVERGANGEN[A.BEZIG] == {A.GEREED, A.VERVALLEN}
    assert ACTIE_OVERGANGEN[A.GEREED] == set()
    assert ACTIE_OVERGANGEN[A.VERVALLEN] == set()
    assert set(A.values) == ACTIE_OPEN | ACTIE_GESLOTEN


def _insert_faalt(**kwargs):
    with pytest.raises(IntegrityError), transaction.atomic():
        ActieFactory(**kwargs)


def test_precies_een_eigenaar_in_de_database(wereld, punt):
    _insert_faalt(verbeterpunt=punt, eigenaar_partner=None)  # no owner
    _insert_faalt(verbeterpunt=punt, eigenaar_partner=wereld.gemeente, eigenaar_bewoners=True)
    assert not Actie.objects.exists()


def test_bewoners_actie_heeft_trekker_in_de_database(wereld):
    punt = punt_via_services(wereld)
    _insert_faalt(verbeterpunt=punt, eigenaar_partner=None, eigenaar_bewoners=True)
    ActieFactory(
        verbeterpunt=punt,
        eigenaar_partner=None,
        eigenaar_bewoners=True,
        trekker=meedoende_steun(punt),
    )


def test_gereed_vraagt_resultaat_en_vervallen_reden_in_de_database(wereld, punt):
    _insert_faalt(verbeterpunt=punt, eigenaar_partner=wereld.gemeente, status="gereed")
    _insert_faalt(verbeterpunt=punt, eigenaar_partner=wereld.gemeente, status="vervallen")
    ActieFactory(
        verbeterpunt=punt, eigenaar_partner=wereld.gemeente, status="gereed", resultaat="Klaar"
    )
    ActieFactory(
        verbeterpunt=punt, eigenaar_partner=wereld.gemeente, status="vervallen", reden="Dubbel"
    )


def test_clean_verantwoordelijke_werkt_bij_de_eigenaar(wereld, punt):
    actie = ActieFactory.build(
        verbeterpunt=punt,
        eigenaar_partner=wereld.gemeente,
        verantwoordelijke=wereld["medewerker_politie"],
    )
    with pytest.raises(ValidationError) as fout:
        actie.full_clean()
    assert "verantwoordelijke" in fout.value.message_dict


def test_clean_verantwoordelijke_is_lid_van_het_team(wereld, punt):
    # ander_team works for the gemeente too, but in another team.
    actie = ActieFactory.build(
        verbeterpunt=punt,
        eigenaar_partner=wereld.gemeente,
        verantwoordelijke=wereld["ander_team"],
    )
    with pytest.raises(ValidationError) as fout:
        actie.full_clean()
    assert "verantwoordelijke" in fout.value.message_dict


def test_clean_trekker_wil_meedoen(wereld):
    punt = punt_via_services(wereld, meedoen=(True, False, False))
    niet_meedoend = punt.signalen.get().steun.filter(wil_meedoen=False).first()
    actie = ActieFactory.build(
        verbeterpunt=punt, eigenaar_partner=None, eigenaar_bewoners=True, trekker=niet_meedoend
    )
    with pytest.raises(ValidationError) as fout:
        actie.full_clean()
    assert "trekker" in fout.value.message_dict


def test_te_laat_property_en_queryset(wereld, punt):
    te_laat = ActieFactory(verbeterpunt=punt, eigenaar_partner=wereld.gemeente, deadline=over(-1))
    vandaag = ActieFactory(verbeterpunt=punt, eigenaar_partner=wereld.gemeente, deadline=over(0))
    gesloten = ActieFactory(
        verbeterpunt=punt,
        eigenaar_partner=wereld.gemeente,
        deadline=over(-5),
        status="gereed",
        resultaat="Gedaan",
    )
    assert te_laat.is_te_laat
    assert not vandaag.is_te_laat
    assert not gesloten.is_te_laat
    assert list(Actie.objects.te_laat()) == [te_laat]
    assert set(Actie.objects.binnenkort()) == {vandaag}


def test_te_laat_eerst_dan_deadline(wereld, punt):
    maken = lambda **kw: ActieFactory(verbeterpunt=punt, eigenaar_partner=wereld.gemeente, **kw)  # noqa: E731
    later = maken(deadline=over(30))
    straks = maken(deadline=over(2))
    oud_gesloten = maken(deadline=over(-30), status="vervallen", reden="Niet nodig")
    lang_te_laat = maken(deadline=over(-10))
    net_te_laat = maken(deadline=over(-1))
    volgorde = list(Actie.objects.te_laat_eerst())
    assert volgorde == [lang_te_laat, net_te_laat, oud_gesloten, straks, later]


def test_integraal_bij_twee_partners(wereld, punt):
    ActieFactory(verbeterpunt=punt, eigenaar_partner=wereld.gemeente)
    ActieFactory(verbeterpunt=punt, eigenaar_partner=wereld.gemeente)
    assert not is_integraal(punt.acties.all())
    assert not met_integraal(Verbeterpunt.objects.filter(pk=punt.pk)).get().integraal
    ActieFactory(
        verbeterpunt=punt, eigenaar_partner=wereld.politie, status="vervallen", reden="Niet nodig"
    )
    assert not is_integraal(punt.acties.all()), "a lapsed action does not make a point integral"
    ActieFactory(verbeterpunt=punt, eigenaar_partner=wereld.corporatie)
    assert is_integraal(punt.acties.all())
    geannoteerd = met_integraal(Verbeterpunt.objects.filter(pk=punt.pk)).get()
    assert geannoteerd.aantal_actie_partners == 2
    assert geannoteerd.aantal_open_acties == 3
    assert geannoteerd.integraal


def test_str_noemt_geen_tekst(wereld, punt):
    actie = ActieFactory(verbeterpunt=punt, eigenaar_partner=wereld.gemeente, omschrijving="Geheim")
    assert "Geheim" not in str(actie)
