"""Buurtgrenzen: reading and checking a GeoJSON file of buurt boundaries, and projecting a
boundary to the SVG path the maps draw. Pure functions over plain values (no ORM), so every check
is tested without a database; the import itself is `services.buurtgrenzen_importeren`.

A boundary is a GeoJSON `Polygon` or `MultiPolygon` in WGS84 longitude/latitude (RFC 7946).
Maps are drawn in metres on an equirectangular projection around Maastricht: good to a fraction
of a percent for a gemeente, and the input is only precise to about 100 m anyway.
"""

import json
import math
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

# The projection's centre (Maastricht's Markt, about). Changing it moves every stored path:
# import the boundaries again afterwards.
REFERENTIE_LENGTE = 5.69
REFERENTIE_BREEDTE = 50.85
METER_PER_GRAAD = 6_371_008.8 * math.pi / 180  # along a meridian, on the mean Earth radius
METER_PER_GRAAD_LENGTE = METER_PER_GRAAD * math.cos(math.radians(REFERENTIE_BREEDTE))

# WGS84 coordinates of anything a CBS buurt code can name: the Netherlands with a margin. Catches
# swapped axes (latitude first), which stay within the valid ranges.
NEDERLAND_LENGTE = (3.0, 7.5)
NEDERLAND_BREEDTE = (50.5, 53.8)

# The `crs` member of older GeoJSON (2008). RFC 7946 drops it: WGS84 lon/lat is implied.
WGS84_NAMEN = {
    "urn:ogc:def:crs:ogc:1.3:crs84",
    "urn:ogc:def:crs:ogc::crs84",
    "ogc:crs84",
    "crs84",
    "epsg:4326",
    "urn:ogc:def:crs:epsg::4326",
    "urn:ogc:def:crs:epsg:4326",
    "http://www.opengis.net/def/crs/ogc/1.3/crs84",
    "http://www.opengis.net/def/crs/epsg/0/4326",
}
CODE_VELDEN = ("statcode", "buurtcode")  # cartomap/CBS open data; CBS's own wijk- en buurtkaart
NAAM_VELDEN = ("statnaam", "buurtnaam")
CBS_BUURTCODE = re.compile(r"^BU\d{8}$")
MAX_FOUTEN_PER_FEATURE = 3


class GrensFout(Exception):
    """A boundary file that cannot be imported, with every problem found (in Dutch)."""

    def __init__(self, fouten: list[str]):
        self.fouten = list(fouten)
        super().__init__("\n".join(self.fouten))


@dataclass(frozen=True)
class Grens:
    """One feature of a boundary file, checked."""

    code: str
    naam: str
    geometrie: dict


# --- Checking -------------------------------------------------------------------------------


def _is_getal(waarde) -> bool:
    return (
        isinstance(waarde, int | float) and not isinstance(waarde, bool) and math.isfinite(waarde)
    )


def _positie_fout(positie) -> str | None:
    """What is wrong with one [lengte, breedte] position, or None."""
    if not isinstance(positie, list) or len(positie) not in (2, 3):
        return _("een punt is geen [lengte, breedte]")
    if not all(_is_getal(getal) for getal in positie):
        return _("een punt bevat iets anders dan getallen")
    lengte, breedte = positie[0], positie[1]
    if not (-180 <= lengte <= 180 and -90 <= breedte <= 90):
        return _(
            "coördinaat [%(lengte)s, %(breedte)s] is geen lengte/breedte in WGS84; het bestand "
            "lijkt in een ander coördinatenstelsel (RD New, EPSG:28992?) te staan. Zet het om "
            "naar WGS84 (EPSG:4326)"
        ) % {"lengte": lengte, "breedte": breedte}
    if not (
        NEDERLAND_LENGTE[0] <= lengte <= NEDERLAND_LENGTE[1]
        and NEDERLAND_BREEDTE[0] <= breedte <= NEDERLAND_BREEDTE[1]
    ):
        return _(
            "coördinaat [%(lengte)s, %(breedte)s] ligt niet in Nederland; staan lengte en "
            "breedte omgewisseld, of is het een ander coördinatenstelsel dan WGS84?"
        ) % {"lengte": lengte, "breedte": breedte}
    return None


def _ring_fouten(ring, nummer: int) -> list[str]:
    if not isinstance(ring, list):
        return [_("ring %(nummer)d is geen lijst van punten") % {"nummer": nummer}]
    for positie in ring:
        fout = _positie_fout(positie)
        if fout:
            return [_("ring %(nummer)d: %(fout)s") % {"nummer": nummer, "fout": fout}]
    if len(ring) < 4:
        return [
            _("ring %(nummer)d heeft %(aantal)d punten; een gesloten ring heeft er minstens 4")
            % {"nummer": nummer, "aantal": len(ring)}
        ]
    if ring[0][:2] != ring[-1][:2]:
        return [
            _("ring %(nummer)d is niet gesloten: het eerste en het laatste punt verschillen")
            % {"nummer": nummer}
        ]
    return []


