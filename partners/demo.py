"""Demo partners and users. The demo password exists only here, never in migrations."""

from django.db import transaction

from .constants import PartnerSoort, Rol
from .models import Medewerker, Partner
from .services import medewerker_aanmaken

DEMO_WACHTWOORD = "vbt-demo"

PARTNERS = [
    ("Gemeente Maastricht", PartnerSoort.GEMEENTE),
    ("Trajekt", PartnerSoort.TRAJEKT),
    ("Politie Limburg", PartnerSoort.POLITIE),
    ("Servatius", PartnerSoort.CORPORATIE),
    ("Woonpunt", PartnerSoort.CORPORATIE),
]

# username, partner, role, first name, last name
DEMO_GEBRUIKERS = [
    ("beheerder", "Gemeente Maastricht", Rol.BEHEERDER, "Bea", "Heerkens"),
    ("teamleider", "Gemeente Maastricht", Rol.TEAMLEIDER, "Tom", "Lemmens"),
    ("gemeente", "Gemeente Maastricht", Rol.MEDEWERKER, "Gijs", "Meertens"),
    ("trajekt", "Trajekt", Rol.MEDEWERKER, "Tessa", "Janssen"),
    ("politie", "Politie Limburg", Rol.MEDEWERKER, "Paul", "Oostwegel"),
    ("corporatie", "Servatius", Rol.MEDEWERKER, "Carla", "Ramakers"),
]


@transaction.atomic
def partners_laden() -> dict[str, Partner]:
    partners = {}
    for naam, soort in PARTNERS:
        partners[naam], _ = Partner.objects.get_or_create(naam=naam, defaults={"soort": soort})
    return partners


@transaction.atomic
def demo_gebruikers_laden(partners: dict[str, Partner]) -> dict[str, Medewerker]:
    """Create the demo users once; a later run leaves passwords people changed alone."""
    gebruikers = {}
    for username, partner_naam, rol, voornaam, achternaam in DEMO_GEBRUIKERS:
        gebruiker = Medewerker.objects.filter(username=username).first()
        if gebruiker is None:
            gebruiker = medewerker_aanmaken(
                username=username,
                partner=partners[partner_naam],
                rol=rol,
                password=DEMO_WACHTWOORD,
                first_name=voornaam,
                last_name=achternaam,
                email=f"{username}@example.org",
            )
        gebruikers[username] = gebruiker
    return gebruikers
