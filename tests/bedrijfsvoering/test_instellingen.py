"""The database settings of issue 14 reach the connection: SQLite in WAL mode with IMMEDIATE
transactions and a busy timeout, PostgreSQL with connect and statement timeouts."""

import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from tests.bedrijfsvoering.servers import BASIS

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's settings")
def test_sqlite_wacht_op_een_andere_schrijver():
    assert connection.transaction_mode == "IMMEDIATE"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == settings.DATABASE_SQLITE_TIMEOUT * 1000


def test_een_sqlite_bestand_staat_in_wal_modus(tmp_path):
    """Any SQLite file the application opens (the test database is in memory)."""
    code = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])"
    )
    uitkomst = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASIS,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "vbt.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'a.sqlite3'}",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert uitkomst.stdout.strip() == "wal"


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's settings")
def test_postgresql_heeft_tijdslimieten():
    assert connection.settings_dict["OPTIONS"]["connect_timeout"] == 5
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == f"{settings.DATABASE_STATEMENT_TIMEOUT}s"
        cursor.execute("SHOW cursor_tuple_fraction")
        assert cursor.fetchone()[0] == "1"


def _instellingen(omgeving: dict) -> list[str]:
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND']); print(sorted(s.CACHES)); "
        "print(s.SESSION_ENGINE); print(s.CACHES['default'].get('KEY_PREFIX', ''))"
    )
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "vbt.settings.dev", **omgeving}
    uitkomst = subprocess.run(
        [sys.executable, "-c", code], cwd=BASIS, env=env, capture_output=True, text=True, check=True
    )
    return uitkomst.stdout.split()


def test_zonder_redis_blijft_alles_in_database_en_proces():
    assert _instellingen({}) == [
        "django.core.cache.backends.locmem.LocMemCache",
        "['default']",  # one cache: no rendered HTML is kept anywhere
        "django.contrib.sessions.backends.db",
    ]


def test_met_redis_delen_de_servers_sessies_en_cijfers():
    assert _instellingen({"REDIS_URL": "redis://127.0.0.1:6379/3", "VBT_CACHE_PREFIX": "x"}) == [
        "django.core.cache.backends.redis.RedisCache",
        "['default']",
        "django.contrib.sessions.backends.cached_db",
        "x",
    ]
