"""`/gezond/` for a load balancer: JSON, 200 when the database answers and every migration is
applied, 503 when not; anonymous and one query."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.migrations.recorder import MigrationRecorder
from django.urls import reverse

from vbt import gezondheid

pytestmark = pytest.mark.django_db


def test_gezond_is_200_en_json(client, django_assert_num_queries):
    gezondheid.migraties_op_schijf()  # read from disk once per process
    with django_assert_num_queries(1):
        antwoord = client.get(reverse("gezond"))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/json"
    assert antwoord.json() == {"status": "ok", "database": "ok", "migraties": "ok", "open": 0}
    assert "sessionid" not in antwoord.cookies


def test_niet_toegepaste_migratie_geeft_503(client):
    laatste = MigrationRecorder.Migration.objects.filter(app="signalen").latest("id")
    laatste.delete()
    antwoord = client.get(reverse("gezond"))
    assert antwoord.status_code == 503
    assert antwoord.json() == {
        "status": "storing",
        "database": "ok",
        "migraties": "niet toegepast",
        "open": 1,
    }


def test_geen_migratietabel_geeft_503(client):
    with mock.patch.object(
        gezondheid.MigrationRecorder.Migration.objects,
        "values_list",
        side_effect=OperationalError("no such table: django_migrations"),
    ):
        antwoord = client.get(reverse("gezond"))
    assert antwoord.status_code == 503
    assert antwoord.json()["database"] == "ok"
    assert antwoord.json()["migraties"] == "niet toegepast"


def test_onbereikbare_database_geeft_503(client):
    """In process the database cannot be cut; tests/bedrijfsvoering/test_storing.py cuts a real
    one on PostgreSQL. Here every query fails."""
    with mock.patch.object(
        gezondheid.connection, "cursor", side_effect=OperationalError("connection refused")
    ):
        antwoord = client.get(reverse("gezond"))
    assert antwoord.status_code == 503
    assert antwoord.json() == {
        "status": "storing",
        "database": "onbereikbaar",
        "migraties": "onbekend",
    }
