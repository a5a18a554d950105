"""Every read a view needs about signals, support and activities, scoped by the user's `Bereik`
(deny by default) and with its joins, so a page runs a fixed number of queries whatever the
data size."""

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from buurten.bereik import Bereik
from buurten.models import Team
from partners.constants import Rol

from .constants import SIGNAAL_OPEN, SignaalStatus
from .models import Activiteit, Gebeurtenis, Signaal, Steun, Thema

# What the lists and detail pages show of a signal besides its own columns.
SIGNAAL_JOINS = ("buurt", "subgebied", "thema", "team", "doorverwezen_naar")


def signalen_voor(bereik: Bereik) -> QuerySet[Signaal]:
    return bereik.filter_buurt(Signaal.objects.all()).select_related(*SIGNAAL_JOINS)


def signaal_detail(bereik: Bereik, pk) -> Signaal:
    """One signal with everything its page shows (outside the scope: 404)."""
    qs = signalen_voor(bereik).select_related(
        "activiteit", "verbeterpunt", "geregistreerd_door", "melder"
    )
    return get_object_or_404(qs, pk=pk)


def steun_van_signaal(signaal: Signaal) -> QuerySet[Steun]:
    return signaal.steun.select_related(
        "bewoner", "geregistreerd_door", "ingetrokken_door", "activiteit"
    ).order_by("geregistreerd_op", "pk")


def zonder_vreemde_vertrouwelijke(qs: QuerySet[Gebeurtenis], bereik: Bereik) -> QuerySet:
    """Even the fact that another partner wrote a confidential note stays with that partner."""
    eigen = Q(vertrouwelijk_voor__isnull=True)
    if bereik.partner_id is not None:
        eigen |= Q(vertrouwelijk_voor_id=bereik.partner_id)
    return qs.filter(eigen)


def gebeurtenissen_van_signaal(signaal: Signaal, bereik: Bereik) -> QuerySet[Gebeurtenis]:
    qs = signaal.gebeurtenissen.select_related("wie").order_by("wanneer", "pk")
    return zonder_vreemde_vertrouwelijke(qs, bereik)


def _signalen_van_eigen_teams(bereik: Bereik) -> QuerySet[Signaal]:
    """A teamleider's own teams' signals (with the buurt scope too, so the lists' indexes on
    buurt serve); nothing for anyone else."""
    if not bereik.is_teamleider:
        return Signaal.objects.none()
    return signalen_voor(bereik).filter(team_id__in=sorted(bereik.team_ids))


def triage_voor(bereik: Bereik) -> QuerySet[Signaal]:
    """The team lead's queue: support reached (or to review) first, then those closest to the
    threshold, then those nearest expiry."""
    return (
        _signalen_van_eigen_teams(bereik)
        .filter(
            Q(status__in=sorted(SIGNAAL_OPEN))
            | Q(status=SignaalStatus.DOORVERWEZEN, herbeoordelen=True)
        )
        .annotate(
            urgentie=Case(
                When(status=SignaalStatus.DRAAGVLAK_BEREIKT, herbeoordelen=False, then=Value(0)),
                When(herbeoordelen=True, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("urgentie", "-aantal_bewoners", "verloopt_op", "pk")
    )


def gesloten_in_triage(bereik: Bereik) -> QuerySet[Signaal]:
    """The team lead's recently expired or declined signals (to reopen), newest deadline first."""
    return (
        _signalen_van_eigen_teams(bereik)
        .filter(status__in=[SignaalStatus.VERLOPEN, SignaalStatus.AFGEWEZEN])
        .order_by("-verloopt_op", "-pk")
    )


def activiteiten_voor(bereik: Bereik) -> QuerySet[Activiteit]:
    qs = bereik.filter_buurt(Activiteit.objects.all(), "subgebied__buurt_id")
    return qs.select_related("team", "subgebied__buurt", "door")


def activiteit_detail(bereik: Bereik, pk) -> Activiteit:
    return get_object_or_404(activiteiten_voor(bereik), pk=pk)


def actieve_themas() -> QuerySet[Thema]:
    return Thema.objects.filter(actief=True).select_related("standaard_primaire_partner")


def registratie_teams(bereik: Bereik) -> QuerySet[Team]:
    """Teams in which the user may log signals and activities."""
    if bereik.rol not in (Rol.MEDEWERKER, Rol.TEAMLEIDER):
        return Team.objects.none()
    return Team.objects.filter(pk__in=bereik.team_ids)
