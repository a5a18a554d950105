"""Writes on buurten: importing buurt boundaries."""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from .grenzen import GrensFout, lees_grenzen
from .models import Buurt, Buurtgrens

logger = logging.getLogger("vbt.buurten")


@dataclass
class Grensimport:
    """What an import did (or, as a dry run, would do): CBS codes per outcome."""

    proefdraai: bool
    nieuw: list[str] = field(default_factory=list)
    gewijzigd: list[str] = field(default_factory=list)
    ongewijzigd: list[str] = field(default_factory=list)
    # Buurten with a CBS code that the file does not name: they keep the boundary they have.
    niet_in_bestand: list[str] = field(default_factory=list)


@transaction.atomic
def buurtgrenzen_importeren(*, inhoud: str | bytes, proefdraai: bool = False) -> Grensimport:
    """Load the boundaries of a GeoJSON FeatureCollection (WGS84), matched on CBS code.

    All or nothing: the whole file is checked first (every feature a closed Polygon or
    MultiPolygon in WGS84 with the code of a known buurt) and any problem raises GrensFout
    naming them all, before anything is written; the writes share one transaction. With
    `proefdraai` it only reports what it would change.
    """
    grenzen, fouten = lees_grenzen(inhoud)
    buurten = {
        buurt.cbs_code: buurt
        for buurt in Buurt.objects.filter(cbs_code__isnull=False)
        .select_related("grens")
        .select_for_update(of=("self",))
        .order_by("cbs_code")
    }
    fouten.extend(
        _(
            "CBS-code %(code)s%(naam)s is onbekend: er is geen buurt met deze code. Vul de code "
            "in bij de buurt in het beheer, of haal de feature uit het bestand."
        )
        % {"code": grens.code, "naam": f" ({grens.naam})" if grens.naam else ""}
        for grens in grenzen
        if grens.code not in buurten
    )
    if fouten:
        raise GrensFout(fouten)

    uitkomst = Grensimport(proefdraai=proefdraai)
    in_bestand = set()
    for grens in grenzen:
        in_bestand.add(grens.code)
        buurt = buurten[grens.code]
        bestaand = getattr(buurt, "grens", None)
        if bestaand is None:
            uitkomst.nieuw.append(grens.code)
            if not proefdraai:
                Buurtgrens(buurt=buurt, geometrie=grens.geometrie).save(force_insert=True)
        elif bestaand.geometrie != grens.geometrie:
            uitkomst.gewijzigd.append(grens.code)
            if not proefdraai:
                bestaand.geometrie = grens.geometrie
                bestaand.save()
        else:
            uitkomst.ongewijzigd.append(grens.code)
    uitkomst.niet_in_bestand = sorted(set(buurten) - in_bestand)
    logger.info(
        "Buurtgrenzen %s: %d nieuw, %d gewijzigd, %d ongewijzigd, %d niet in het bestand.",
        "proefdraai" if proefdraai else "geïmporteerd",
        len(uitkomst.nieuw),
        len(uitkomst.gewijzigd),
        len(uitkomst.ongewijzigd),
        len(uitkomst.niet_in_bestand),
    )
    return uitkomst
