"""Two-factor authentication: compulsory set-up for teamleiders and beheerders, TOTP login,
backup codes."""

import re
from base64 import b32decode

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.inloggen import code_gegevens, inloggen
from tests.partners.factories import WACHTWOORD, MedewerkerFactory
from tests.test_toegang import OPENBAAR
from tests.url_wandeling import alle_urls

pytestmark = [pytest.mark.django_db, pytest.mark.security]

SETUP = "/2fa/instellen/"
VERPLICHT = override_settings(VBT_2FA_VERPLICHT=True)


def _code(device) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def _met_apparaat(gebruiker):
    return TOTPDevice.objects.create(user=gebruiker, name="default", confirmed=True)


def _inloggen_met_code(client, gebruiker, device):
    antwoord = inloggen(client, gebruiker.username, WACHTWOORD)
    assert antwoord.status_code == 200  # the code step
    assert 'name="token-otp_token"' in antwoord.content.decode()
    return client.post(reverse("login"), code_gegevens(_code(device)))


# Every page a user who has to set up 2FA must not reach.
AFGESCHERMD = [
    u
    for u in alle_urls()
    if u.naam not in OPENBAAR
    and not u.naam.startswith("two_factor:")
    and u.naam not in {"logout", "admin:logout"}
]


def test_two_factor_paginas_zijn_niet_openbaar():
    assert not {u.naam for u in alle_urls() if u.naam.startswith("two_factor:")} & OPENBAAR


@VERPLICHT
@pytest.mark.parametrize("url", AFGESCHERMD, ids=lambda u: u.naam)
def test_teamleider_zonder_apparaat_moet_eerst_2fa_instellen(client_voor, url):
    client = client_voor(MedewerkerFactory(teamleider=True))
    antwoord = client.get(url.pad)
    assert antwoord.status_code == 302, url.pad
    assert antwoord["Location"] == SETUP


@VERPLICHT
@pytest.mark.parametrize("rol", ["teamleider", "beheerder"])
def test_verplichte_rollen_komen_wel_bij_instellen_en_uitloggen(client_voor, rol):
    client = client_voor(MedewerkerFactory(**{rol: True}))
    assert client.get(reverse("home"))["Location"] == SETUP
    assert client.get(SETUP).status_code == 200
    assert client.post(reverse("logout"))["Location"] == reverse("login")


@VERPLICHT
def test_medewerker_hoeft_geen_2fa(client_voor):
    assert client_voor(MedewerkerFactory()).get(reverse("home")).status_code == 200


@override_settings(VBT_2FA_VERPLICHT=True, VBT_2FA_IEDEREEN=True)
def test_2fa_voor_iedereen(client_voor):
    assert client_voor(MedewerkerFactory()).get(reverse("home"))["Location"] == SETUP


def test_zonder_verplichting_komt_teamleider_overal(client_voor):
    assert client_voor(MedewerkerFactory(teamleider=True)).get(reverse("home")).status_code == 200


def test_gebruiker_zonder_apparaat_logt_in_met_alleen_wachtwoord(client):
    MedewerkerFactory(username="teamleider", teamleider=True)
    antwoord = inloggen(client, "teamleider", WACHTWOORD)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("home")


@VERPLICHT
def test_teamleider_met_apparaat_en_code_komt_erdoor(client):
    teamleider = MedewerkerFactory(teamleider=True)
    device = _met_apparaat(teamleider)
    antwoord = _inloggen_met_code(client, teamleider, device)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200


def test_verkeerde_code_logt_niet_in(client):
    teamleider = MedewerkerFactory(teamleider=True)
    _met_apparaat(teamleider)
    inloggen(client, teamleider.username, WACHTWOORD)
    antwoord = client.post(reverse("login"), code_gegevens("000000"))
    assert antwoord.status_code == 200
    assert client.get(reverse("home")).status_code == 302


@VERPLICHT
def test_apparaat_maar_sessie_zonder_code_moet_opnieuw_inloggen(client_voor):
    teamleider = MedewerkerFactory(teamleider=True)
    _met_apparaat(teamleider)
    client = client_voor(teamleider)  # a session that never gave a code
    antwoord = client.get(reverse("home"))
    assert antwoord["Location"].startswith(reverse("login"))
    assert client.get(reverse("home"))["Location"].startswith(reverse("login"))  # logged out


def test_beheer_login_stuurt_naar_onze_login_met_code(client):
    antwoord = client.get(reverse("admin:login") + "?next=/beheer/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("login") + "?next=/beheer/"


@VERPLICHT
def test_2fa_instellen_met_authenticator_app(client_voor):
    teamleider = MedewerkerFactory(teamleider=True)
    client = client_voor(teamleider)
    client.get(SETUP)
    # With TOTP the only method, the method step is skipped: welcome leads to the QR code.
    antwoord = client.post(SETUP, {"setup_view-current_step": "welcome"})
    assert antwoord.status_code == 200
    assert 'src="/2fa/instellen/qrcode/"' in antwoord.content.decode()
    qr = client.get("/2fa/instellen/qrcode/")
    assert qr.status_code == 200 and qr["Content-Type"].startswith("image/svg+xml")
    sleutel = client.session["django_two_factor-qr_secret_key"]
    device = TOTPDevice(user=teamleider, key=b32decode(sleutel).hex())
    antwoord = client.post(
        SETUP, {"setup_view-current_step": "generator", "generator-token": _code(device)}
    )
    assert antwoord.status_code == 302
    assert TOTPDevice.objects.filter(user=teamleider, confirmed=True).exists()
    assert client.get(reverse("home")).status_code == 200  # this session is now verified


def test_reservecodes_aanmaken_en_gebruiken(client):
    gebruiker = MedewerkerFactory(teamleider=True)
    _inloggen_met_code(client, gebruiker, _met_apparaat(gebruiker))
    antwoord = client.post(reverse("two_factor:backup_tokens"))
    assert antwoord.status_code == 302
    codes = list(StaticToken.objects.filter(device__user=gebruiker).values_list("token", flat=True))
    assert len(codes) == 10
    pagina = client.get(reverse("two_factor:backup_tokens")).content.decode()
    assert all(code in pagina for code in codes)

    client.post(reverse("logout"))
    inloggen(client, gebruiker.username, WACHTWOORD)
    antwoord = client.post(reverse("login"), code_gegevens(codes[0], stap="backup"))
    assert antwoord.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    assert not StaticToken.objects.filter(token=codes[0]).exists()  # each code works once


def test_inlogpagina_toont_nederlandse_codestap(client):
    gebruiker = MedewerkerFactory(teamleider=True)
    _met_apparaat(gebruiker)
    inhoud = inloggen(client, gebruiker.username, WACHTWOORD).content.decode()
    assert "authenticator-app" in inhoud
    assert re.search(r"<html lang=\"nl\"", inhoud)
