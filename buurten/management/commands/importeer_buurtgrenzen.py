from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from buurten.grenzen import GrensFout
from buurten.services import buurtgrenzen_importeren


def _codes(codes: list[str], max_aantal: int = 10) -> str:
    meer = len(codes) - max_aantal
    return ", ".join(codes[:max_aantal]) + (f" en {meer} meer" if meer > 0 else "")


class Command(BaseCommand):
    help = (
        "Laad buurtgrenzen uit een GeoJSON-bestand (FeatureCollection in WGS84, CBS-code in "
        "'statcode' of 'buurtcode'), bijvoorbeeld een nieuw jaar van de CBS wijk- en buurtkaart. "
        "Alles of niets: bij een fout wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="Pad naar het GeoJSON-bestand.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            dest="proefdraai",
            help="Alleen controleren en melden wat er zou veranderen; niets opslaan.",
        )

    def handle(self, *args, bestand, proefdraai, **options):
        pad = Path(bestand)
        try:
            inhoud = pad.read_bytes()
        except OSError as fout:
            raise CommandError(f"Kan {pad} niet lezen: {fout.strerror or fout}.") from fout
        try:
            uitkomst = buurtgrenzen_importeren(inhoud=inhoud, proefdraai=proefdraai)
        except GrensFout as fout:
            regels = "\n".join(f"- {regel}" for regel in fout.fouten)
            raise CommandError(
                f"Niets geïmporteerd: {len(fout.fouten)} fout(en) in {pad}.\n{regels}"
            ) from fout
        if uitkomst.proefdraai:
            self.stdout.write("Proefdraai: er is niets opgeslagen. Dit zou er veranderen:")
        for label, codes in (
            ("nieuw", uitkomst.nieuw),
            ("gewijzigd", uitkomst.gewijzigd),
            ("ongewijzigd", uitkomst.ongewijzigd),
        ):
            self.stdout.write(f"  {label}: {len(codes)}" + (f" ({_codes(codes)})" if codes else ""))
        if uitkomst.niet_in_bestand:
            self.stdout.write(
                f"  niet in het bestand (houden hun grens): {len(uitkomst.niet_in_bestand)} "
                f"({_codes(uitkomst.niet_in_bestand)})"
            )
        if not uitkomst.proefdraai:
            self.stdout.write(self.style.SUCCESS("Buurtgrenzen geïmporteerd."))
