from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Partner
from signalen.models import Steun, Verbeterpunt

from .constants import ACTIE_OPEN, BINNENKORT_DAGEN, ActieStatus


class ActieQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=ACTIE_OPEN)

    def te_laat(self, vandaag: date | None = None):
        """Past the deadline and not closed."""
        return self.open().filter(deadline__lt=vandaag or timezone.localdate())

    def binnenkort(self, vandaag: date | None = None, dagen: int = BINNENKORT_DAGEN):
        """Open and due today or within the next `dagen` days."""
        vandaag = vandaag or timezone.localdate()
        return self.open().filter(deadline__gte=vandaag, deadline__lte=vandaag + timedelta(dagen))

    def met_te_laat(self, vandaag: date | None = None):
        """Annotate `te_laat_sortering` (0 overdue, 1 otherwise) to put overdue actions first."""
        vandaag = vandaag or timezone.localdate()
        return self.annotate(
            te_laat_sortering=models.Case(
                models.When(status__in=ACTIE_OPEN, deadline__lt=vandaag, then=models.Value(0)),
                default=models.Value(1),
                output_field=models.IntegerField(),
            )
        )

    def te_laat_eerst(self, vandaag: date | None = None):
        return self.met_te_laat(vandaag).order_by("te_laat_sortering", "deadline", "pk")


class Actie(models.Model):
    """One step on an improvement point, owned by one partner or by the residents themselves."""

    verbeterpunt = models.ForeignKey(
        Verbeterpunt,
        verbose_name=_("verbeterpunt"),
        on_delete=models.PROTECT,
        related_name="acties",
    )
    eigenaar_partner = models.ForeignKey(
        Partner,
        verbose_name=_("eigenaar (partner)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="acties",
    )
    eigenaar_bewoners = models.BooleanField(
        _("eigenaar: de bewoners zelf"),
        default=False,
        help_text=_(
            "De bewoners pakken deze actie zelf op, met een meedoende bewoner als trekker."
        ),
    )
    # A committed resident of this point (wil_meedoen, not withdrawn); only for residents' actions.
    trekker = models.ForeignKey(
        Steun,
        verbose_name=_("trekker (bewoner)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    verantwoordelijke = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verantwoordelijke"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="acties",
    )
    omschrijving = models.TextField(_("omschrijving"), max_length=2000)
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActieStatus.choices, default=ActieStatus.OPEN
    )
    afgerond_op = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    resultaat = models.TextField(_("resultaat"), blank=True, max_length=4000)
    reden = models.TextField(_("reden"), blank=True, max_length=2000)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    # Bumped by every write, so a form based on an older state is refused as stale.
    versie = models.PositiveIntegerField(_("versie"), default=1)

    objects = ActieQuerySet.as_manager()

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["deadline", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    eigenaar_partner__isnull=False, eigenaar_bewoners=False, trekker__isnull=True
                )
                | Q(eigenaar_partner__isnull=True, eigenaar_bewoners=True, trekker__isnull=False),
                name="actie_een_eigenaar",
                violation_error_message=_(
                    "Een actie is van precies één partner, of van de bewoners met een trekker."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status=ActieStatus.GEREED) | ~Q(resultaat=""),
                name="actie_gereed_met_resultaat",
                violation_error_message=_("Een gerede actie heeft een resultaat."),
            ),
            models.CheckConstraint(
                condition=~Q(status=ActieStatus.VERVALLEN) | ~Q(reden=""),
                name="actie_vervallen_met_reden",
                violation_error_message=_("Een vervallen actie heeft een reden."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "deadline"], name="actie_status_deadline"),
            models.Index(fields=["eigenaar_partner", "status"], name="actie_partner_status"),
            models.Index(fields=["verbeterpunt", "status"], name="actie_verbeterpunt"),
            # "Points my partner owns an action of" (home page): read from the index alone.
            models.Index(fields=["eigenaar_partner", "verbeterpunt"], name="actie_partner_punt"),
            # The list's default order and the period filter.
            models.Index(fields=["deadline", "id"], name="actie_deadline"),
            # Open actions by deadline (overdue first is deadline order among open ones): a
            # partner's on the home page, a team's overdue ones, read in order so LIMIT stops.
            models.Index(
                fields=["eigenaar_partner", "deadline", "id"],
                name="actie_open_partner",
                condition=Q(status__in=sorted(ACTIE_OPEN)),
            ),
            models.Index(
                fields=["deadline", "id"],
                name="actie_open_deadline",
                condition=Q(status__in=sorted(ACTIE_OPEN)),
            ),
        ]

    def __str__(self):
        return _("Actie %(nummer)s") % {"nummer": self.pk}

    @property
    def is_open(self) -> bool:
        return self.status in ACTIE_OPEN

    @property
    def is_te_laat(self) -> bool:
        return self.is_open and self.deadline < timezone.localdate()

    @property
    def eigenaar_label(self) -> str:
        if self.eigenaar_bewoners:
            return str(_("Bewoners"))
        return self.eigenaar_partner.naam if self.eigenaar_partner_id else ""

    def clean(self):
        """Rules within the row and its direct relations; who may do it is the services' job."""
        super().clean()
        fouten = {}
        if self.eigenaar_bewoners == (self.eigenaar_partner_id is not None):
            fouten["eigenaar_partner"] = _("Kies één eigenaar: een partner of de bewoners.")
        if self.eigenaar_bewoners:
            if self.trekker_id is None:
                fouten["trekker"] = _("Kies een meedoende bewoner als trekker.")
            elif not (
                self.trekker.wil_meedoen
                and self.trekker.ingetrokken_op is None
                and self.trekker.signaal.verbeterpunt_id == self.verbeterpunt_id
            ):
                fouten["trekker"] = _(
                    "De trekker is een bewoner die bij dit verbeterpunt wil meedoen."
                )
            if self.verantwoordelijke_id is not None:
                fouten["verantwoordelijke"] = _(
                    "Een actie van de bewoners heeft geen verantwoordelijke medewerker; de trekker "
                    "is verantwoordelijk."
                )
        elif self.trekker_id is not None:
            fouten["trekker"] = _("Alleen een actie van de bewoners heeft een trekker.")
        if self.verantwoordelijke_id is not None and not self.eigenaar_bewoners:
            mens = self.verantwoordelijke
            if mens.partner_id != self.eigenaar_partner_id:
                fouten["verantwoordelijke"] = _(
                    "De verantwoordelijke werkt bij de partner die eigenaar is."
                )
            elif not mens.is_active or not self.verbeterpunt.team.leden.filter(pk=mens.pk).exists():
                fouten["verantwoordelijke"] = _(
                    "De verantwoordelijke is een actief lid van het team van dit verbeterpunt."
                )
        if fouten:
            raise ValidationError(fouten)
