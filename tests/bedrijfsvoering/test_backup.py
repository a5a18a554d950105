"""Back-up and restore, as the README tells an operator (issue 14): a seeded database is backed
up, restored, and then every count and every page answers the same, the restored database
takes new writes, and `controleer_integriteit` is clean.

PostgreSQL: `pg_dump --format=custom` of the test database, `pg_restore` into a new database,
and the application pointed at that one. SQLite: the online backup of Python's sqlite3
(`Connection.backup`) to a file while the application has the database open, the data then
lost, and the file copied back.
"""

import os
import re
import shutil
import sqlite3
import subprocess
from contextlib import contextmanager
from io import StringIO

import pytest
from django.apps import apps
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from acties.models import Actie, Verbeterpunt
from bench import dataset as seed
from partners.models import Medewerker
from signalen.models import Activiteit, Signaal
from tests.signalen.helpers import signaal_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def gevuld(transactional_db):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_bench", signalen=400, seed=11, stdout=StringIO())


def _tellingen() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def _paginas() -> list[tuple[str, str]]:
    """(username, URL) of the main pages, for staff, a team lead and a beheerder."""
    signaal = Signaal.objects.order_by("pk").filter(team__leden__username=seed.BENCH_MEDEWERKER)
    punt = Verbeterpunt.objects.order_by("pk").filter(team__leden__username=seed.BENCH_TEAMLEIDER)
    actie = Actie.objects.order_by("pk").filter(verbeterpunt__in=punt)
    activiteit = Activiteit.objects.order_by("pk").filter(team__in=punt.values("team"))
    m, t, b = seed.BENCH_MEDEWERKER, seed.BENCH_TEAMLEIDER, seed.BENCH_BEHEERDER
    return [
        *[(naam, reverse("home")) for naam in (m, t, b)],
        (m, reverse("signalen:signaal_lijst")),
        (b, reverse("signalen:signaal_lijst") + "?status=draagvlak_bereikt"),
        (m, reverse("signalen:signaal_detail", args=[signaal.first().pk])),
        (t, reverse("acties:triage")),
        (t, reverse("acties:verbeterpunt_lijst")),
        (t, reverse("acties:verbeterpunt_detail", args=[punt.first().pk])),
        (m, reverse("acties:actie_lijst")),
        (t, reverse("acties:actie_detail", args=[actie.first().pk])),
        (m, reverse("signalen:activiteit_lijst")),
        (t, reverse("signalen:activiteit_detail", args=[activiteit.first().pk])),
        (m, reverse("inzicht:dashboard")),
        (b, reverse("inzicht:dashboard")),
        (m, reverse("signalen:signaal_export") + "?formaat=csv"),
    ]


def _normaal(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r"Cijfers van \d\d:\d\d", "Cijfers van", html)  # the dashboard's clock


def _vingerafdruk(paginas) -> dict:
    """Every table's count, then every page's status and content (its logins add sessions
    and access log rows, after the count)."""
    for alias in caches:
        caches[alias].clear()  # computed from this database, not kept from the other
    antwoorden = {}
    for username, url in paginas:
        client = Client()
        client.force_login(Medewerker.objects.get(username=username))
        antwoord = client.get(url)
        inhoud = b"".join(antwoord) if antwoord.streaming else antwoord.content
        antwoorden[(username, url)] = (antwoord.status_code, _normaal(inhoud.decode()))
    return {"tellingen": _tellingen(), "paginas": antwoorden}


def _integriteit_schoon() -> bool:
    uit = StringIO()
    call_command("controleer_integriteit", stdout=uit)
    return "kloppen" in uit.getvalue()


