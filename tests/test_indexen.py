"""The list filters and the search are served by an index on PostgreSQL (issue 7).

Checked with EXPLAIN on a realistic bench data set (seed_bench, then ANALYZE), not by switching
sequential scans off: the planner must choose the index by itself.
"""

from copy import copy

import pytest
from django.core.management import call_command
from django.db import connection

from acties.filters import VerbeterpuntFilter
from acties.models import Verbeterpunt
from bench import dataset as bench
from buurten.bereik import bereik_van
from partners.models import Medewerker
from signalen.filters import ActiviteitFilter, SignaalFilter
from signalen.models import Activiteit, Signaal
from signalen.selectors import signalen_voor
from vbt.lijsten.zoeken import zoek

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN of PostgreSQL"),
]


@pytest.fixture
def gevuld(db):
    call_command("seed_bench", signalen=6000, seed=5, verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _plan(qs) -> str:
    plan = qs.explain()
    print(plan)  # shown when the test fails
    return plan


def test_signalenlijst_op_buurt_en_thema_gebruikt_een_index(gevuld):
    user = Medewerker.objects.get(username=bench.BENCH_MEDEWERKER)
    signaal = Signaal.objects.filter(team__leden=user).first()
    qs = signalen_voor(bereik_van(user)).filter(
        buurt_id=signaal.buurt_id, thema_id=signaal.thema_id
    )
    plan = _plan(qs[:25])
    assert "signaal_buurt_thema" in plan
    assert "Seq Scan on signalen_signaal" not in plan


def test_signalenlijst_van_de_beheerder_leest_op_volgorde_uit_de_index(gevuld):
    beheerder = Medewerker.objects.get(username=bench.BENCH_BEHEERDER)
    plan = _plan(signalen_voor(bereik_van(beheerder))[:25])
    assert "Index Scan using signaal_recent on signalen_signaal" in plan


@pytest.mark.parametrize(
    ("model", "velden", "index"),
    [
        (Signaal, SignaalFilter.ZOEKVELDEN, "signaal_zoeken"),
        (Verbeterpunt, VerbeterpuntFilter.ZOEKVELDEN, "verbeterpunt_zoeken"),
        (Activiteit, ActiviteitFilter.ZOEKVELDEN, "activiteit_zoeken"),
    ],
)
def test_zoeken_gebruikt_de_gin_index(gevuld, model, velden, index):
    # A word a few rows have, as people search for: for a word in every tenth row the planner
    # rightly prefers reading the newest rows in order.
    if model is Activiteit:  # one per 50 signals: too few for an index to be worth it
        bron = Activiteit.objects.first()
        kopieen = []
        for nummer in range(3000):
            bron.pk = None
            bron.verslag = f"Ronde {nummer} langs de deuren: zwerfvuil en verlichting."
            kopieen.append(copy(bron))
        Activiteit.objects.bulk_create(kopieen)
    pks = list(model.objects.order_by("pk").values_list("pk", flat=True)[:3])
    model.objects.filter(pk__in=pks).update(**{velden[-1]: "Brandgang achter de garages"})
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {model._meta.db_table}")
    # The query the lists' search box really builds (vbt.lijsten.zoeken), with each list's own
    # fields (its filter's ZOEKVELDEN, which the GIN index was built on).
    qs = zoek(model.objects.all(), "brandgang", velden)
    assert qs.count() >= 3
    plan = _plan(qs.values("pk")[:25])
    assert f"Bitmap Index Scan on {index}" in plan


def test_server_side_cursors_plannen_voor_alle_rijen(db):
    """Exports read every row through a server-side cursor; PostgreSQL plans those for the first
    10% by default (a slower plan for a whole export). The connection sets it to all rows."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW cursor_tuple_fraction")
        assert float(cursor.fetchone()[0]) == 1.0
