"""`manage.py controleer_integriteit` (acties.integriteit): clean on data the services wrote,
and every kind of corruption reported with a non-zero exit and a Dutch report of ids only."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import F
from django.utils import timezone

from acties import integriteit
from acties import services as acties_services
from acties.constants import ActieStatus, VerbeterpuntStatus
from acties.models import Actie, Verbeterpunt
from signalen import services
from signalen.constants import GebeurtenisSoort, SignaalStatus
from signalen.models import Gebeurtenis, Signaal, Steun
from tests.acties.helpers import over, punt_via_services
from tests.signalen.helpers import bewoner, gesteund_signaal, signaal_in, steun

pytestmark = pytest.mark.django_db

CONTACT = {"contact_naam": "Jan Janssen", "telefoon": "0612345678", "email": "jan@example.org"}


@pytest.fixture
def gegevens(wereld):
    """Every path that changes a counter or a state, through the services."""
    leider = wereld["teamleider"]
    punt = punt_via_services(wereld, in_uitvoering=True)
    # A second signal merged into the point, sharing one resident with the first and with a
    # reporter: the point counts each resident once over both.
    tweede = signaal_in(wereld, melder=bewoner(40), omschrijving="Zwerfvuil bij de school")
    services.steun_registreren(
        signaal=tweede,
        door=wereld["medewerker_trajekt"],
        kanaal="deur_tot_deur",
        bewoners=[
            bewoner(1, postcode="6221AB"),
            bewoner(41, meedoen=True, toestemming=True, **CONTACT),
        ],
    )
    tweede.refresh_from_db()
    acties_services.signaal_promoveren(signaal=tweede, door=leider, verbeterpunt=punt)
    # Support withdrawn below the threshold: flagged for review, not demoted.
    herzien = gesteund_signaal(wereld, aantal=3)
    services.steun_intrekken(steun=herzien.steun.first(), door=leider, reden="Dubbel geteld")
    # Withdrawn and given again, and still short of the threshold.
    kort = signaal_in(wereld)
    steun(wereld, kort, 60)
    services.steun_intrekken(steun=kort.steun.get(), door=leider, reden="Vergissing")
    steun(wereld, kort, 60)
    # Referred by the medewerker who logged it (to review), declined and reopened, expired.
    services.signaal_doorverwijzen(
        signaal=signaal_in(wereld), partner=wereld.politie, door=wereld["medewerker_gemeente"]
    )
    afgewezen = gesteund_signaal(wereld, aantal=3)
    services.signaal_afwijzen(signaal=afgewezen, door=leider, reden="Geen VBT-werk")
    services.signaal_heropenen(signaal=afgewezen, door=leider, reden="Toch wel")
    verlopen = signaal_in(wereld)
    Signaal.objects.filter(pk=verlopen.pk).update(verloopt_op=timezone.now() - timedelta(days=1))
    services.signalen_verlopen()
    # A point closed and reopened, with a closed and an open action.
    gesloten = punt_via_services(wereld, titel="Donkere steeg")
    klaar = acties_services.actie_aanmaken(
        door=leider,
        verbeterpunt=gesloten,
        eigenaar_partner=wereld.gemeente,
        omschrijving="Lamp vervangen",
        deadline=over(7),
    )
    acties_services.actie_status_wijzigen(actie=klaar, naar=ActieStatus.BEZIG, door=leider)
    acties_services.actie_status_wijzigen(
        actie=klaar, naar=ActieStatus.GEREED, door=leider, resultaat="Vervangen"
    )
    open_actie = acties_services.actie_aanmaken(
        door=leider,
        verbeterpunt=punt,
        eigenaar_partner=wereld.gemeente,
        omschrijving="Afvalbakken",
        deadline=over(14),
    )
    for naar, reden in ((VerbeterpuntStatus.GESTAAKT, "Geen trekker"), ("plan_van_aanpak", "Nu")):
        acties_services.verbeterpunt_status_wijzigen(
            verbeterpunt=gesloten, naar=naar, door=leider, reden=reden
        )
    return {
        "punt": punt,
        "tweede": tweede,
        "draagvlak": Signaal.objects.filter(status=SignaalStatus.DRAAGVLAK_BEREIKT)
        .filter(herbeoordelen=False)
        .first(),
        "herzien": herzien,
        "actie": open_actie,
        "gesloten_actie": klaar,
        "partner": wereld.politie,
        "andere_buurt": wereld.buurt_b,
        "wereld": wereld,
    }


def _rapport(verwacht_fout: bool) -> str:
    uit = StringIO()
    if verwacht_fout:
        with pytest.raises(CommandError) as fout:
            call_command("controleer_integriteit", stdout=uit)
        assert fout.value.returncode == 1
        assert "fouten" in str(fout.value)
    else:
        call_command("controleer_integriteit", stdout=uit)
    return uit.getvalue()


def test_schoon_op_wat_de_services_schreven(gegevens):
    assert Signaal.objects.filter(herbeoordelen=True).count() == 2  # the data covers review
    assert integriteit.controleer() == []
    rapport = _rapport(verwacht_fout=False)
    assert f"alle {len(integriteit.controles())} controles kloppen" in rapport


def test_de_query_telt_als_de_steuncontrole(gegevens):
    """The set-based count is the support check's: per signal and per point."""
    per_signaal = integriteit.bewoners_per_signaal()
    for signaal in Signaal.objects.all():
        assert per_signaal.get(signaal.pk, 0) == services.draagvlak_van_signaal(signaal).aantal
    per_punt = integriteit.bewoners_per_verbeterpunt()
    for punt in Verbeterpunt.objects.all():
        assert per_punt.get(punt.pk, (0, 0)) == services.tel_bewoners_van(punt.signalen.all())
    # 3 residents, then a reporter, one of the 3 again and one more; 2 want to help
    assert per_punt[gegevens["punt"].pk] == (5, 2)


