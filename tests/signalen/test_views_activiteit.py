"""Outreach activities: list, logging, detail with its signals."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from signalen import services
from signalen.models import Activiteit
from tests.buurten.factories import SubgebiedFactory
from tests.signalen.test_views_signaal import (
    controleer,
    hele_buurt,
    inhoud,
    per_rol,
    registreer_signaal,
)


def maak_activiteit(wereld, **extra):
    return services.activiteit_registreren(
        door=extra.pop("door", wereld["medewerker_gemeente"]),
        team=extra.pop("team", wereld.team_a),
        subgebied=extra.pop("subgebied", hele_buurt(wereld.buurt_a)),
        soort=extra.pop("soort", "straathoekbijeenkomst"),
        datum=extra.pop("datum", timezone.localdate()),
        **extra,
    )


def activiteit_post(wereld, **extra):
    data = {
        "team": wereld.team_a.pk,
        "subgebied": hele_buurt(wereld.buurt_a).pk,
        "soort": "deur_tot_deur",
        "datum": timezone.localdate().isoformat(),
        "aantal_deelnemers": "14",
        "verslag": "Ronde door de Kommelstraat",
    }
    data.update(extra)
    return data


@pytest.mark.parametrize("rol,verwacht", per_rol(200, beheerder=200, ander_team=200))
def test_activiteit_lijst_per_rol(wereld, client_voor, rol, verwacht):
    activiteit = maak_activiteit(wereld)
    url = reverse("signalen:activiteit_lijst")
    antwoord = controleer(client_voor, wereld, rol, "get", url, verwacht)
    if rol not in ("anoniem", "inactief"):
        detail = reverse("signalen:activiteit_detail", args=[activiteit.pk])
        assert (detail in inhoud(antwoord)) is (rol != "ander_team")


@pytest.mark.parametrize("rol,verwacht", per_rol(200, beheerder=403, ander_team=200))
def test_activiteit_nieuw_get_per_rol(wereld, client_voor, rol, verwacht):
    controleer(client_voor, wereld, rol, "get", reverse("signalen:activiteit_nieuw"), verwacht)


@pytest.mark.parametrize("rol,verwacht", per_rol(302, beheerder=403, ander_team=400))
def test_activiteit_nieuw_post_per_rol(wereld, client_voor, rol, verwacht):
    url = reverse("signalen:activiteit_nieuw")
    controleer(client_voor, wereld, rol, "post", url, verwacht, activiteit_post(wereld))
    gelukt = verwacht == 302 and rol not in ("anoniem", "inactief")
    assert Activiteit.objects.count() == (1 if gelukt else 0)


@pytest.mark.parametrize("rol,verwacht", per_rol(200, beheerder=200, ander_team=404))
def test_activiteit_detail_per_rol(wereld, client_voor, rol, verwacht):
    activiteit = maak_activiteit(wereld)
    url = reverse("signalen:activiteit_detail", args=[activiteit.pk])
    antwoord = controleer(client_voor, wereld, rol, "get", url, verwacht)
    if verwacht == 200 and rol not in ("anoniem", "inactief"):
        knop = "Signaal registreren bij deze activiteit"
        assert (knop in inhoud(antwoord)) is (rol != "beheerder")
        controleer(client_voor, wereld, rol, "post", url, 405)


def test_activiteit_registreren(wereld, client_voor):
    client = client_voor(wereld["medewerker_trajekt"])
    html = inhoud(client.get(reverse("signalen:activiteit_nieuw")))
    assert f'<option value="{wereld.team_a.pk}" selected>' in html
    assert "Mariaberg" not in html
    antwoord = client.post(
        reverse("signalen:activiteit_nieuw"), activiteit_post(wereld), follow=True
    )
    activiteit = Activiteit.objects.get()
    assert antwoord.redirect_chain[-1][0] == reverse(
        "signalen:activiteit_detail", args=[activiteit.pk]
    )
    assert "De activiteit is geregistreerd." in inhoud(antwoord)
    assert activiteit.aantal_deelnemers == 14 and activiteit.door == wereld["medewerker_trajekt"]


def test_subgebied_buiten_het_team_400(wereld, client_voor):
    straat_b = SubgebiedFactory(buurt=wereld.buurt_b, naam="Brusselsestraat")
    data = activiteit_post(wereld, subgebied=straat_b.pk)
    url = reverse("signalen:activiteit_nieuw")
    antwoord = controleer(client_voor, wereld, "medewerker_gemeente", "post", url, 400, data)
    assert "Selecteer een geldige keuze" in inhoud(antwoord)


def test_subgebied_van_ander_eigen_team_400(wereld, client_voor):
    """A member of two teams picks team A with a subgebied of team B's buurt."""
    wereld.team_b.leden.add(wereld["medewerker_gemeente"])
    data = activiteit_post(wereld, subgebied=hele_buurt(wereld.buurt_b).pk)
    url = reverse("signalen:activiteit_nieuw")
    antwoord = controleer(client_voor, wereld, "medewerker_gemeente", "post", url, 400, data)
    assert "Dit subgebied ligt niet in een buurt van dit team." in inhoud(antwoord)


def test_datum_in_de_toekomst_400(wereld, client_voor):
    morgen = (timezone.localdate() + timedelta(days=1)).isoformat()
    url = reverse("signalen:activiteit_nieuw")
    antwoord = controleer(
        client_voor,
        wereld,
        "medewerker_gemeente",
        "post",
        url,
        400,
        activiteit_post(wereld, datum=morgen),
    )
    assert "De datum ligt in de toekomst." in inhoud(antwoord)


def test_detail_toont_signalen_met_knoppen(wereld, client_voor):
    activiteit = maak_activiteit(wereld)
    signaal = registreer_signaal(wereld, activiteit=activiteit, omschrijving="Hondenpoep")
    registreer_signaal(wereld, omschrijving="Zonder activiteit")
    html = inhoud(
        client_voor(wereld["medewerker_politie"]).get(
            reverse("signalen:activiteit_detail", args=[activiteit.pk])
        )
    )
    assert "Hondenpoep" in html and "Zonder activiteit" not in html
    assert f"/signalen/nieuw/?activiteit={activiteit.pk}" in html
    assert f"/signalen/{signaal.pk}/steun/?activiteit={activiteit.pk}" in html


def test_activiteit_lijst_vast_aantal_queries(wereld, client_voor, django_assert_num_queries):
    maak_activiteit(wereld)
    client = client_voor(wereld["medewerker_corporatie"])
    url = reverse("signalen:activiteit_lijst")
    client.get(url)
    # 1 session, 2 user with their partner (navigation bar), 3 the user's scope (teams and
    # buurten; may they log is read from it), 4 buurt choices (with wijk), 5 partner choices,
    # 6 the page (one row more, no COUNT) with team, subgebied, buurt and door
    with django_assert_num_queries(6):
        client.get(url)
    for _ in range(9):
        maak_activiteit(wereld, door=wereld["medewerker_politie"])
    with django_assert_num_queries(6):
        antwoord = client.get(url)
    assert len(re.findall(r'href="/activiteiten/\d+/"', inhoud(antwoord))) == 10
