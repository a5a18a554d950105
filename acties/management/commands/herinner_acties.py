from django.core.management.base import BaseCommand

from acties.meldingen import herinneringen_versturen


class Command(BaseCommand):
    help = (
        "Stuur iedere verantwoordelijke één e-mail met de open acties die te laat zijn of binnen "
        "7 dagen moeten af. Bedoeld voor een dagelijkse cronjob."
    )

    def handle(self, *args, **options):
        aantal = herinneringen_versturen()
        self.stdout.write(self.style.SUCCESS(f"{aantal} herinnering(en) verstuurd."))
