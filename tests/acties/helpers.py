"""Building blocks for action tests: points made through the signalen services (the real path)
or with a factory (fast), and actions through the acties services or a factory (for states the
services refuse to create, such as a deadline in the past)."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from acties import services
from acties.constants import VerbeterpuntStatus
from acties.models import Actie
from signalen import services as signalen_services
from signalen.constants import Kanaal, SignaalStatus
from signalen.models import Signaal, Steun
from signalen.services import BewonerInvoer
from tests.signalen.factories import SignaalFactory, ThemaFactory, VerbeterpuntFactory


def vandaag():
    return timezone.localdate()


def over(dagen: int):
    return vandaag() + timedelta(days=dagen)


def punt_via_services(wereld, *, meedoen=(True, False, False), in_uitvoering=False, titel=""):
    """Log a signal in buurt A, add supports, promote as teamleider (the real path)."""
    buurt = wereld.buurt_a
    signaal = signalen_services.signaal_registreren(
        door=wereld["medewerker_gemeente"],
        buurt=buurt,
        subgebied=buurt.subgebieden.get(soort="hele_buurt"),
        thema=ThemaFactory(naam="Zwerfafval"),
        omschrijving="Veel zwerfafval bij het speelveld",
        kanaal=Kanaal.STRAATHOEKBIJEENKOMST,
    )
    signalen_services.steun_registreren(
        signaal=signaal,
        door=wereld["medewerker_trajekt"],
        kanaal=Kanaal.STRAATHOEKBIJEENKOMST,
        bewoners=[
            BewonerInvoer(
                postcode="6221AB", huisnummer=str(n), naam=f"Bewoner {n}", wil_meedoen=wil
            )
            for n, wil in enumerate(meedoen, start=1)
        ],
    )
    signaal.refresh_from_db()
    punt = services.signaal_promoveren(
        signaal=signaal, door=wereld["teamleider"], titel=titel or "Zwerfafval speelveld"
    )
    if in_uitvoering:
        for naar in (VerbeterpuntStatus.PLAN_VAN_AANPAK, VerbeterpuntStatus.IN_UITVOERING):
            punt = services.verbeterpunt_status_wijzigen(
                verbeterpunt=punt, naar=naar, door=wereld["teamleider"]
            )
    punt.refresh_from_db()
    return punt


def snel_punt(wereld, *, b=False, **kwargs):
    """A point in team A / buurt A (or team B / buurt B), straight from the factory."""
    team, buurt = (wereld.team_b, wereld.buurt_b) if b else (wereld.team_a, wereld.buurt_a)
    signaal = SignaalFactory(
        team=team, buurt=buurt, thema=kwargs.pop("thema", None) or ThemaFactory()
    )
    punt = VerbeterpuntFactory(bron_signaal=signaal, **kwargs)
    # Like a promotion: the source signal is now part of the point (out of the triage queue).
    Signaal.objects.filter(pk=signaal.pk).update(
        status=SignaalStatus.VERBETERPUNT, verbeterpunt=punt
    )
    return punt


def meedoende_steun(punt) -> Steun:
    return Steun.objects.filter(
        signaal__verbeterpunt=punt, wil_meedoen=True, ingetrokken_op__isnull=True
    ).first()


def actie(wereld, punt, *, door="teamleider", partner=None, **kwargs):
    """An action through the service (partner: a Partner, default gemeente)."""
    kwargs.setdefault("omschrijving", "Extra afvalbakken plaatsen")
    kwargs.setdefault("deadline", over(14))
    if not kwargs.get("eigenaar_bewoners"):
        kwargs.setdefault("eigenaar_partner", partner or wereld.gemeente)
    return services.actie_aanmaken(door=wereld[door], verbeterpunt=punt, **kwargs)


class ActieFactory(DjangoModelFactory):
    """Direct rows, for states the services refuse to create (past deadlines) and bulk data."""

    class Meta:
        model = Actie

    verbeterpunt = factory.SubFactory(VerbeterpuntFactory)
    eigenaar_partner = factory.LazyAttribute(lambda o: o.verbeterpunt.trekker_partner)
    omschrijving = factory.Sequence(lambda n: f"Actie {n}")
    deadline = factory.LazyFunction(lambda: over(14))
    aangemaakt_door = factory.LazyAttribute(lambda o: o.verbeterpunt.aangemaakt_door)
