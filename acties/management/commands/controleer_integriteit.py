"""`manage.py controleer_integriteit`: every stored counter and state against its source.

Exits 0 when everything agrees, 1 with a Dutch report (ids only) when not. Read-only. The checks
are in `acties.integriteit`; see the README (Bedrijfsvoering) for when to run it.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from acties import integriteit


class Command(BaseCommand):
    help = _(
        "Controleert elke opgeslagen telling en status tegen de bron; stopt met code 1 en een "
        "rapport (alleen ids) als iets niet klopt."
    )

    def handle(self, *args, **options):
        begin = time.monotonic()
        bevindingen = integriteit.controleer()
        self.stdout.write(integriteit.rapport(bevindingen))
        self.stdout.write(_("Duur: %(seconden).1f s") % {"seconden": time.monotonic() - begin})
        if bevindingen:
            raise CommandError(
                _("De integriteitscontrole vond fouten in %(aantal)d controle(s).")
                % {"aantal": len(bevindingen)},
                returncode=1,
            )
