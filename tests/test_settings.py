"""Production settings refuse to start without their secrets."""

import os
import subprocess
import sys

import pytest

BASIS = {
    "DJANGO_SETTINGS_MODULE": "vbt.settings.production",
    "SECRET_KEY": "s" * 60,
    "ALLOWED_HOSTS": "vbt.example.nl",
    "VBT_STEUN_PEPPER": "peper",
}


def _laad(**weglaten):
    env = {k: v for k, v in os.environ.items() if k not in BASIS}
    env.update({k: v for k, v in BASIS.items() if k not in weglaten})
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_productie_start_met_alle_geheimen():
    assert _laad().returncode == 0


@pytest.mark.parametrize("variabele", ["SECRET_KEY", "ALLOWED_HOSTS", "VBT_STEUN_PEPPER"])
def test_productie_weigert_zonder(variabele):
    resultaat = _laad(**{variabele: True})
    assert resultaat.returncode != 0
    assert "ImproperlyConfigured" in resultaat.stderr
    assert variabele in resultaat.stderr
