import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from partners.models import Medewerker, Partner
from tests.partners.factories import PartnerFactory


@pytest.mark.django_db
def test_partner_naam_is_uniek():
    PartnerFactory(naam="Trajekt")
    with pytest.raises(IntegrityError):
        Partner.objects.create(naam="Trajekt", soort="trajekt")


@pytest.mark.django_db
def test_medewerker_zonder_partner_geweigerd_door_database():
    with pytest.raises(IntegrityError):
        Medewerker.objects.create(username="los")


@pytest.mark.django_db
def test_medewerker_zonder_partner_geeft_nederlandse_formulierfout():
    medewerker = Medewerker(username="los")
    with pytest.raises(ValidationError) as fout:
        medewerker.full_clean(exclude=["password"])
    assert "Kies de partner van deze medewerker." in fout.value.message_dict["partner"]


@pytest.mark.django_db
def test_superuser_mag_zonder_partner():
    beheer = Medewerker.objects.create_superuser("root", "root@example.org", "x" * 16)
    assert beheer.partner is None
