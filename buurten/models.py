from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from . import grenzen
from .constants import (
    MINIMALE_STEUNDREMPEL,
    STANDAARD_STEUNDREMPEL,
    STANDAARD_TERMIJN_WEKEN,
    InitiatiefSoort,
    SubgebiedSoort,
)


class Wijk(models.Model):
    cbs_code = models.CharField(_("CBS-code"), max_length=10, unique=True)
    naam = models.CharField(_("naam"), max_length=100)

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Buurt(models.Model):
    # Some buurten have no verified CBS code: empty, and unique only when known.
    cbs_code = models.CharField(_("CBS-code"), max_length=10, null=True, blank=True)
    naam = models.CharField(_("naam"), max_length=100)
    wijk = models.ForeignKey(
        Wijk, verbose_name=_("wijk"), on_delete=models.PROTECT, related_name="buurten"
    )
    inwoners = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)

    class Meta:
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["cbs_code"],
                condition=models.Q(cbs_code__isnull=False),
                name="buurt_cbs_code_uniek",
                violation_error_message=_("Er is al een buurt met deze CBS-code."),
            ),
            models.UniqueConstraint(
                fields=["wijk", "naam"],
                name="buurt_naam_uniek_in_wijk",
                violation_error_message=_("Deze wijk heeft al een buurt met deze naam."),
            ),
        ]

    def __str__(self):
        return self.naam

    def save(self, *args, **kwargs):
        # An empty code from a form means "unknown", which must be NULL for the constraint.
        self.cbs_code = self.cbs_code or None
        nieuw = self._state.adding
        with transaction.atomic():
            super().save(*args, **kwargs)
            if nieuw:
                # Every buurt has its "hele buurt" subgebied from the moment it exists.
                Subgebied.objects.create(
                    buurt=self, naam=str(_("Hele buurt")), soort=SubgebiedSoort.HELE_BUURT
                )


class Buurtgrens(models.Model):
    """The boundary of a buurt, and what the maps draw of it.

    Its own table rather than fields on Buurt: every list loads its rows' buurt (select_related),
    and none of them should carry a polygon. The map reads all buurten with their paths in one
    query (buurten.kaart.kaartbuurten). `pad`, `kader` and `midden` are derived from `geometrie`
    on every save, so they can never disagree with it; they change only when a boundary is
    imported (buurten.services.buurtgrenzen_importeren).
    """

    buurt = models.OneToOneField(
        Buurt,
        verbose_name=_("buurt"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="grens",
    )
    geometrie = models.JSONField(
        _("geometrie"),
        help_text=_("GeoJSON Polygon of MultiPolygon in WGS84 (lengte, breedte)."),
    )
    pad = models.TextField(_("kaartpad"), editable=False)
    kader = models.JSONField(_("kader"), editable=False)
    midden = models.JSONField(_("midden"), editable=False)

    class Meta:
        verbose_name = _("buurtgrens")
        verbose_name_plural = _("buurtgrenzen")

    def __str__(self):
        return str(self.buurt)

    def save(self, *args, **kwargs):
        vorm = grenzen.kaartvorm(self.geometrie)
        self.pad, self.kader, self.midden = vorm.pad, vorm.kader, vorm.midden
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "pad", "kader", "midden"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        fouten = grenzen.fouten_in_geometrie(self.geometrie)
        if fouten:
            raise ValidationError({"geometrie": fouten})


class SubgebiedQuerySet(models.QuerySet):
    def delete(self):
        if self.filter(soort=SubgebiedSoort.HELE_BUURT).exists():
            raise ValidationError(_("Het subgebied 'hele buurt' kan niet worden verwijderd."))
        return super().delete()


class Subgebied(models.Model):
    """The logical living area of a theme: a street, a block or the whole buurt."""

    buurt = models.ForeignKey(
        Buurt, verbose_name=_("buurt"), on_delete=models.CASCADE, related_name="subgebieden"
    )
    naam = models.CharField(_("naam"), max_length=100)
    soort = models.CharField(_("soort"), max_length=20, choices=SubgebiedSoort.choices)

    objects = SubgebiedQuerySet.as_manager()

    class Meta:
        verbose_name = _("subgebied")
        verbose_name_plural = _("subgebieden")
        ordering = ["buurt__naam", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["buurt"],
                condition=models.Q(soort=SubgebiedSoort.HELE_BUURT),
                name="subgebied_een_hele_buurt",
                violation_error_message=_("Een buurt heeft precies één subgebied 'hele buurt'."),
            ),
            models.UniqueConstraint(
                fields=["buurt", "naam"],
                name="subgebied_naam_uniek_in_buurt",
                violation_error_message=_("Deze buurt heeft al een subgebied met deze naam."),
            ),
        ]

    def __str__(self):
        return f"{self.buurt.naam} – {self.naam}"

    @property
    def is_hele_buurt(self) -> bool:
        return self.soort == SubgebiedSoort.HELE_BUURT

    def clean(self):
        super().clean()
        if self.pk and not self.is_hele_buurt:
            oud = Subgebied.objects.filter(pk=self.pk).values_list("soort", flat=True).first()
            if oud == SubgebiedSoort.HELE_BUURT:
                raise ValidationError({"soort": _("Het subgebied 'hele buurt' houdt die soort.")})

    def delete(self, *args, **kwargs):
        if self.is_hele_buurt and Buurt.objects.filter(pk=self.buurt_id).exists():
            raise ValidationError(_("Het subgebied 'hele buurt' kan niet worden verwijderd."))
        return super().delete(*args, **kwargs)


