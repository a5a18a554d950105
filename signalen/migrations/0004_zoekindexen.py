"""GIN indexes for full-text search, on PostgreSQL only.

The expressions are exactly those the searches use (SearchVector(..., config="dutch")), built by
Django's own schema editor, so the planner matches them. They are not in the models' Meta: SQLite
cannot build them, and would fail on every later table rebuild. On SQLite this migration does
nothing, and the migration state has no index, so `makemigrations --check` stays clean on both.
"""

from django.db import migrations

ZOEKINDEXEN = [
    ("Signaal", "signaal_zoeken", ("omschrijving",)),
    ("Verbeterpunt", "verbeterpunt_zoeken", ("titel", "omschrijving")),
    ("Activiteit", "activiteit_zoeken", ("verslag",)),
]


def _index(naam, velden):
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    return GinIndex(SearchVector(*velden, config="dutch"), name=naam)


def aanmaken(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, naam, velden in ZOEKINDEXEN:
        schema_editor.add_index(apps.get_model("signalen", model), _index(naam, velden))


def verwijderen(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, naam, velden in ZOEKINDEXEN:
        schema_editor.remove_index(apps.get_model("signalen", model), _index(naam, velden))


class Migration(migrations.Migration):
    dependencies = [("signalen", "0003_indexen_lijsten")]

    operations = [migrations.RunPython(aanmaken, verwijderen, elidable=False)]
