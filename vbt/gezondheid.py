"""What the health check (`/gezond/`) asks: does the database answer, and is every migration on
disk applied to it? One small query per call; the migrations on disk are read once per process
(they only change with a deployment, which restarts the processes)."""

import functools

from django.db import DatabaseError, connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

OK = "ok"
ONBEREIKBAAR = "onbereikbaar"
NIET_TOEGEPAST = "niet toegepast"
ONBEKEND = "onbekend"


@functools.cache
def migraties_op_schijf() -> frozenset[tuple[str, str]]:
    """Every migration of every installed app, as (app, name); read from disk, no database."""
    return frozenset(MigrationLoader(None, ignore_no_migrations=True).graph.nodes)


def _database_antwoordt() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def toestand() -> dict:
    """{"database": ok|onbereikbaar, "migraties": ok|niet toegepast|onbekend, "open": n}."""
    try:
        toegepast = set(MigrationRecorder.Migration.objects.values_list("app", "name"))
    except DatabaseError:
        # No answer, or no migration table yet: tell the two apart (only on this rare path).
        if _database_antwoordt():
            return {"database": OK, "migraties": NIET_TOEGEPAST, "open": len(migraties_op_schijf())}
        return {"database": ONBEREIKBAAR, "migraties": ONBEKEND}
    open_ = len(migraties_op_schijf() - toegepast)
    return {"database": OK, "migraties": NIET_TOEGEPAST if open_ else OK, "open": open_}
