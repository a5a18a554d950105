"""Factories for signals. Prefer the services in tests of behaviour; these build fixtures."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from acties.models import Verbeterpunt
from signalen.constants import ActiviteitSoort, Kanaal, SignaalStatus
from signalen.models import Activiteit, Bewoner, Signaal, Steun, Thema
from tests.buurten.factories import BuurtFactory, TeamFactory
from tests.partners.factories import MedewerkerFactory


class ThemaFactory(DjangoModelFactory):
    class Meta:
        model = Thema
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Thema {n}")


class BewonerFactory(DjangoModelFactory):
    class Meta:
        model = Bewoner

    sleutel = factory.Sequence(lambda n: f"{n:064x}")


class ActiviteitFactory(DjangoModelFactory):
    class Meta:
        model = Activiteit

    soort = ActiviteitSoort.STRAATHOEKBIJEENKOMST
    team = factory.SubFactory(TeamFactory)
    subgebied = factory.LazyAttribute(lambda o: BuurtFactory().subgebieden.get())
    datum = factory.LazyFunction(timezone.localdate)
    door = factory.SubFactory(MedewerkerFactory)


class SignaalFactory(DjangoModelFactory):
    class Meta:
        model = Signaal

    team = factory.SubFactory(TeamFactory)
    buurt = factory.SubFactory(BuurtFactory)
    subgebied = factory.LazyAttribute(lambda o: o.buurt.subgebieden.get(soort="hele_buurt"))
    thema = factory.SubFactory(ThemaFactory)
    omschrijving = factory.Faker("sentence", locale="nl_NL")
    kanaal = Kanaal.STRAATHOEKBIJEENKOMST
    geregistreerd_door = factory.SubFactory(MedewerkerFactory)
    geregistreerd_op = factory.LazyFunction(timezone.now)
    steundrempel = factory.LazyAttribute(lambda o: o.team.steundrempel)
    termijn_weken = factory.LazyAttribute(lambda o: o.team.termijn_weken)
    verloopt_op = factory.LazyAttribute(
        lambda o: o.geregistreerd_op + timedelta(weeks=o.termijn_weken)
    )
    status = SignaalStatus.NIEUW

    class Params:
        verlopen = factory.Trait(status=SignaalStatus.VERLOPEN)
        afgewezen = factory.Trait(status=SignaalStatus.AFGEWEZEN, reden="Geen VBT-werk")


class SteunFactory(DjangoModelFactory):
    class Meta:
        model = Steun

    signaal = factory.SubFactory(SignaalFactory)
    bewoner = factory.SubFactory(BewonerFactory)
    kanaal = Kanaal.DEUR_TOT_DEUR
    geregistreerd_door = factory.SubFactory(MedewerkerFactory)


class VerbeterpuntFactory(DjangoModelFactory):
    class Meta:
        model = Verbeterpunt

    titel = factory.Faker("sentence", nb_words=5, locale="nl_NL")
    bron_signaal = factory.SubFactory(SignaalFactory)
    team = factory.LazyAttribute(lambda o: o.bron_signaal.team)
    buurt = factory.LazyAttribute(lambda o: o.bron_signaal.buurt)
    subgebied = factory.LazyAttribute(lambda o: o.bron_signaal.subgebied)
    thema = factory.LazyAttribute(lambda o: o.bron_signaal.thema)
    aangemaakt_door = factory.SubFactory(MedewerkerFactory)
    spaak_na = factory.LazyFunction(lambda: timezone.now() + timedelta(weeks=10))
