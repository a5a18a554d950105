import pytest
from django.contrib.auth.models import Group

from partners.constants import BEHEERDERS_GROEP, Rol
from partners.rechten import BEHEERDER_RECHTEN
from partners.services import medewerker_aanmaken, medewerker_rechten_bijwerken
from tests.partners.factories import PartnerFactory


@pytest.mark.django_db
def test_beheerder_krijgt_beheertoegang_via_groep():
    medewerker = medewerker_aanmaken(username="bea", partner=PartnerFactory(), rol=Rol.BEHEERDER)
    assert medewerker.is_staff
    assert list(medewerker.groups.values_list("name", flat=True)) == [BEHEERDERS_GROEP]
    assert medewerker.has_perm("buurten.add_subgebied")
    assert medewerker.has_perm("partners.change_medewerker")
    assert not medewerker.has_perm("partners.delete_partner")


@pytest.mark.django_db
def test_rolwijziging_neemt_beheertoegang_weer_af():
    medewerker = medewerker_aanmaken(username="bea", partner=PartnerFactory(), rol=Rol.BEHEERDER)
    medewerker.rol = Rol.MEDEWERKER
    medewerker.save()
    medewerker_rechten_bijwerken(medewerker=medewerker)
    medewerker.refresh_from_db()
    assert not medewerker.is_staff
    assert not medewerker.groups.exists()


@pytest.mark.django_db
def test_beheerdersgroep_heeft_precies_de_lijst_van_rechten():
    groep = Group.objects.get(name=BEHEERDERS_GROEP)
    verwacht = {
        f"{label.split('.')[0]}.{actie}_{label.split('.')[1]}"
        for label, acties in BEHEERDER_RECHTEN.items()
        for actie in acties
    }
    echt = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in groep.permissions.select_related("content_type")
    }
    assert echt == verwacht


@pytest.mark.django_db
def test_medewerker_aanmaken_zonder_wachtwoord_kan_niet_inloggen():
    medewerker = medewerker_aanmaken(username="nieuw", partner=PartnerFactory())
    assert not medewerker.has_usable_password()
    assert not medewerker.is_staff
