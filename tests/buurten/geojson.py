"""Small GeoJSON boundary files for the tests: squares in Maastricht, by CBS code."""

import json
from pathlib import Path

MAASTRICHT_GEOJSON = (
    Path(__file__).resolve().parents[2] / "buurten" / "data" / "maastricht_buurten_2024.geojson"
)


def vierkant(lengte=5.69, breedte=50.85, zijde=0.01) -> list:
    """A closed ring: a square with its south-west corner at (lengte, breedte)."""
    return [
        [lengte, breedte],
        [lengte + zijde, breedte],
        [lengte + zijde, breedte + zijde],
        [lengte, breedte + zijde],
        [lengte, breedte],
    ]


def polygoon(ring=None) -> dict:
    return {"type": "Polygon", "coordinates": [ring or vierkant()]}


def feature(code, geometrie=None, naam="") -> dict:
    eigenschappen = {"statcode": code}
    if naam:
        eigenschappen["statnaam"] = naam
    return {"type": "Feature", "geometry": geometrie or polygoon(), "properties": eigenschappen}


def collectie(*features, **extra) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features), **extra})
