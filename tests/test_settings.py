"""Production settings refuse to start without their secrets."""

import os
import subprocess
import sys
from pathlib import Path

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


def test_elke_variabele_staat_in_de_readme():
    """Every environment variable the settings and gunicorn.conf.py read is in the README's
    configuration table."""
    code = (
        "import runpy, django; django.setup(); runpy.run_path('gunicorn.conf.py'); "
        "from vbt.settings.env import VARIABELEN; print('\\n'.join(sorted(VARIABELEN)))"
    )
    env = {k: v for k, v in os.environ.items() if k not in BASIS}
    env.update(BASIS)
    basis = Path(__file__).resolve().parent.parent
    uitkomst = subprocess.run(
        [sys.executable, "-c", code], cwd=basis, env=env, capture_output=True, text=True, check=True
    )
    variabelen = uitkomst.stdout.split()
    assert "DATABASE_URL" in variabelen and "GUNICORN_TIMEOUT" in variabelen
    readme = (basis / "README.md").read_text()
    tabel = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    assert [v for v in variabelen if f"| `{v}`" not in tabel and f", `{v}`" not in tabel] == []
