"""The action services: who may do what (DESIGN §4), the transitions, the event log, and closing
a point with open actions."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from acties import services
from acties.constants import ActieStatus, VerbeterpuntStatus
from acties.models import Actie
from signalen.constants import GebeurtenisSoort
from signalen.models import Gebeurtenis
from tests.acties.helpers import actie, meedoende_steun, over, punt_via_services
from tests.partners.factories import MedewerkerFactory, PartnerFactory
from vbt.versie import VerouderdFormulier


def _acties_en_gebeurtenissen():
    return (
        list(Actie.objects.values()),
        Gebeurtenis.objects.count(),
    )


# --- Creating --------------------------------------------------------------------------------


def test_medewerker_maakt_actie_voor_eigen_partner_met_gebeurtenis(wereld, punt):
    nieuw = actie(
        wereld,
        punt,
        door="medewerker_politie",
        partner=wereld.politie,
        verantwoordelijke=wereld["medewerker_politie"],
    )
    assert nieuw.status == ActieStatus.OPEN
    assert nieuw.aangemaakt_door == wereld["medewerker_politie"]
    gebeurtenis = Gebeurtenis.objects.get(wat=GebeurtenisSoort.ACTIE_AANGEMAAKT)
    assert gebeurtenis.verbeterpunt == punt
    assert gebeurtenis.wie == wereld["medewerker_politie"]
    assert gebeurtenis.actie == nieuw
    assert gebeurtenis.details["partner"] == wereld.politie.pk
    # ids and codes only: never the text
    assert "afvalbakken" not in str(gebeurtenis.details)


@pytest.mark.security
@pytest.mark.parametrize(
    "rol", ["medewerker_gemeente", "medewerker_trajekt", "medewerker_corporatie"]
)
def test_medewerker_maakt_geen_actie_voor_andere_partner(wereld, punt, rol):
    voor = _acties_en_gebeurtenissen()
    with pytest.raises(PermissionDenied):
        actie(wereld, punt, door=rol, partner=wereld.politie)
    assert _acties_en_gebeurtenissen() == voor


def test_medewerker_maakt_geen_bewonersactie(wereld):
    punt = punt_via_services(wereld)
    with pytest.raises(PermissionDenied):
        actie(
            wereld,
            punt,
            door="medewerker_trajekt",
            eigenaar_bewoners=True,
            trekker=meedoende_steun(punt),
        )


@pytest.mark.parametrize("partner", ["gemeente", "trajekt", "politie", "corporatie"])
def test_teamleider_maakt_actie_voor_elke_partner_in_het_team(wereld, punt, partner):
    nieuw = actie(wereld, punt, door="teamleider", partner=getattr(wereld, partner))
    assert nieuw.eigenaar_partner == getattr(wereld, partner)


def test_teamleider_maakt_bewonersactie_met_meedoende_trekker(wereld):
    punt = punt_via_services(wereld)
    nieuw = actie(
        wereld, punt, door="teamleider", eigenaar_bewoners=True, trekker=meedoende_steun(punt)
    )
    assert nieuw.eigenaar_bewoners and nieuw.eigenaar_partner is None
    assert nieuw.eigenaar_label == "Bewoners"


def test_bewonersactie_zonder_trekker_geweigerd(wereld, punt):
    with pytest.raises(ValidationError) as fout:
        actie(wereld, punt, door="teamleider", eigenaar_bewoners=True)
    assert "trekker" in fout.value.message_dict


@pytest.mark.security
def test_teamleider_geen_actie_voor_partner_buiten_het_team(wereld, punt):
    buiten = PartnerFactory(naam="Woonpunt")
    MedewerkerFactory(partner=buiten)  # exists, but not in team A
    with pytest.raises(PermissionDenied):
        actie(wereld, punt, door="teamleider", partner=buiten)


@pytest.mark.security
@pytest.mark.parametrize("rol", ["beheerder", "ander_team", "inactief"])
def test_buitenstaanders_maken_geen_acties(wereld, punt, rol):
    with pytest.raises(PermissionDenied):
        actie(wereld, punt, door=rol, partner=wereld[rol].partner)
    assert not Actie.objects.exists()


def test_geen_actie_op_gesloten_punt_of_in_het_verleden(wereld):
    punt = punt_via_services(wereld)
    with pytest.raises(ValidationError) as fout:
        actie(wereld, punt, deadline=over(-1))
    assert "deadline" in fout.value.message_dict
    services.verbeterpunt_status_wijzigen(
        verbeterpunt=punt, naar=VerbeterpuntStatus.GESTAAKT, door=wereld["teamleider"], reden="x"
    )
    with pytest.raises(ValidationError):
        actie(wereld, punt)
    assert not Actie.objects.exists()


def test_verantwoordelijke_van_andere_partner_geweigerd(wereld, punt):
    with pytest.raises(ValidationError) as fout:
        actie(wereld, punt, partner=wereld.gemeente, verantwoordelijke=wereld["medewerker_politie"])
    assert "verantwoordelijke" in fout.value.message_dict


# --- Updating --------------------------------------------------------------------------------


def test_bijwerken_met_gebeurtenis_en_versie(wereld, punt):
    a = actie(wereld, punt, door="medewerker_gemeente")
    bijgewerkt = services.actie_bijwerken(
        actie=a,
        door=wereld["medewerker_gemeente"],
        omschrijving="  Afvalbakken en bordjes  ",
        deadline=over(30),
        versie=1,
    )
    assert bijgewerkt.omschrijving == "Afvalbakken en bordjes"
    assert bijgewerkt.versie == 2
    gebeurtenis = Gebeurtenis.objects.get(wat=GebeurtenisSoort.ACTIE_BIJGEWERKT)
    assert gebeurtenis.details["velden"] == ["deadline", "omschrijving"]
    with pytest.raises(VerouderdFormulier):
        services.actie_bijwerken(
            actie=a, door=wereld["medewerker_gemeente"], omschrijving="Oud", versie=1
        )
    a.refresh_from_db()
    assert a.omschrijving == "Afvalbakken en bordjes"


@pytest.mark.security
def test_medewerker_verplaatst_actie_niet_naar_andere_partner(wereld, punt):
    a = actie(wereld, punt, door="medewerker_gemeente")
    voor = _acties_en_gebeurtenissen()
    with pytest.raises(PermissionDenied):
        services.actie_bijwerken(
            actie=a, door=wereld["medewerker_gemeente"], eigenaar_partner=wereld.politie
        )
    assert _acties_en_gebeurtenissen() == voor


@pytest.mark.security
@pytest.mark.parametrize("rol", ["medewerker_politie", "beheerder", "ander_team"])
def test_anderen_wijzigen_de_actie_van_de_gemeente_niet(wereld, punt, rol):
    a = actie(wereld, punt, door="medewerker_gemeente")
    voor = _acties_en_gebeurtenissen()
    with pytest.raises(PermissionDenied):
        services.actie_bijwerken(actie=a, door=wereld[rol], omschrijving="Gekaapt")
    with pytest.raises(PermissionDenied):
        services.actie_status_wijzigen(actie=a, door=wereld[rol], naar="bezig")
    assert _acties_en_gebeurtenissen() == voor


def test_teamleider_verplaatst_actie_naar_andere_partner(wereld, punt):
    a = actie(
        wereld, punt, door="medewerker_gemeente", verantwoordelijke=wereld["medewerker_gemeente"]
    )
    with pytest.raises(ValidationError):  # the responsible person must move along
        services.actie_bijwerken(
            actie=a, door=wereld["teamleider"], eigenaar_partner=wereld.politie
        )
    a = services.actie_bijwerken(
        actie=a,
        door=wereld["teamleider"],
        eigenaar_partner=wereld.politie,
        verantwoordelijke=wereld["medewerker_politie"],
    )
    assert a.eigenaar_partner == wereld.politie
    # now the gemeente may no longer change it, the politie may
    with pytest.raises(PermissionDenied):
        services.actie_bijwerken(actie=a, door=wereld["medewerker_gemeente"], omschrijving="x")
    services.actie_bijwerken(actie=a, door=wereld["medewerker_politie"], omschrijving="Van ons")


def test_niets_gewijzigd_geen_gebeurtenis(wereld, punt):
    a = actie(wereld, punt)
    services.actie_bijwerken(actie=a, door=wereld["teamleider"], omschrijving=a.omschrijving)
    assert not Gebeurtenis.objects.filter(wat=GebeurtenisSoort.ACTIE_BIJGEWERKT).exists()


# --- Status ----------------------------------------------------------------------------------


def test_statusovergangen_volgens_de_tabel(wereld, punt):
    a = actie(wereld, punt, door="medewerker_gemeente")
    door = wereld["medewerker_gemeente"]
    with pytest.raises(ValidationError):  # open -> gereed skips bezig
        services.actie_status_wijzigen(actie=a, door=door, naar="gereed", resultaat="Klaar")
    a = services.actie_status_wijzigen(actie=a, door=door, naar="bezig")
    with pytest.raises(ValidationError) as fout:
        services.actie_status_wijzigen(actie=a, door=door, naar="gereed")
    assert "resultaat" in fout.value.message_dict
    a = services.actie_status_wijzigen(actie=a, door=door, naar="gereed", resultaat="Vier bakken")
    assert a.status == "gereed" and a.afgerond_op is not None and a.resultaat == "Vier bakken"
    with pytest.raises(ValidationError):  # closed stays closed
        services.actie_status_wijzigen(actie=a, door=door, naar="vervallen", reden="x")
    with pytest.raises(ValidationError):
        services.actie_bijwerken(actie=a, door=door, omschrijving="Later nog iets")
    logs = Gebeurtenis.objects.filter(wat=GebeurtenisSoort.ACTIE_STATUS).order_by("pk")
    assert [(g.details["van"], g.details["naar"]) for g in logs] == [
        ("open", "bezig"),
        ("bezig", "gereed"),
    ]


def test_vervallen_vraagt_reden(wereld, punt):
    a = actie(wereld, punt)
    with pytest.raises(ValidationError) as fout:
        services.actie_status_wijzigen(actie=a, door=wereld["teamleider"], naar="vervallen")
    assert "reden" in fout.value.message_dict
    a.refresh_from_db()
    assert a.status == "open"
    a = services.actie_status_wijzigen(
        actie=a, door=wereld["teamleider"], naar="vervallen", reden="Gemeente doet dit al"
    )
    assert a.status == "vervallen" and a.reden == "Gemeente doet dit al"


def test_onbekende_status_geweigerd(wereld, punt):
    a = actie(wereld, punt)
    with pytest.raises(ValidationError):
        services.actie_status_wijzigen(actie=a, door=wereld["teamleider"], naar="weg")


def test_status_verouderd_formulier(wereld, punt):
    a = actie(wereld, punt)
    services.actie_status_wijzigen(actie=a, door=wereld["teamleider"], naar="bezig", versie=1)
    with pytest.raises(VerouderdFormulier):
        services.actie_status_wijzigen(
            actie=a, door=wereld["teamleider"], naar="vervallen", reden="x", versie=1
        )


# --- Closing a point -------------------------------------------------------------------------


def test_punt_niet_afgerond_met_open_acties(wereld):
    punt = punt_via_services(wereld, in_uitvoering=True)
    actie(wereld, punt)
    actie(wereld, punt, partner=wereld.politie)
    with pytest.raises(ValidationError) as fout:
        services.verbeterpunt_status_wijzigen(
            verbeterpunt=punt, naar=VerbeterpuntStatus.AFGEROND, door=wereld["teamleider"]
        )
    assert fout.value.messages == ["Er staan nog 2 open acties: sluit ze af of laat ze vervallen."]
    with pytest.raises(ValidationError):
        services.verbeterpunt_afronden(verbeterpunt=punt, door=wereld["teamleider"])
    punt.refresh_from_db()
    assert punt.status == VerbeterpuntStatus.IN_UITVOERING
    assert Actie.objects.open().count() == 2


def test_afronden_met_een_open_actie_enkelvoud(wereld):
    punt = punt_via_services(wereld, in_uitvoering=True)
    actie(wereld, punt)
    with pytest.raises(ValidationError) as fout:
        services.verbeterpunt_status_wijzigen(
            verbeterpunt=punt, naar=VerbeterpuntStatus.AFGEROND, door=wereld["teamleider"]
        )
    assert fout.value.messages == ["Er staat nog 1 open actie: sluit die af of laat die vervallen."]


def test_teamleider_rondt_af_en_laat_open_acties_vervallen(wereld):
    punt = punt_via_services(wereld, in_uitvoering=True)
    open_a = actie(wereld, punt)
    bezig = actie(wereld, punt, partner=wereld.politie)
    services.actie_status_wijzigen(actie=bezig, door=wereld["teamleider"], naar="bezig")
    klaar = actie(wereld, punt, partner=wereld.trajekt)
    services.actie_status_wijzigen(actie=klaar, door=wereld["teamleider"], naar="bezig")
    services.actie_status_wijzigen(
        actie=klaar, door=wereld["teamleider"], naar="gereed", resultaat="Gedaan"
    )
    with pytest.raises(ValidationError) as fout:  # lapsing needs a reason
        services.verbeterpunt_afronden(
            verbeterpunt=punt, door=wereld["teamleider"], open_acties_vervallen=True
        )
    assert "reden" in fout.value.message_dict
    assert Actie.objects.open().count() == 2

    punt = services.verbeterpunt_afronden(
        verbeterpunt=punt,
        door=wereld["teamleider"],
        reden="Bewoners tevreden",
        open_acties_vervallen=True,
        versie=punt.versie,
    )
    assert punt.status == VerbeterpuntStatus.AFGEROND
    for a in (open_a, bezig):
        a.refresh_from_db()
        assert a.status == "vervallen" and a.reden == "Bewoners tevreden"
    klaar.refresh_from_db()
    assert klaar.status == "gereed"
    assert (
        Gebeurtenis.objects.filter(
            wat=GebeurtenisSoort.ACTIE_STATUS, details__bij_afronden=True
        ).count()
        == 2
    )
    assert Gebeurtenis.objects.filter(
        wat=GebeurtenisSoort.VERBETERPUNT_STATUS, details__naar="afgerond"
    ).exists()


def test_afronden_zonder_open_acties_kan_gewoon(wereld):
    punt = punt_via_services(wereld, in_uitvoering=True)
    punt = services.verbeterpunt_afronden(verbeterpunt=punt, door=wereld["teamleider"])
    assert punt.status == VerbeterpuntStatus.AFGEROND


@pytest.mark.security
@pytest.mark.parametrize("rol", ["medewerker_gemeente", "beheerder", "ander_team"])
def test_alleen_teamleider_rondt_af_met_vervallen(wereld, rol):
    punt = punt_via_services(wereld, in_uitvoering=True)
    actie(wereld, punt)
    voor = _acties_en_gebeurtenissen()
    with pytest.raises(PermissionDenied):
        services.verbeterpunt_afronden(
            verbeterpunt=punt, door=wereld[rol], reden="Klaar", open_acties_vervallen=True
        )
    assert _acties_en_gebeurtenissen() == voor


def test_afronden_mislukt_dan_blijven_acties_open(wereld):
    """The point is only plan_van_aanpak: the transition fails, the lapses roll back."""
    punt = punt_via_services(wereld)
    services.verbeterpunt_status_wijzigen(
        verbeterpunt=punt, naar=VerbeterpuntStatus.PLAN_VAN_AANPAK, door=wereld["teamleider"]
    )
    actie(wereld, punt)
    voor = _acties_en_gebeurtenissen()
    with pytest.raises(ValidationError):
        services.verbeterpunt_afronden(
            verbeterpunt=punt, door=wereld["teamleider"], reden="x", open_acties_vervallen=True
        )
    assert _acties_en_gebeurtenissen() == voor
