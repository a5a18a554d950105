from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from buurten.models import Buurt, Subgebied, Wijk
from partners.models import Medewerker


def _tellingen():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"partners", "buurten", "signalen", "acties"}
    }


@pytest.mark.django_db
def test_seed_demo_is_idempotent(client):
    call_command("seed_demo", stdout=StringIO())
    eerste = _tellingen()
    call_command("seed_demo", stdout=StringIO())
    assert _tellingen() == eerste
    assert Buurt.objects.count() == 44
    assert Wijk.objects.count() == 7
    assert Subgebied.objects.filter(soort="hele_buurt").count() == 44
    assert Buurt.objects.filter(cbs_code__isnull=True).count() == 0
    assert Buurt.objects.get(naam="Sint Pieter").cbs_code == "BU09350105"
    assert Buurt.objects.get(naam="Wittevrouwenveld").cbs_code == "BU09350402"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "username", ["beheerder", "teamleider", "gemeente", "trajekt", "politie", "corporatie"]
)
def test_demogebruikers_loggen_in(client, username):
    call_command("seed_demo", stdout=StringIO())
    assert client.login(username=username, password="vbt-demo")
    antwoord = client.get("/")
    assert antwoord.status_code == 200
    gebruiker = Medewerker.objects.get(username=username)
    assert str(gebruiker.partner) in antwoord.content.decode()
    if username != "beheerder":
        assert gebruiker.teams.exists()


@pytest.mark.django_db
def test_seed_demo_toont_een_levend_systeem():
    from acties.models import Verbeterpunt
    from signalen.models import Signaal

    call_command("seed_demo", stdout=StringIO())
    signaalstatussen = set(Signaal.objects.values_list("status", flat=True))
    assert signaalstatussen == {
        "nieuw",
        "draagvlak_bereikt",
        "verbeterpunt",
        "doorverwezen",
        "afgewezen",
        "verlopen",
    }
    puntstatussen = set(Verbeterpunt.objects.values_list("status", flat=True))
    assert {"vastgesteld", "in_uitvoering", "afgerond", "gestaakt"} <= puntstatussen
    assert any(p.loopt_spaak for p in Verbeterpunt.objects.all())
    assert set(Signaal.objects.values_list("team__naam", flat=True)) == {"VBT Oost", "VBT West"}