def _nieuw_signaal_werkt() -> None:
    hoogste = Signaal.objects.order_by("-pk").values_list("pk", flat=True).first()
    medewerker = Medewerker.objects.get(username=seed.BENCH_MEDEWERKER)
    team = medewerker.teams.first()
    buurt = team.buurten.first()

    class Wereld:  # what signaal_in needs: a buurt and a member of its team
        buurt_a = buurt

        def __getitem__(self, rol):
            return medewerker

    nieuw = signaal_in(Wereld(), omschrijving="Na het terugzetten geregistreerd")
    assert nieuw.pk > hoogste


# --- PostgreSQL ------------------------------------------------------------------------------


def _pg_omgeving() -> tuple[list[str], dict]:
    instellingen = connection.settings_dict
    args = [
        "--host",
        instellingen["HOST"] or "127.0.0.1",
        "--port",
        str(instellingen["PORT"] or 5432),
        "--username",
        instellingen["USER"] or "postgres",
    ]
    env = {**os.environ}
    if instellingen["PASSWORD"]:
        env["PGPASSWORD"] = instellingen["PASSWORD"]
    return args, env


@contextmanager
def _andere_database(naam: str):
    """Point the application's connection at another database of the same server."""
    oud = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = naam
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = oud


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump and pg_restore")
def test_pg_dump_en_pg_restore(gevuld, tmp_path):
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.fail("pg_dump and pg_restore are needed (Debian: postgresql-client)")
    paginas = _paginas()
    args, env = _pg_omgeving()
    bron = connection.settings_dict["NAME"]
    herstel = f"{bron}_herstel"
    dump = tmp_path / "vbt.dump"

    # What the README says: a dump in the custom format, restored into a new database.
    subprocess.run(
        ["pg_dump", *args, "--format=custom", "--file", str(dump), bron], env=env, check=True
    )
    voor = _vingerafdruk(paginas)  # counted first: the pages' logins add sessions after
    subprocess.run(["dropdb", *args, "--if-exists", herstel], env=env, check=True)
    subprocess.run(["createdb", *args, herstel], env=env, check=True)
    try:
        subprocess.run(
            ["pg_restore", *args, "--no-owner", "--exit-on-error", "--dbname", herstel, str(dump)],
            env=env,
            check=True,
        )
        with _andere_database(herstel):
            assert connection.settings_dict["NAME"] == herstel
            na = _vingerafdruk(paginas)
            assert na["tellingen"] == voor["tellingen"]
            assert na["tellingen"]["signalen.Signaal"] > 400
            for sleutel, (status, inhoud) in voor["paginas"].items():
                assert status == 200, sleutel
                assert na["paginas"][sleutel] == (status, inhoud), sleutel
            assert _integriteit_schoon()
            _nieuw_signaal_werkt()  # the id sequences came along
    finally:
        subprocess.run(["dropdb", *args, "--if-exists", herstel], env=env, check=True)


# --- SQLite ----------------------------------------------------------------------------------


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's online backup")
def test_sqlite_online_backup_en_terugzetten(gevuld, tmp_path):
    paginas = _paginas()
    backup = tmp_path / "vbt-backup.sqlite3"

    # The online backup, while the application keeps its connection open (README).
    connection.ensure_connection()
    doel = sqlite3.connect(backup)
    with doel:
        connection.connection.backup(doel)
    doel.close()
    assert sqlite3.connect(backup).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    voor = _vingerafdruk(paginas)  # counted first: the pages' logins add sessions after

    call_command("flush", interactive=False, verbosity=0)  # the database is lost
    assert Signaal.objects.count() == 0

    bron = sqlite3.connect(backup)  # and put back from the backup
    with bron:
        bron.backup(connection.connection)
    bron.close()

    na = _vingerafdruk(paginas)
    assert na["tellingen"] == voor["tellingen"]
    assert na["tellingen"]["signalen.Signaal"] > 400
    for sleutel, (status, inhoud) in voor["paginas"].items():
        assert status == 200, sleutel
        assert na["paginas"][sleutel] == (status, inhoud), sleutel
    assert _integriteit_schoon()
    _nieuw_signaal_werkt()
