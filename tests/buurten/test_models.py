import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from buurten.constants import SubgebiedSoort
from buurten.models import Buurt, Subgebied, Team
from tests.buurten.factories import BuurtFactory, SubgebiedFactory, TeamFactory, WijkFactory


@pytest.mark.django_db
def test_nieuwe_buurt_krijgt_precies_een_subgebied_hele_buurt():
    buurt = BuurtFactory()
    hele = buurt.subgebieden.get()
    assert hele.soort == SubgebiedSoort.HELE_BUURT
    assert hele.naam == "Hele buurt"
    buurt.naam = "Andere naam"
    buurt.save()
    assert buurt.subgebieden.count() == 1


@pytest.mark.django_db
def test_tweede_hele_buurt_geweigerd():
    buurt = BuurtFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Subgebied.objects.create(buurt=buurt, naam="Nog eens", soort=SubgebiedSoort.HELE_BUURT)
    dubbel = Subgebied(buurt=buurt, naam="Nog eens", soort=SubgebiedSoort.HELE_BUURT)
    with pytest.raises(ValidationError) as fout:
        dubbel.full_clean()
    assert "precies één subgebied 'hele buurt'" in str(fout.value)


@pytest.mark.django_db
def test_hele_buurt_niet_verwijderbaar_wel_een_straat():
    buurt = BuurtFactory()
    straat = SubgebiedFactory(buurt=buurt)
    hele = buurt.subgebieden.get(soort=SubgebiedSoort.HELE_BUURT)
    with pytest.raises(ValidationError):
        hele.delete()
    with pytest.raises(ValidationError):
        Subgebied.objects.filter(buurt=buurt).delete()
    straat.delete()
    assert list(buurt.subgebieden.all()) == [hele]


@pytest.mark.django_db
def test_hele_buurt_houdt_zijn_soort():
    hele = BuurtFactory().subgebieden.get()
    hele.soort = SubgebiedSoort.STRAAT
    with pytest.raises(ValidationError):
        hele.full_clean()


@pytest.mark.django_db
def test_buurt_verwijderen_neemt_hele_buurt_mee():
    buurt = BuurtFactory()
    buurt.delete()
    assert not Subgebied.objects.exists()


@pytest.mark.django_db
def test_cbs_code_uniek_alleen_als_bekend():
    wijk = WijkFactory()
    Buurt.objects.create(naam="Zonder code 1", wijk=wijk, cbs_code="")
    Buurt.objects.create(naam="Zonder code 2", wijk=wijk, cbs_code=None)
    BuurtFactory(cbs_code="BU09350402")
    with pytest.raises(IntegrityError):
        BuurtFactory(cbs_code="BU09350402")


@pytest.mark.django_db
@pytest.mark.parametrize("drempel", [0, 1])
def test_steundrempel_onder_twee_geweigerd_door_database(drempel):
    with pytest.raises(IntegrityError):
        Team.objects.create(naam="Te laag", steundrempel=drempel)


@pytest.mark.django_db
def test_steundrempel_onder_twee_geeft_formulierfout():
    team = Team(naam="Te laag", steundrempel=1)
    with pytest.raises(ValidationError) as fout:
        team.full_clean()
    assert "steundrempel" in fout.value.message_dict


@pytest.mark.django_db
def test_team_standaardwaarden():
    team = TeamFactory()
    assert team.steundrempel == 3
    assert team.termijn_weken == 10
