"""Importing buurt boundaries: matched on CBS code, all or nothing, a dry run writes nothing."""

import pytest

from buurten import grenzen
from buurten.demo import buurten_laden
from buurten.grenzen import GrensFout
from buurten.models import Buurt, Buurtgrens
from buurten.services import buurtgrenzen_importeren
from tests.buurten.factories import BuurtFactory
from tests.buurten.geojson import MAASTRICHT_GEOJSON, collectie, feature, polygoon, vierkant

pytestmark = pytest.mark.django_db

RD_NEW = polygoon([[176000, 317000], [177000, 317000], [177000, 318000], [176000, 317000]])
OPEN_RING = polygoon(vierkant()[:-1] + [[5.7, 50.9]])


@pytest.fixture
def drie():
    return [BuurtFactory(cbs_code=f"BU0935000{n}", naam=f"Buurt {n}") for n in range(3)]


def _grenzen() -> dict[str, dict]:
    return dict(Buurtgrens.objects.values_list("buurt__cbs_code", "geometrie"))


def test_maastricht_alle_44_buurten_met_kaartpad():
    buurten_laden()  # the demo's CSV and GeoJSON
    assert Buurtgrens.objects.count() == 44
    wyck = Buurtgrens.objects.get(buurt__cbs_code="BU09350006")
    vorm = grenzen.kaartvorm(wyck.geometrie)
    assert (wyck.pad, wyck.kader, wyck.midden) == (vorm.pad, vorm.kader, vorm.midden)
    assert wyck.pad.startswith("M") and wyck.pad.endswith("Z")

    # Loading again changes nothing.
    uitkomst = buurtgrenzen_importeren(inhoud=MAASTRICHT_GEOJSON.read_bytes())
    assert (uitkomst.nieuw, uitkomst.gewijzigd, len(uitkomst.ongewijzigd)) == ([], [], 44)


def test_nieuw_gewijzigd_ongewijzigd_en_niet_in_bestand(drie):
    buurtgrenzen_importeren(inhoud=collectie(feature("BU09350000"), feature("BU09350001")))
    oud_pad = Buurtgrens.objects.get(buurt=drie[1]).pad

    verschoven = polygoon(vierkant(5.70, 50.86))
    uitkomst = buurtgrenzen_importeren(
        inhoud=collectie(feature("BU09350001", verschoven), feature("BU09350002"))
    )
    assert uitkomst.proefdraai is False
    assert uitkomst.nieuw == ["BU09350002"]
    assert uitkomst.gewijzigd == ["BU09350001"]
    assert uitkomst.ongewijzigd == []
    assert uitkomst.niet_in_bestand == ["BU09350000"]  # keeps the boundary it had

    grens = Buurtgrens.objects.get(buurt=drie[1])
    assert grens.geometrie == verschoven
    assert grens.pad != oud_pad and grens.pad == grenzen.kaartvorm(verschoven).pad
    assert set(_grenzen()) == {"BU09350000", "BU09350001", "BU09350002"}


def test_proefdraai_meldt_maar_schrijft_niets(drie):
    buurtgrenzen_importeren(inhoud=collectie(feature("BU09350000")))
    voor = _grenzen()
    uitkomst = buurtgrenzen_importeren(
        inhoud=collectie(
            feature("BU09350000", polygoon(vierkant(5.70, 50.86))), feature("BU09350001")
        ),
        proefdraai=True,
    )
    assert uitkomst.proefdraai is True
    assert (uitkomst.nieuw, uitkomst.gewijzigd) == (["BU09350001"], ["BU09350000"])
    assert _grenzen() == voor


@pytest.mark.parametrize(
    ("slecht", "melding"),
    [
        (feature("BU09350002", RD_NEW), "RD New"),
        (feature("BU09350002", OPEN_RING), "ring 1 is niet gesloten"),
        (feature("BU09359999", naam="Nergens"), "CBS-code BU09359999 (Nergens) is onbekend"),
    ],
)
def test_een_fout_en_er_wordt_niets_geimporteerd(drie, slecht, melding):
    buurtgrenzen_importeren(inhoud=collectie(feature("BU09350000")))
    voor = _grenzen()
    nieuw = polygoon(vierkant(5.70, 50.86))
    with pytest.raises(GrensFout) as fout:
        buurtgrenzen_importeren(
            inhoud=collectie(feature("BU09350000", nieuw), feature("BU09350001"), slecht)
        )
    assert len(fout.value.fouten) == 1 and melding in fout.value.fouten[0]
    assert _grenzen() == voor


def test_verkeerd_coordinatenstelsel_niets_geimporteerd(drie):
    rd = {"type": "name", "properties": {"name": "EPSG:28992"}}
    with pytest.raises(GrensFout, match="Verkeerd coördinatenstelsel"):
        buurtgrenzen_importeren(inhoud=collectie(feature("BU09350000"), crs=rd))
    assert not Buurtgrens.objects.exists()


def test_alle_fouten_samen_gemeld(drie):
    with pytest.raises(GrensFout) as fout:
        buurtgrenzen_importeren(
            inhoud=collectie(feature("BU09350000", OPEN_RING), feature("BU09359999"))
        )
    assert len(fout.value.fouten) == 2
    assert "BU09350000" in fout.value.fouten[0] and "BU09359999" in fout.value.fouten[1]


def test_fout_tijdens_schrijven_rolt_alles_terug(drie, monkeypatch):
    opslaan = Buurtgrens.save
    teller = []

    def derde_mislukt(self, *args, **kwargs):
        teller.append(self.buurt_id)
        if len(teller) == 3:
            raise RuntimeError("schijf vol")
        return opslaan(self, *args, **kwargs)

    monkeypatch.setattr(Buurtgrens, "save", derde_mislukt)
    with pytest.raises(RuntimeError):
        buurtgrenzen_importeren(
            inhoud=collectie(feature("BU09350000"), feature("BU09350001"), feature("BU09350002"))
        )
    assert not Buurtgrens.objects.exists()


def test_buurt_zonder_code_wordt_niet_gematcht(drie):
    BuurtFactory(cbs_code=None, naam="Zonder code")
    uitkomst = buurtgrenzen_importeren(inhoud=collectie(feature("BU09350000")))
    assert uitkomst.niet_in_bestand == ["BU09350001", "BU09350002"]


def test_grens_verdwijnt_met_de_buurt(drie):
    buurtgrenzen_importeren(inhoud=collectie(feature("BU09350000")))
    Buurt.objects.filter(pk=drie[0].pk).delete()
    assert not Buurtgrens.objects.exists()


def test_model_controleert_en_leidt_af(drie):
    from django.core.exceptions import ValidationError

    grens = Buurtgrens(buurt=drie[0], geometrie=OPEN_RING)
    with pytest.raises(ValidationError) as fout:
        grens.full_clean()
    assert "ring 1 is niet gesloten" in str(fout.value.message_dict["geometrie"])

    grens = Buurtgrens(buurt=drie[0], geometrie=polygoon())
    grens.save()
    grens.geometrie = polygoon(vierkant(5.70, 50.86))
    grens.save(update_fields=["geometrie"])  # the derived fields are saved with it
    grens.refresh_from_db()
    assert grens.pad == grenzen.kaartvorm(polygoon(vierkant(5.70, 50.86))).pad
