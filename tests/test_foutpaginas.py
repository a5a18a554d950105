"""Dutch error pages (DEBUG off), with no internals; refused requests are logged."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.security,
    pytest.mark.urls("tests.fout_urls"),
]


def _controleer(antwoord, status, kop):
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == status
    assert kop in inhoud
    assert '<html lang="nl">' in inhoud
    assert "geheime reden" not in inhoud and "Traceback" not in inhoud
    return inhoud


@override_settings(DEBUG=False)
def test_403_pagina(wereld, client_voor):
    inhoud = _controleer(client_voor(wereld["teamleider"]).get("/test/403/"), 403, "Geen toegang")
    assert "Uitloggen" in inhoud  # the normal layout, for a logged-in user


@override_settings(DEBUG=False)
def test_404_pagina(client):
    _controleer(client.get("/test/404/"), 404, "Pagina niet gevonden")
    _controleer(client.get("/bestaat/niet/"), 404, "Pagina niet gevonden")


@override_settings(DEBUG=False)
def test_400_pagina(client):
    _controleer(client.get("/test/400/"), 400, "Ongeldig verzoek")


@override_settings(DEBUG=False)
def test_500_pagina_zonder_gebruiker(wereld):
    client = Client(raise_request_exception=False)
    client.force_login(wereld["teamleider"])
    inhoud = _controleer(client.get("/test/500/"), 500, "Er ging iets mis")
    assert "teamleider" not in inhoud.lower() and "Uitloggen" not in inhoud


@override_settings(DEBUG=False)
def test_csrf_fout_pagina(wereld):
    client = Client(enforce_csrf_checks=True)
    client.force_login(wereld["medewerker_gemeente"])
    _controleer(client.post(reverse("logout")), 403, "Formulier verlopen")


def test_geweigerde_toegang_wordt_gelogd(wereld, client_voor, beveiligingslog):
    gebruiker = wereld["medewerker_politie"]
    client_voor(gebruiker).post("/test/403/?zoek=privé", {"notitie": "vertrouwelijk"})
    berichten = [r for r in beveiligingslog.records if r.name == "vbt.beveiliging"]
    geweigerd = [r.getMessage() for r in berichten if "Toegang geweigerd" in r.getMessage()]
    assert len(geweigerd) == 1
    bericht = geweigerd[0]
    assert f"gebruiker=politie id={gebruiker.pk}" in bericht
    assert "methode=POST pad=/test/403/ ip=127.0.0.1" in bericht
    assert "vertrouwelijk" not in beveiligingslog.text  # never the request body
    assert "privé" not in beveiligingslog.text  # nor the query string


def test_geweigerde_toegang_tot_beheer_wordt_gelogd(wereld, client_voor, beveiligingslog):
    hele = wereld.buurt_a.subgebieden.get(soort="hele_buurt")
    client = client_voor(wereld["beheerder"])
    antwoord = client.get(reverse("admin:buurten_subgebied_delete", args=[hele.pk]))
    assert antwoord.status_code == 403
    assert any(
        "Toegang geweigerd: gebruiker=beheerder" in r.getMessage() for r in beveiligingslog.records
    )


@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    "pad",
    ["/test/database-weg/", "/test/verbinding-dicht/", "/test/verpakt/", "/test/redis-weg/"],
)
def test_database_storing_geeft_503_zonder_interne_details(wereld, pad):
    client = Client(raise_request_exception=False)
    client.force_login(wereld["teamleider"])
    antwoord = client.get(pad)
    inhoud = _controleer(antwoord, 503, "Tijdelijk niet beschikbaar")
    assert antwoord["Retry-After"].isdigit()
    assert "no-store" in antwoord["Cache-Control"]
    for intern in ("5432", "6379", "10.0.0.", "statement", "OperationalError", "connect"):
        assert intern not in inhoud
    assert "teamleider" not in inhoud.lower() and "Uitloggen" not in inhoud


@override_settings(DEBUG=False)
def test_database_storing_in_een_middleware_geeft_ook_503(wereld, monkeypatch):
    """The session is read by a middleware, before any view: that path answers 503 too."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import OperationalError

    client = Client(raise_request_exception=False)
    client.force_login(wereld["medewerker_gemeente"])

    def weg(self):
        raise OperationalError("geheime reden")

    monkeypatch.setattr(SessionStore, "load", weg)
    _controleer(client.get(reverse("home")), 503, "Tijdelijk niet beschikbaar")


@override_settings(DEBUG=False)
def test_andere_databasefouten_blijven_500(wereld):
    client = Client(raise_request_exception=False)
    _controleer(client.get("/test/dubbel/"), 500, "Er ging iets mis")
