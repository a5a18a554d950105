from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurten.models import Buurt, Initiatief, Subgebied, Team
from partners.models import Partner
from signalen.models import Signaal, Steun, Thema
from signalen.services import tel_bewoners_van

from .constants import (
    ACTIE_OPEN,
    BINNENKORT_DAGEN,
    VERBETERPUNT_OPEN,
    ActieStatus,
    Prioriteit,
    VerbeterpuntStatus,
)


class Verbeterpunt(models.Model):
    """An integral improvement point: a broader wish the team works on with residents."""

    titel = models.CharField(_("titel"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="verbeterpunten"
    )
    buurt = models.ForeignKey(
        Buurt, verbose_name=_("buurt"), on_delete=models.PROTECT, related_name="verbeterpunten"
    )
    subgebied = models.ForeignKey(
        Subgebied, verbose_name=_("subgebied"), on_delete=models.PROTECT, related_name="+"
    )
    thema = models.ForeignKey(
        Thema, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="verbeterpunten"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=VerbeterpuntStatus.choices,
        default=VerbeterpuntStatus.VASTGESTELD,
    )
    prioriteit = models.CharField(
        _("prioriteit"), max_length=10, choices=Prioriteit.choices, default=Prioriteit.NORMAAL
    )
    trekker_partner = models.ForeignKey(
        Partner,
        verbose_name=_("trekkende partner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="getrokken_verbeterpunten",
    )
    betrokken_partners = models.ManyToManyField(
        Partner, verbose_name=_("betrokken partners"), blank=True, related_name="verbeterpunten"
    )
    initiatieven = models.ManyToManyField(
        Initiatief, verbose_name=_("initiatieven"), blank=True, related_name="verbeterpunten"
    )
    # The signal it was created from: unique, so two concurrent promotions of one signal can
    # never both create a point (the loser's insert fails and it attaches or reports).
    bron_signaal = models.OneToOneField(
        Signaal,
        verbose_name=_("ontstaan uit signaal"),
        on_delete=models.PROTECT,
        related_name="bron_van",
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    status_sinds = models.DateTimeField(_("status sinds"), default=timezone.now)
    afgerond_op = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    # "Loopt spaak" when no resident committed by this moment (creation + the team's window).
    spaak_na = models.DateTimeField(_("zonder trekker spaak na"))
    # Distinct residents over all its signals, and those who want to help; kept by services.
    aantal_bewoners = models.PositiveIntegerField(_("aantal bewoners"), default=0)
    aantal_meedoeners = models.PositiveIntegerField(_("aantal meedoende bewoners"), default=0)
    reden = models.TextField(_("reden"), blank=True)
    versie = models.PositiveIntegerField(_("versie"), default=1)

    class Meta:
        # Moved from signalen without copying data: the table keeps its name.
        db_table = "signalen_verbeterpunt"
        verbose_name = _("verbeterpunt")
        verbose_name_plural = _("verbeterpunten")
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [
            models.Index(fields=["buurt", "status", "-aangemaakt_op"], name="verbeterpunt_buurt"),
            models.Index(fields=["team", "status", "-aangemaakt_op"], name="verbeterpunt_team"),
            models.Index(fields=["status", "spaak_na"], name="verbeterpunt_spaak"),
            models.Index(fields=["-aangemaakt_op", "-id"], name="verbeterpunt_recent"),
            models.Index(fields=["thema", "-aangemaakt_op"], name="verbeterpunt_thema"),
            models.Index(fields=["subgebied", "-aangemaakt_op"], name="verbeterpunt_subgebied"),
            models.Index(fields=["-aantal_bewoners", "-id"], name="verbeterpunt_aantal"),
        ]

    def __str__(self):
        return self.titel

    @property
    def is_open(self) -> bool:
        return self.status in VERBETERPUNT_OPEN

    @property
    def loopt_spaak(self) -> bool:
        return self.is_open and self.aantal_meedoeners == 0 and self.spaak_na <= timezone.now()

    @staticmethod
    def spaak_na_voor(team: Team, moment) -> "timezone.datetime":
        return moment + timedelta(weeks=team.termijn_weken)

    def tel_bewoners_opnieuw(self) -> None:
        """Store the distinct residents (and committed ones) over all its signals, as the
        support check counts them. Every write that changes the support of one of its signals
        calls this (signalen's services through Signaal.verbeterpunt), in its transaction."""
        aantal, meedoeners = tel_bewoners_van(Signaal.objects.filter(verbeterpunt_id=self.pk))
        Verbeterpunt.objects.filter(pk=self.pk).update(
            aantal_bewoners=aantal, aantal_meedoeners=meedoeners
        )
        self.aantal_bewoners, self.aantal_meedoeners = aantal, meedoeners


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


class Notitie(models.Model):
    """A note on a point or a signal. A confidential note (police information, say) is visible
    only to staff of the author's partner, everywhere (DESIGN §4)."""

    verbeterpunt = models.ForeignKey(
        Verbeterpunt,
        verbose_name=_("verbeterpunt"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notities",
    )
    signaal = models.ForeignKey(
        Signaal,
        verbose_name=_("signaal"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notities",
    )
    tekst = models.TextField(_("tekst"), max_length=4000)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The author's partner at the time of writing: visibility must not move with the author.
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="+"
    )
    vertrouwelijk = models.BooleanField(
        _("vertrouwelijk"),
        default=False,
        help_text=_("Alleen zichtbaar voor medewerkers van uw eigen organisatie."),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        db_table = "signalen_notitie"  # moved from signalen, as Verbeterpunt
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")
        ordering = ["aangemaakt_op", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(verbeterpunt__isnull=False, signaal__isnull=True)
                | Q(verbeterpunt__isnull=True, signaal__isnull=False),
                name="notitie_bij_punt_of_signaal",
            ),
        ]
        indexes = [
            models.Index(fields=["verbeterpunt", "aangemaakt_op"], name="notitie_verbeterpunt"),
            models.Index(fields=["signaal", "aangemaakt_op"], name="notitie_signaal"),
        ]

    def __str__(self):
        # Never the text: str() ends up in logs and admin history.
        return _("Notitie %(nummer)s") % {"nummer": self.pk}
