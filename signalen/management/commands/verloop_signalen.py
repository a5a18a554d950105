from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from signalen.services import signalen_verlopen


class Command(BaseCommand):
    help = (
        "Zet nieuwe signalen die hun drempel niet binnen de termijn haalden op 'verlopen'. "
        "Veilig om vaak vanuit cron te draaien."
    )

    def handle(self, *args, **options):
        aantal = signalen_verlopen()
        self.stdout.write(
            ngettext("%(n)d signaal verlopen.", "%(n)d signalen verlopen.", aantal) % {"n": aantal}
        )