def _veelhoeken(geometrie) -> tuple[list | None, str | None]:
    """The polygons (each a list of rings) of a Polygon or MultiPolygon, or an error."""
    if not isinstance(geometrie, dict):
        return None, _("geen geometrie")
    soort, coordinaten = geometrie.get("type"), geometrie.get("coordinates")
    if soort not in ("Polygon", "MultiPolygon"):
        return None, _("de geometrie is een %(soort)s; alleen Polygon en MultiPolygon kunnen") % {
            "soort": soort or _("onbekend type")
        }
    if not isinstance(coordinaten, list) or not coordinaten:
        return None, _("de geometrie heeft geen coördinaten")
    veelhoeken = [coordinaten] if soort == "Polygon" else coordinaten
    if not all(isinstance(veelhoek, list) and veelhoek for veelhoek in veelhoeken):
        return None, _("een veelhoek heeft geen ringen")
    return veelhoeken, None


def fouten_in_geometrie(geometrie) -> list[str]:
    """Everything wrong with a boundary (Polygon or MultiPolygon, WGS84, closed rings of at
    least 4 positions), in Dutch; empty when it is good."""
    veelhoeken, fout = _veelhoeken(geometrie)
    if fout:
        return [fout]
    fouten = []
    nummer = 0
    for veelhoek in veelhoeken:
        for ring in veelhoek:
            nummer += 1
            fouten.extend(_ring_fouten(ring, nummer))
    return fouten


def _crs_fout(crs) -> str | None:
    if crs is None:
        return None
    naam = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
    if isinstance(naam, str) and naam.strip().lower() in WGS84_NAMEN:
        return None
    return _(
        "het bestand staat in coördinatenstelsel %(naam)s; alleen WGS84 (EPSG:4326, CRS84) kan. "
        "Zet het eerst om, bijvoorbeeld met ogr2ogr -t_srs EPSG:4326."
    ) % {"naam": naam or json.dumps(crs)[:80]}


def _eigenschap(eigenschappen: dict, namen) -> str:
    for naam in namen:
        waarde = eigenschappen.get(naam)
        if isinstance(waarde, str) and waarde.strip():
            return waarde.strip()
    return ""


def _lees_feature(feature, nummer: int) -> tuple[Grens | None, list[str]]:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return None, [_("Feature %(nummer)d is geen GeoJSON-Feature.") % {"nummer": nummer}]
    eigenschappen = feature.get("properties") or {}
    if not isinstance(eigenschappen, dict):
        eigenschappen = {}
    code, naam = _eigenschap(eigenschappen, CODE_VELDEN), _eigenschap(eigenschappen, NAAM_VELDEN)
    waar = _("Feature %(nummer)d (%(code)s%(naam)s)") % {
        "nummer": nummer,
        "code": code or _("zonder CBS-code"),
        "naam": f", {naam}" if naam else "",
    }
    fouten = []
    if not code:
        fouten.append(
            _("%(waar)s: geen CBS-buurtcode in 'statcode' of 'buurtcode'.") % {"waar": waar}
        )
    elif not CBS_BUURTCODE.match(code):
        fouten.append(
            _("%(waar)s: '%(code)s' is geen CBS-buurtcode (BU en 8 cijfers).")
            % {"waar": waar, "code": code}
        )
    geometrie = feature.get("geometry")
    fouten.extend(
        f"{waar}: {fout}." for fout in fouten_in_geometrie(geometrie)[:MAX_FOUTEN_PER_FEATURE]
    )
    if fouten:
        return None, fouten
    return Grens(code=code, naam=naam, geometrie=geometrie), []


def lees_grenzen(inhoud: str | bytes) -> tuple[list[Grens], list[str]]:
    """The boundaries in a GeoJSON FeatureCollection, and every problem found (in Dutch).

    Whole-file problems (no JSON, no FeatureCollection, another coordinate system) come alone;
    otherwise every feature is checked, so one run names all the bad ones.
    """
    try:
        data = json.loads(inhoud)
    except (ValueError, UnicodeDecodeError) as fout:
        return [], [_("Het bestand is geen geldige JSON: %(fout)s") % {"fout": fout}]
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return [], [_("Het bestand is geen GeoJSON FeatureCollection.")]
    crs_fout = _crs_fout(data.get("crs"))
    if crs_fout:
        return [], [_("Verkeerd coördinatenstelsel: %(fout)s") % {"fout": crs_fout}]
    features = data.get("features")
    if not isinstance(features, list) or not features:
        return [], [_("Het bestand bevat geen features.")]
    grenzen, fouten, gezien = [], [], {}
    for nummer, feature in enumerate(features, start=1):
        grens, feature_fouten = _lees_feature(feature, nummer)
        fouten.extend(feature_fouten)
        if grens is None:
            continue
        if grens.code in gezien:
            fouten.append(
                _("Feature %(nummer)d: CBS-code %(code)s staat ook al in feature %(eerder)d.")
                % {"nummer": nummer, "code": grens.code, "eerder": gezien[grens.code]}
            )
            continue
        gezien[grens.code] = nummer
        grenzen.append(grens)
    return grenzen, fouten


