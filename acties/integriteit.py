"""Do the stored counters and states agree with their sources? (`manage.py controleer_integriteit`)

The services keep counters next to the rows they count (a signal's `aantal_bewoners`, a point's
`aantal_bewoners` and `aantal_meedoeners`) and states that must fit the transition tables and the
links between rows. Each check here recomputes one of those facts from its source for every row
at once, in one set-based query, and returns the ids of the rows where they differ. Nothing is
repaired: the report names what is wrong (ids only, never personal data) so a person can look.

The counts are the support check's (signalen/steun.py `tel_bewoners`, as
signalen/services.py `draagvlak_van_signaal` and `tel_bewoners_van` feed it): the known reporter
plus every resident with a support that is not withdrawn, each resident once; for a point over
all its signals, and those of them who want to help. tests/acties/test_integriteit.py holds the
query to the pure function on varied data.

Safe while the application serves: every check is one statement, which sees one consistent
state of the database, and every write is one transaction, so no check sees half a write.

It lives in `acties` because that is the app that sees signals, points and actions.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from signalen.constants import SIGNAAL_OVERGANGEN, GebeurtenisSoort, SignaalStatus
from signalen.models import Gebeurtenis, Signaal, Steun

from .constants import ACTIE_OPEN, ACTIE_OVERGANGEN, VERBETERPUNT_OVERGANGEN, VerbeterpuntStatus
from .models import Actie, Verbeterpunt

# At most this many ids per finding in the report; the count is always complete.
MAX_IDS = 50


@dataclass(frozen=True)
class Controle:
    code: str
    onderwerp: str  # what kind of row the ids are of
    omschrijving: str  # what is wrong with them, Dutch (lazy: translated when reported)
    ids: Callable[[], list[int]]


@dataclass(frozen=True)
class Bevinding:
    code: str
    onderwerp: str
    omschrijving: str
    ids: tuple[int, ...]  # sorted, at most MAX_IDS
    aantal: int


# --- SQL over the tables, named from the models (they may move between apps) -----------------


def _tabel(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _kolom(model, veld: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(veld).column)


def _ids_uit_sql(sql: str) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [rij[0] for rij in cursor.fetchall()]


def _bewoners_per_signaal_sql() -> str:
    """signaal_id, number of distinct residents: the reporter and every support not withdrawn."""
    s, st = Signaal, Steun
    return f"""
        SELECT signaal_id, COUNT(DISTINCT bewoner_id) AS aantal FROM (
            SELECT {_kolom(s, "id")} AS signaal_id, {_kolom(s, "melder")} AS bewoner_id
            FROM {_tabel(s)} WHERE {_kolom(s, "melder")} IS NOT NULL
            UNION ALL
            SELECT {_kolom(st, "signaal")}, {_kolom(st, "bewoner")}
            FROM {_tabel(st)} WHERE {_kolom(st, "ingetrokken_op")} IS NULL
        ) bewoners
        GROUP BY signaal_id
    """


def bewoners_per_signaal() -> dict[int, int]:
    """Signal id -> distinct residents backing it, recomputed (signals without any left out)."""
    with connection.cursor() as cursor:
        cursor.execute(_bewoners_per_signaal_sql())
        return dict(cursor.fetchall())


def _signaal_aantal_bewoners() -> list[int]:
    s = Signaal
    return _ids_uit_sql(f"""
        SELECT s.{_kolom(s, "id")} FROM {_tabel(s)} s
        LEFT JOIN ({_bewoners_per_signaal_sql()}) geteld ON geteld.signaal_id = s.{_kolom(s, "id")}
        WHERE s.{_kolom(s, "aantal_bewoners")} <> COALESCE(geteld.aantal, 0)
    """)


def _bewoners_per_verbeterpunt_sql() -> str:
    """verbeterpunt_id, distinct residents over all its signals, and those who want to help."""
    s, st = Signaal, Steun
    punt = _kolom(s, "verbeterpunt")
    return f"""
        SELECT verbeterpunt_id,
               COUNT(DISTINCT bewoner_id) AS aantal,
               COUNT(DISTINCT CASE WHEN meedoen THEN bewoner_id END) AS meedoeners
        FROM (
            SELECT {punt} AS verbeterpunt_id, {_kolom(s, "melder")} AS bewoner_id,
                   FALSE AS meedoen
            FROM {_tabel(s)}
            WHERE {punt} IS NOT NULL AND {_kolom(s, "melder")} IS NOT NULL
            UNION ALL
            SELECT s.{punt}, st.{_kolom(st, "bewoner")}, st.{_kolom(st, "wil_meedoen")}
            FROM {_tabel(st)} st
            JOIN {_tabel(s)} s ON s.{_kolom(s, "id")} = st.{_kolom(st, "signaal")}
            WHERE s.{punt} IS NOT NULL AND st.{_kolom(st, "ingetrokken_op")} IS NULL
        ) bewoners
        GROUP BY verbeterpunt_id
    """


def bewoners_per_verbeterpunt() -> dict[int, tuple[int, int]]:
    """Point id -> (distinct residents, committed residents), recomputed."""
    with connection.cursor() as cursor:
        cursor.execute(_bewoners_per_verbeterpunt_sql())
        return {pk: (aantal, meedoeners) for pk, aantal, meedoeners in cursor.fetchall()}


def _verbeterpunt_aantallen() -> list[int]:
    p = Verbeterpunt
    return _ids_uit_sql(f"""
        SELECT p.{_kolom(p, "id")} FROM {_tabel(p)} p
        LEFT JOIN ({_bewoners_per_verbeterpunt_sql()}) geteld
            ON geteld.verbeterpunt_id = p.{_kolom(p, "id")}
        WHERE p.{_kolom(p, "aantal_bewoners")} <> COALESCE(geteld.aantal, 0)
           OR p.{_kolom(p, "aantal_meedoeners")} <> COALESCE(geteld.meedoeners, 0)
    """)


# --- Checks through the ORM ------------------------------------------------------------------


def _ids(qs) -> list[int]:
    return list(qs.order_by().values_list("pk", flat=True))


def _detail(sleutel: str, waarde) -> Q:
    if waarde is None:  # the key is missing from the event
        return Q(**{f"details__{sleutel}__isnull": True})
    return Q(**{f"details__{sleutel}": waarde})


def _verbeterpunt_overgangen() -> list[int]:
    """Points with a status change in their timeline that the table does not allow. Reads the
    distinct (from, to) pairs, a handful, then only the points of the pairs that are wrong."""
    wijzigingen = Gebeurtenis.objects.filter(wat=GebeurtenisSoort.VERBETERPUNT_STATUS)
    paren = wijzigingen.order_by().values_list("details__van", "details__naar").distinct()
    fout = Q(pk__in=[])
    for van, naar in paren:
        if naar not in VERBETERPUNT_OVERGANGEN.get(van, ()):
            fout |= _detail("van", van) & _detail("naar", naar)
    return sorted(set(wijzigingen.filter(fout).values_list("verbeterpunt_id", flat=True)))


def controles() -> list[Controle]:
    S, V = SignaalStatus, VerbeterpuntStatus
    signalen, punten = Signaal.objects.all(), Verbeterpunt.objects.all()
    beneden_drempel = Q(aantal_bewoners__lt=F("steundrempel"))
    return [
        Controle(
            "signaal_aantal_bewoners",
            gettext_lazy("Signaal"),
            gettext_lazy(
                "aantal_bewoners is niet het aantal verschillende bewoners (melder en niet "
                "ingetrokken steun)"
            ),
            _signaal_aantal_bewoners,
        ),
        Controle(
            "signaal_status",
            gettext_lazy("Signaal"),
            gettext_lazy("status staat niet in de overgangstabel"),
            lambda: _ids(signalen.exclude(status__in=list(SIGNAAL_OVERGANGEN))),
        ),
        Controle(
            "signaal_draagvlak_zonder_datum",
            gettext_lazy("Signaal"),
            gettext_lazy(
                "heeft draagvlak gehad (drempel gehaald, of status draagvlak bereikt of "
                "verbeterpunt) maar draagvlak_bereikt_op is leeg"
            ),
            lambda: _ids(
                signalen.filter(draagvlak_bereikt_op__isnull=True).filter(
                    Q(aantal_bewoners__gte=F("steundrempel"))
                    | Q(status__in=[S.DRAAGVLAK_BEREIKT, S.VERBETERPUNT])
                )
            ),
        ),
        Controle(
            "signaal_nieuw_boven_drempel",
            gettext_lazy("Signaal"),
            gettext_lazy("status nieuw terwijl de drempel gehaald is"),
            lambda: _ids(signalen.filter(status=S.NIEUW).exclude(beneden_drempel)),
        ),
        Controle(
            "signaal_herbeoordelen",
            gettext_lazy("Signaal"),
            gettext_lazy(
                "status draagvlak bereikt: herbeoordelen hoort aan te staan precies wanneer "
                "het aantal bewoners onder de drempel ligt"
            ),
            lambda: _ids(
                signalen.filter(status=S.DRAAGVLAK_BEREIKT).filter(
                    (beneden_drempel & Q(herbeoordelen=False))
                    | (~beneden_drempel & Q(herbeoordelen=True))
                )
            ),
        ),
        Controle(
            "signaal_verbeterpunt_koppeling",
            gettext_lazy("Signaal"),
            gettext_lazy(
                "status verbeterpunt maar niet gekoppeld aan een verbeterpunt, of omgekeerd"
            ),
            lambda: _ids(
                signalen.filter(
                    Q(status=S.VERBETERPUNT, verbeterpunt__isnull=True)
                    | (~Q(status=S.VERBETERPUNT) & Q(verbeterpunt__isnull=False))
                )
            ),
        ),
        Controle(
            "signaal_doorverwezen_koppeling",
            gettext_lazy("Signaal"),
            gettext_lazy("status doorverwezen zonder partner, of een partner zonder die status"),
            lambda: _ids(
                signalen.filter(
                    Q(status=S.DOORVERWEZEN, doorverwezen_naar__isnull=True)
                    | (~Q(status=S.DOORVERWEZEN) & Q(doorverwezen_naar__isnull=False))
                )
            ),
        ),
        Controle(
            "signaal_verbeterpunt_elders",
            gettext_lazy("Signaal"),
            gettext_lazy("gekoppeld aan een verbeterpunt van een ander team of een andere buurt"),
            lambda: _ids(
                signalen.filter(verbeterpunt__isnull=False).filter(
                    ~Q(verbeterpunt__team_id=F("team_id"))
                    | ~Q(verbeterpunt__buurt_id=F("buurt_id"))
                )
            ),
        ),
        Controle(
            "steun_intrekking",
            gettext_lazy("Steun"),
            gettext_lazy("ingetrokken zonder wie, of wie zonder moment van intrekken"),
            lambda: _ids(
                Steun.objects.filter(
                    Q(ingetrokken_op__isnull=True, ingetrokken_door__isnull=False)
                    | Q(ingetrokken_op__isnull=False, ingetrokken_door__isnull=True)
                )
            ),
        ),
        Controle(
            "verbeterpunt_bron",
            gettext_lazy("Verbeterpunt"),
            gettext_lazy(
                "het signaal waaruit het ontstond is niet als verbeterpunt aan dit punt gekoppeld"
            ),
            lambda: _ids(
                punten.filter(
                    ~Q(bron_signaal__verbeterpunt_id=F("pk"))
                    | ~Q(bron_signaal__status=S.VERBETERPUNT)
                    | Q(bron_signaal__verbeterpunt__isnull=True)
                )
            ),
        ),
        Controle(
            "verbeterpunt_aantallen",
            gettext_lazy("Verbeterpunt"),
            gettext_lazy(
                "aantal_bewoners of aantal_meedoeners is niet het aantal verschillende bewoners "
                "over al zijn signalen"
            ),
            _verbeterpunt_aantallen,
        ),
        Controle(
            "verbeterpunt_status",
            gettext_lazy("Verbeterpunt"),
            gettext_lazy("status staat niet in de overgangstabel"),
            lambda: _ids(punten.exclude(status__in=list(VERBETERPUNT_OVERGANGEN))),
        ),
        Controle(
            "verbeterpunt_afgerond_zonder_datum",
            gettext_lazy("Verbeterpunt"),
            gettext_lazy("status afgerond maar afgerond_op is leeg"),
            lambda: _ids(punten.filter(status=V.AFGEROND, afgerond_op__isnull=True)),
        ),
        Controle(
            "verbeterpunt_overgang",
            gettext_lazy("Verbeterpunt"),
            gettext_lazy(
                "de tijdlijn heeft een statuswijziging die de overgangstabel niet toestaat"
            ),
            _verbeterpunt_overgangen,
        ),
        Controle(
            "actie_status",
            gettext_lazy("Actie"),
            gettext_lazy("status staat niet in de overgangstabel"),
            lambda: _ids(Actie.objects.exclude(status__in=list(ACTIE_OVERGANGEN))),
        ),
        Controle(
            "actie_afgerond_op",
            gettext_lazy("Actie"),
            gettext_lazy("afgerond_op hoort gevuld te zijn precies wanneer de actie gesloten is"),
            lambda: _ids(
                Actie.objects.filter(
                    Q(status__in=list(ACTIE_OPEN), afgerond_op__isnull=False)
                    | (~Q(status__in=list(ACTIE_OPEN)) & Q(afgerond_op__isnull=True))
                )
            ),
        ),
    ]


def controleer() -> list[Bevinding]:
    """Run every check; return one finding per check that found rows, in the checks' order."""
    bevindingen = []
    for controle in controles():
        ids = sorted(controle.ids())
        if ids:
            bevindingen.append(
                Bevinding(
                    code=controle.code,
                    onderwerp=str(controle.onderwerp),
                    omschrijving=str(controle.omschrijving),
                    ids=tuple(ids[:MAX_IDS]),
                    aantal=len(ids),
                )
            )
    return bevindingen


def rapport(bevindingen: list[Bevinding]) -> str:
    """The Dutch report an operator reads: per finding what is wrong and which ids."""
    if not bevindingen:
        return _("Integriteitscontrole: alle %(aantal)d controles kloppen.") % {
            "aantal": len(controles())
        }
    regels = [
        _("Integriteitscontrole: %(aantal)d controle(s) vinden fouten.")
        % {"aantal": len(bevindingen)}
    ]
    for bevinding in bevindingen:
        ids = ", ".join(str(pk) for pk in bevinding.ids)
        if bevinding.aantal > len(bevinding.ids):
            ids += " " + _("en %(aantal)d meer") % {"aantal": bevinding.aantal - len(bevinding.ids)}
        regels.append(
            _("- [%(code)s] %(onderwerp)s (%(aantal)d): %(omschrijving)s. Ids: %(ids)s")
            % {
                "code": bevinding.code,
                "onderwerp": bevinding.onderwerp,
                "aantal": bevinding.aantal,
                "omschrijving": bevinding.omschrijving,
                "ids": ids,
            }
        )
    return "\n".join(regels)
