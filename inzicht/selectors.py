"""The dashboard's figures and the buurt report: scoped aggregate reads, one function per figure,
each one query whatever the data size, returning plain data (no model instances to walk).

Scope comes from the existing selectors (`signalen_voor`, `verbeterpunten_voor`, `acties_voor`):
the user's teams' buurten, everything for a beheerder, nothing otherwise.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection
from django.db.models import (
    Aggregate,
    Case,
    Count,
    F,
    FloatField,
    Func,
    Q,
    QuerySet,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404
from django.utils import timezone

from acties.constants import VERBETERPUNT_OPEN, ActieStatus, VerbeterpuntStatus
from acties.models import Actie, Verbeterpunt
from acties.selectors import acties_voor, loopt_spaak_filter, verbeterpunten_voor
from buurten.bereik import Bereik
from buurten.constants import SubgebiedSoort
from buurten.models import Buurt, Subgebied
from buurten.selectors import zichtbare_buurten
from signalen.constants import SignaalStatus
from signalen.models import Signaal
from signalen.selectors import signalen_voor
from vbt.datums import maanden_terug

MAANDEN = 12
SPAAK_LIJST_MAX = 10


def tijdzone() -> ZoneInfo:
    # Months and days are Maastricht's, not UTC's: a signal at 00:30 on 1 March is March's.
    return ZoneInfo(settings.TIME_ZONE)


def begin_van_dag(dag: date) -> datetime:
    return datetime.combine(dag, time.min, tzinfo=tijdzone())


@dataclass(frozen=True)
class Selectie:
    """What the dashboard counts: the user's scope, optionally one team, and a period (both
    dates included)."""

    bereik: Bereik
    van: date
    tot: date
    team_id: int | None = None

    @property
    def begin(self) -> datetime:
        return begin_van_dag(self.van)

    @property
    def eind(self) -> datetime:
        """Exclusive end: the start of the day after `tot`."""
        return begin_van_dag(self.tot + timedelta(days=1))

    def signalen(self) -> QuerySet[Signaal]:
        qs = signalen_voor(self.bereik).order_by()
        return qs.filter(team_id=self.team_id) if self.team_id else qs

    def verbeterpunten(self) -> QuerySet[Verbeterpunt]:
        qs = verbeterpunten_voor(self.bereik).order_by()
        return qs.filter(team_id=self.team_id) if self.team_id else qs

    def acties(self) -> QuerySet[Actie]:
        qs = acties_voor(self.bereik).order_by()
        return qs.filter(verbeterpunt__team_id=self.team_id) if self.team_id else qs


# --- Database helpers ------------------------------------------------------------------------


class Dagen(Func):
    """Days from `begin` to `eind` (two datetimes) as a fraction, computed in the database."""

    output_field = FloatField()

    def __init__(self, eind, begin, **extra):
        super().__init__(eind, begin, **extra)

    def as_sql(self, compiler, connection, **extra_context):
        raise NotImplementedError("Dagen is written for PostgreSQL and SQLite only.")

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template="(EXTRACT(EPOCH FROM (%(expressions)s))::double precision / 86400.0)",
            arg_joiner=" - ",
            **extra_context,
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template="(julianday(%(expressions)s))",
            arg_joiner=") - julianday(",
            **extra_context,
        )


class Mediaan(Aggregate):
    """PostgreSQL's exact median (the mean of the middle two for an even count)."""

    function = "percentile_cont"
    name = "Mediaan"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def mediaan(qs: QuerySet, waarde) -> float | None:
    """The median of `waarde` over `qs`, in one query on every database."""
    if connection.vendor == "postgresql":
        return qs.aggregate(m=Mediaan(waarde))["m"]
    # Elsewhere (SQLite) no median aggregate: number the rows in order and fetch only the middle
    # one or two, so at most two rows ever leave the database.
    midden = list(
        qs.annotate(
            _waarde=waarde,
            _rang=Window(RowNumber(), order_by=F("_waarde").asc()),
            _aantal=Window(Count("pk")),
        )
        .filter(_rang__gte=(F("_aantal") + 1) / 2, _rang__lte=(F("_aantal") + 2) / 2)
        .values_list("_waarde", flat=True)
    )
    return sum(midden) / len(midden) if midden else None


