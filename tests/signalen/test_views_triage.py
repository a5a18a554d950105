"""The teamleider's triage queue and its inline actions."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from acties.models import Verbeterpunt
from signalen import services
from signalen.constants import SignaalStatus
from signalen.models import Signaal
from tests.signalen.factories import SignaalFactory
from tests.signalen.test_views_signaal import (
    controleer,
    inhoud,
    per_rol,
    registreer_signaal,
    signaal_met_steun,
)

TRIAGE = "/triage/"


@pytest.mark.parametrize(
    "rol,verwacht", per_rol(403, teamleider=200, beheerder=403, ander_team=403)
)
def test_triage_per_rol(wereld, client_voor, rol, verwacht):
    assert reverse("acties:triage") == TRIAGE
    signaal_met_steun(wereld, 3)
    controleer(client_voor, wereld, rol, "get", TRIAGE, verwacht)
    if rol not in ("anoniem", "inactief"):
        controleer(client_voor, wereld, rol, "post", TRIAGE, 405)


def test_triage_toont_steun_termijn_en_volgorde(wereld, client_voor):
    weinig = signaal_met_steun(wereld, 1, omschrijving="Weinig steun")
    genoeg = signaal_met_steun(wereld, 3, start=10, omschrijving="Genoeg steun")
    registreer_signaal(wereld, buurt=wereld.buurt_b, door=wereld["ander_team"])
    html = inhoud(client_voor(wereld["teamleider"]).get(TRIAGE))
    assert html.index("Genoeg steun") < html.index("Weinig steun")
    assert "3 van 3 bewoners" in html and "1 van 3 bewoners" in html
    assert "verloopt over 69 dagen" in html or "verloopt over 70 dagen" in html
    assert Signaal.objects.filter(team=wereld.team_b).count() == 1
    assert html.count('class="card mb-3"') == 2  # not team B's signal
    assert f'name="promoveren-versie" value="{genoeg.versie}"' in html
    assert f"/signalen/{weinig.pk}/afwijzen/?next=/triage/" in html


def test_herbeoordelen_vlag(wereld, client_voor):
    signaal = signaal_met_steun(wereld, 3)
    services.steun_intrekken(
        steun=signaal.steun.first(), door=wereld["medewerker_gemeente"], reden="Verhuisd"
    )
    html = inhoud(client_voor(wereld["teamleider"]).get(TRIAGE))
    assert "Herbeoordelen" in html and "2 van 3 bewoners" in html


def test_promoveren_vanuit_triage_terug_naar_triage(wereld, client_voor):
    signaal = signaal_met_steun(wereld, 3)
    client = client_voor(wereld["teamleider"])
    url = reverse("acties:signaal_promoveren", args=[signaal.pk]) + "?next=/triage/%3Fpagina%3D1"
    antwoord = client.post(
        url,
        {
            "promoveren-versie": signaal.versie,
            "promoveren-titel": "Speelveld schoon",
            "promoveren-prioriteit": "hoog",
        },
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/triage/?pagina=1"
    punt = Verbeterpunt.objects.get()
    assert punt.titel == "Speelveld schoon" and punt.prioriteit == "hoog"
    html = inhoud(client.get(antwoord["Location"]))
    assert "Het signaal is een verbeterpunt geworden." in html
    assert "Er staan geen signalen in de wachtrij." in html


@pytest.mark.security
@pytest.mark.parametrize("volgende", ["https://evil.example/", "//evil.example/x", "javascript:x"])
def test_onveilige_next_wordt_genegeerd(wereld, client_voor, volgende):
    signaal = registreer_signaal(wereld)
    url = reverse("signalen:signaal_afwijzen", args=[signaal.pk])
    antwoord = client_voor(wereld["teamleider"]).post(
        url,
        {"afwijzen-versie": signaal.versie, "afwijzen-reden": "Geen VBT-werk", "next": volgende},
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("signalen:signaal_detail", args=[signaal.pk])


def test_doorverwijzen_vanuit_triage(wereld, client_voor):
    signaal = registreer_signaal(wereld)
    antwoord = client_voor(wereld["teamleider"]).post(
        reverse("signalen:signaal_doorverwijzen", args=[signaal.pk]) + "?next=/triage/",
        {"doorverwijzen-versie": signaal.versie, "doorverwijzen-partner": wereld.politie.pk},
    )
    assert antwoord["Location"] == "/triage/"
    signaal.refresh_from_db()
    assert signaal.status == SignaalStatus.DOORVERWEZEN
    assert signaal.doorverwezen_naar == wereld.politie


def test_doorverwijzen_kiest_vooraf_de_standaardpartner_van_het_thema(wereld, client_voor):
    """Every card's partner list holds the active partners; the theme's default partner is
    chosen beforehand, and only on the cards of that theme."""
    from tests.signalen.factories import ThemaFactory

    politie_thema = ThemaFactory(naam="Overlast", standaard_primaire_partner=wereld.politie)
    met = registreer_signaal(wereld, thema=politie_thema, omschrijving="Met standaard")
    zonder = registreer_signaal(wereld, omschrijving="Zonder standaard")
    html = inhoud(client_voor(wereld["teamleider"]).get(TRIAGE))

    def opties(signaal):
        begin = html.index(f'id="doorverwijzen-partner-{signaal.pk}"')
        return html[begin : html.index("</select>", begin)]

    gekozen = f'<option value="{wereld.politie.pk}" selected>'
    assert gekozen in opties(met)
    assert opties(met).count(" selected") == 1
    assert " selected" not in opties(zonder)
    for partner in (wereld.gemeente, wereld.trajekt, wereld.politie, wereld.corporatie):
        assert f'value="{partner.pk}"' in opties(zonder)


def test_mislukte_actie_vanuit_triage_toont_de_fout(wereld, client_voor):
    signaal = signaal_met_steun(wereld, 2)
    antwoord = client_voor(wereld["teamleider"]).post(
        reverse("acties:signaal_promoveren", args=[signaal.pk]) + "?next=/triage/",
        {"promoveren-versie": signaal.versie, "promoveren-prioriteit": "normaal"},
    )
    assert antwoord.status_code == 400
    assert "2 van 3 bewoners steunen dit signaal" in inhoud(antwoord)
    assert not Verbeterpunt.objects.exists()


def test_onlangs_verlopen_en_afgewezen_heropenen(wereld, client_voor):
    afgewezen = registreer_signaal(wereld, omschrijving="Afgewezen signaal")
    services.signaal_afwijzen(signaal=afgewezen, door=wereld["teamleider"], reden="Dubbel")
    verlopen = registreer_signaal(wereld, omschrijving="Verlopen signaal")
    services.signalen_verlopen(nu=timezone.now() + timedelta(weeks=11))
    client = client_voor(wereld["teamleider"])
    html = inhoud(client.get(TRIAGE))
    assert "Afgewezen signaal" in html and "Verlopen signaal" in html
    verlopen.refresh_from_db()
    antwoord = client.post(
        reverse("signalen:signaal_heropenen", args=[verlopen.pk]) + "?next=/triage/",
        {"heropenen-versie": verlopen.versie, "heropenen-reden": "Nieuwe ronde"},
    )
    assert antwoord["Location"] == "/triage/"
    verlopen.refresh_from_db()
    assert verlopen.status == SignaalStatus.NIEUW


def test_triage_pagineert_per_25(wereld, client_voor):
    leider = wereld["teamleider"]
    for _ in range(26):
        SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a, geregistreerd_door=leider)
    client = client_voor(leider)
    eerste = inhoud(client.get(TRIAGE))
    assert eerste.count('<article class="card mb-3"') == 25
    # No page total (the lists never count a whole set): the queue's size by kind instead.
    assert "Pagina 1" in eerste and "?pagina=2" in eerste
    assert '<span class="fs-4" id="triage-nieuw">26</span>' in eerste
    tweede = inhoud(client.get(TRIAGE + "?pagina=2"))
    assert tweede.count('<article class="card mb-3"') == 1


def test_triage_vast_aantal_queries(wereld, client_voor, django_assert_num_queries):
    signaal_met_steun(wereld, 1)
    client = client_voor(wereld["teamleider"])
    client.get(TRIAGE)
    # 1 session, 2 user with their partner, 3 the user's scope (teams and buurten), 4 the
    # page: its ids cut in a subquery, those signals with buurt, subgebied, thema, team and
    # referral partner joined, 5 recently expired or declined, 6 active partners (refer
    # select, once for all rows), 7 the queue's size by kind (index only)
    with django_assert_num_queries(7):
        client.get(TRIAGE)
    for nummer in range(9):
        signaal_met_steun(wereld, 2, start=10 * nummer + 10)
        gesloten = registreer_signaal(wereld)
        services.signaal_afwijzen(signaal=gesloten, door=wereld["teamleider"], reden="Dubbel")
    with django_assert_num_queries(7):
        antwoord = client.get(TRIAGE)
    assert inhoud(antwoord).count('<article class="card mb-3"') == 10
