import factory
from factory.django import DjangoModelFactory

from partners.constants import PartnerSoort, Rol
from partners.models import Medewerker, Partner

WACHTWOORD = "test-wachtwoord-123"


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Partner {n}")
    soort = PartnerSoort.GEMEENTE


class MedewerkerFactory(DjangoModelFactory):
    class Meta:
        model = Medewerker
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    partner = factory.SubFactory(PartnerFactory)
    rol = Rol.MEDEWERKER
    password = factory.django.Password(WACHTWOORD)

    class Params:
        teamleider = factory.Trait(rol=Rol.TEAMLEIDER)
        beheerder = factory.Trait(rol=Rol.BEHEERDER, is_staff=True)
        inactief = factory.Trait(is_active=False)

    @factory.post_generation
    def rechten(obj, create, extracted, **kwargs):
        if create:
            from partners.services import medewerker_rechten_bijwerken

            medewerker_rechten_bijwerken(medewerker=obj)