def percentage(deel: int, geheel: int) -> float | None:
    return round(100 * deel / geheel, 1) if geheel else None


# --- Dashboard figures -----------------------------------------------------------------------


def _maanden(selectie: Selectie) -> list[date]:
    """The first days of the 12 months up to and including the month of `tot`."""
    laatste = selectie.tot.replace(day=1)
    return [maanden_terug(laatste, n) for n in range(MAANDEN - 1, -1, -1)]


def signaaltellingen(selectie: Selectie) -> list[dict]:
    """The counts the dashboard shows of signals, per buurt, in one query: per month of the 12
    months up to `tot` (`m0`..`m11`), and of the signals logged in the period how many there
    are, reached support, became (part of) a point and saw that point completed.

    One pass over the scoped signals of the months and the period, counted between Maastricht's
    day and month boundaries (no per-row time zone conversion) and grouped by buurt: at most one
    row per buurt, whatever the number of signals. The month chart and the funnel are the sums;
    the map shows the buurten."""
    maanden = _maanden(selectie)
    grenzen = [begin_van_dag(m) for m in maanden]
    grenzen.append(begin_van_dag((maanden[-1] + timedelta(days=32)).replace(day=1)))
    in_maanden = Q(geregistreerd_op__gte=grenzen[0], geregistreerd_op__lt=grenzen[-1])
    in_periode = Q(geregistreerd_op__gte=selectie.begin, geregistreerd_op__lt=selectie.eind)
    punt = Q(verbeterpunt__isnull=False)
    per_maand = {
        f"m{i}": Count(
            "pk", filter=Q(geregistreerd_op__gte=grenzen[i], geregistreerd_op__lt=grenzen[i + 1])
        )
        for i in range(len(maanden))
    }
    return list(
        selectie.signalen()
        .filter(in_maanden | in_periode)
        .values("buurt_id")
        .annotate(
            **per_maand,
            # Aliases apart from the field names: "verbeterpunt" would shadow the relation.
            aantal_signalen=Count("pk", filter=in_periode),
            # A point is only made from a signal that passed the check; counting points here too
            # keeps the funnel monotonic for data from before the moment was stored.
            aantal_draagvlak=Count(
                "pk", filter=in_periode & (Q(draagvlak_bereikt_op__isnull=False) | punt)
            ),
            aantal_verbeterpunt=Count("pk", filter=in_periode & punt),
            # A lookup in the (small) set of completed points, not a join of every signal.
            aantal_afgerond=Count(
                "pk",
                filter=in_periode
                & Q(
                    verbeterpunt_id__in=Verbeterpunt.objects.filter(
                        status=VerbeterpuntStatus.AFGEROND
                    ).values("pk")
                ),
            ),
        )
        .order_by("buurt_id")
    )


def _som(tellingen: list[dict], sleutel: str) -> int:
    return sum(rij[sleutel] for rij in tellingen)


def signalen_per_maand(selectie: Selectie, tellingen: list[dict] | None = None) -> list[dict]:
    """Signals per calendar month for the 12 months up to and including the month of `tot`,
    empty months included (as 0). From `tellingen` (signaaltellingen) or one query."""
    tellingen = signaaltellingen(selectie) if tellingen is None else tellingen
    return [
        {"maand": m, "aantal": _som(tellingen, f"m{i}")} for i, m in enumerate(_maanden(selectie))
    ]


def signalen_per_buurt(selectie: Selectie, tellingen: list[dict] | None = None) -> list[dict]:
    """Signals logged in the period per buurt (only buurten that have any)."""
    tellingen = signaaltellingen(selectie) if tellingen is None else tellingen
    return [
        {"buurt_id": rij["buurt_id"], "aantal": rij["aantal_signalen"]}
        for rij in tellingen
        if rij["aantal_signalen"]
    ]


