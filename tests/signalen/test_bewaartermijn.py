"""Retention (AVG): `manage.py bewaartermijn` erases residents whose signals and points all
closed longer ago than VBT_BEWAARTERMIJN_MAANDEN, keeping every count. Frozen clock throughout."""

import json
from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings

from acties import services as punt_services
from acties.constants import VerbeterpuntStatus
from privacy.services import maanden_terug
from signalen import services
from signalen.models import Bewoner, ContactInzage, Gebeurtenis, Signaal, Steun
from tests.signalen.helpers import bewoner, signaal_in

pytestmark = [pytest.mark.django_db, pytest.mark.security]

START = datetime(2024, 3, 15, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
NA_24_MAANDEN = datetime(2026, 3, 15, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
NAAM, TELEFOON, EMAIL = "Griet Bewaarmans", "0687654321", "griet.bewaar@example.org"


def _met_contact(n, **extra):
    return bewoner(
        n,
        toestemming=True,
        contact_naam=NAAM,
        telefoon=TELEFOON,
        email=EMAIL,
        wil_terugkoppeling=True,
        **extra,
    )


def _bewaartermijn(*args) -> str:
    uit = StringIO()
    call_command("bewaartermijn", *args, stdout=uit)
    return uit.getvalue()


@pytest.fixture
def klok():
    with time_machine.travel(START, tick=False) as reis:
        yield reis


@pytest.fixture
def afgewezen(wereld, klok):
    """A declined signal: melder, a resident with contact details, two more supporters."""
    signaal = signaal_in(wereld, melder=bewoner(1))
    services.steun_registreren(
        signaal=signaal,
        door=wereld["medewerker_trajekt"],
        bewoners=[_met_contact(2), bewoner(3), bewoner(4)],
        kanaal="deur_tot_deur",
    )
    contact = Bewoner.objects.get(naam=NAAM)
    services.contact_inzien(bewoner=contact, door=wereld["medewerker_gemeente"], pagina="/x/")
    signaal.refresh_from_db()
    services.signaal_afwijzen(signaal=signaal, door=wereld["teamleider"], reden="Geen VBT-werk")
    signaal.refresh_from_db()
    return signaal


def _gewist(bewoner_obj) -> bool:
    bewoner_obj.refresh_from_db()
    return bewoner_obj.gewist_op is not None


def test_maanden_terug_houdt_de_kalender_aan():
    assert maanden_terug(NA_24_MAANDEN, 24) == START
    eind_maart = datetime(2025, 3, 31, tzinfo=ZoneInfo("UTC"))
    assert maanden_terug(eind_maart, 1) == datetime(2025, 2, 28, tzinfo=ZoneInfo("UTC"))


def test_vlak_voor_de_grens_wordt_niets_gewist(afgewezen, klok):
    klok.move_to(NA_24_MAANDEN - timedelta(minutes=1))
    assert "0 bewoners gewist" in _bewaartermijn()
    assert Bewoner.objects.filter(gewist_op__isnull=False).count() == 0
    assert Bewoner.objects.filter(naam=NAAM, sleutel__isnull=False).exists()


def test_na_de_grens_gewist_en_tellingen_blijven(afgewezen, klok):
    steun_voor = list(Steun.objects.order_by("pk").values_list("pk", "bewoner_id", "wil_meedoen"))
    inzages_voor = ContactInzage.objects.count()
    klok.move_to(NA_24_MAANDEN + timedelta(minutes=1))

    assert "4 bewoners gewist" in _bewaartermijn()

    for b in Bewoner.objects.all():
        assert (b.sleutel, b.naam, b.telefoon, b.email) == (None, "", "", "")
        assert not b.wil_terugkoppeling and b.toestemming_op is None and not b.toestemming_kanaal
        assert b.gewist_op == NA_24_MAANDEN + timedelta(minutes=1)
    afgewezen.refresh_from_db()
    assert afgewezen.aantal_bewoners == 4
    assert services.draagvlak_van_signaal(afgewezen).aantal == 4
    assert list(Steun.objects.order_by("pk").values_list("pk", "bewoner_id", "wil_meedoen")) == (
        steun_voor
    )
    assert ContactInzage.objects.count() == inzages_voor  # the access log stays
    assert "0 bewoners gewist" in _bewaartermijn()  # already erased: nothing twice


def test_open_signaal_houdt_zijn_bewoners(wereld, afgewezen, klok):
    """Resident 2 also backs a signal that is still open: they keep everything."""
    open_signaal = signaal_in(wereld, omschrijving="Losliggende stoeptegels")
    services.steun_registreren(
        signaal=open_signaal,
        door=wereld["medewerker_trajekt"],
        bewoners=[bewoner(2)],
        kanaal="telefoon",
    )
    klok.move_to(NA_24_MAANDEN + timedelta(days=400))
    _bewaartermijn()
    assert not _gewist(Bewoner.objects.get(naam=NAAM))
    assert Bewoner.objects.filter(gewist_op__isnull=False).count() == 3


def test_verbeterpunt_telt_vanaf_afronden(wereld, klok):
    signaal = signaal_in(wereld, melder=bewoner(1))
    services.steun_registreren(
        signaal=signaal,
        door=wereld["medewerker_trajekt"],
        bewoners=[_met_contact(2, meedoen=True), bewoner(3)],
        kanaal="deur_tot_deur",
    )
    signaal.refresh_from_db()
    punt = punt_services.signaal_promoveren(
        signaal=signaal, door=wereld["teamleider"], titel="Punt"
    )
    contact = Bewoner.objects.get(naam=NAAM)

    klok.move_to(START + timedelta(days=365 * 3))  # open for years: kept
    _bewaartermijn()
    assert not _gewist(contact)

    punt = punt_services.verbeterpunt_status_wijzigen(
        verbeterpunt=punt, naar=VerbeterpuntStatus.GESTAAKT, door=wereld["teamleider"], reden="x"
    )
    gestaakt = START + timedelta(days=365 * 3)
    klok.move_to(maanden_terug(gestaakt, -24) - timedelta(minutes=1))
    _bewaartermijn()
    assert not _gewist(contact)
    klok.move_to(maanden_terug(gestaakt, -24) + timedelta(minutes=1))
    _bewaartermijn()
    assert _gewist(contact)
    punt.refresh_from_db()
    assert (punt.aantal_bewoners, punt.aantal_meedoeners) == (3, 1)


def test_proefdraai_wijzigt_niets(afgewezen, klok):
    klok.move_to(NA_24_MAANDEN + timedelta(days=1))
    uitvoer = _bewaartermijn("--dry-run")
    assert "Proefdraai: 4 bewoners zouden gewist worden (bewaartermijn 24 maanden)" in uitvoer
    assert not Bewoner.objects.filter(gewist_op__isnull=False).exists()
    assert Bewoner.objects.filter(naam=NAAM, telefoon=TELEFOON).exists()


@override_settings(VBT_BEWAARTERMIJN_MAANDEN=6)
def test_termijn_komt_uit_de_instelling(afgewezen, klok):
    klok.move_to(maanden_terug(START, -6) + timedelta(minutes=1))
    assert "4 bewoners gewist (bewaartermijn 6 maanden)" in _bewaartermijn()


def test_gewiste_bewoner_die_opnieuw_steunt_telt_als_nieuwe_bewoner(wereld, afgewezen, klok):
    klok.move_to(NA_24_MAANDEN + timedelta(days=1))
    _bewaartermijn()
    services.signaal_heropenen(signaal=afgewezen, door=wereld["teamleider"], reden="Weer actueel")
    afgewezen.refresh_from_db()
    services.steun_registreren(
        signaal=afgewezen,
        door=wereld["medewerker_trajekt"],
        bewoners=[bewoner(3)],  # the same identity as before: the hash to match it is gone
        kanaal="telefoon",
    )
    afgewezen.refresh_from_db()
    assert afgewezen.aantal_bewoners == 5
    assert Bewoner.objects.count() == 5


def test_logboeken_bevatten_geen_persoonsgegevens(afgewezen, klok):
    klok.move_to(NA_24_MAANDEN + timedelta(days=1))
    _bewaartermijn()
    details = json.dumps(list(Gebeurtenis.objects.values_list("details", flat=True)))
    inzages = json.dumps(list(ContactInzage.objects.values_list("pagina", "reden")), default=str)
    for waarde in (NAAM, TELEFOON, EMAIL, "Bewoner 2", "6221"):
        assert waarde not in details
        assert waarde not in inzages


def test_signaal_zonder_bewoners_geen_probleem(wereld, klok):
    Signaal.objects.all().delete()
    klok.move_to(NA_24_MAANDEN)
    assert "0 bewoners gewist" in _bewaartermijn()
