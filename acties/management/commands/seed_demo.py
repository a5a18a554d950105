from django.core.management.base import BaseCommand
from django.db import transaction

from acties.demo import signalen_laden
from buurten.demo import buurten_laden, teams_en_buurtdata_laden
from partners.demo import DEMO_GEBRUIKERS, DEMO_WACHTWOORD, demo_gebruikers_laden, partners_laden
from signalen.demo import themas_laden

# Which demo user works in which team; "spread over both teams" so both views have life.
TEAMLEDEN = {
    "VBT Oost": ["teamleider", "gemeente", "trajekt", "politie", "corporatie"],
    "VBT West": ["teamleider", "trajekt", "politie"],
}


class Command(BaseCommand):
    help = "Laad de Maastrichtse demodata: buurten, partners, teams en demogebruikers. Idempotent."

    @transaction.atomic
    def handle(self, *args, **options):
        aantal = buurten_laden()
        partners = partners_laden()
        teams = teams_en_buurtdata_laden()
        gebruikers = demo_gebruikers_laden(partners)
        for team_naam, namen in TEAMLEDEN.items():
            teams[team_naam].leden.add(*(gebruikers[naam] for naam in namen))
        themas_laden()
        signalen_laden(gebruikers)
        self.stdout.write(self.style.SUCCESS(f"Demodata geladen: {aantal} buurten."))
        self.stdout.write(f"Demo-inloggegevens (wachtwoord voor allen: {DEMO_WACHTWOORD}):")
        for username, partner, rol, *_ in DEMO_GEBRUIKERS:
            self.stdout.write(f"  {username:<12} {partner} – {rol.label}")