def trechter(selectie: Selectie, tellingen: list[dict] | None = None) -> list[dict]:
    """Signals logged in the period, and how many of them reached support, became (part of) an
    improvement point, and saw that point completed."""
    tellingen = signaaltellingen(selectie) if tellingen is None else tellingen
    tellingen = {
        f"aantal_{stap}": _som(tellingen, f"aantal_{stap}")
        for stap in ("signalen", "draagvlak", "verbeterpunt", "afgerond")
    }
    totaal = tellingen["aantal_signalen"]
    rijen = []
    vorige = None
    for stap in ("signalen", "draagvlak", "verbeterpunt", "afgerond"):
        aantal = tellingen[f"aantal_{stap}"]
        rijen.append(
            {
                "stap": stap,
                "aantal": aantal,
                "van_vorige": None if vorige is None else percentage(aantal, vorige),
                "van_totaal": percentage(aantal, totaal),
            }
        )
        vorige = aantal
    return rijen


def open_verbeterpunten_per_buurt(selectie: Selectie) -> list[dict]:
    """Open points per buurt, and how many of those loop spaak."""
    return list(
        selectie.verbeterpunten()
        .filter(status__in=sorted(VERBETERPUNT_OPEN))
        .values("buurt_id", naam=F("buurt__naam"))
        .annotate(aantal=Count("pk"), spaak=Count("pk", filter=loopt_spaak_filter()))
        .order_by("naam", "buurt_id")
    )


def open_verbeterpunten_per_thema(selectie: Selectie) -> list[dict]:
    return list(
        selectie.verbeterpunten()
        .filter(status__in=sorted(VERBETERPUNT_OPEN))
        .values("thema_id", naam=F("thema__naam"))
        .annotate(aantal=Count("pk"))
        .order_by("-aantal", "naam")
    )


def te_late_acties_per_partner(selectie: Selectie, vandaag: date | None = None) -> list[dict]:
    """Overdue actions (open, past the deadline) per owning partner; the residents' own actions
    as one row with `partner` None."""
    return list(
        selectie.acties()
        .te_laat(vandaag or timezone.localdate())
        .values("eigenaar_partner_id", "eigenaar_bewoners", partner=F("eigenaar_partner__naam"))
        .annotate(aantal=Count("pk"))
        # Residents (no partner) last on every database; SQLite would put NULL first.
        .order_by("-aantal", F("partner").asc(nulls_last=True))
    )


def mediaan_dagen_signaal_tot_verbeterpunt(selectie: Selectie) -> float | None:
    """Median days from a signal being logged to its point being made, over points made in the
    period. A signal logged after its point existed (merged in later) has no such span and is
    left out rather than counted as negative."""
    qs = selectie.signalen().filter(
        verbeterpunt__aangemaakt_op__gte=selectie.begin,
        verbeterpunt__aangemaakt_op__lt=selectie.eind,
        geregistreerd_op__lte=F("verbeterpunt__aangemaakt_op"),
    )
    return mediaan(qs, Dagen(F("verbeterpunt__aangemaakt_op"), F("geregistreerd_op")))


def mediaan_dagen_verbeterpunt_tot_afgerond(selectie: Selectie) -> float | None:
    """Median days from a point being made to it being completed, over points completed in the
    period (and still completed: a reopened point is not done)."""
    qs = selectie.verbeterpunten().filter(
        status=VerbeterpuntStatus.AFGEROND,
        afgerond_op__gte=selectie.begin,
        afgerond_op__lt=selectie.eind,
    )
    return mediaan(qs, Dagen(F("afgerond_op"), F("aangemaakt_op")))


def verbeterpunten_die_spaak_lopen(selectie: Selectie, aantal: int = SPAAK_LIJST_MAX) -> list:
    """The points that loop spaak longest (the total is in the per-buurt figures)."""
    return list(
        selectie.verbeterpunten()
        .filter(loopt_spaak_filter())
        .select_related(None)
        .select_related("buurt", "thema")
        .only("titel", "spaak_na", "status", "buurt__naam", "thema__naam")
        .order_by("spaak_na", "pk")[:aantal]
    )


