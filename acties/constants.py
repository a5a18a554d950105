from django.db import models
from django.utils.translation import gettext_lazy as _


class ActieStatus(models.TextChoices):
    OPEN = "open", _("Open")
    BEZIG = "bezig", _("Bezig")
    GEREED = "gereed", _("Gereed")
    VERVALLEN = "vervallen", _("Vervallen")


A = ActieStatus

# Allowed transitions, in one table (DESIGN §3). The services refuse anything else.
ACTIE_OVERGANGEN: dict[str, frozenset[str]] = {
    A.OPEN: frozenset({A.BEZIG, A.VERVALLEN}),
    A.BEZIG: frozenset({A.GEREED, A.VERVALLEN}),
    A.GEREED: frozenset(),
    A.VERVALLEN: frozenset(),
}
ACTIE_OPEN = frozenset({A.OPEN, A.BEZIG})
ACTIE_GESLOTEN = frozenset({A.GEREED, A.VERVALLEN})

# "Binnenkort" in reminders and on the home page: due within this many days.
BINNENKORT_DAGEN = 7

# The value of the owner field that means "the residents themselves".
EIGENAAR_BEWONERS = "bewoners"


def resultaat_verplicht(naar: str) -> bool:
    """Closing as done needs what came of it."""
    return naar == A.GEREED


def reden_verplicht(naar: str) -> bool:
    """Letting an action lapse needs a reason."""
    return naar == A.VERVALLEN
