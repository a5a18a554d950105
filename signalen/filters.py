"""The filters of the signal, point and activity lists (and of their exports, which use the same
FilterSet so an export is exactly the filtered list).

Every choice list is scoped to what the user may see: a buurt of another team is not a valid
choice, so naming one in the URL gives a form error, never its rows. The choices are read once,
as plain values, so a page runs the same queries however many filters are set.
"""

from datetime import timedelta

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurten.models import Subgebied
from buurten.selectors import zichtbare_buurten
from partners.models import Partner
from vbt.lijsten.sortering import Sortering
from vbt.lijsten.zoeken import zoek
from vbt.widgets import DatumBereik

from .constants import SIGNAAL_OPEN, ActiviteitSoort, Kanaal, SignaalStatus
from .models import Activiteit, Signaal, Thema

OPEN = "open"
# "Verloopt binnenkort": an open signal within this many days of its deadline.
BIJNA_VERLOPEN_DAGEN = 14
BIJNA_VERLOPEN = "bijna"
TERMIJN_VERSTREKEN = "verstreken"

JA_NEE = [("", _("Alle")), ("true", _("Ja")), ("false", _("Nee"))]


def ja_nee(label):
    return django_filters.BooleanFilter(
        label=label, method="filter_ja_nee", widget=forms.Select(choices=JA_NEE)
    )


def keuze(label, **kwargs):
    kwargs.setdefault("empty_label", _("Alle"))
    kwargs.setdefault("choices", [])
    return django_filters.ChoiceFilter(label=label, **kwargs)


def buurten_per_wijk(buurten) -> list:
    """Buurt choices grouped by wijk (optgroups): 44 buurten are easier to find that way."""
    per_wijk = {}
    for buurt in buurten:
        per_wijk.setdefault(buurt.wijk.naam, []).append((buurt.pk, buurt.naam))
    return sorted(per_wijk.items())


class LijstFilter(django_filters.FilterSet):
    """The base of every list's filters: the search box, the area (wijk, buurt, subgebied), the
    theme and partner choices, all limited to what the user may see (`bereik`)."""

    # The lookup path from the listed model to its subgebied ("" when it has buurt itself).
    GEBIED = ""
    # The text fields the search box looks in: those of the model's GIN index.
    ZOEKVELDEN: tuple[str, ...] = ()

    q = django_filters.CharFilter(method="filter_zoeken", max_length=200)
    wijk = keuze(_("Wijk"))
    buurt = keuze(_("Buurt"))
    subgebied = keuze(
        _("Subgebied"), help_text=_("Kies eerst een buurt en filter: dan ziet u de subgebieden.")
    )

    def __init__(self, *args, bereik, **kwargs):
        self.bereik = bereik
        super().__init__(*args, **kwargs)
        buurten = list(zichtbare_buurten(bereik))
        wijken = sorted({(b.wijk_id, b.wijk.naam) for b in buurten}, key=lambda w: w[1])
        self._keuzes("wijk", wijken)
        self._keuzes("buurt", buurten_per_wijk(buurten))
        self._subgebied_keuzes({b.pk for b in buurten})
        if "thema" in self.filters:
            self._keuzes("thema", Thema.objects.order_by("naam").values_list("pk", "naam"))
        partner_filters = [n for n in ("partner", "doorverwezen_naar") if n in self.filters]
        if partner_filters:
            # Organisations, not people: every partner is a valid choice (a signal can be
            # referred to any of them); one query serves both lists.
            partners = list(Partner.objects.order_by("naam").values_list("pk", "naam"))
            for naam in partner_filters:
                self._keuzes(naam, partners)
        self.filters["wijk"].field_name = f"{self.GEBIED}buurt__wijk"
        self.filters["buurt"].field_name = f"{self.GEBIED}buurt"
        self.filters["subgebied"].field_name = "subgebied"

    def _keuzes(self, naam, keuzes):
        self.filters[naam].extra["choices"] = list(keuzes)

    def _subgebied_keuzes(self, zichtbaar: set[int]):
        """Only the chosen buurt's subgebieden: a short list instead of hundreds."""
        try:
            buurt_pk = int(self.data.get("buurt", ""))
        except (TypeError, ValueError):
            buurt_pk = None
        if buurt_pk in zichtbaar:
            keuzes = Subgebied.objects.filter(buurt_id=buurt_pk).order_by("naam")
            self._keuzes("subgebied", keuzes.values_list("pk", "naam"))
        else:
            self.filters["subgebied"].extra["empty_label"] = _("Kies eerst een buurt")

    def filter_zoeken(self, queryset, name, value):
        return zoek(queryset, value, self.ZOEKVELDEN)

    def filter_ja_nee(self, queryset, name, value):
        if value is None:
            return queryset
        voorwaarde = getattr(self, f"voorwaarde_{name}")()
        return queryset.filter(voorwaarde) if value else queryset.exclude(voorwaarde)

    def filter_status_open(self, queryset, name, value, open_statussen):
        if value == OPEN:
            return queryset.filter(status__in=list(open_statussen))
        return queryset.filter(status=value)