# --- Buurt report ----------------------------------------------------------------------------
# Only what can go back to residents: no resident, no contact details, no notes, no reasons,
# and not the signal's own description (free text typed in the street that can name people).
# Signals are counted per theme and place, not listed one by one: a single signal with its date
# and street can point at the neighbour who raised it. The lists are capped so a busy buurt
# still gives a report (and a PDF) of a few pages.

RAPPORT_MAX = 50


def buurtrapport_buurt(bereik: Bereik, pk) -> Buurt:
    """A buurt the user may see; 404 otherwise."""
    return get_object_or_404(zichtbare_buurten(bereik), pk=pk)


def rapport_subgebieden(buurt: Buurt) -> list[str]:
    """The names of the buurt's subgebieden: the whole buurt first, then by name."""
    return list(
        Subgebied.objects.filter(buurt_id=buurt.pk)
        .order_by(Case(When(soort=SubgebiedSoort.HELE_BUURT, then=0), default=1), "naam", "pk")
        .values_list("naam", flat=True)
    )


def rapport_signalen_per_thema(
    bereik: Bereik, buurt: Buurt, begin: datetime, eind: datetime
) -> list:
    """Signals logged in the period per theme and subgebied, and how far they came."""
    return list(
        signalen_voor(bereik)
        .filter(buurt_id=buurt.pk, geregistreerd_op__gte=begin, geregistreerd_op__lt=eind)
        .order_by()
        .values(thema_naam=F("thema__naam"), subgebied_naam=F("subgebied__naam"))
        .annotate(
            aantal=Count("pk"),
            draagvlak=Count(
                "pk", filter=Q(draagvlak_bereikt_op__isnull=False) | Q(verbeterpunt__isnull=False)
            ),
            verbeterpunt=Count("pk", filter=Q(verbeterpunt__isnull=False)),
            doorverwezen=Count("pk", filter=Q(status=SignaalStatus.DOORVERWEZEN)),
        )
        .order_by("thema_naam", "subgebied_naam")
    )


def rapport_verbeterpunten(
    bereik: Bereik, buurt: Buurt, begin: datetime, eind: datetime
) -> QuerySet[Verbeterpunt]:
    """Points the team worked on in the period: made before its end and open, or closed
    (completed or stopped) within it."""
    return (
        verbeterpunten_voor(bereik)
        .filter(buurt_id=buurt.pk, aangemaakt_op__lt=eind)
        .filter(Q(status__in=sorted(VERBETERPUNT_OPEN)) | Q(status_sinds__gte=begin))
        .select_related(None)
        .select_related("thema", "subgebied")
        .only(
            "titel",
            "status",
            "aangemaakt_op",
            "aantal_bewoners",
            "aantal_meedoeners",
            "thema__naam",
            "subgebied__naam",
        )
        .order_by("aangemaakt_op", "pk")
    )


def _rapport_acties(bereik: Bereik, buurt: Buurt) -> QuerySet[Actie]:
    return (
        acties_voor(bereik)
        .filter(verbeterpunt__buurt_id=buurt.pk)
        .select_related(None)
        .select_related("verbeterpunt", "eigenaar_partner")
        .only(
            "omschrijving",
            "deadline",
            "status",
            "afgerond_op",
            "eigenaar_bewoners",
            "eigenaar_partner__naam",
            "verbeterpunt__titel",
        )
    )


def rapport_acties_gedaan(bereik: Bereik, buurt: Buurt, begin: datetime, eind: datetime):
    return (
        _rapport_acties(bereik, buurt)
        .filter(status=ActieStatus.GEREED, afgerond_op__gte=begin, afgerond_op__lt=eind)
        .order_by("afgerond_op", "pk")
    )


def rapport_acties_komend(bereik: Bereik, buurt: Buurt):
    return _rapport_acties(bereik, buurt).open().order_by("deadline", "pk")
