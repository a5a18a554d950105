"""Every read a view needs, scoped to the user (deny by default) and with its joins, so a page
runs a fixed number of queries whatever the data size."""

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from buurten.models import Team
from buurten.selectors import (
    bekende_zichtbare_buurt_ids,
    teams_en_buurten,
    teams_voor,
    zichtbare_buurten,
)
from partners.constants import Rol

from .constants import VERBETERPUNT_OPEN, GebeurtenisSoort, SignaalStatus, VerbeterpuntStatus
from .models import Activiteit, Gebeurtenis, Signaal, Steun, Thema, Verbeterpunt


def _zichtbare_buurten_filter(user):
    """What `buurt_id__in=` needs: the user's buurt ids when this request has read them already
    (the list pages do, for their filter choices: a literal list plans faster and better than
    the subquery, see buurten.selectors), else the subquery, so a page that
    does not read them runs no extra query."""
    ids = bekende_zichtbare_buurt_ids(user)
    return zichtbare_buurten(user).values("pk") if ids is None else ids


def _zichtbaar(user, qs: QuerySet) -> QuerySet:
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_beheerder:
        return qs
    return qs.filter(buurt_id__in=_zichtbare_buurten_filter(user))


def signalen_voor(user) -> QuerySet[Signaal]:
    return _zichtbaar(user, Signaal.objects.all()).select_related(
        "buurt", "subgebied", "thema", "team", "doorverwezen_naar"
    )


def signaal_detail(user, pk) -> Signaal:
    """One signal with everything its page shows. The user's teams and their buurten are read
    first in one small query: the scope is then a literal list (a subquery in this ten-table
    query cost PostgreSQL ~10 ms of planning for a 0.3 ms lookup), and whether the user is in
    the signal's team (toegang) is known without loading the team's members."""
    if not user.is_authenticated or not user.is_active:
        raise Http404
    team_ids, buurt_ids = teams_en_buurten(user)
    qs = Signaal.objects.select_related(
        "buurt",
        "subgebied",
        "thema",
        "team",
        "doorverwezen_naar",
        "activiteit",
        "verbeterpunt",
        "geregistreerd_door",
        "melder",
    )
    if not user.is_beheerder:
        qs = qs.filter(buurt_id__in=buurt_ids)
    signaal = get_object_or_404(qs, pk=pk)
    signaal.team.lidmaatschap = {user.pk: signaal.team_id in team_ids}
    return signaal


def steun_van_signaal(signaal: Signaal) -> QuerySet[Steun]:
    return signaal.steun.select_related(
        "bewoner", "geregistreerd_door", "ingetrokken_door", "activiteit"
    ).order_by("geregistreerd_op", "pk")


def _zonder_vreemde_vertrouwelijke_notities(qs: QuerySet[Gebeurtenis], user) -> QuerySet:
    """Even the fact that another partner wrote a confidential note stays with that partner."""
    vertrouwelijk = Q(wat=GebeurtenisSoort.NOTITIE_GEPLAATST, details__vertrouwelijk=True)
    partner_id = getattr(user, "partner_id", None) if user is not None else None
    if partner_id is None:
        return qs.exclude(vertrouwelijk)
    return qs.exclude(vertrouwelijk & ~Q(details__partner=partner_id))


def gebeurtenissen_van_signaal(signaal: Signaal, user=None) -> QuerySet[Gebeurtenis]:
    qs = signaal.gebeurtenissen.select_related("wie").order_by("wanneer", "pk")
    return _zonder_vreemde_vertrouwelijke_notities(qs, user)