class SignaalFilter(LijstFilter):
    ZOEKVELDEN = ("omschrijving",)
    thema = keuze(_("Thema"))
    status = keuze(
        _("Status"),
        method="filter_status",
        choices=[(OPEN, _("Open (nieuw of draagvlak bereikt)")), *SignaalStatus.choices],
    )
    kanaal = keuze(_("Kanaal"), choices=Kanaal.choices)
    partner = keuze(_("Geregistreerd door (partner)"), field_name="geregistreerd_door__partner")
    doorverwezen_naar = keuze(_("Doorverwezen naar (partner)"))
    geregistreerd = django_filters.DateFromToRangeFilter(
        label=_("Geregistreerd (van – tot en met)"),
        field_name="geregistreerd_op",
        widget=DatumBereik(_("Geregistreerd vanaf"), _("Geregistreerd tot en met")),
    )
    draagvlak = ja_nee(_("Draagvlak bereikt"))
    termijn = keuze(
        _("Termijn (open signalen)"),
        method="filter_termijn",
        choices=[
            (BIJNA_VERLOPEN, _("Verloopt binnen 14 dagen")),  # BIJNA_VERLOPEN_DAGEN
            (TERMIJN_VERSTREKEN, _("Termijn verstreken, nog open")),
        ],
    )
    sortering = Sortering(
        standaard="-geregistreerd",
        fields=(
            ("geregistreerd_op", "geregistreerd"),
            ("buurt__naam", "buurt"),
            ("thema__naam", "thema"),
            ("aantal_bewoners", "steun"),
            ("status", "status"),
            ("verloopt_op", "verloopt"),
        ),
        field_labels={
            "geregistreerd_op": _("Geregistreerd"),
            "buurt__naam": _("Buurt"),
            "thema__naam": _("Thema"),
            "aantal_bewoners": _("Steun"),
            "status": _("Status"),
            "verloopt_op": _("Verloopt op"),
        },
    )

    class Meta:
        model = Signaal
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["q"].label = _("Zoeken in omschrijving")

    def filter_status(self, queryset, name, value):
        return self.filter_status_open(queryset, name, value, SIGNAAL_OPEN)

    def voorwaarde_draagvlak(self):
        # The moment support was first reached is kept even if supports are withdrawn later.
        return Q(draagvlak_bereikt_op__isnull=False)

    def filter_termijn(self, queryset, name, value):
        nu = timezone.now()
        open_signalen = queryset.filter(status__in=list(SIGNAAL_OPEN))
        if value == TERMIJN_VERSTREKEN:
            # Past the deadline but not yet closed by the daily expiry run.
            return open_signalen.filter(verloopt_op__lt=nu)
        return open_signalen.filter(
            verloopt_op__gte=nu, verloopt_op__lte=nu + timedelta(days=BIJNA_VERLOPEN_DAGEN)
        )


class ActiviteitFilter(LijstFilter):
    GEBIED = "subgebied__"
    ZOEKVELDEN = ("verslag",)

    soort = keuze(_("Soort"), choices=ActiviteitSoort.choices)
    partner = keuze(_("Door (partner)"), field_name="door__partner")
    datum = django_filters.DateFromToRangeFilter(
        label=_("Datum (van – tot en met)"),
        widget=DatumBereik(_("Datum vanaf"), _("Datum tot en met")),
    )
    sortering = Sortering(
        standaard="-datum",
        fields=(
            ("datum", "datum"),
            ("soort", "soort"),
            ("subgebied__buurt__naam", "buurt"),
            ("team__naam", "team"),
            ("aantal_deelnemers", "deelnemers"),
        ),
        field_labels={
            "datum": _("Datum"),
            "soort": _("Soort"),
            "subgebied__buurt__naam": _("Buurt"),
            "team__naam": _("Team"),
            "aantal_deelnemers": _("Deelnemers"),
        },
    )

    class Meta:
        model = Activiteit
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["q"].label = _("Zoeken in verslag")
