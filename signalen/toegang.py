"""Who may do what with signals and points (DESIGN §4). Pure checks on a user's `Bereik` and a
team: no query. The services call them before every write, the views to decide which buttons to
show."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from buurten.bereik import Bereik
from partners.constants import Rol


def mag_registreren(bereik: Bereik, team) -> bool:
    """Log a signal, record or withdraw support, log an activity: team staff, not beheerders."""
    return bereik.rol in (Rol.MEDEWERKER, Rol.TEAMLEIDER) and bereik.is_lid(team)


def mag_ergens_registreren(bereik: Bereik) -> bool:
    """Staff of at least one team: the pages to log a signal or an activity are theirs."""
    return bereik.rol in (Rol.MEDEWERKER, Rol.TEAMLEIDER) and bool(bereik.team_ids)


def is_teamleider_van(bereik: Bereik, team) -> bool:
    """Promote, merge, refer, decline, reopen, change point state."""
    return bereik.is_teamleider and bereik.is_lid(team)


def eis_registreren(bereik: Bereik, team) -> None:
    if not mag_registreren(bereik, team):
        raise PermissionDenied(_("Alleen medewerkers van dit team mogen dit registreren."))


def eis_teamleider(bereik: Bereik, team) -> None:
    if not is_teamleider_van(bereik, team):
        raise PermissionDenied(_("Alleen een teamleider van dit team mag dit doen."))