def triage_voor(user) -> QuerySet[Signaal]:
    """The team lead's queue: support reached (or to review) first, then those closest to the
    threshold, then those nearest expiry."""
    if not user.is_authenticated or not user.is_active or user.rol != Rol.TEAMLEIDER:
        return Signaal.objects.none()
    team_ids, buurt_ids = teams_en_buurten(user)
    return (
        _signalen_in(buurt_ids)
        .filter(team_id__in=team_ids)
        .filter(
            Q(status__in=[SignaalStatus.NIEUW, SignaalStatus.DRAAGVLAK_BEREIKT])
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


def _signalen_in(buurt_ids) -> QuerySet[Signaal]:
    """signalen_voor(user) for a user who is not a beheerder, with their buurt ids given."""
    return Signaal.objects.filter(buurt_id__in=buurt_ids).select_related(
        "buurt", "subgebied", "thema", "team", "doorverwezen_naar"
    )


def gesloten_in_triage(user) -> QuerySet[Signaal]:
    """The team lead's recently expired or declined signals (to reopen), newest deadline first."""
    if not user.is_authenticated or not user.is_active or user.rol != Rol.TEAMLEIDER:
        return Signaal.objects.none()
    team_ids, buurt_ids = teams_en_buurten(user)
    return (
        _signalen_in(buurt_ids)
        .filter(
            team_id__in=team_ids,
            status__in=[SignaalStatus.VERLOPEN, SignaalStatus.AFGEWEZEN],
        )
        .order_by("-verloopt_op", "-pk")
    )


def teamleider_teams(user) -> QuerySet[Team]:
    if not user.is_authenticated or user.rol != Rol.TEAMLEIDER:
        return Team.objects.none()
    return Team.objects.filter(leden=user)


def verbeterpunten_voor(user) -> QuerySet[Verbeterpunt]:
    return _zichtbaar(user, Verbeterpunt.objects.all()).select_related(
        "buurt", "subgebied", "thema", "team", "trekker_partner"
    )


def _met_lidmaatschap(user, qs: QuerySet) -> QuerySet:
    """Annotate whether the user is a member of the row's team, in the row's own query."""
    if not user.is_authenticated:
        return qs.annotate(ben_lid=Value(False))
    return qs.annotate(
        ben_lid=Exists(
            Team.leden.through.objects.filter(team_id=OuterRef("team_id"), medewerker_id=user.pk)
        )
    )


def _lidmaatschap_onthouden(user, obj):
    """Give the team the answer toegang._lid_van needs, so access checks cost no query."""
    if user.is_authenticated:
        obj.team.lidmaatschap = {user.pk: obj.ben_lid}
    return obj


def verbeterpunt_detail(user, pk) -> Verbeterpunt:
    qs = _met_lidmaatschap(user, verbeterpunten_voor(user)).prefetch_related(
        "betrokken_partners",
        "initiatieven",
        Prefetch(
            "signalen",
            queryset=Signaal.objects.select_related("subgebied").order_by("geregistreerd_op"),
        ),
    )
    return _lidmaatschap_onthouden(user, get_object_or_404(qs, pk=pk))


def open_verbeterpunten_voor_koppelen(signaal: Signaal) -> QuerySet[Verbeterpunt]:
    """Points a signal can be merged into: open, same team and buurt."""
    return Verbeterpunt.objects.filter(
        team_id=signaal.team_id,
        buurt_id=signaal.buurt_id,
        status__in=[
            VerbeterpuntStatus.VASTGESTELD,
            VerbeterpuntStatus.PLAN_VAN_AANPAK,
            VerbeterpuntStatus.IN_UITVOERING,
        ],
    ).order_by("-aangemaakt_op")


def meedoende_steun_van_verbeterpunt(verbeterpunt: Verbeterpunt) -> QuerySet[Steun]:
    return (
        Steun.objects.filter(
            signaal__verbeterpunt=verbeterpunt, ingetrokken_op__isnull=True, wil_meedoen=True
        )
        .select_related("bewoner", "signaal")
        .order_by("geregistreerd_op", "pk")
    )


def gebeurtenissen_van_verbeterpunt(verbeterpunt: Verbeterpunt, user=None) -> QuerySet:
    """The point's timeline: its own events and those of its signals."""
    qs = (
        # The signals' ids as values (the detail page has them prefetched): two indexed
        # conditions the planner ORs; a join or subquery inside the OR reads the whole log.
        Gebeurtenis.objects.filter(
            Q(verbeterpunt=verbeterpunt)
            | Q(signaal_id__in=[signaal.pk for signaal in verbeterpunt.signalen.all()])
        )
        .select_related("wie")
        .order_by("wanneer", "pk")
    )
    return _zonder_vreemde_vertrouwelijke_notities(qs, user)


def loopt_spaak_filter() -> Q:
    """Matches Verbeterpunt.loopt_spaak: open, no committed resident, past the team's window."""
    return Q(
        status__in=list(VERBETERPUNT_OPEN),
        aantal_meedoeners=0,
        spaak_na__lte=timezone.now(),
    )


def activiteiten_voor(user) -> QuerySet[Activiteit]:
    if not user.is_authenticated or not user.is_active:
        return Activiteit.objects.none()
    qs = Activiteit.objects.all()
    if not user.is_beheerder:
        qs = qs.filter(subgebied__buurt_id__in=_zichtbare_buurten_filter(user))
    return qs.select_related("team", "subgebied__buurt", "door")


def activiteit_detail(user, pk) -> Activiteit:
    return get_object_or_404(activiteiten_voor(user), pk=pk)


def actieve_themas() -> QuerySet[Thema]:
    return Thema.objects.filter(actief=True).select_related("standaard_primaire_partner")


def registratie_teams(user) -> QuerySet[Team]:
    """Teams in which the user may log signals and activities."""
    if not user.is_authenticated or user.rol not in (Rol.MEDEWERKER, Rol.TEAMLEIDER):
        return Team.objects.none()
    return teams_voor(user)


def zichtbare_notities(user, qs=None):
    """Notes a user may read: non-confidential ones, and confidential ones of their own partner.
    Use this everywhere notes appear (detail, timeline, exports, admin)."""
    from .models import Notitie

    qs = Notitie.objects.all() if qs is None else qs
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.partner_id is None:
        return qs.filter(vertrouwelijk=False)
    return qs.filter(Q(vertrouwelijk=False) | Q(partner_id=user.partner_id))


def notities_van_verbeterpunt(user, verbeterpunt):
    return zichtbare_notities(user, verbeterpunt.notities.all()).select_related("auteur", "partner")


def notities_van_signaal(user, signaal):
    return zichtbare_notities(user, signaal.notities.all()).select_related("auteur", "partner")
