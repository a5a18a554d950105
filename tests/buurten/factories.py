import factory
from factory.django import DjangoModelFactory

from buurten.constants import InitiatiefSoort, SubgebiedSoort
from buurten.models import Buurt, Initiatief, Subgebied, Team, Wijk


class WijkFactory(DjangoModelFactory):
    class Meta:
        model = Wijk
        django_get_or_create = ["cbs_code"]

    cbs_code = factory.Sequence(lambda n: f"WK{9000 + n:04d}99")
    naam = factory.Sequence(lambda n: f"Wijk {n}")


class BuurtFactory(DjangoModelFactory):
    class Meta:
        model = Buurt

    cbs_code = factory.Sequence(lambda n: f"BU{n:08d}")
    naam = factory.Sequence(lambda n: f"Buurt {n}")
    wijk = factory.SubFactory(WijkFactory)
    inwoners = 2500


class SubgebiedFactory(DjangoModelFactory):
    class Meta:
        model = Subgebied

    buurt = factory.SubFactory(BuurtFactory)
    naam = factory.Sequence(lambda n: f"Straat {n}")
    soort = SubgebiedSoort.STRAAT


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"VBT {n}")

    @factory.post_generation
    def buurten(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.buurten.add(*extracted)

    @factory.post_generation
    def leden(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.leden.add(*extracted)


class InitiatiefFactory(DjangoModelFactory):
    class Meta:
        model = Initiatief

    buurt = factory.SubFactory(BuurtFactory)
    naam = factory.Sequence(lambda n: f"Buurtnetwerk {n}")
    soort = InitiatiefSoort.BUURTNETWERK
