"""Points and notes moved from signalen to acties without copying data (issue 13): a database
filled before the move keeps every row, its content types and its events' new columns."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

VOOR = [("signalen", "0007_triage_index_dekkend"), ("acties", "0004_partner_punt_index")]
NA = [
    ("signalen", "0009_gebeurtenis_actie_vertrouwelijk_voor"),
    ("acties", "0005_verbeterpunt_en_notitie_verhuisd"),
]


def _migreer(doel):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(doel)
    return executor.loader.project_state(doel).apps


def _oude_wereld(apps):
    """A point with a note, an action and their events, written with the models as they were."""
    Partner = apps.get_model("partners", "Partner")
    Medewerker = apps.get_model("partners", "Medewerker")
    Wijk = apps.get_model("buurten", "Wijk")
    Buurt = apps.get_model("buurten", "Buurt")
    Subgebied = apps.get_model("buurten", "Subgebied")
    Team = apps.get_model("buurten", "Team")
    Thema = apps.get_model("signalen", "Thema")
    Signaal = apps.get_model("signalen", "Signaal")
    Verbeterpunt = apps.get_model("signalen", "Verbeterpunt")
    Notitie = apps.get_model("signalen", "Notitie")
    Gebeurtenis = apps.get_model("signalen", "Gebeurtenis")
    Actie = apps.get_model("acties", "Actie")

    nu = timezone.now()
    politie = Partner.objects.create(naam="Politie", soort="politie")
    mens = Medewerker.objects.create(username="agent", partner=politie, rol="medewerker")
    wijk = Wijk.objects.create(cbs_code="WK093599", naam="Proefwijk")
    buurt = Buurt.objects.create(cbs_code="BU09359999", naam="Proefbuurt", wijk=wijk)
    gebied = Subgebied.objects.create(buurt=buurt, naam="Hele buurt", soort="hele_buurt")
    team = Team.objects.create(naam="Proefteam")
    thema = Thema.objects.create(naam="Proefthema")
    signaal = Signaal.objects.create(
        team=team,
        buurt=buurt,
        subgebied=gebied,
        thema=thema,
        omschrijving="Proef",
        kanaal="telefoon",
        geregistreerd_door=mens,
        status="draagvlak_bereikt",
        steundrempel=3,
        termijn_weken=10,
        verloopt_op=nu,
    )
    punt = Verbeterpunt.objects.create(
        titel="Proefpunt",
        team=team,
        buurt=buurt,
        subgebied=gebied,
        thema=thema,
        bron_signaal=signaal,
        aangemaakt_door=mens,
        spaak_na=nu,
    )
    punt.betrokken_partners.add(politie)
    Signaal.objects.filter(pk=signaal.pk).update(verbeterpunt=punt, status="verbeterpunt")
    notitie = Notitie.objects.create(
        verbeterpunt=punt, tekst="Geheim", auteur=mens, partner=politie, vertrouwelijk=True
    )
    actie = Actie.objects.create(
        verbeterpunt=punt,
        eigenaar_partner=politie,
        omschrijving="Surveilleren",
        deadline=nu.date(),
        aangemaakt_door=mens,
    )
    Gebeurtenis.objects.create(
        wat="actie_aangemaakt", wie=mens, verbeterpunt=punt, details={"actie": actie.pk}
    )
    Gebeurtenis.objects.create(
        wat="notitie_geplaatst",
        wie=mens,
        verbeterpunt=punt,
        details={"notitie": notitie.pk, "vertrouwelijk": True, "partner": politie.pk},
    )
    # The content types as a database made before the move has them, with a permission.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    ContentType.objects.filter(app_label="acties", model__in=["verbeterpunt", "notitie"]).delete()
    oud = ContentType.objects.get_or_create(app_label="signalen", model="verbeterpunt")[0]
    ContentType.objects.get_or_create(app_label="signalen", model="notitie")
    Permission.objects.get_or_create(
        content_type=oud, codename="view_verbeterpunt", defaults={"name": "Can view"}
    )
    return punt.pk, notitie.pk, actie.pk, politie.pk


@pytest.mark.django_db(transaction=True)
def test_verhuizing_bewaart_elke_rij():
    punt_pk, notitie_pk, actie_pk, politie_pk = _oude_wereld(_migreer(VOOR))
    apps = _migreer(NA)

    Verbeterpunt = apps.get_model("acties", "Verbeterpunt")
    punt = Verbeterpunt.objects.get(pk=punt_pk)
    assert punt.titel == "Proefpunt"
    assert list(punt.betrokken_partners.values_list("pk", flat=True)) == [politie_pk]
    assert punt.signalen.get().status == "verbeterpunt"
    assert apps.get_model("acties", "Notitie").objects.get(pk=notitie_pk).tekst == "Geheim"
    assert apps.get_model("acties", "Actie").objects.get(pk=actie_pk).verbeterpunt_id == punt_pk

    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("verbeterpunt", "notitie"):
        assert not ContentType.objects.filter(app_label="signalen", model=model).exists()
        assert ContentType.objects.filter(app_label="acties", model=model).exists()
    # The beheerders' permission followed its content type.
    recht = apps.get_model("auth", "Permission").objects.get(codename="view_verbeterpunt")
    assert recht.content_type.app_label == "acties"

    Gebeurtenis = apps.get_model("signalen", "Gebeurtenis")
    assert Gebeurtenis.objects.get(wat="actie_aangemaakt").actie_id == actie_pk
    assert Gebeurtenis.objects.get(wat="notitie_geplaatst").vertrouwelijk_voor_id == politie_pk
