"""Every read the point and action views need, scoped by the user's `Bereik` (deny by default)
and with its joins, so a page runs a fixed number of queries whatever the data size."""

from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from buurten.bereik import Bereik
from partners.models import Medewerker
from signalen.constants import SIGNAAL_OPEN, GebeurtenisSoort, SignaalStatus
from signalen.models import Gebeurtenis, Signaal, Steun
from signalen.selectors import signalen_voor, zonder_vreemde_vertrouwelijke

from .constants import INTEGRAAL_VANAF, VERBETERPUNT_OPEN, ActieStatus, VerbeterpuntStatus
from .models import Actie, Notitie, Verbeterpunt

# The start page shows the first few of each list and links to the full, filtered list.
HOME_MAX = 10


# --- Points -----------------------------------------------------------------------------------


def verbeterpunten_voor(bereik: Bereik) -> QuerySet[Verbeterpunt]:
    return bereik.filter_buurt(Verbeterpunt.objects.all()).select_related(
        "buurt", "subgebied", "thema", "team", "trekker_partner"
    )


def verbeterpunt_detail(bereik: Bereik, pk) -> Verbeterpunt:
    qs = verbeterpunten_voor(bereik).prefetch_related(
        "betrokken_partners",
        "initiatieven",
        Prefetch(
            "signalen",
            queryset=Signaal.objects.select_related("subgebied").order_by("geregistreerd_op"),
        ),
    )
    return get_object_or_404(qs, pk=pk)


def open_verbeterpunten_voor_koppelen(signaal: Signaal) -> QuerySet[Verbeterpunt]:
    """Points a signal can be merged into: open, same team and buurt."""
    return Verbeterpunt.objects.filter(
        team_id=signaal.team_id, buurt_id=signaal.buurt_id, status__in=sorted(VERBETERPUNT_OPEN)
    ).order_by("-aangemaakt_op")


def meedoende_steun_van_verbeterpunt(verbeterpunt: Verbeterpunt) -> QuerySet[Steun]:
    """Residents who want to help carry the point (not withdrawn): they can own a residents'
    action as its trekker."""
    return (
        Steun.objects.filter(
            signaal__verbeterpunt_id=verbeterpunt.pk, ingetrokken_op__isnull=True, wil_meedoen=True
        )
        .select_related("bewoner", "signaal")
        .order_by("geregistreerd_op", "pk")
    )


def gebeurtenissen_van_verbeterpunt(verbeterpunt: Verbeterpunt, bereik: Bereik) -> list:
    """The point's timeline: its own events and those of its signals, a status change with the
    label of the point's new status."""
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
    return met_nieuwe_status(zonder_vreemde_vertrouwelijke(qs, bereik))


def met_nieuwe_status(gebeurtenissen) -> list:
    """The events, each with `naar_label`: a point's new status after a status change ("" for
    other events), so the timeline says which step was taken, not only that one was."""
    gebeurtenissen = list(gebeurtenissen)
    for gebeurtenis in gebeurtenissen:
        naar = gebeurtenis.details.get("naar")
        is_punt = (
            gebeurtenis.wat == GebeurtenisSoort.VERBETERPUNT_STATUS and naar in VerbeterpuntStatus
        )
        gebeurtenis.naar_label = VerbeterpuntStatus(naar).label if is_punt else ""
    return gebeurtenissen


def loopt_spaak_filter() -> Q:
    """Matches Verbeterpunt.loopt_spaak: open, no committed resident, past the team's window."""
    return Q(
        status__in=sorted(VERBETERPUNT_OPEN),
        aantal_meedoeners=0,
        spaak_na__lte=timezone.now(),
    )


def zichtbare_notities(bereik: Bereik, qs=None) -> QuerySet[Notitie]:
    """Notes a user may read: non-confidential ones, and confidential ones of their own partner.
    Use this everywhere notes appear (detail, timeline, exports, admin)."""
    qs = Notitie.objects.all() if qs is None else qs
    if bereik.is_leeg:
        return qs.none()
    eigen = Q(vertrouwelijk=False)
    if bereik.partner_id is not None:
        eigen |= Q(partner_id=bereik.partner_id)
    return qs.filter(eigen)


def notities_van_verbeterpunt(bereik: Bereik, verbeterpunt: Verbeterpunt) -> QuerySet[Notitie]:
    return zichtbare_notities(bereik, verbeterpunt.notities.all()).select_related(
        "auteur", "partner"
    )


# --- Actions ----------------------------------------------------------------------------------


