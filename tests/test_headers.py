"""Security headers on every page; no inline script or style for the CSP to forbid."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.security

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)


def _richtlijnen(header: str) -> set[str]:
    return {deel.strip() for deel in header.split(";") if deel.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("naam", ["login", "home", "admin:index", "two_factor:profile"])
def test_beveiligingsheaders(wereld, client_voor, naam):
    antwoord = client_voor(wereld["beheerder"]).get(reverse(naam))
    assert antwoord.status_code == 200
    assert _richtlijnen(antwoord["Content-Security-Policy"]) == _richtlijnen(CSP)
    assert antwoord["X-Frame-Options"] == "DENY"
    assert antwoord["X-Content-Type-Options"] == "nosniff"
    assert antwoord["Referrer-Policy"] == "same-origin"
    assert antwoord["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in antwoord  # production only (and only over https)


@pytest.mark.django_db
def test_ingelogde_paginas_worden_niet_bewaard(wereld, client_voor):
    antwoord = client_voor(wereld["medewerker_gemeente"]).get(reverse("home"))
    assert antwoord["Cache-Control"] == "no-store, private"
    assert "Cookie" in antwoord["Vary"]


@pytest.mark.django_db
def test_eigen_cache_header_blijft_staan(wereld, client_voor):
    antwoord = client_voor(wereld["beheerder"]).get(reverse("admin:index"))
    assert "no-store" in antwoord["Cache-Control"]  # the admin's never_cache, left alone
    assert "Cookie" in antwoord["Vary"]


@pytest.mark.django_db
def test_anonieme_gezondheidscheck_houdt_eigen_headers(client):
    antwoord = client.get(reverse("gezond"))
    assert "private" in antwoord["Cache-Control"]  # never_cache, not ours


def test_templates_hebben_geen_inline_script_of_style():
    fouten = []
    for pad in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        tekst = pad.read_text()
        if re.search(r"\sstyle=", tekst) or re.search(r"<style[\s>]", tekst):
            fouten.append(f"{pad}: inline style")
        if re.search(r"<script(?![^>]*\ssrc=)[^>]*>", tekst):
            fouten.append(f"{pad}: inline script")
        if re.search(r"\son[a-z]+=|javascript:", tekst):
            fouten.append(f"{pad}: event handler or javascript: URL")
    assert not fouten, fouten


def _productie_instelling(code: str) -> str:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "vbt.settings.production",
        "SECRET_KEY": "s" * 60,
        "ALLOWED_HOSTS": "vbt.example.nl",
        "VBT_STEUN_PEPPER": "peper",
    }
    env.pop("VBT_2FA_VERPLICHT", None)
    resultaat = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings; {code}",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return resultaat.stdout.strip()


def test_productie_heeft_hsts_en_verplichte_2fa():
    uitvoer = _productie_instelling(
        "print(settings.SECURE_HSTS_SECONDS, settings.SECURE_SSL_REDIRECT, "
        "settings.VBT_2FA_VERPLICHT, settings.VBT_2FA_IEDEREEN)"
    )
    assert uitvoer == "31536000 True True False"


def test_2fa_standaard_niet_verplicht_buiten_productie():
    assert settings.VBT_2FA_VERPLICHT is False
    assert settings.VBT_2FA_IEDEREEN is False