# --- Projecting -----------------------------------------------------------------------------


def projecteer(lengte: float, breedte: float) -> tuple[int, int]:
    """WGS84 to map metres: east and (SVG's y grows downwards) south of the centre."""
    x = (lengte - REFERENTIE_LENGTE) * METER_PER_GRAAD_LENGTE
    y = (REFERENTIE_BREEDTE - breedte) * METER_PER_GRAAD
    return round(x), round(y)


def _geprojecteerd(geometrie: dict) -> list[list[list[tuple[int, int]]]]:
    """Every polygon as its rings, projected, without the closing point and without points
    that round to the one before."""
    veelhoeken, fout = _veelhoeken(geometrie)
    if fout:
        raise ValueError(fout)
    uitkomst = []
    for veelhoek in veelhoeken:
        ringen = []
        for ring in veelhoek:
            punten = []
            for positie in ring[:-1]:
                punt = projecteer(positie[0], positie[1])
                if not punten or punten[-1] != punt:
                    punten.append(punt)
            ringen.append(punten)
        uitkomst.append(ringen)
    return uitkomst


def svg_pad(ringen: list[list[tuple[int, int]]]) -> str:
    """An SVG path: one closed subpath per ring (draw it with fill-rule evenodd for holes)."""
    delen = []
    for ring in ringen:
        (x0, y0), rest = ring[0], ring[1:]
        lijn = "L" + " ".join(f"{x} {y}" for x, y in rest) if rest else ""
        delen.append(f"M{x0} {y0}{lijn}Z")
    return "".join(delen)


def kader(ringen: list[list[tuple[int, int]]]) -> list[int]:
    """[min_x, min_y, max_x, max_y] of the rings."""
    xs = [x for ring in ringen for x, _y in ring]
    ys = [y for ring in ringen for _x, y in ring]
    return [min(xs), min(ys), max(xs), max(ys)]


def _oppervlak_en_zwaartepunt(ring) -> tuple[float, tuple[float, float]]:
    dubbel, cx, cy = 0.0, 0.0, 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        kruis = x1 * y2 - x2 * y1
        dubbel += kruis
        cx += (x1 + x2) * kruis
        cy += (y1 + y2) * kruis
    if not dubbel:
        xs, ys = [x for x, _y in ring], [y for _x, y in ring]
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return abs(dubbel) / 2, (cx / (3 * dubbel), cy / (3 * dubbel))


def _snijpunten(ring, y: float) -> list[float]:
    """Where the horizontal line at `y` crosses the ring's edges (x values, sorted)."""
    xs = []
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 <= y < y2) or (y2 <= y < y1):
            xs.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    return sorted(xs)


def midden(veelhoeken: list[list[list[tuple[int, int]]]]) -> list[int]:
    """A point inside the buurt for its name on the map: the centroid of the largest part if it
    lies inside, else the middle of the widest stretch inside along the centroid's height (a
    crescent-shaped buurt has its centroid outside)."""
    delen = [(_oppervlak_en_zwaartepunt(ringen[0]), ringen[0]) for ringen in veelhoeken]
    (_oppervlak, (cx, cy)), ring = max(delen, key=lambda deel: deel[0][0])
    xs = _snijpunten(ring, cy)
    stukken = list(zip(xs[::2], xs[1::2], strict=False))
    if not stukken or any(a <= cx <= b for a, b in stukken):
        return [round(cx), round(cy)]
    a, b = max(stukken, key=lambda stuk: stuk[1] - stuk[0])
    return [round((a + b) / 2), round(cy)]


@dataclass(frozen=True)
class Kaartvorm:
    """What a map needs of one boundary, computed once when it is stored."""

    pad: str
    kader: list[int]
    midden: list[int]


def kaartvorm(geometrie: dict) -> Kaartvorm:
    """The projected SVG path, its bounding box and a point inside for the name."""
    veelhoeken = _geprojecteerd(geometrie)
    ringen = [ring for veelhoek in veelhoeken for ring in veelhoek]
    return Kaartvorm(pad=svg_pad(ringen), kader=kader(ringen), midden=midden(veelhoeken))