def _signaal(gegevens, **velden):
    pk = gegevens["draagvlak"].pk
    Signaal.objects.filter(pk=pk).update(**velden)
    return pk


def _punt(gegevens, **velden):
    pk = gegevens["punt"].pk
    Verbeterpunt.objects.filter(pk=pk).update(**velden)
    return pk


def _ongeldige_overgang(gegevens):
    punt = gegevens["punt"]
    Gebeurtenis.objects.create(
        wat=GebeurtenisSoort.VERBETERPUNT_STATUS,
        verbeterpunt=punt,
        details={"van": VerbeterpuntStatus.VASTGESTELD, "naar": VerbeterpuntStatus.AFGEROND},
    )
    return punt.pk


def _steun_half_ingetrokken(gegevens):
    rij = Steun.objects.filter(signaal=gegevens["tweede"], ingetrokken_op__isnull=True).first()
    Steun.objects.filter(pk=rij.pk).update(ingetrokken_door=gegevens["punt"].aangemaakt_door)
    return rij.pk


def _ander_bron_signaal(gegevens):
    return _punt(gegevens, bron_signaal=gegevens["draagvlak"])


def _buurt_van_punt_signaal(gegevens):
    pk = gegevens["tweede"].pk
    Signaal.objects.filter(pk=pk).update(buurt=gegevens["andere_buurt"])
    return pk


def _actie(gegevens, sleutel="actie", **velden):
    pk = gegevens[sleutel].pk
    Actie.objects.filter(pk=pk).update(**velden)
    return pk


