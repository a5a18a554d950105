from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import PartnerSoort, Rol


class Partner(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=PartnerSoort.choices)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class MedewerkerManager(UserManager):
    """Every page shows the user's organisation (navigation bar, forms): load the partner with
    the user, in the same query."""

    def get_queryset(self):
        return super().get_queryset().select_related("partner")


class Medewerker(AbstractUser):
    """A member of staff of one partner; the role decides what they may do (DESIGN §4)."""

    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices, default=Rol.MEDEWERKER)

    objects = MedewerkerManager()

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        ordering = ["username"]
        constraints = [
            # Only a superuser (the technical account) may lack a partner.
            models.CheckConstraint(
                condition=models.Q(partner__isnull=False) | models.Q(is_superuser=True),
                name="medewerker_partner_verplicht",
                violation_error_message=_("Een medewerker hoort bij een partner."),
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    def clean(self):
        super().clean()
        if self.partner_id is None and not self.is_superuser:
            raise ValidationError({"partner": _("Kies de partner van deze medewerker.")})

    @property
    def is_beheerder(self) -> bool:
        return self.rol == Rol.BEHEERDER

    @property
    def is_teamleider(self) -> bool:
        return self.rol == Rol.TEAMLEIDER
