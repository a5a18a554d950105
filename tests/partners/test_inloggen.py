"""Login throttling (django-axes), the security log and the session rules."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from tests.inloggen import inloggen
from tests.partners.factories import WACHTWOORD, MedewerkerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.security]

IP = "10.1.2.3"


@pytest.fixture
def gebruiker(db):
    return MedewerkerFactory(username="gmeertens")


def _ingelogd(client) -> bool:
    return client.get(reverse("home")).status_code == 200


def _vijf_keer_fout(client, username, ip=IP):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        antwoord = inloggen(client, username, "verkeerd-wachtwoord", REMOTE_ADDR=ip)
    return antwoord


def test_vijf_fouten_blokkeren_ook_het_juiste_wachtwoord(client, gebruiker):
    _vijf_keer_fout(client, "gmeertens")
    antwoord = inloggen(client, "gmeertens", WACHTWOORD, REMOTE_ADDR=IP)
    assert antwoord.status_code == 429
    inhoud = antwoord.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in inhoud
    assert "over 15 minuten opnieuw" in inhoud
    assert "gmeertens" not in inhoud  # the username is not echoed
    assert not _ingelogd(client)


def test_vier_fouten_blokkeren_nog_niet(client, gebruiker):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert inloggen(client, "gmeertens", "fout", REMOTE_ADDR=IP).status_code == 200
    assert inloggen(client, "gmeertens", WACHTWOORD, REMOTE_ADDR=IP).status_code == 302


def test_onbekende_gebruikersnaam_krijgt_hetzelfde_antwoord(client, gebruiker):
    _vijf_keer_fout(client, "gmeertens")
    bekend = inloggen(client, "gmeertens", WACHTWOORD, REMOTE_ADDR=IP)
    _vijf_keer_fout(client, "bestaat-niet")
    onbekend = inloggen(client, "bestaat-niet", "wat-dan-ook", REMOTE_ADDR=IP)
    assert onbekend.status_code == bekend.status_code == 429
    assert onbekend.content == bekend.content


def test_gelukt_inloggen_zet_de_teller_terug(client, gebruiker):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        inloggen(client, "gmeertens", "fout", REMOTE_ADDR=IP)
    assert inloggen(client, "gmeertens", WACHTWOORD, REMOTE_ADDR=IP).status_code == 302
    client.post(reverse("logout"))
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        inloggen(client, "gmeertens", "fout", REMOTE_ADDR=IP)
    assert inloggen(client, "gmeertens", WACHTWOORD, REMOTE_ADDR=IP).status_code == 302


def test_ander_ip_adres_is_niet_geblokkeerd(client, gebruiker):
    _vijf_keer_fout(client, "gmeertens", ip="10.0.0.1")
    antwoord = inloggen(client, "gmeertens", WACHTWOORD, REMOTE_ADDR="10.0.0.2")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("home")


def test_blokkade_vervalt_na_15_minuten(client, gebruiker):
    with time_machine.travel(timezone.now(), tick=False) as reis:
        _vijf_keer_fout(client, "gmeertens")
        reis.shift(timedelta(minutes=16))
        assert inloggen(client, "gmeertens", WACHTWOORD, REMOTE_ADDR=IP).status_code == 302


def test_inloggen_wordt_gelogd_zonder_wachtwoord(client, gebruiker, beveiligingslog):
    inloggen(client, "gmeertens", "geheim-fout-1", REMOTE_ADDR=IP)
    inloggen(client, "gmeertens", WACHTWOORD, REMOTE_ADDR=IP)
    berichten = [r.getMessage() for r in beveiligingslog.records if r.name == "vbt.beveiliging"]
    assert any("Inloggen mislukt" in b and "'gmeertens'" in b and IP in b for b in berichten)
    assert any("Inloggen gelukt" in b and "gmeertens" in b and IP in b for b in berichten)
    alles = beveiligingslog.text
    assert "geheim-fout-1" not in alles and WACHTWOORD not in alles


def test_blokkade_wordt_gelogd(client, gebruiker, beveiligingslog):
    _vijf_keer_fout(client, "gmeertens")
    berichten = [r.getMessage() for r in beveiligingslog.records if r.name == "vbt.beveiliging"]
    assert any("Inloggen geblokkeerd" in b and IP in b for b in berichten)


def test_sessiesleutel_wisselt_bij_inloggen(client, gebruiker):
    client.get(reverse("login"))
    voor = client.session.session_key
    assert voor
    inloggen(client, "gmeertens", WACHTWOORD)
    na = client.session.session_key
    assert na and na != voor
    assert not Session.objects.filter(session_key=voor).exists()


def test_sessie_verloopt_na_30_minuten_niets_doen(client, gebruiker):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    with time_machine.travel(timezone.now(), tick=False) as reis:
        inloggen(client, "gmeertens", WACHTWOORD)
        reis.shift(timedelta(minutes=29))
        assert _ingelogd(client)  # activity renews the 30 minutes
        reis.shift(timedelta(minutes=29))
        assert _ingelogd(client)
        reis.shift(timedelta(minutes=31))
        antwoord = client.get(reverse("home"))
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("login"))


def test_sessie_eindigt_na_10_uur_ook_bij_activiteit(client, gebruiker):
    with time_machine.travel(timezone.now(), tick=False) as reis:
        inloggen(client, "gmeertens", WACHTWOORD)
        for _ in range(29):  # 29 x 20 minutes = 9 h 40 min of steady activity
            reis.shift(timedelta(minutes=20))
            assert _ingelogd(client)
        reis.shift(timedelta(minutes=25))  # 10 h 05 min after login
        antwoord = client.get(reverse("home"))
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("login"))
    assert not client.session.get("_auth_user_id")


def test_uitloggen_beeindigt_de_sessie(client, gebruiker):
    inloggen(client, "gmeertens", WACHTWOORD)
    sleutel = client.session.session_key
    assert Session.objects.filter(session_key=sleutel).exists()
    client.post(reverse("logout"))
    assert not Session.objects.filter(session_key=sleutel).exists()
    assert not _ingelogd(client)


def test_deactiveren_beeindigt_alle_sessies_van_die_gebruiker(gebruiker):
    telefoon, laptop, collega = Client(), Client(), Client()
    telefoon.force_login(gebruiker)
    laptop.force_login(gebruiker)
    collega.force_login(MedewerkerFactory(username="collega"))
    sleutels = {telefoon.session.session_key, laptop.session.session_key}

    gebruiker.is_active = False
    gebruiker.save()

    assert not Session.objects.filter(session_key__in=sleutels).exists()
    assert Session.objects.filter(session_key=collega.session.session_key).exists()
    assert _ingelogd(collega)
    assert not _ingelogd(telefoon)


@override_settings(SESSION_ENGINE="django.contrib.sessions.backends.cached_db")
def test_deactiveren_beeindigt_ook_de_sessies_in_de_cache(gebruiker):
    """With REDIS_URL sessions are cached_db: in the database and in the (shared) cache. Both
    copies go, so no server reads the session from the cache afterwards."""
    from django.contrib.sessions.backends.cached_db import KEY_PREFIX, SessionStore

    telefoon = Client()
    telefoon.force_login(gebruiker)
    sleutel = telefoon.session.session_key
    assert _ingelogd(telefoon)
    assert caches[settings.SESSION_CACHE_ALIAS].get(KEY_PREFIX + sleutel) is not None

    gebruiker.is_active = False
    gebruiker.save()

    assert caches[settings.SESSION_CACHE_ALIAS].get(KEY_PREFIX + sleutel) is None
    assert not Session.objects.filter(session_key=sleutel).exists()
    assert not SessionStore(session_key=sleutel).exists(sleutel)
    assert not _ingelogd(telefoon)


def test_opslaan_zonder_deactiveren_laat_sessies_staan(gebruiker):
    client = Client()
    client.force_login(gebruiker)
    gebruiker.first_name = "Gijs"
    gebruiker.save()
    assert _ingelogd(client)


def test_sessie_wordt_hoogstens_eens_per_minuut_vernieuwd(client, gebruiker):
    """An active user keeps the session without a database write on every page."""
    with time_machine.travel(timezone.now(), tick=False) as reis:
        inloggen(client, "gmeertens", WACHTWOORD)
        client.get(reverse("home"))
        verloopt = Session.objects.get(session_key=client.session.session_key).expire_date
        reis.shift(timedelta(seconds=30))
        client.get(reverse("home"))
        assert Session.objects.get(session_key=client.session.session_key).expire_date == verloopt
        reis.shift(timedelta(seconds=31))
        client.get(reverse("home"))
        nieuw = Session.objects.get(session_key=client.session.session_key).expire_date
        assert nieuw > verloopt
