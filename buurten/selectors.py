"""Reads on buurten and teams, scoped to the user (deny by default)."""

from django.db.models import QuerySet

from partners.models import Medewerker

from .models import Buurt, Team


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
