"""The admin for beheerders: every changelist works and runs a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.buurten.factories import BuurtFactory, InitiatiefFactory, SubgebiedFactory, TeamFactory
from tests.partners.factories import MedewerkerFactory, PartnerFactory

CHANGELISTS = [
    "partners_partner",
    "partners_medewerker",
    "buurten_wijk",
    "buurten_buurt",
    "buurten_subgebied",
    "buurten_team",
    "buurten_initiatief",
    "signalen_thema",
    "signalen_signaal",
    "acties_verbeterpunt",
    "signalen_activiteit",
    "signalen_gebeurtenis",
    "signalen_contactinzage",
    "acties_notitie",
    "signalen_bewoner",
]
# Read-only in the admin: changed only through the services, which log every change.
ALLEEN_LEZEN = {
    "signalen_signaal",
    "acties_verbeterpunt",
    "signalen_activiteit",
    "signalen_gebeurtenis",
    "signalen_contactinzage",
    "acties_notitie",
    "signalen_bewoner",
}


def _meer_data(aantal):
    from acties.services import notitie_plaatsen
    from signalen.services import contact_inzien
    from tests.signalen.factories import ActiviteitFactory, SteunFactory, VerbeterpuntFactory

    for _ in range(aantal):
        partner = PartnerFactory()
        buurt = BuurtFactory()
        SubgebiedFactory(buurt=buurt)
        InitiatiefFactory(buurt=buurt)
        lid = MedewerkerFactory(partner=partner)
        team = TeamFactory(buurten=[buurt], leden=[lid])
        punt = VerbeterpuntFactory(bron_signaal__team=team, bron_signaal__buurt=buurt)
        steun = SteunFactory(signaal=punt.bron_signaal)
        ActiviteitFactory(team=team)
        notitie_plaatsen(door=lid, tekst="Notitie", verbeterpunt=punt)
        contact_inzien(bewoner=steun.bewoner, door=lid, pagina="/test/")


def _aantal_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        antwoord = client.get(url)
    assert antwoord.status_code == 200
    return len(queries)


@pytest.mark.parametrize("model", CHANGELISTS)
def test_changelist_vast_aantal_queries(wereld, client_voor, model):
    client = client_voor(wereld["beheerder"])
    url = reverse(f"admin:{model}_changelist")
    client.get(url)  # the first request after login renews the session; measure the rest
    _meer_data(2)
    weinig = _aantal_queries(client, url)
    _meer_data(8)
    veel = _aantal_queries(client, url)
    assert veel == weinig, f"{model}: {weinig} queries bij weinig data, {veel} bij meer"


@pytest.mark.parametrize("model", CHANGELISTS)
def test_beheerder_opent_toevoegformulier_behalve_bij_logboeken(wereld, client_voor, model):
    antwoord = client_voor(wereld["beheerder"]).get(reverse(f"admin:{model}_add"))
    assert antwoord.status_code == (403 if model in ALLEEN_LEZEN else 200)


def test_vertrouwelijke_notitie_van_andere_partner_niet_in_beheer(wereld, client_voor):
    from acties.services import notitie_plaatsen
    from tests.signalen.helpers import signaal_in

    signaal = signaal_in(wereld)
    notitie = notitie_plaatsen(
        door=wereld["medewerker_politie"], tekst="Geheim", vertrouwelijk=True, signaal=signaal
    )
    client = client_voor(wereld["beheerder"])  # partner: gemeente
    assert client.get(reverse("admin:acties_notitie_changelist")).context["cl"].result_count == 0
    antwoord = client.get(reverse("admin:acties_notitie_change", args=[notitie.pk]))
    assert antwoord.status_code == 302  # Django's admin: "does not exist", back to the list
    assert "Geheim" not in client.get(antwoord["Location"]).content.decode()


def test_beheerder_voegt_subgebied_toe_en_kan_hele_buurt_niet_verwijderen(wereld, client_voor):
    client = client_voor(wereld["beheerder"])
    antwoord = client.post(
        reverse("admin:buurten_subgebied_add"),
        {"buurt": wereld.buurt_a.pk, "naam": "Meerssenerweg", "soort": "straat"},
    )
    assert antwoord.status_code == 302
    assert wereld.buurt_a.subgebieden.filter(naam="Meerssenerweg").exists()
    hele = wereld.buurt_a.subgebieden.get(soort="hele_buurt")
    antwoord = client.get(reverse("admin:buurten_subgebied_delete", args=[hele.pk]))
    assert antwoord.status_code == 403


def test_beheerder_maakt_medewerker_met_partner_en_rol(wereld, client_voor):
    client = client_voor(wereld["beheerder"])
    antwoord = client.post(
        reverse("admin:partners_medewerker_add"),
        {
            "username": "nieuwe",
            "partner": wereld.politie.pk,
            "rol": "teamleider",
            "password1": "een-lang-wachtwoord-42",
            "password2": "een-lang-wachtwoord-42",
        },
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    from partners.models import Medewerker

    nieuwe = Medewerker.objects.get(username="nieuwe")
    assert (nieuwe.partner, nieuwe.rol, nieuwe.is_staff) == (wereld.politie, "teamleider", False)
    assert nieuwe.check_password("een-lang-wachtwoord-42")


def test_medewerker_zonder_partner_geweigerd_in_beheer(wereld, client_voor):
    client = client_voor(wereld["beheerder"])
    antwoord = client.post(
        reverse("admin:partners_medewerker_add"),
        {
            "username": "zonder",
            "rol": "medewerker",
            "password1": "een-lang-wachtwoord-42",
            "password2": "een-lang-wachtwoord-42",
        },
    )
    assert antwoord.status_code == 200
    assert "Dit veld is verplicht." in antwoord.content.decode()


def test_beheerder_reset_wachtwoord_van_medewerker(wereld, client_voor):
    gemeente = wereld["medewerker_gemeente"]
    client = client_voor(wereld["beheerder"])
    antwoord = client.post(
        reverse("admin:auth_user_password_change", args=[gemeente.pk]),
        {"password1": "nieuw-wachtwoord-99x", "password2": "nieuw-wachtwoord-99x"},
    )
    assert antwoord.status_code == 302
    gemeente.refresh_from_db()
    assert gemeente.check_password("nieuw-wachtwoord-99x")
