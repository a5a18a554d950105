"""Every write on points, their actions and notes, one module per concept; the public services
are importable from here."""

from .acties import (
    ONGEWIJZIGD,
    actie_aanmaken,
    actie_bijwerken,
    actie_laten_vervallen,
    actie_status_wijzigen,
)
from .notities import notitie_plaatsen
from .verbeterpunten import signaal_promoveren, verbeterpunt_afronden, verbeterpunt_status_wijzigen

__all__ = [
    "ONGEWIJZIGD",
    "actie_aanmaken",
    "actie_bijwerken",
    "actie_laten_vervallen",
    "actie_status_wijzigen",
    "notitie_plaatsen",
    "signaal_promoveren",
    "verbeterpunt_afronden",
    "verbeterpunt_status_wijzigen",
]
