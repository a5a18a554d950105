"""manage.py importeer_buurtgrenzen: a thin command over buurtgrenzen_importeren."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from buurten.models import Buurtgrens
from tests.buurten.factories import BuurtFactory
from tests.buurten.geojson import collectie, feature, polygoon, vierkant

pytestmark = pytest.mark.django_db


@pytest.fixture
def bestand(tmp_path):
    def maak(inhoud: str, naam="grenzen.geojson"):
        pad = tmp_path / naam
        pad.write_text(inhoud, encoding="utf-8")
        return pad

    return maak


@pytest.fixture
def buurten():
    return [BuurtFactory(cbs_code=f"BU0935000{n}") for n in range(2)]


def _draai(*args) -> str:
    uit = StringIO()
    call_command("importeer_buurtgrenzen", *map(str, args), stdout=uit)
    return uit.getvalue()


def test_importeert_en_meldt(bestand, buurten):
    uitvoer = _draai(bestand(collectie(feature("BU09350000"))))
    assert "nieuw: 1 (BU09350000)" in uitvoer
    assert "niet in het bestand (houden hun grens): 1 (BU09350001)" in uitvoer
    assert "Buurtgrenzen geïmporteerd." in uitvoer
    assert Buurtgrens.objects.filter(buurt=buurten[0]).exists()


def test_dry_run_slaat_niets_op(bestand, buurten):
    uitvoer = _draai(bestand(collectie(feature("BU09350000"), feature("BU09350001"))), "--dry-run")
    assert "Proefdraai: er is niets opgeslagen" in uitvoer
    assert "nieuw: 2 (BU09350000, BU09350001)" in uitvoer
    assert "geïmporteerd" not in uitvoer
    assert not Buurtgrens.objects.exists()


def test_fouten_in_het_nederlands_en_niets_opgeslagen(bestand, buurten):
    rd = polygoon([[176000, 317000], [177000, 317000], [177000, 318000], [176000, 317000]])
    open_ring = polygoon(vierkant()[:-1] + [[5.7, 50.9]])
    pad = bestand(
        collectie(
            feature("BU09350000"),
            feature("BU09350001", rd),
            feature("BU09350002", open_ring),
            feature("BU09359999"),
        )
    )
    with pytest.raises(CommandError) as fout:
        _draai(pad)
    melding = str(fout.value)
    assert melding.startswith(f"Niets geïmporteerd: 3 fout(en) in {pad}.")
    assert "- Feature 2 (BU09350001): ring 1: coördinaat [176000, 317000]" in melding
    assert "- Feature 3 (BU09350002): ring 1 is niet gesloten" in melding
    assert (
        "- CBS-code BU09359999 is onbekend: er is geen buurt met deze code. Vul de code in bij "
        "de buurt in het beheer, of haal de feature uit het bestand." in melding
    )
    assert not Buurtgrens.objects.exists()


def test_onleesbaar_bestand(tmp_path, buurten):
    with pytest.raises(CommandError, match="Kan .*bestaat-niet.geojson niet lezen"):
        _draai(tmp_path / "bestaat-niet.geojson")
