"""The event log's writers: one function per `GebeurtenisSoort`, so what each event records is
defined here and nowhere else (as Open Forms' logging/logevent.py).

Services call these inside their transaction. What pages filter on is a column of `Gebeurtenis`
(the subject's foreign keys, the partner a confidential note stays with); `details` holds the
rest as ids, codes and counts, never a resident's data or a note's text. Points and actions live
in acties, to the right of this app: they arrive here as objects and are stored by their keys.
"""

from collections.abc import Iterable
from datetime import datetime

from .constants import GebeurtenisSoort as Soort
from .models import Gebeurtenis

__all__ = [
    "actie_aangemaakt",
    "actie_bijgewerkt",
    "actie_status_gewijzigd",
    "activiteit_geregistreerd",
    "draagvlak_bereikt",
    "herbeoordelen",
    "notitie_geplaatst",
    "signaal_afgewezen",
    "signaal_doorverwezen",
    "signaal_gekoppeld",
    "signaal_gepromoveerd",
    "signaal_geregistreerd",
    "signaal_heropend",
    "signalen_verlopen",
    "steun_geregistreerd",
    "steun_ingetrokken",
    "verbeterpunt_aangemaakt",
    "verbeterpunt_status_gewijzigd",
]


def _schrijf(wat: str, *, door, **velden) -> Gebeurtenis:
    return Gebeurtenis.objects.create(wat=wat, wie=door, **velden)


# --- Signals and support ----------------------------------------------------------------------


def signaal_geregistreerd(*, door, signaal, met_melder: bool) -> Gebeurtenis:
    return _schrijf(
        Soort.SIGNAAL_GEREGISTREERD,
        door=door,
        signaal=signaal,
        details={"kanaal": signaal.kanaal, "met_melder": met_melder},
    )


def steun_geregistreerd(*, door, signaal, kanaal: str, aantal: int, meedoen: int) -> Gebeurtenis:
    return _schrijf(
        Soort.STEUN_GEREGISTREERD,
        door=door,
        signaal=signaal,
        details={"aantal": aantal, "kanaal": kanaal, "meedoen": meedoen},
    )


def steun_ingetrokken(*, door, steun) -> Gebeurtenis:
    return _schrijf(
        Soort.STEUN_INGETROKKEN,
        door=door,
        signaal_id=steun.signaal_id,
        details={"steun": steun.pk},
    )


def draagvlak_bereikt(*, door, signaal, aantal: int, drempel: int) -> Gebeurtenis:
    return _schrijf(
        Soort.DRAAGVLAK_BEREIKT,
        door=door,
        signaal=signaal,
        details={"aantal": aantal, "drempel": drempel},
    )


def herbeoordelen(*, door, signaal, aantal: int, drempel: int) -> Gebeurtenis:
    return _schrijf(
        Soort.HERBEOORDELEN,
        door=door,
        signaal=signaal,
        details={"aantal": aantal, "drempel": drempel},
    )


def signaal_doorverwezen(*, door, signaal, ter_beoordeling: bool) -> Gebeurtenis:
    return _schrijf(
        Soort.SIGNAAL_DOORVERWEZEN,
        door=door,
        signaal=signaal,
        details={"partner": signaal.doorverwezen_naar_id, "ter_beoordeling": ter_beoordeling},
    )


def signaal_afgewezen(*, door, signaal) -> Gebeurtenis:
    return _schrijf(Soort.SIGNAAL_AFGEWEZEN, door=door, signaal=signaal)


def signaal_heropend(*, door, signaal) -> Gebeurtenis:
    return _schrijf(Soort.SIGNAAL_HEROPEND, door=door, signaal=signaal)


def signalen_verlopen(*, signaal_ids: Iterable[int], wanneer: datetime) -> list[Gebeurtenis]:
    """The daily expiry run: one event per signal, by nobody."""
    return Gebeurtenis.objects.bulk_create(
        Gebeurtenis(wat=Soort.SIGNAAL_VERLOPEN, signaal_id=pk, wanneer=wanneer)
        for pk in signaal_ids
    )


def activiteit_geregistreerd(*, door, activiteit) -> Gebeurtenis:
    return _schrijf(Soort.ACTIVITEIT_GEREGISTREERD, door=door, activiteit=activiteit)


# --- Points -----------------------------------------------------------------------------------


def verbeterpunt_aangemaakt(*, door, verbeterpunt, signaal) -> Gebeurtenis:
    return _schrijf(
        Soort.VERBETERPUNT_AANGEMAAKT, door=door, verbeterpunt=verbeterpunt, signaal=signaal
    )


def signaal_gepromoveerd(*, door, signaal, verbeterpunt) -> Gebeurtenis:
    """The signal became the new point (see verbeterpunt_aangemaakt)."""
    return _schrijf(
        Soort.SIGNAAL_GEPROMOVEERD, door=door, signaal=signaal, verbeterpunt=verbeterpunt
    )


def signaal_gekoppeld(*, door, signaal, verbeterpunt) -> Gebeurtenis:
    """The signal joined an existing point."""
    return _schrijf(Soort.SIGNAAL_GEKOPPELD, door=door, signaal=signaal, verbeterpunt=verbeterpunt)


def verbeterpunt_status_gewijzigd(*, door, verbeterpunt, van: str, naar: str) -> Gebeurtenis:
    return _schrijf(
        Soort.VERBETERPUNT_STATUS,
        door=door,
        verbeterpunt=verbeterpunt,
        details={"van": van, "naar": naar},
    )


def notitie_geplaatst(*, door, notitie) -> Gebeurtenis:
    """Names the note, never its text; a confidential one stays with its partner, even as an
    event on the timeline."""
    return _schrijf(
        Soort.NOTITIE_GEPLAATST,
        door=door,
        verbeterpunt_id=notitie.verbeterpunt_id,
        signaal_id=notitie.signaal_id,
        vertrouwelijk_voor_id=notitie.partner_id if notitie.vertrouwelijk else None,
        details={"notitie": notitie.pk},
    )


# --- Actions ----------------------------------------------------------------------------------


def _actie(wat: str, *, door, actie, **details) -> Gebeurtenis:
    return _schrijf(
        wat,
        door=door,
        verbeterpunt_id=actie.verbeterpunt_id,
        actie=actie,
        details=details,
    )


def actie_aangemaakt(*, door, actie) -> Gebeurtenis:
    return _actie(
        Soort.ACTIE_AANGEMAAKT,
        door=door,
        actie=actie,
        partner=actie.eigenaar_partner_id,
        bewoners=actie.eigenaar_bewoners,
        verantwoordelijke=actie.verantwoordelijke_id,
        deadline=actie.deadline.isoformat(),
    )


def actie_bijgewerkt(*, door, actie, velden: Iterable[str]) -> Gebeurtenis:
    return _actie(
        Soort.ACTIE_BIJGEWERKT,
        door=door,
        actie=actie,
        velden=sorted(velden),
        partner=actie.eigenaar_partner_id,
        bewoners=actie.eigenaar_bewoners,
        verantwoordelijke=actie.verantwoordelijke_id,
    )


def actie_status_gewijzigd(
    *, door, actie, van: str, naar: str, bij_afronden: bool = False
) -> Gebeurtenis:
    """bij_afronden: the action lapsed because its point was closed."""
    details = {"van": van, "naar": naar}
    if bij_afronden:
        details["bij_afronden"] = True
    return _actie(Soort.ACTIE_STATUS, door=door, actie=actie, **details)