def acties_voor(bereik: Bereik) -> QuerySet[Actie]:
    """The actions of points in the user's teams' buurten; all for a beheerder; else none."""
    qs = bereik.filter_buurt(Actie.objects.all(), "verbeterpunt__buurt_id")
    return qs.select_related(
        "verbeterpunt__buurt",
        "verbeterpunt__thema",
        "eigenaar_partner",
        "verantwoordelijke",
        "trekker",
    )


def actie_detail(bereik: Bereik, pk) -> Actie:
    return get_object_or_404(acties_voor(bereik).select_related("verbeterpunt__team"), pk=pk)


def verbeterpunt_voor_acties(bereik: Bereik, pk) -> Verbeterpunt:
    """A point the user may see (404 otherwise), with what the action forms need."""
    return get_object_or_404(verbeterpunten_voor(bereik), pk=pk)


def acties_van_verbeterpunt(bereik: Bereik, verbeterpunt) -> QuerySet[Actie]:
    """The point's actions, ordered to group by owner (partners by name, residents last)."""
    return (
        acties_voor(bereik)
        .filter(verbeterpunt_id=verbeterpunt.pk)
        .met_te_laat()
        .order_by("eigenaar_bewoners", "eigenaar_partner__naam", "te_laat_sortering", "deadline")
    )


