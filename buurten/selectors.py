"""Reads on buurten and teams, scoped by the user's `Bereik` (deny by default)."""

from django.db.models import QuerySet

from .bereik import Bereik
from .models import Buurt, Team


def teams_voor(bereik: Bereik) -> QuerySet[Team]:
    """The teams a user belongs to; a beheerder oversees every team."""
    if bereik.is_leeg:
        return Team.objects.none()
    if bereik.is_beheerder:
        return Team.objects.all()
    return Team.objects.filter(pk__in=bereik.team_ids)


def zichtbare_buurten(bereik: Bereik) -> QuerySet[Buurt]:
    """The buurten a user may see: their teams' buurten; all for a beheerder; else none. By
    name, with the wijk."""
    return bereik.filter_buurt(Buurt.objects.all(), "pk").select_related("wijk").order_by("naam")