# code -> (corrupt; every check that must report it)
BEDERF = {
    "signaal_aantal_bewoners": (
        lambda g: _signaal(g, aantal_bewoners=F("aantal_bewoners") + 1),
        {"signaal_aantal_bewoners"},
    ),
    "signaal_status": (lambda g: _signaal(g, status="zoek"), {"signaal_status"}),
    "signaal_draagvlak_zonder_datum": (
        lambda g: _signaal(g, draagvlak_bereikt_op=None),
        {"signaal_draagvlak_zonder_datum"},
    ),
    "signaal_nieuw_boven_drempel": (
        lambda g: _signaal(g, status=SignaalStatus.NIEUW),
        {"signaal_nieuw_boven_drempel"},
    ),
    "signaal_herbeoordelen": (
        lambda g: _signaal(g, herbeoordelen=True),
        {"signaal_herbeoordelen"},
    ),
    "signaal_verbeterpunt_koppeling": (
        # Its residents (1-3) back the point already: the point's counts stay right.
        lambda g: _signaal(g, verbeterpunt=g["punt"]),
        {"signaal_verbeterpunt_koppeling"},
    ),
    "signaal_doorverwezen_koppeling": (
        lambda g: _signaal(g, doorverwezen_naar=g["partner"]),
        {"signaal_doorverwezen_koppeling"},
    ),
    "signaal_verbeterpunt_elders": (_buurt_van_punt_signaal, {"signaal_verbeterpunt_elders"}),
    "steun_intrekking": (_steun_half_ingetrokken, {"steun_intrekking"}),
    "verbeterpunt_bron": (_ander_bron_signaal, {"verbeterpunt_bron"}),
    "verbeterpunt_aantallen": (
        lambda g: _punt(g, aantal_meedoeners=F("aantal_meedoeners") + 1),
        {"verbeterpunt_aantallen"},
    ),
    "verbeterpunt_status": (lambda g: _punt(g, status="zoek"), {"verbeterpunt_status"}),
    "verbeterpunt_afgerond_zonder_datum": (
        lambda g: _punt(g, status=VerbeterpuntStatus.AFGEROND, afgerond_op=None),
        {"verbeterpunt_afgerond_zonder_datum"},
    ),
    "verbeterpunt_overgang": (_ongeldige_overgang, {"verbeterpunt_overgang"}),
    "actie_status": (lambda g: _actie(g, status="zoek"), {"actie_status", "actie_afgerond_op"}),
    "actie_afgerond_op": (
        lambda g: _actie(g, afgerond_op=timezone.now()),
        {"actie_afgerond_op"},
    ),
    "actie_afgerond_op_gesloten": (
        lambda g: _actie(g, "gesloten_actie", afgerond_op=None),
        {"actie_afgerond_op"},
    ),
}


def test_elke_controle_heeft_een_bederf_test():
    codes = {code for _bederf, verwacht in BEDERF.values() for code in verwacht}
    assert codes == {controle.code for controle in integriteit.controles()}


@pytest.mark.parametrize("naam", sorted(BEDERF))
def test_bederf_wordt_gemeld(gegevens, naam):
    bederf, verwacht = BEDERF[naam]
    pk = bederf(gegevens)
    bevindingen = integriteit.controleer()
    assert {b.code for b in bevindingen} == verwacht
    for bevinding in bevindingen:
        assert bevinding.aantal >= 1
    hoofd = next(b for b in bevindingen if b.code == naam.removesuffix("_gesloten"))
    assert hoofd.ids == (pk,)

    rapport = _rapport(verwacht_fout=True)
    regel = next(r for r in rapport.splitlines() if f"[{hoofd.code}]" in r)
    assert regel.endswith(f"Ids: {pk}")
    assert "Integriteitscontrole" in rapport
    for persoonlijk in (*CONTACT.values(), "Bewoner 41", "Zwerfvuil"):
        assert persoonlijk not in rapport


def test_het_rapport_noemt_hooguit_max_ids(gegevens, monkeypatch):
    monkeypatch.setattr(integriteit, "MAX_IDS", 2)
    Signaal.objects.update(aantal_bewoners=F("aantal_bewoners") + 100)
    totaal = Signaal.objects.count()
    rapport = integriteit.rapport(integriteit.controleer())
    regel = next(r for r in rapport.splitlines() if "[signaal_aantal_bewoners]" in r)
    assert f"Signaal ({totaal})" in regel
    assert f"en {totaal - 2} meer" in regel


def test_een_query_per_controle_wat_de_omvang_ook_is(gegevens, django_assert_max_num_queries):
    """Set-based: the number of queries does not grow with the data."""
    grens = len(integriteit.controles()) + 1  # + the distinct status-change pairs
    with django_assert_max_num_queries(grens):
        integriteit.controleer()
    for n in range(20):
        gesteund_signaal(gegevens["wereld"], aantal=1 + n % 4)
    with django_assert_max_num_queries(grens):
        assert integriteit.controleer() == []


def test_schoon_op_de_demo_en_bench_gegevens(db):
    """The data the load test and `make bench` start from is consistent too."""
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_bench", signalen=600, seed=3, stdout=StringIO())
    assert Signaal.objects.count() >= 600
    assert integriteit.controleer() == []
