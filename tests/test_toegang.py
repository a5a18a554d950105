"""Deny by default: every URL but a few public ones needs a logged-in user."""

import pytest
from django.urls import reverse

from tests.url_wandeling import alle_urls

# The only pages an anonymous visitor may reach, each for a reason.
OPENBAAR = {
    "login",  # to log in at all
    "gezond",  # load balancer health check; shows only whether database and migrations are fine
    "admin:login",  # the admin's own login form (redirects to the same check)
}


def test_de_wandeling_vindt_de_bekende_urls():
    namen = {url.naam for url in alle_urls()}
    assert {"home", "login", "logout", "admin:index", "admin:partners_partner_changelist"} <= namen


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", [u for u in alle_urls() if u.naam not in OPENBAAR], ids=lambda u: u.naam
)
def test_anoniem_wordt_naar_inloggen_gestuurd(client, url):
    antwoord = client.get(url.pad)
    assert antwoord.status_code == 302, url.pad
    doel = antwoord["Location"]
    assert doel.startswith(reverse("login")) or doel.startswith(reverse("admin:login")), doel


@pytest.mark.django_db
def test_openbare_paginas_werken_zonder_inloggen(client):
    assert client.get(reverse("login")).status_code == 200
    assert client.get(reverse("gezond")).json()["status"] == "ok"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "rol",
    [
        "medewerker_gemeente",
        "medewerker_trajekt",
        "medewerker_politie",
        "medewerker_corporatie",
        "teamleider",
        "ander_team",
    ],
)
def test_alleen_beheerder_komt_in_het_beheer(wereld, client_voor, rol):
    antwoord = client_voor(wereld[rol]).get(reverse("admin:index"))
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("admin:login"))
    assert client_voor(wereld["beheerder"]).get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_inactieve_gebruiker_is_niet_ingelogd(wereld, client_voor):
    antwoord = client_voor(wereld["inactief"]).get(reverse("home"))
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("login"))
