"""Reading, checking and projecting buurt boundaries: pure functions, no database."""

import json
import math
import re

import pytest

from buurten import grenzen
from tests.buurten.geojson import (
    MAASTRICHT_GEOJSON,
    collectie,
    feature,
    polygoon,
    vierkant,
)


def fouten(inhoud) -> list[str]:
    return grenzen.lees_grenzen(inhoud)[1]


def test_het_bestand_van_maastricht_is_goed():
    gelezen, problemen = grenzen.lees_grenzen(MAASTRICHT_GEOJSON.read_bytes())
    assert problemen == []
    assert len(gelezen) == 44
    assert {g.code[:6] for g in gelezen} == {"BU0935"}
    wyck = next(g for g in gelezen if g.code == "BU09350006")
    assert wyck.naam == "Wyck" and wyck.geometrie["type"] == "Polygon"


def test_goede_collectie_met_crs84_en_multipolygon():
    multi = {"type": "MultiPolygon", "coordinates": [[vierkant()], [vierkant(5.71, 50.86)]]}
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
    gelezen, problemen = grenzen.lees_grenzen(
        collectie(feature("BU09350000"), feature("BU09350001", multi), crs=crs)
    )
    assert problemen == []
    assert [g.code for g in gelezen] == ["BU09350000", "BU09350001"]


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        ("{kapot", "Het bestand is geen geldige JSON"),
        (json.dumps({"type": "Feature"}), "geen GeoJSON FeatureCollection"),
        (collectie(), "Het bestand bevat geen features."),
    ],
)
def test_onbruikbaar_bestand(inhoud, melding):
    (fout,) = fouten(inhoud)
    assert melding in fout


def test_ander_coordinatenstelsel_in_crs():
    rd = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}
    (fout,) = fouten(collectie(feature("BU09350000"), crs=rd))
    assert fout.startswith("Verkeerd coördinatenstelsel")
    assert "urn:ogc:def:crs:EPSG::28992" in fout and "WGS84" in fout


def test_coordinaten_in_rd_new_meters():
    ring = [[176000, 317000], [177000, 317000], [177000, 318000], [176000, 317000]]
    (fout,) = fouten(collectie(feature("BU09350002", polygoon(ring), naam="Kommelkwartier")))
    assert fout.startswith("Feature 1 (BU09350002, Kommelkwartier): ring 1: coördinaat")
    assert "[176000, 317000]" in fout and "RD New" in fout and "WGS84" in fout


def test_lengte_en_breedte_omgewisseld():
    ring = [[breedte, lengte] for lengte, breedte in vierkant()]
    (fout,) = fouten(collectie(feature("BU09350000", polygoon(ring))))
    assert "ligt niet in Nederland" in fout and "omgewisseld" in fout


def test_open_ring():
    ring = vierkant()[:-1] + [[5.695, 50.851]]
    (fout,) = fouten(collectie(feature("BU09350000"), feature("BU09350001", polygoon(ring))))
    assert fout == (
        "Feature 2 (BU09350001): ring 1 is niet gesloten: het eerste en het laatste punt "
        "verschillen."
    )


def test_ring_met_te_weinig_punten():
    ring = [[5.69, 50.85], [5.70, 50.85], [5.69, 50.85]]
    (fout,) = fouten(collectie(feature("BU09350000", polygoon(ring))))
    assert "ring 1 heeft 3 punten; een gesloten ring heeft er minstens 4" in fout


def test_gat_wordt_ook_gecontroleerd():
    gat = vierkant(5.692, 50.852, 0.002)[:-1] + [[5.693, 50.853]]
    geometrie = {"type": "Polygon", "coordinates": [vierkant(), gat]}
    (fout,) = fouten(collectie(feature("BU09350000", geometrie)))
    assert "ring 2 is niet gesloten" in fout


@pytest.mark.parametrize(
    ("geometrie", "melding"),
    [
        ({"type": "Point", "coordinates": [5.69, 50.85]}, "de geometrie is een Point"),
        ({"type": "Polygon", "coordinates": []}, "geen coördinaten"),
        ({"type": "Polygon", "coordinates": [[[5.69, "50.85"]] * 4]}, "iets anders dan getallen"),
        ({"type": "Polygon", "coordinates": [[[5.69]] * 4]}, "geen [lengte, breedte]"),
    ],
)
def test_verkeerde_geometrie(geometrie, melding):
    inhoud = collectie(
        {"type": "Feature", "geometry": geometrie, "properties": {"statcode": "BU09350000"}}
    )
    (fout,) = fouten(inhoud)
    assert fout.startswith("Feature 1 (BU09350000): ") and melding in fout