class Team(models.Model):
    """A Veilige Buurten Team: staff of several partners working in one or more buurten."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    buurten = models.ManyToManyField(
        Buurt, verbose_name=_("buurten"), related_name="teams", blank=True
    )
    leden = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("leden"), related_name="teams", blank=True
    )
    steundrempel = models.PositiveSmallIntegerField(
        _("steundrempel"),
        default=STANDAARD_STEUNDREMPEL,
        validators=[MinValueValidator(MINIMALE_STEUNDREMPEL), MaxValueValidator(100)],
        help_text=_(
            "Aantal verschillende bewoners dat een signaal moet steunen voordat het een "
            "verbeterpunt kan worden. Minimaal 2. Geldt voor nieuwe signalen."
        ),
    )
    termijn_weken = models.PositiveSmallIntegerField(
        _("termijn (weken)"),
        default=STANDAARD_TERMIJN_WEKEN,
        validators=[MinValueValidator(1), MaxValueValidator(104)],
        help_text=_(
            "Binnen deze termijn moet een signaal genoeg steun hebben, anders verloopt het."
        ),
    )

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(steundrempel__gte=MINIMALE_STEUNDREMPEL),
                name="team_steundrempel_minimaal_2",
                violation_error_message=_("De steundrempel is minimaal 2 bewoners."),
            ),
            models.CheckConstraint(
                condition=models.Q(termijn_weken__gte=1),
                name="team_termijn_minimaal_1",
                violation_error_message=_("De termijn is minimaal 1 week."),
            ),
        ]

    def __str__(self):
        return self.naam


class Initiatief(models.Model):
    """Another initiative in the buurt a point can be linked to."""

    buurt = models.ForeignKey(
        Buurt, verbose_name=_("buurt"), on_delete=models.CASCADE, related_name="initiatieven"
    )
    naam = models.CharField(_("naam"), max_length=150)
    soort = models.CharField(_("soort"), max_length=30, choices=InitiatiefSoort.choices)
    contact = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_("Contact van de organisatie (geen privégegevens van bewoners)."),
    )

    class Meta:
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")
        ordering = ["buurt__naam", "naam"]

    def __str__(self):
        return f"{self.naam} ({self.buurt.naam})"
