"""Every read the action views need, scoped to the user (deny by default) and with its joins,
so a page runs a fixed number of queries whatever the data size."""

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from buurten.selectors import bekende_zichtbare_buurt_ids, eigen_team_ids, zichtbare_buurten
from partners.constants import Rol
from partners.models import Medewerker
from signalen.constants import VERBETERPUNT_OPEN, SignaalStatus
from signalen.models import Signaal, Steun, Verbeterpunt
from signalen.selectors import signalen_voor, verbeterpunten_voor

from .constants import ActieStatus
from .models import Actie

# The start page shows the first few of each list and links to the full, filtered list.
HOME_MAX = 10


def acties_voor(user) -> QuerySet[Actie]:
    """The actions of points in the user's teams' buurten; all for a beheerder; else none.

    When the request already resolved the user's buurt ids (buurten.selectors), the scope is
    that list of ints; otherwise a subquery, so no page pays an extra round trip for it."""
    if not user.is_authenticated or not user.is_active:
        return Actie.objects.none()
    qs = Actie.objects.all()
    if not user.is_beheerder:
        buurten = bekende_zichtbare_buurt_ids(user)
        if buurten is None:
            buurten = zichtbare_buurten(user).order_by().values("pk")
        qs = qs.filter(verbeterpunt__buurt_id__in=buurten)
    return qs.select_related(
        "verbeterpunt__buurt",
        "verbeterpunt__thema",
        "eigenaar_partner",
        "verantwoordelijke",
        "trekker",
    )


def actie_detail(user, pk) -> Actie:
    return get_object_or_404(acties_voor(user).select_related("verbeterpunt__team"), pk=pk)


def verbeterpunt_voor_acties(user, pk) -> Verbeterpunt:
    """A point the user may see (404 otherwise), with what the action forms need."""
    return get_object_or_404(verbeterpunten_voor(user), pk=pk)


def acties_van_verbeterpunt(user, verbeterpunt) -> QuerySet[Actie]:
    """The point's actions, ordered to group by owner (partners by name, residents last)."""
    return (
        acties_voor(user)
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
    """Annotate `aantal_actie_partners` and `aantal_open_acties`; a point is integral when
    actions of two or more partners work on it (see `is_integraal`)."""
    return qs.annotate(
        aantal_actie_partners=_aantal_actie_partners(), aantal_open_acties=_aantal_open_acties()
    )


def is_integraal(verbeterpunt: Verbeterpunt) -> bool:
    """Integral: actions (not lapsed) of two or more partners. Uses the annotation when there."""
    aantal = getattr(verbeterpunt, "aantal_actie_partners", None)
    if aantal is None:
        aantal = (
            Actie.objects.filter(verbeterpunt_id=verbeterpunt.pk, eigenaar_partner__isnull=False)
            .exclude(status=ActieStatus.VERVALLEN)
            .values("eigenaar_partner_id")
            .distinct()
            .count()
        )
    return aantal >= 2


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


def mijn_acties(user) -> QuerySet[Actie]:
    """Open actions of the user's partner on points of the user's teams, overdue first."""
    if not user.is_authenticated or user.partner_id is None or user.is_beheerder:
        return Actie.objects.none()
    # All open: "overdue first, then by deadline" is simply by deadline, which the partial index
    # actie_open_partner walks in order, so LIMIT stops early.
    return (
        _voor_tabel(acties_voor(user))
        .open()
        .filter(eigenaar_partner_id=user.partner_id, verbeterpunt__team_id__in=eigen_team_ids(user))
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


def doorverwezen_signalen(user) -> QuerySet[Signaal]:
    """Signals referred to the user's partner as its primary task, in the visible buurten."""
    if not user.is_authenticated or user.partner_id is None or user.is_beheerder:
        return Signaal.objects.none()
    return (
        signalen_voor(user)
        .filter(status=SignaalStatus.DOORVERWEZEN, doorverwezen_naar_id=user.partner_id)
        .select_related(None)
        .select_related("buurt", "thema")
        .order_by("-geregistreerd_op", "-pk")
    )


def verbeterpunten_van_partner(user) -> QuerySet[Verbeterpunt]:
    """Open points the user's partner leads, takes part in or owns an action of."""
    if not user.is_authenticated or user.partner_id is None or user.is_beheerder:
        return Verbeterpunt.objects.none()
    partner_id = user.partner_id
    betrokken = Verbeterpunt.betrokken_partners.through.objects.filter(
        partner_id=partner_id
    ).values("verbeterpunt_id")
    met_actie = Actie.objects.filter(eigenaar_partner_id=partner_id).values("verbeterpunt_id")
    return met_integraal(
        verbeterpunten_voor(user)
        .filter(status__in=VERBETERPUNT_OPEN)
        .filter(Q(trekker_partner_id=partner_id) | Q(pk__in=betrokken) | Q(pk__in=met_actie))
        # The start page shows the buurt's name only: one join instead of five.
        .select_related(None)
        .select_related("buurt")
    ).order_by("-aangemaakt_op", "-pk")


def triage_tellingen(user) -> dict | None:
    """For a teamleider: how many signals wait in their teams' triage queue, by kind."""
    if not user.is_authenticated or user.rol != Rol.TEAMLEIDER:
        return None
    # Only rows that can count (the partial index signaal_triage holds exactly these).
    return (
        Signaal.objects.filter(team_id__in=eigen_team_ids(user))
        .filter(
            Q(status__in=[SignaalStatus.NIEUW, SignaalStatus.DRAAGVLAK_BEREIKT])
            | Q(herbeoordelen=True)
        )
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


def te_late_acties_van_team(user) -> QuerySet[Actie]:
    """For a teamleider: overdue actions across their teams, oldest deadline first."""
    if not user.is_authenticated or user.rol != Rol.TEAMLEIDER:
        return Actie.objects.none()
    return (
        _voor_tabel(acties_voor(user))
        .te_laat()
        .filter(verbeterpunt__team_id__in=eigen_team_ids(user))
        .order_by("deadline", "pk")
    )


def gebeurtenissen_van_actie(actie: Actie):
    """The action's own events on its point's timeline (details name the action by id)."""
    from signalen.constants import GebeurtenisSoort
    from signalen.models import Gebeurtenis

    return (
        Gebeurtenis.objects.filter(
            verbeterpunt_id=actie.verbeterpunt_id,
            wat__in=[
                GebeurtenisSoort.ACTIE_AANGEMAAKT,
                GebeurtenisSoort.ACTIE_BIJGEWERKT,
                GebeurtenisSoort.ACTIE_STATUS,
            ],
            details__actie=actie.pk,
        )
        .select_related("wie")
        .order_by("wanneer", "pk")
    )


def punten_met_te_late_acties(vandaag):
    """Subquery of the ids of points with an open action past its deadline (for the point list's
    filter in signalen, which cannot import acties)."""
    return Actie.objects.te_laat(vandaag).values("verbeterpunt_id")
