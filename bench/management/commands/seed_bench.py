import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench import dataset as bench


class Command(BaseCommand):
    help = (
        "Vul de database met een grote, realistische dataset om te meten: N signalen over 44 "
        "buurten en 12 teams, ~3 steunbetuigingen per signaal, N/10 verbeterpunten met elk 3 "
        "acties en 300 gebruikers. Alleen voor een benchmarkdatabase."
    )

    def add_arguments(self, parser):
        parser.add_argument("--signalen", type=int, required=True, help="Aantal signalen (N).")
        parser.add_argument("--seed", type=int, default=1, help="Startwaarde van het toeval.")
        groep = parser.add_mutually_exclusive_group()
        groep.add_argument(
            "--opnieuw",
            action="store_true",
            help="Wis eerst de HELE database (flush) en vul opnieuw.",
        )
        groep.add_argument(
            "--als-leeg",
            action="store_true",
            help="Doe niets (en slaag) als de database al gevuld is.",
        )

    def handle(self, *args, signalen, seed, opnieuw, als_leeg, **options):
        if signalen < 1:
            raise CommandError("--signalen moet minstens 1 zijn.")
        if bench.is_gevuld():
            if als_leeg:
                self.stdout.write("Benchmarkdata staat er al; niets gedaan.")
                return
            if not opnieuw:
                raise CommandError(
                    "Deze database is al gevuld met benchmarkdata. Gebruik --opnieuw om alles "
                    "te wissen en opnieuw te vullen, of --als-leeg om het zo te laten."
                )
            self.stdout.write("Database wissen (flush)...")
            call_command("flush", interactive=False, verbosity=0)
        begin = time.monotonic()
        # The demo's buurten, partners, themes and two teams are the base the bench builds on.
        call_command("seed_demo", verbosity=0, stdout=self.stdout)
        self.stdout.write(f"seed_bench: {signalen} signalen (seed {seed})")
        telling = bench.vullen(signalen=signalen, seed=seed, uitvoer=self.stdout.write)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh statistics, or the planner guesses from empty
        duur = time.monotonic() - begin
        for naam, aantal in telling.rijen.items():
            if naam != "beheerder":
                self.stdout.write(f"  {naam:<20} {aantal:>10}")
        self.stdout.write(self.style.SUCCESS(f"Klaar in {duur:.0f} s."))
        self.stdout.write(
            f"Inloggen (wachtwoord {bench.BENCH_WACHTWOORD}): {bench.BENCH_MEDEWERKER}, "
            f"{bench.BENCH_TEAMLEIDER}, {bench.BENCH_BEHEERDER}"
        )
