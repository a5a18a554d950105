"""Who may do what with actions (DESIGN §4). Checks on a user's `Bereik`, a team and an owner;
the services call them before every write, the views to decide which buttons to show.

- A medewerker of the team creates and updates actions of their own partner.
- A teamleider of the team does so for any partner in the team, and for the residents.
- A beheerder, and anyone outside the team, does neither.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from buurten.bereik import Bereik
from partners.models import Partner
from signalen.toegang import is_teamleider_van, mag_registreren


def team_partners(team) -> QuerySet[Partner]:
    """The partners in a team: those of its active members."""
    return (
        Partner.objects.filter(actief=True, medewerkers__teams=team, medewerkers__is_active=True)
        .distinct()
        .order_by("naam")
    )


def mag_acties_beheren(bereik: Bereik, team) -> bool:
    """Create or update actions on this team's points at all (for some owner)."""
    return mag_registreren(bereik, team)


def mag_eigenaar_kiezen(bereik: Bereik, team, *, partner=None, bewoners: bool = False) -> bool:
    """May this user give an action of this team to this owner?"""
    if not mag_registreren(bereik, team):
        return False
    if is_teamleider_van(bereik, team):
        if bewoners:
            return True
        return partner is not None and team_partners(team).filter(pk=partner.pk).exists()
    return not bewoners and partner is not None and partner.pk == bereik.partner_id


def mag_actie_bijwerken(bereik: Bereik, actie) -> bool:
    """Update or change the status of an existing action: by the rule for its current owner."""
    team = actie.verbeterpunt.team
    if not mag_registreren(bereik, team):
        return False
    if is_teamleider_van(bereik, team):
        return True
    return not actie.eigenaar_bewoners and actie.eigenaar_partner_id == bereik.partner_id


def eis_acties_beheren(bereik: Bereik, team) -> None:
    if not mag_acties_beheren(bereik, team):
        raise PermissionDenied(_("Alleen medewerkers van dit team maken of wijzigen acties."))


def eis_eigenaar(bereik: Bereik, team, *, partner=None, bewoners: bool = False) -> None:
    if not mag_eigenaar_kiezen(bereik, team, partner=partner, bewoners=bewoners):
        raise PermissionDenied(
            _(
                "U mag geen actie toewijzen aan deze eigenaar. Een medewerker maakt acties voor "
                "de eigen organisatie; een teamleider voor elke partner in het team of de bewoners."
            )
        )


def eis_actie_bijwerken(bereik: Bereik, actie) -> None:
    if not mag_actie_bijwerken(bereik, actie):
        raise PermissionDenied(_("U mag deze actie niet wijzigen."))
