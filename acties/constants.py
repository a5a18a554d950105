from django.db import models
from django.utils.translation import gettext_lazy as _


class VerbeterpuntStatus(models.TextChoices):
    VASTGESTELD = "vastgesteld", _("Vastgesteld")
    PLAN_VAN_AANPAK = "plan_van_aanpak", _("Plan van aanpak")
    IN_UITVOERING = "in_uitvoering", _("In uitvoering")
    AFGEROND = "afgerond", _("Afgerond")
    GESTAAKT = "gestaakt", _("Gestaakt")


class Prioriteit(models.TextChoices):
    LAAG = "laag", _("Laag")
    NORMAAL = "normaal", _("Normaal")
    HOOG = "hoog", _("Hoog")


class ActieStatus(models.TextChoices):
    OPEN = "open", _("Open")
    BEZIG = "bezig", _("Bezig")
    GEREED = "gereed", _("Gereed")
    VERVALLEN = "vervallen", _("Vervallen")


V = VerbeterpuntStatus
A = ActieStatus

# Allowed transitions, one table each (DESIGN §3). The services refuse anything else.
VERBETERPUNT_OVERGANGEN: dict[str, frozenset[str]] = {
    V.VASTGESTELD: frozenset({V.PLAN_VAN_AANPAK, V.GESTAAKT}),
    V.PLAN_VAN_AANPAK: frozenset({V.IN_UITVOERING, V.GESTAAKT}),
    V.IN_UITVOERING: frozenset({V.AFGEROND, V.GESTAAKT}),
    V.AFGEROND: frozenset({V.PLAN_VAN_AANPAK}),
    V.GESTAAKT: frozenset({V.PLAN_VAN_AANPAK}),
}
VERBETERPUNT_OPEN = frozenset({V.VASTGESTELD, V.PLAN_VAN_AANPAK, V.IN_UITVOERING})
VERBETERPUNT_GESLOTEN = frozenset({V.AFGEROND, V.GESTAAKT})


def reden_verplicht_voor_verbeterpunt(van: str, naar: str) -> bool:
    """Stopping or reopening a point needs a reason."""
    return naar == V.GESTAAKT or van in VERBETERPUNT_GESLOTEN


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

# A point is integral when actions (not lapsed) of this many partners or more work on it.
INTEGRAAL_VANAF = 2

# The value of the owner field that means "the residents themselves".
EIGENAAR_BEWONERS = "bewoners"


def resultaat_verplicht(naar: str) -> bool:
    """Closing as done needs what came of it."""
    return naar == A.GEREED


def reden_verplicht(naar: str) -> bool:
    """Letting an action lapse needs a reason."""
    return naar == A.VERVALLEN
