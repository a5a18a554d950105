from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerSoort(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    TRAJEKT = "trajekt", _("Trajekt (welzijn)")
    POLITIE = "politie", _("Politie")
    CORPORATIE = "corporatie", _("Woningcorporatie")
    OVERIG = "overig", _("Overig")


class Rol(models.TextChoices):
    MEDEWERKER = "medewerker", _("Medewerker")
    TEAMLEIDER = "teamleider", _("Teamleider")
    BEHEERDER = "beheerder", _("Beheerder")


# The admin group a beheerder is put in; its permissions are set by a migration.
BEHEERDERS_GROEP = "Beheerders"
