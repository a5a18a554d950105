"""Maastricht reference data for the demo: wijken, buurten, subgebieden, teams, initiatieven."""

import csv
from pathlib import Path

from django.db import transaction

from .constants import InitiatiefSoort, SubgebiedSoort
from .models import Buurt, Initiatief, Subgebied, Team, Wijk
from .services import buurtgrenzen_importeren

DATA = Path(__file__).resolve().parent / "data"
BUURTEN_CSV = DATA / "maastricht_buurten.csv"
# CBS/Kadaster wijk- en buurtkaart 2024, CC BY 4.0, "Bron: CBS, Kadaster" (see data/README.md).
BUURTGRENZEN = DATA / "maastricht_buurten_2024.geojson"

STRATEN = {
    "Wittevrouwenveld": [
        ("Meerssenerweg", SubgebiedSoort.STRAAT),
        ("Mgr. Nolensplein", SubgebiedSoort.STRAAT),
    ],
    "Mariaberg": [
        ("Brusselseweg", SubgebiedSoort.STRAAT),
        ("Blok Koningin Emmaplein", SubgebiedSoort.BLOK),
    ],
}

TEAMS = {
    "VBT Oost": ["Wittevrouwenveld", "Nazareth", "Limmel"],
    "VBT West": ["Mariaberg", "Malberg"],
}

INITIATIEVEN = [
    ("Wittevrouwenveld", "Buurtnetwerk Wittevrouwenveld", InitiatiefSoort.BUURTNETWERK),
    ("Nazareth", "Sociaal team Maastricht-Oost", InitiatiefSoort.SOCIAAL_TEAM),
    ("Mariaberg", "Bewonerskrachtenteam Servatius Mariaberg", InitiatiefSoort.BEWONERSKRACHTENTEAM),
    ("Malberg", "Bewonerscommissie Malberg", InitiatiefSoort.BEWONERSCOMMISSIE),
]


def lees_buurten(pad: Path = BUURTEN_CSV) -> list[dict]:
    with pad.open(encoding="utf-8", newline="") as bestand:
        return list(csv.DictReader(bestand))


@transaction.atomic
def buurten_laden(pad: Path = BUURTEN_CSV, grenzen: Path = BUURTGRENZEN) -> int:
    """Load wijken and buurten from the CBS list (matched on code, else on wijk and name), then
    their boundaries (matched on code; unchanged ones are left alone)."""
    rijen = lees_buurten(pad)
    for rij in rijen:
        wijk, _ = Wijk.objects.update_or_create(
            cbs_code=rij["wijk_code"], defaults={"naam": rij["wijk_naam"]}
        )
        inwoners = int(rij["inwoners"]) if rij["inwoners"] else None
        buurt = Buurt.objects.filter(wijk=wijk, naam=rij["buurt_naam"]).first()
        if buurt is None:
            buurt = Buurt(wijk=wijk, naam=rij["buurt_naam"])
        buurt.cbs_code = rij["buurt_code"] or None
        buurt.inwoners = inwoners
        buurt.save()
    buurtgrenzen_importeren(inhoud=grenzen.read_bytes())
    return len(rijen)


@transaction.atomic
def teams_en_buurtdata_laden() -> dict[str, Team]:
    for buurt_naam, straten in STRATEN.items():
        buurt = Buurt.objects.get(naam=buurt_naam)
        for naam, soort in straten:
            Subgebied.objects.get_or_create(buurt=buurt, naam=naam, defaults={"soort": soort})
    for buurt_naam, naam, soort in INITIATIEVEN:
        Initiatief.objects.get_or_create(
            buurt=Buurt.objects.get(naam=buurt_naam),
            naam=naam,
            defaults={"soort": soort, "contact": "info@example.org"},
        )
    teams = {}
    for naam, buurt_namen in TEAMS.items():
        team, _ = Team.objects.get_or_create(naam=naam)
        team.buurten.add(*Buurt.objects.filter(naam__in=buurt_namen))
        teams[naam] = team
    return teams
