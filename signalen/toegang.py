"""Who may do what with signals and points (DESIGN §4). Pure checks on a user and a team; the
services call them before every write, the templates to decide which buttons to show."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from partners.constants import Rol


def _lid_van(user, team) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    # A selector may have answered this already for this user (selectors.met_lidmaatschap).
    bekend = getattr(team, "lidmaatschap", None)
    if bekend is not None and user.pk in bekend:
        return bekend[user.pk]
    # Use the prefetched members when a view already loaded them (no query per row).
    cache = getattr(team, "_prefetched_objects_cache", {})
    if "leden" in cache:
        return any(lid.pk == user.pk for lid in cache["leden"])
    return team.leden.filter(pk=user.pk).exists()


def mag_registreren(user, team) -> bool:
    """Log a signal, record or withdraw support, log an activity: team staff, not beheerders."""
    return (
        user.is_authenticated
        and user.rol in (Rol.MEDEWERKER, Rol.TEAMLEIDER)
        and _lid_van(user, team)
    )


def is_teamleider_van(user, team) -> bool:
    """Promote, merge, refer, decline, reopen, change point state."""
    return user.is_authenticated and user.rol == Rol.TEAMLEIDER and _lid_van(user, team)


def eis_registreren(user, team) -> None:
    if not mag_registreren(user, team):
        raise PermissionDenied(_("Alleen medewerkers van dit team mogen dit registreren."))


def eis_teamleider(user, team) -> None:
    if not is_teamleider_van(user, team):
        raise PermissionDenied(_("Alleen een teamleider van dit team mag dit doen."))
