from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from privacy.services import bewaartermijn_toepassen


class Command(BaseCommand):
    help = (
        "Wis contactgegevens en identiteitssleutels van bewoners van wie alle signalen en "
        "verbeterpunten langer dan VBT_BEWAARTERMIJN_MAANDEN gesloten zijn. Tellingen blijven. "
        "Dagelijks vanuit cron draaien."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Toon alleen hoeveel bewoners gewist zouden worden; wijzig niets.",
        )

    def handle(self, *args, dry_run=False, **options):
        aantal = bewaartermijn_toepassen(droog=dry_run)
        maanden = settings.VBT_BEWAARTERMIJN_MAANDEN
        if dry_run:
            bericht = ngettext(
                "Proefdraai: %(n)d bewoner zou gewist worden (bewaartermijn %(m)d maanden).",
                "Proefdraai: %(n)d bewoners zouden gewist worden (bewaartermijn %(m)d maanden).",
                aantal,
            )
        else:
            bericht = ngettext(
                "%(n)d bewoner gewist (bewaartermijn %(m)d maanden).",
                "%(n)d bewoners gewist (bewaartermijn %(m)d maanden).",
                aantal,
            )
        self.stdout.write(bericht % {"n": aantal, "m": maanden})