def _aantal_actie_partners():
    """Subquery: distinct partners owning a (non-lapsed) action of the outer point."""
    return Coalesce(
        Subquery(
            Actie.objects.filter(verbeterpunt_id=OuterRef("pk"), eigenaar_partner__isnull=False)
            .exclude(status=ActieStatus.VERVALLEN)
            .order_by()
            .values("verbeterpunt_id")
            .annotate(n=Count("eigenaar_partner_id", distinct=True))
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def _aantal_open_acties():
    return Coalesce(
        Subquery(
            Actie.objects.filter(verbeterpunt_id=OuterRef("pk"))
            .open()
            .order_by()
            .values("verbeterpunt_id")
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def met_integraal(qs: QuerySet[Verbeterpunt]) -> QuerySet[Verbeterpunt]:
    """Annotate `aantal_actie_partners`, `aantal_open_acties` and `integraal`: actions (not
    lapsed) of INTEGRAAL_VANAF or more partners work on the point."""
    return qs.annotate(
        aantal_actie_partners=_aantal_actie_partners(), aantal_open_acties=_aantal_open_acties()
    ).annotate(
        integraal=ExpressionWrapper(
            Q(aantal_actie_partners__gte=INTEGRAAL_VANAF), output_field=BooleanField()
        )
    )


def is_integraal(acties) -> bool:
    """The same rule over a point's actions already loaded."""
    partners = {
        a.eigenaar_partner_id
        for a in acties
        if a.eigenaar_partner_id and a.status != ActieStatus.VERVALLEN
    }
    return len(partners) >= INTEGRAAL_VANAF


def trekkers_van_verbeterpunt(verbeterpunt) -> QuerySet[Steun]:
    """Residents who can carry a residents' action: committed, not withdrawn, of this point."""
    return (
        Steun.objects.filter(
            signaal__verbeterpunt_id=verbeterpunt.pk,
            wil_meedoen=True,
            ingetrokken_op__isnull=True,
        )
        .only("pk", "bewoner_id", "signaal_id")
        .order_by("geregistreerd_op", "pk")
    )


def teamleden_voor_verantwoordelijke(team) -> QuerySet[Medewerker]:
    return (
        Medewerker.objects.filter(teams=team, is_active=True, partner__isnull=False)
        .select_related("partner")
        .order_by("partner__naam", "first_name", "last_name", "username")
    )


# --- Home page ------------------------------------------------------------------------------


def mijn_acties(bereik: Bereik) -> QuerySet[Actie]:
    """Open actions of the user's partner on points of the user's teams, overdue first."""
    if bereik.partner_id is None or bereik.is_beheerder:
        return Actie.objects.none()
    # All open: "overdue first, then by deadline" is simply by deadline, which the partial index
    # actie_open_partner walks in order, so LIMIT stops early.
    return (
        _voor_tabel(acties_voor(bereik))
        .open()
        .filter(
            eigenaar_partner_id=bereik.partner_id,
            verbeterpunt__team_id__in=sorted(bereik.team_ids),
        )
        .order_by("deadline", "pk")
    )


# What acties/_actie_tabel.html (with its status badge and buttons) reads of a row: the rest of
# the five joined rows is not fetched (a user's password hash has no place on a page).
TABEL_VELDEN = (
    "omschrijving",
    "verbeterpunt_id",
    "eigenaar_partner_id",
    "eigenaar_bewoners",
    "verantwoordelijke_id",
    "deadline",
    "status",
    "versie",
    "verbeterpunt__titel",
    "verbeterpunt__buurt__naam",
    "verbeterpunt__thema__naam",
    "eigenaar_partner__naam",
    "verantwoordelijke__first_name",
    "verantwoordelijke__last_name",
    "verantwoordelijke__username",
)


def _voor_tabel(qs: QuerySet[Actie]) -> QuerySet[Actie]:
    """Only the joins and columns `acties/_actie_tabel.html` shows (not the resident leading the
    action)."""
    return (
        qs.select_related(None)
        .select_related(
            "verbeterpunt__buurt", "verbeterpunt__thema", "eigenaar_partner", "verantwoordelijke"
        )
        .only(*TABEL_VELDEN)
    )


def doorverwezen_signalen(bereik: Bereik) -> QuerySet[Signaal]:
    """Signals referred to the user's partner as its primary task, in the visible buurten."""
    if bereik.partner_id is None or bereik.is_beheerder:
        return Signaal.objects.none()
    return (
        signalen_voor(bereik)
        .filter(status=SignaalStatus.DOORVERWEZEN, doorverwezen_naar_id=bereik.partner_id)
        .select_related(None)
        .select_related("buurt", "thema")
        .order_by("-geregistreerd_op", "-pk")
    )


def verbeterpunten_van_partner(bereik: Bereik) -> QuerySet[Verbeterpunt]:
    """Open points the user's partner leads, takes part in or owns an action of."""
    if bereik.partner_id is None or bereik.is_beheerder:
        return Verbeterpunt.objects.none()
    partner_id = bereik.partner_id
    betrokken = Verbeterpunt.betrokken_partners.through.objects.filter(
        partner_id=partner_id
    ).values("verbeterpunt_id")
    met_actie = Actie.objects.filter(eigenaar_partner_id=partner_id).values("verbeterpunt_id")
    return met_integraal(
        verbeterpunten_voor(bereik)
        .filter(status__in=sorted(VERBETERPUNT_OPEN))
        .filter(Q(trekker_partner_id=partner_id) | Q(pk__in=betrokken) | Q(pk__in=met_actie))
        # The start page shows the buurt's name only: one join instead of five.
        .select_related(None)
        .select_related("buurt")
    ).order_by("-aangemaakt_op", "-pk")


def triage_tellingen(bereik: Bereik) -> dict | None:
    """For a teamleider: how many signals wait in their teams' triage queue, by kind."""
    if not bereik.is_teamleider:
        return None
    # Only rows that can count (the partial index signaal_triage holds exactly these).
    return (
        Signaal.objects.filter(team_id__in=sorted(bereik.team_ids))
        .filter(Q(status__in=sorted(SIGNAAL_OPEN)) | Q(herbeoordelen=True))
        .order_by()
        .aggregate(
            nieuw=Count("pk", filter=Q(status=SignaalStatus.NIEUW, herbeoordelen=False)),
            draagvlak_bereikt=Count(
                "pk", filter=Q(status=SignaalStatus.DRAAGVLAK_BEREIKT, herbeoordelen=False)
            ),
            herbeoordelen=Count(
                "pk",
                filter=Q(herbeoordelen=True)
                & Q(
                    status__in=[
                        SignaalStatus.NIEUW,
                        SignaalStatus.DRAAGVLAK_BEREIKT,
                        SignaalStatus.DOORVERWEZEN,
                    ]
                ),
            ),
        )
    )


def te_late_acties_van_team(bereik: Bereik) -> QuerySet[Actie]:
    """For a teamleider: overdue actions across their teams, oldest deadline first."""
    if not bereik.is_teamleider:
        return Actie.objects.none()
    return (
        _voor_tabel(acties_voor(bereik))
        .te_laat()
        .filter(verbeterpunt__team_id__in=sorted(bereik.team_ids))
        .order_by("deadline", "pk")
    )


def gebeurtenissen_van_actie(actie: Actie) -> QuerySet[Gebeurtenis]:
    """The action's own events on its point's timeline."""
    return actie.gebeurtenissen.select_related("wie").order_by("wanneer", "pk")


def punten_met_te_late_acties(vandaag) -> QuerySet:
    """Subquery of the ids of points with an open action past its deadline."""
    return Actie.objects.te_laat(vandaag).values("verbeterpunt_id")
