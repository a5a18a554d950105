"""Preconditions for the browser flows, built on the demo data through the real services.

Each flow test sets up the state it starts from with these (not by relying on another test), so
the flows run alone and in any order. Everything is in the demo buurt Wittevrouwenveld of team
VBT Oost, where all demo users work.
"""

from datetime import timedelta

from django.utils import timezone

from acties import services as acties_services
from acties.constants import VerbeterpuntStatus
from acties.models import Actie, Verbeterpunt
from buurten.models import Buurt
from partners.models import Medewerker, Partner
from signalen import services
from signalen.constants import Kanaal
from signalen.models import Signaal, Thema
from signalen.services import BewonerInvoer

BUURT = "Wittevrouwenveld"


def gebruiker(username: str) -> Medewerker:
    return Medewerker.objects.get(username=username)


def bewoners(aantal: int, *, start: int = 1, meedoen: int = 0, postcode: str = "6224 CD"):
    """Distinct residents at one postcode; the first ``meedoen`` want to help."""
    return [
        BewonerInvoer(
            postcode=postcode,
            huisnummer=str(start + i),
            naam=f"Bewoner {start + i}",
            wil_meedoen=i < meedoen,
        )
        for i in range(aantal)
    ]


def signaal(
    omschrijving: str,
    *,
    steun: int = 0,
    meedoen: int = 0,
    start: int = 1,
    thema: str = "Zwerfvuil",
    door: str = "gemeente",
) -> Signaal:
    """A signal in Wittevrouwenveld (whole buurt) with ``steun`` distinct residents backing it."""
    buurt = Buurt.objects.get(naam=BUURT)
    nieuw = services.signaal_registreren(
        door=gebruiker(door),
        buurt=buurt,
        subgebied=buurt.subgebieden.get(soort="hele_buurt"),
        thema=Thema.objects.get(naam=thema),
        omschrijving=omschrijving,
        kanaal=Kanaal.STRAATHOEKBIJEENKOMST,
    )
    if steun:
        services.steun_registreren(
            signaal=nieuw,
            door=gebruiker(door),
            bewoners=bewoners(steun, start=start, meedoen=meedoen),
            kanaal=Kanaal.STRAATHOEKBIJEENKOMST,
        )
    nieuw.refresh_from_db()
    return nieuw


def verbeterpunt(titel: str, *, meedoen: int = 1, status=None) -> Verbeterpunt:
    """A point promoted by the teamleider from a signal of three residents, optionally moved on
    to ``status`` along the allowed path."""
    bron = signaal(f"Signaal achter {titel}", steun=3, meedoen=meedoen, start=200)
    punt = acties_services.signaal_promoveren(
        signaal=bron, door=gebruiker("teamleider"), titel=titel
    )
    pad = [VerbeterpuntStatus.PLAN_VAN_AANPAK, VerbeterpuntStatus.IN_UITVOERING]
    if status in pad:
        for naar in pad[: pad.index(status) + 1]:
            punt = acties_services.verbeterpunt_status_wijzigen(
                verbeterpunt=punt, naar=naar, door=gebruiker("teamleider")
            )
    punt.refresh_from_db()
    return punt


def actie(punt: Verbeterpunt, partner: str, omschrijving: str, *, dagen: int = 14) -> Actie:
    """An action of ``partner`` on the point, created by the teamleider."""
    return acties_services.actie_aanmaken(
        door=gebruiker("teamleider"),
        verbeterpunt=punt,
        omschrijving=omschrijving,
        deadline=timezone.localdate() + timedelta(days=dagen),
        eigenaar_partner=Partner.objects.get(naam=partner),
    )
