"""The filters of the point and action lists (and their exports). Every choice list is scoped to
what the user may see."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurten.selectors import zichtbare_buurten
from partners.models import Medewerker, Partner
from signalen.filters import OPEN, LijstFilter, buurten_per_wijk, ja_nee, keuze
from signalen.models import Thema
from vbt.lijsten.sortering import Sortering
from vbt.widgets import DatumBereik

from .constants import ACTIE_OPEN, VERBETERPUNT_OPEN, ActieStatus, VerbeterpuntStatus
from .models import Verbeterpunt
from .selectors import loopt_spaak_filter, punten_met_te_late_acties

LOPEND = "lopend"


class VerbeterpuntFilter(LijstFilter):
    ZOEKVELDEN = ("titel", "omschrijving")
    thema = keuze(_("Thema"))
    status = keuze(
        _("Status"),
        method="filter_status",
        choices=[(OPEN, _("Open (nog niet afgerond of gestaakt)")), *VerbeterpuntStatus.choices],
    )
    partner = keuze(_("Partner (trekker of betrokken)"), method="filter_partner")
    aangemaakt = django_filters.DateFromToRangeFilter(
        label=_("Aangemaakt (van – tot en met)"),
        field_name="aangemaakt_op",
        widget=DatumBereik(_("Aangemaakt vanaf"), _("Aangemaakt tot en met")),
    )
    loopt_spaak = ja_nee(_("Loopt spaak"))
    acties_te_laat = ja_nee(_("Met acties over de deadline"))
    sortering = Sortering(
        standaard="-aangemaakt",
        fields=(
            ("aangemaakt_op", "aangemaakt"),
            ("titel", "titel"),
            ("buurt__naam", "buurt"),
            ("thema__naam", "thema"),
            ("aantal_bewoners", "bewoners"),
            ("status", "status"),
        ),
        field_labels={
            "aangemaakt_op": _("Aangemaakt"),
            "titel": _("Titel"),
            "buurt__naam": _("Buurt"),
            "thema__naam": _("Thema"),
            "aantal_bewoners": _("Bewoners"),
            "status": _("Status"),
        },
    )

    class Meta:
        model = Verbeterpunt
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["q"].label = _("Zoeken in titel en omschrijving")

    def filter_status(self, queryset, name, value):
        return self.filter_status_open(queryset, name, value, VERBETERPUNT_OPEN)

    def filter_partner(self, queryset, name, value):
        betrokken = Verbeterpunt.betrokken_partners.through.objects.filter(partner_id=value)
        return queryset.filter(
            Q(trekker_partner_id=value) | Q(pk__in=betrokken.values("verbeterpunt_id"))
        )

    def voorwaarde_loopt_spaak(self):
        return loopt_spaak_filter()

    def voorwaarde_acties_te_laat(self):
        return Q(pk__in=punten_met_te_late_acties(timezone.localdate()))


class ActieFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(LOPEND, _("Open of bezig")), *ActieStatus.choices],
        method="filter_status",
        empty_label=_("Alle"),
    )
    # Plain-value choices (read on first use, one query each): an id outside the user's scope
    # is a form error.
    eigenaar_partner = django_filters.ChoiceFilter(
        label=_("Eigenaar (partner)"), choices=[], empty_label=_("Alle")
    )
    buurt = django_filters.ChoiceFilter(
        label=_("Buurt"), field_name="verbeterpunt__buurt", choices=[], empty_label=_("Alle")
    )
    thema = django_filters.ChoiceFilter(
        label=_("Thema"), field_name="verbeterpunt__thema", choices=[], empty_label=_("Alle")
    )
    te_laat = django_filters.BooleanFilter(
        label=_("Te laat"),
        method="filter_te_laat",
        widget=forms.Select(choices=[("", _("Alle")), ("true", _("Ja")), ("false", _("Nee"))]),
    )
    deadline = django_filters.DateFromToRangeFilter(
        label=_("Deadline (van – tot en met)"),
        widget=DatumBereik(_("Deadline vanaf"), _("Deadline tot en met")),
    )
    verantwoordelijke = django_filters.ChoiceFilter(
        label=_("Verantwoordelijke"), choices=[], empty_label=_("Alle")
    )
    # Reached from a point's page: not in the form, but kept in the URL.
    verbeterpunt = django_filters.NumberFilter(
        field_name="verbeterpunt_id", widget=forms.HiddenInput
    )
    sortering = django_filters.OrderingFilter(
        label=_("Sorteren op"),
        fields=(
            ("deadline", "deadline"),
            ("status", "status"),
            ("verbeterpunt__buurt__naam", "buurt"),
        ),
        field_labels={
            "deadline": _("Deadline"),
            "status": _("Status"),
            "verbeterpunt__buurt__naam": _("Buurt"),
        },
        empty_label=_("Te laat eerst, dan deadline"),
    )

    def __init__(self, *args, bereik, **kwargs):
        self.bereik = bereik
        super().__init__(*args, **kwargs)
        partners = Partner.objects.order_by("naam")
        mensen = Medewerker.objects.filter(partner__isnull=False)
        if not bereik.is_beheerder:
            teams = sorted(bereik.team_ids)
            partners = partners.filter(medewerkers__teams__in=teams).distinct()
            mensen = mensen.filter(teams__in=teams).distinct()

        def verantwoordelijken():
            rijen = mensen.order_by("first_name", "last_name", "username").values_list(
                "pk", "first_name", "last_name", "username"
            )
            return [
                (pk, " ".join(d for d in (voornaam, achternaam) if d) or gebruikersnaam)
                for pk, voornaam, achternaam, gebruikersnaam in rijen
            ]

        self._keuzes("buurt", lambda: buurten_per_wijk(zichtbare_buurten(bereik)))
        self._keuzes("eigenaar_partner", lambda: partners.values_list("pk", "naam"))
        self._keuzes("thema", lambda: Thema.objects.order_by("naam").values_list("pk", "naam"))
        self._keuzes("verantwoordelijke", verantwoordelijken)

    def _keuzes(self, naam, lees):
        """Choices read on first use and then kept: an export validates only the filters that
        are set, so it reads no list it does not need; the page reads each list once."""
        bewaard = []

        def keuzes():
            if not bewaard:
                bewaard.append(list(lees()))
            return bewaard[0]

        self.filters[naam].extra["choices"] = keuzes

    def filter_status(self, queryset, name, value):
        if value == LOPEND:
            return queryset.filter(status__in=ACTIE_OPEN)
        return queryset.filter(status=value)

    def filter_te_laat(self, queryset, name, value):
        if value is None:
            return queryset
        te_laat = queryset.te_laat(timezone.localdate())
        return te_laat if value else queryset.exclude(pk__in=te_laat.values("pk"))

    def filter_queryset(self, queryset):
        qs = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("sortering"):
            qs = qs.te_laat_eerst()
        return qs
