from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurten.models import Buurt, Subgebied, Team
from partners.models import Partner

from .constants import SIGNAAL_OPEN, ActiviteitSoort, GebeurtenisSoort, Kanaal, SignaalStatus


class Thema(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    standaard_primaire_partner = models.ForeignKey(
        Partner,
        verbose_name=_("standaard primaire partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("Hint: bij dit thema hoort het werk vaak bij één partner (doorverwijzen)."),
    )
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Activiteit(models.Model):
    """An outreach activity: the team went into the buurt to hear residents."""

    soort = models.CharField(_("soort"), max_length=30, choices=ActiviteitSoort.choices)
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="activiteiten"
    )
    subgebied = models.ForeignKey(
        Subgebied, verbose_name=_("subgebied"), on_delete=models.PROTECT, related_name="+"
    )
    datum = models.DateField(_("datum"))
    aantal_deelnemers = models.PositiveIntegerField(_("aantal deelnemers"), null=True, blank=True)
    verslag = models.TextField(_("verslag"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["-datum", "-id"]
        indexes = [
            models.Index(fields=["team", "-datum"], name="activiteit_team_datum"),
            models.Index(fields=["-datum", "-id"], name="activiteit_datum"),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.subgebied.naam} {self.datum:%d-%m-%Y}"


class Bewoner(models.Model):
    """A resident, kept minimal (AVG): only the keyed identity hash, and contact details only
    with recorded consent."""

    # HMAC of the normalised identity (signalen.identiteit); NULL once erased.
    sleutel = models.CharField(_("identiteitssleutel"), max_length=64, unique=True, null=True)
    naam = models.CharField(_("naam"), max_length=150, blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    wil_terugkoppeling = models.BooleanField(_("wil terugkoppeling"), default=False)
    toestemming_op = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    toestemming_kanaal = models.CharField(
        _("toestemming via"), max_length=30, choices=Kanaal.choices, blank=True
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    gewist_op = models.DateTimeField(_("gewist op"), null=True, blank=True)

    class Meta:
        verbose_name = _("bewoner")
        verbose_name_plural = _("bewoners")
        constraints = [
            models.CheckConstraint(
                condition=(Q(naam="") & Q(telefoon="") & Q(email="") & Q(wil_terugkoppeling=False))
                | (Q(toestemming_op__isnull=False) & ~Q(toestemming_kanaal="")),
                name="bewoner_contact_alleen_met_toestemming",
                violation_error_message=_(
                    "Contactgegevens alleen met vastgelegde toestemming (datum en kanaal)."
                ),
            ),
        ]

    def __str__(self):
        # Never the name: str() ends up in logs and admin history.
        return _("Bewoner %(nummer)s") % {"nummer": self.pk}

    @property
    def heeft_contactgegevens(self) -> bool:
        return bool(self.naam or self.telefoon or self.email)


class SignaalQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=sorted(SIGNAAL_OPEN))


class Signaal(models.Model):
    """What a resident raised. Acted on only when several distinct residents back it."""

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="signalen"
    )
    buurt = models.ForeignKey(
        Buurt, verbose_name=_("buurt"), on_delete=models.PROTECT, related_name="signalen"
    )
    subgebied = models.ForeignKey(
        Subgebied, verbose_name=_("subgebied"), on_delete=models.PROTECT, related_name="signalen"
    )
    thema = models.ForeignKey(
        Thema, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="signalen"
    )
    omschrijving = models.TextField(_("omschrijving"), max_length=4000)
    kanaal = models.CharField(_("kanaal"), max_length=30, choices=Kanaal.choices)
    activiteit = models.ForeignKey(
        Activiteit,
        verbose_name=_("activiteit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signalen",
    )
    melder = models.ForeignKey(
        Bewoner,
        verbose_name=_("melder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gemelde_signalen",
    )
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geregistreerd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=20, choices=SignaalStatus.choices, default=SignaalStatus.NIEUW
    )
    # Snapshots of the team's rules when the signal was logged: later edits of the team do not
    # change the rules for signals already open (DESIGN §3).
    steundrempel = models.PositiveSmallIntegerField(_("steundrempel"))
    termijn_weken = models.PositiveSmallIntegerField(_("termijn (weken)"))
    verloopt_op = models.DateTimeField(_("verloopt op"))
    # Distinct residents backing it, kept by the services so lists and triage can sort on it.
    aantal_bewoners = models.PositiveIntegerField(_("aantal bewoners"), default=0)
    draagvlak_bereikt_op = models.DateTimeField(_("draagvlak bereikt op"), null=True, blank=True)
    doorverwezen_naar = models.ForeignKey(
        Partner,
        verbose_name=_("doorverwezen naar"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="doorverwezen_signalen",
    )
    # The point it became part of. Points live in acties, to the right of signalen: named here
    # by label, never imported; a change of support recounts the point through this relation.
    verbeterpunt = models.ForeignKey(
        "acties.Verbeterpunt",
        verbose_name=_("verbeterpunt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signalen",
    )
    reden = models.TextField(_("reden"), blank=True)
    herbeoordelen = models.BooleanField(_("herbeoordelen"), default=False)
    # Bumped by every write, so a form based on an older state is refused as stale.
    versie = models.PositiveIntegerField(_("versie"), default=1)

    objects = SignaalQuerySet.as_manager()

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-geregistreerd_op", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(steundrempel__gte=2), name="signaal_steundrempel_minimaal_2"
            ),
            models.CheckConstraint(
                condition=~Q(status=SignaalStatus.DOORVERWEZEN)
                | Q(doorverwezen_naar__isnull=False),
                name="signaal_doorverwezen_naar_partner",
            ),
            models.CheckConstraint(
                condition=~Q(status=SignaalStatus.VERBETERPUNT) | Q(verbeterpunt__isnull=False),
                name="signaal_verbeterpunt_gekoppeld",
            ),
        ]
        indexes = [
            models.Index(fields=["buurt", "status", "-geregistreerd_op"], name="signaal_buurt"),
            models.Index(fields=["team", "status", "-geregistreerd_op"], name="signaal_team"),
            models.Index(fields=["status", "verloopt_op"], name="signaal_verloop"),
            models.Index(fields=["thema", "-geregistreerd_op"], name="signaal_thema"),
            # With the date: a partner's referred signals, newest first, on its home page.
            models.Index(
                fields=["doorverwezen_naar", "status", "-geregistreerd_op", "-id"],
                name="signaal_doorverwezen_recent",
            ),
            # The lists' filters and sorts (issue 7): the default order, each filter with it,
            # and the other sort keys, so a page of 25 is read from an index, never sorted.
            models.Index(fields=["-geregistreerd_op", "-id"], name="signaal_recent"),
            models.Index(
                fields=["buurt", "thema", "-geregistreerd_op"], name="signaal_buurt_thema"
            ),
            models.Index(fields=["subgebied", "-geregistreerd_op"], name="signaal_subgebied"),
            models.Index(fields=["kanaal", "-geregistreerd_op"], name="signaal_kanaal"),
            models.Index(fields=["-aantal_bewoners", "-id"], name="signaal_aantal"),
            models.Index(fields=["verloopt_op", "id"], name="signaal_verloopt"),
            models.Index(fields=["draagvlak_bereikt_op"], name="signaal_draagvlak"),
            models.Index(fields=["status", "-geregistreerd_op"], name="signaal_status"),
            # The dashboard's counts over a period (per buurt in scope, or all for a beheerder):
            # index-only, with the columns the funnel and the team filter read (PostgreSQL).
            models.Index(
                fields=["buurt", "geregistreerd_op"],
                name="signaal_buurt_periode",
                include=["id", "team", "draagvlak_bereikt_op", "verbeterpunt"],
            ),
            models.Index(
                fields=["geregistreerd_op"],
                name="signaal_periode",
                include=["id", "buurt", "team", "draagvlak_bereikt_op", "verbeterpunt"],
            ),
            # A team lead's triage counts on the home page: only the rows that can count.
            models.Index(
                fields=["team", "status"],
                name="signaal_triage",
                # Everything the queue's scope and order read: its page of ids comes from the
                # index alone.
                include=["herbeoordelen", "buurt", "aantal_bewoners", "verloopt_op", "id"],
                condition=Q(status__in=sorted(SIGNAAL_OPEN)) | Q(herbeoordelen=True),
            ),
            # The triage's "recently expired or declined" of a team, latest deadline first:
            # the plain deadline index would skip the many open signals due later.
            models.Index(
                fields=["team", "-verloopt_op", "-id"],
                condition=Q(status__in=[SignaalStatus.VERLOPEN, SignaalStatus.AFGEWEZEN]),
                name="signaal_triage_gesloten",
            ),
        ]

    def __str__(self):
        return _("Signaal %(nummer)s") % {"nummer": self.pk}

    @property
    def is_open(self) -> bool:
        return self.status in SIGNAAL_OPEN


class Steun(models.Model):
    """One resident backing one signal. Backing and wanting to help are separate facts."""

    signaal = models.ForeignKey(
        Signaal, verbose_name=_("signaal"), on_delete=models.CASCADE, related_name="steun"
    )
    bewoner = models.ForeignKey(
        Bewoner, verbose_name=_("bewoner"), on_delete=models.PROTECT, related_name="steun"
    )
    kanaal = models.CharField(_("kanaal"), max_length=30, choices=Kanaal.choices)
    activiteit = models.ForeignKey(
        Activiteit,
        verbose_name=_("activiteit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="steun",
    )
    datum = models.DateField(_("datum"), default=timezone.localdate)
    wil_meedoen = models.BooleanField(_("wil meedoen"), default=False)
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geregistreerd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), default=timezone.now)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingetrokken door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reden_intrekking = models.TextField(_("reden van intrekken"), blank=True)

    class Meta:
        verbose_name = _("steun")
        verbose_name_plural = _("steun")
        ordering = ["geregistreerd_op", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["signaal", "bewoner"],
                condition=Q(ingetrokken_op__isnull=True),
                name="steun_een_keer_per_bewoner",
                violation_error_message=_("Deze bewoner steunt dit signaal al."),
            ),
        ]

    def __str__(self):
        return _("Steun %(nummer)s") % {"nummer": self.pk}

    @property
    def is_ingetrokken(self) -> bool:
        return self.ingetrokken_op is not None


class AlleenToevoegenQuerySet(models.QuerySet):
    """For logs: rows are added, never changed or removed in bulk."""

    def update(self, **kwargs):
        raise TypeError(f"{self.model.__name__} is append-only")

    def delete(self):
        raise TypeError(f"{self.model.__name__} is append-only")


class AlleenToevoegen(models.Model):
    """Base of the logs: a row is written once and never changed or deleted."""

    objects = AlleenToevoegenQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError(f"{type(self).__name__} is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError(f"{type(self).__name__} is append-only")


class Gebeurtenis(AlleenToevoegen):
    """Append-only event log: every change to a signal, point, action or activity, written by
    the services through signalen.logboek (one function per kind, which defines its details).

    Details hold ids, codes and statuses only — never resident contact details or note text.
    What pages filter on is a column: the subject's foreign keys, and for a confidential note
    the partner it stays with.
    """

    wanneer = models.DateTimeField(_("wanneer"), default=timezone.now)
    wie = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("wie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    wat = models.CharField(_("wat"), max_length=40, choices=GebeurtenisSoort.choices)
    signaal = models.ForeignKey(
        Signaal,
        verbose_name=_("signaal"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gebeurtenissen",
    )
    verbeterpunt = models.ForeignKey(
        "acties.Verbeterpunt",  # by label, as Signaal.verbeterpunt
        verbose_name=_("verbeterpunt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gebeurtenissen",
    )
    actie = models.ForeignKey(
        "acties.Actie",
        verbose_name=_("actie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gebeurtenissen",
    )
    activiteit = models.ForeignKey(
        Activiteit,
        verbose_name=_("activiteit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gebeurtenissen",
    )
    # Set on the event of a confidential note: only this partner's staff see that it exists.
    vertrouwelijk_voor = models.ForeignKey(
        Partner,
        verbose_name=_("vertrouwelijk voor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        ordering = ["wanneer", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(signaal__isnull=False)
                | Q(verbeterpunt__isnull=False)
                | Q(activiteit__isnull=False),
                name="gebeurtenis_over_iets",
            ),
            models.CheckConstraint(
                condition=Q(actie__isnull=True) | Q(verbeterpunt__isnull=False),
                name="gebeurtenis_actie_met_verbeterpunt",
            ),
        ]
        indexes = [
            models.Index(fields=["signaal", "wanneer"], name="gebeurtenis_signaal"),
            models.Index(fields=["verbeterpunt", "wanneer"], name="gebeurtenis_verbeterpunt"),
            models.Index(fields=["actie", "wanneer"], name="gebeurtenis_actie"),
        ]

    def __str__(self):
        return f"{self.get_wat_display()} ({self.wanneer:%d-%m-%Y %H:%M})"


class ContactInzage(AlleenToevoegen):
    """Every view of a resident's contact details (AVG): who, when, which resident, where, why.
    Append-only like the event log."""

    wanneer = models.DateTimeField(_("wanneer"), default=timezone.now)
    wie = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("wie"), on_delete=models.PROTECT, related_name="+"
    )
    bewoner = models.ForeignKey(
        Bewoner, verbose_name=_("bewoner"), on_delete=models.CASCADE, related_name="inzages"
    )
    pagina = models.CharField(_("pagina"), max_length=200)
    reden = models.CharField(_("reden"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("inzage contactgegevens")
        verbose_name_plural = _("inzages contactgegevens")
        ordering = ["-wanneer", "-id"]

    def __str__(self):
        return f"{self.wie} – {self.bewoner} ({self.wanneer:%d-%m-%Y %H:%M})"