def test_zonder_of_met_verkeerde_code_en_dubbele_code():
    zonder = {"type": "Feature", "geometry": polygoon(), "properties": {"naam": "X"}}
    problemen = fouten(
        collectie(zonder, feature("0935-00"), feature("BU09350000"), feature("BU09350000"))
    )
    assert problemen == [
        "Feature 1 (zonder CBS-code): geen CBS-buurtcode in 'statcode' of 'buurtcode'.",
        "Feature 2 (0935-00): '0935-00' is geen CBS-buurtcode (BU en 8 cijfers).",
        "Feature 4: CBS-code BU09350000 staat ook al in feature 3.",
    ]


def test_alle_fouten_in_een_keer():
    rd = polygoon([[176000, 317000], [177000, 317000], [177000, 318000], [176000, 317000]])
    open_ring = polygoon(vierkant()[:-1] + [[5.7, 50.9]])
    gelezen, problemen = grenzen.lees_grenzen(
        collectie(
            feature("BU09350000", rd), feature("BU09350001"), feature("BU09350002", open_ring)
        )
    )
    assert [p.split(":")[0] for p in problemen] == [
        "Feature 1 (BU09350000)",
        "Feature 3 (BU09350002)",
    ]
    assert [g.code for g in gelezen] == ["BU09350001"]


# --- Projection -----------------------------------------------------------------------------


def test_projectie_in_meters_geschaald_op_de_breedte_van_maastricht():
    assert grenzen.projecteer(5.69, 50.85) == (0, 0)
    oost, _ = grenzen.projecteer(5.70, 50.85)
    _, noord = grenzen.projecteer(5.69, 50.86)
    # 0.01° of latitude is 1112 m everywhere; 0.01° of longitude at 50.85° N only 702 m.
    assert noord == -1112  # north is up: SVG's y grows downwards
    assert oost == 702
    assert oost / -noord == pytest.approx(math.cos(math.radians(50.85)), abs=0.001)


def test_kaartvorm_van_een_vierkant():
    vorm = grenzen.kaartvorm(polygoon(vierkant(5.69, 50.85, 0.01)))
    # Closed with Z: the repeated first point is not written twice.
    assert vorm.pad == "M0 0L702 0 702 -1112 0 -1112Z"
    assert vorm.kader == [0, -1112, 702, 0]
    assert vorm.midden == [351, -556]


def test_kaartvorm_van_multipolygon_en_gat():
    multi = {
        "type": "MultiPolygon",
        "coordinates": [
            [vierkant(5.69, 50.85, 0.01), vierkant(5.692, 50.852, 0.002)],
            [vierkant(5.71, 50.85, 0.005)],
        ],
    }
    vorm = grenzen.kaartvorm(multi)
    assert vorm.pad.count("M") == 3 and vorm.pad.count("Z") == 3
    assert vorm.kader == [0, -1112, 1755, 0]
    # The name goes in the larger part.
    assert 0 <= vorm.midden[0] <= 702


def test_midden_van_een_hoefijzer_ligt_erin():
    # A U: its centroid lies in the gap between the legs.
    u = [
        [5.69, 50.85],
        [5.72, 50.85],
        [5.72, 50.88],
        [5.71, 50.88],
        [5.71, 50.86],
        [5.70, 50.86],
        [5.70, 50.88],
        [5.69, 50.88],
        [5.69, 50.85],
    ]
    vorm = grenzen.kaartvorm(polygoon(u))
    punten = _punten(vorm.pad)
    # The centroid (5.705, 50.8636) is in the gap, so not a place for the name.
    assert not _binnen(*grenzen.projecteer(5.705, 50.8636), punten)
    assert _binnen(*vorm.midden, punten)


def _punten(pad: str) -> list[tuple[int, int]]:
    return [tuple(map(int, paar.split())) for paar in re.findall(r"-?\d+ -?\d+", pad)]


def _binnen(x, y, ring) -> bool:
    binnen = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            binnen = not binnen
    return binnen


def test_alle_buurten_van_maastricht_passen_in_een_kader_van_de_gemeente():
    gelezen, _ = grenzen.lees_grenzen(MAASTRICHT_GEOJSON.read_bytes())
    vormen = [grenzen.kaartvorm(g.geometrie) for g in gelezen]
    links = min(v.kader[0] for v in vormen)
    rechts = max(v.kader[2] for v in vormen)
    boven = min(v.kader[1] for v in vormen)
    onder = max(v.kader[3] for v in vormen)
    # Maastricht is about 8.5 km wide and 11.5 km from north to south.
    assert 8000 < rechts - links < 9000
    assert 11000 < onder - boven < 12000
    for vorm in vormen:
        assert _binnen(*vorm.midden, _punten(vorm.pad))
