"""Reads on buurten and teams, scoped to the user (deny by default)."""

from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save

from partners.models import Medewerker

from .models import Buurt, Team, Wijk


def teams_voor(user: Medewerker) -> QuerySet[Team]:
    """The teams a user belongs to; a beheerder oversees every team."""
    if not user.is_authenticated or not user.is_active:
        return Team.objects.none()
    if user.is_beheerder:
        return Team.objects.all()
    return Team.objects.filter(leden=user)


def zichtbare_buurten(user: Medewerker) -> QuerySet[Buurt]:
    """The buurten a user may see: their teams' buurten; all for a beheerder; else none."""
    if not user.is_authenticated or not user.is_active:
        return Buurt.objects.none()
    if user.is_beheerder:
        qs = Buurt.objects.all()
    else:
        qs = Buurt.objects.filter(teams__leden=user).distinct()
    return qs.select_related("wijk").order_by("naam")


# --- Resolved once per request ---------------------------------------------------------------
#
# The big lists filter on "buurt in the user's buurten". As a subquery
# (`buurt_id IN (SELECT DISTINCT ... team_buurten ... team_leden)`) PostgreSQL plans every list
# query with four more joins and cannot estimate how many rows match; a literal list of a few
# ids plans in a fraction of the time and picks the right index. The list is read once and kept
# on the user object, which lives for one request (request.user is loaded per request). Any
# change to teams, their buurten or members, buurten or wijken bumps a generation counter, so a
# user object kept longer (tests, shell) never answers from an outdated list.

_generatie = [0]
_ATTRIBUUT = "_zichtbare_buurten_lijst"


def _vergeet(**kwargs):
    _generatie[0] += 1


for _model in (Team, Buurt, Wijk):
    post_save.connect(_vergeet, sender=_model, dispatch_uid=f"zichtbaar-{_model.__name__}-save")
    post_delete.connect(_vergeet, sender=_model, dispatch_uid=f"zichtbaar-{_model.__name__}-del")
for _relatie in (Team.buurten.through, Team.leden.through):
    m2m_changed.connect(_vergeet, sender=_relatie, dispatch_uid=f"zichtbaar-{_relatie.__name__}")


def generatie() -> int:
    """Bumped by every change to teams, their buurten or members, buurten or wijken: a value
    derived from them and kept on a user object is stale when this changed."""
    return _generatie[0]


def _sleutel(user):
    return (_generatie[0], user.pk, user.is_beheerder)


def zichtbare_buurten_lijst(user: Medewerker) -> list[Buurt]:
    """zichtbare_buurten(user) as a list (with the wijk, by name), read once per request."""
    if not user.is_authenticated or not user.is_active:
        return []
    sleutel = _sleutel(user)
    bewaard = getattr(user, _ATTRIBUUT, None)
    if bewaard is not None and bewaard[0] == sleutel:
        return bewaard[1]
    buurten = list(zichtbare_buurten(user))
    setattr(user, _ATTRIBUUT, (sleutel, buurten))
    return buurten


def bekende_zichtbare_buurt_ids(user: Medewerker) -> list[int] | None:
    """The pks of zichtbare_buurten(user) if this user object has read them already (as the list of
    buurten, or, for anyone but a beheerder, with teams_en_buurten), else None (no query): for
    a scope filter that can use either the ids or a subquery."""
    if not user.is_authenticated or not user.is_active:
        return None
    bewaard = getattr(user, _ATTRIBUUT, None)
    if bewaard is not None and bewaard[0] == _sleutel(user):
        return [buurt.pk for buurt in bewaard[1]]
    if not user.is_beheerder:
        bekend = bekende_teams_en_buurten(user)
        if bekend is not None:
            return bekend[1]
    return None


_BEREIK = "_teams_en_buurten"


def teams_en_buurten(user: Medewerker) -> tuple[list[int], list[int]]:
    """The ids of the user's own teams and of those teams' buurten, in one small query, kept
    on the user object for the request. For anyone but a beheerder the buurten are exactly
    zichtbare_buurten(user); a beheerder sees all buurten, but acts in their own teams only."""
    bekend = bekende_teams_en_buurten(user)
    if bekend is not None:
        return bekend
    paren = Team.objects.filter(leden=user).values_list("pk", "buurten").order_by()
    return onthoud_teams_en_buurten(user, paren)


def bekende_teams_en_buurten(user: Medewerker) -> tuple[list[int], list[int]] | None:
    """teams_en_buurten(user) if this user object holds them already, else None (no query)."""
    bewaard = getattr(user, _BEREIK, None)
    if bewaard is not None and bewaard[0] == _sleutel(user):
        return bewaard[1]
    return None


def onthoud_teams_en_buurten(user: Medewerker, paren) -> tuple[list[int], list[int]]:
    """Keep teams_en_buurten(user) from (team id, buurt id or None) pairs of the user's own
    teams that a page read anyway, so the queries after it need none for the scope."""
    paren = list(paren)
    return _bewaar(
        user, {team for team, _buurt in paren}, {buurt for _team, buurt in paren if buurt}
    )


def onthoud_teams(user: Medewerker, teams) -> None:
    """Keep teams_en_buurten(user) from the user's own teams, their buurten prefetched (the
    start page shows them anyway): the lists after it need no query for the scope."""
    buurten = {buurt.pk for team in teams for buurt in team.buurten.all()}
    _bewaar(user, {team.pk for team in teams}, buurten)


def _bewaar(user, team_ids, buurt_ids) -> tuple[list[int], list[int]]:
    antwoord = (sorted(team_ids), sorted(buurt_ids))
    setattr(user, _BEREIK, (_sleutel(user), antwoord))
    return antwoord


def eigen_team_ids(user: Medewerker) -> list[int]:
    return teams_en_buurten(user)[0]
