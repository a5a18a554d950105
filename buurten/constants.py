from django.db import models
from django.utils.translation import gettext_lazy as _


class SubgebiedSoort(models.TextChoices):
    STRAAT = "straat", _("Straat")
    BLOK = "blok", _("Blok")
    HELE_BUURT = "hele_buurt", _("Hele buurt")
    ANDERS = "anders", _("Anders")


class InitiatiefSoort(models.TextChoices):
    BUURTNETWERK = "buurtnetwerk", _("Buurtnetwerk")
    BEWONERSCOMMISSIE = "bewonerscommissie", _("Bewonerscommissie")
    VRIJWILLIGERSORGANISATIE = "vrijwilligersorganisatie", _("Vrijwilligersorganisatie")
    SOCIAAL_TEAM = "sociaal_team", _("Sociaal team")
    BEWONERSKRACHTENTEAM = "bewonerskrachtenteam", _("Bewonerskrachtenteam")
    ANDERS = "anders", _("Anders")


STANDAARD_STEUNDREMPEL = 3
MINIMALE_STEUNDREMPEL = 2  # "meerdere bewoners": one resident is never a broader wish
STANDAARD_TERMIJN_WEKEN = 10  # the method's cycle: roughly every ten weeks
