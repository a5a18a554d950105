"""A mixed read and write load (issue 14): 50 staff at once for 60 seconds against gunicorn
with production-like settings on a seeded PostgreSQL database, logging signals and supports
while they open pages (bench/gemengd.py, the same load `make bench` reports). No error at all,
every confirmed write stored exactly, and `controleer_integriteit` clean afterwards."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from bench import dataset as seed
from bench import gemengd
from partners.models import Medewerker
from signalen.models import Signaal
from tests.bedrijfsvoering.servers import gunicorn_server

pytestmark = [
    pytest.mark.belasting,
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the load runs on PostgreSQL"),
]

GEBRUIKERS = 50
DUUR = 60


def test_gemengde_belasting(server_db, tmp_path):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_bench", signalen=2000, seed=7, stdout=StringIO())
    plekken = gemengd.werkplekken(
        GEBRUIKERS,
        wachtwoord=seed.BENCH_WACHTWOORD,
        gebruikers=Medewerker.objects.filter(username__startswith="bench-m"),
    )
    assert len({p.username for p in plekken}) == GEBRUIKERS
    voor = Signaal.objects.count()

    with gunicorn_server(server_db.url, tmp_path, workers=2, threads=4, timeout=60) as server:
        uitslag = gemengd.belasting(server.url, plekken, duur=DUUR)
        log = server.logtekst()

    print(
        f"{GEBRUIKERS} gebruikers, {uitslag.duur:.0f} s: {uitslag.aantal} verzoeken, "
        f"{uitslag.per_seconde:.1f}/s, waarvan schrijvend {uitslag.schrijvend_per_seconde:.1f}/s"
    )
    assert uitslag.fouten == []
    assert "Traceback" not in log
    assert len(uitslag.signalen) >= GEBRUIKERS  # every user wrote at least once
    assert all(bewoners > 0 for bewoners in uitslag.signalen.values())
    assert gemengd.nagaan(uitslag) == []
    assert Signaal.objects.count() - voor == len(uitslag.signalen)  # nothing extra either

    uit = StringIO()
    call_command("controleer_integriteit", stdout=uit)
    assert "kloppen" in uit.getvalue()
