"""GET forms of the dashboard and the buurt report: they parse the URL; bad input is a Dutch
form error (and a 400), never a 500."""

from datetime import date

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurten.selectors import teams_voor, zichtbare_buurten
from vbt.datums import maanden_terug
from vbt.widgets import DatumInvoer

from .selectors import MAANDEN

RAPPORT_MAANDEN = 3

# The figure the dashboard's map shows (inzicht.views.KAARTEN), kept in the URL.
KAART_KEUZES = ("open", "signalen", "spaak")


# Dates far outside these make the month and day arithmetic overflow (a 500); none is useful.
VROEGSTE = date(2000, 1, 1)
LAATSTE = date(2100, 12, 31)


def _datumveld(label):
    # ISO first: the browser's date input sends it; the Dutch format for typing by hand.
    return forms.DateField(
        label=label,
        required=False,
        widget=DatumInvoer(),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={"invalid": _("Vul een geldige datum in (dd-mm-jjjj).")},
        validators=[
            MinValueValidator(VROEGSTE, message=_("Kies een datum vanaf 1 januari 2000.")),
            MaxValueValidator(LAATSTE, message=_("Kies een datum tot en met 31 december 2100.")),
        ],
    )


class PeriodeForm(forms.Form):
    """A period van–tot (both included). Empty fields get the defaults."""

    standaard_maanden = RAPPORT_MAANDEN

    van = _datumveld(_("Van"))
    tot = _datumveld(_("Tot en met"))

    def standaard_van(self, vandaag: date) -> date:
        return maanden_terug(vandaag, self.standaard_maanden)

    def clean(self):
        data = super().clean()
        if "van" in self.errors or "tot" in self.errors:
            return data
        vandaag = timezone.localdate()
        data["tot"] = data.get("tot") or vandaag
        data["van"] = data.get("van") or self.standaard_van(data["tot"])
        if data["van"] > data["tot"]:
            self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
        return data


class DashboardFilter(PeriodeForm):
    """Team (of the user's teams; a beheerder: any) and period, kept in the URL."""

    team = forms.TypedChoiceField(label=_("Team"), required=False, coerce=int, empty_value=None)
    # Chosen with the links above the map, not in the form; an unknown value is the default.
    kaart = forms.CharField(required=False, widget=forms.HiddenInput)

    field_order = ["team", "van", "tot"]

    def __init__(self, *args, bereik, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices from one query; validating against them needs no second one.
        teams = teams_voor(bereik).order_by("naam", "pk").values_list("pk", "naam")
        self.fields["team"].choices = [("", _("Alle teams")), *teams]
        self.fields["team"].error_messages["invalid_choice"] = _(
            "Kies een van uw teams of 'Alle teams'."
        )

    def clean_kaart(self):
        keuze = self.cleaned_data.get("kaart")
        return keuze if keuze in KAART_KEUZES else KAART_KEUZES[0]

    def standaard_van(self, vandaag: date) -> date:
        # The first day of the oldest month the chart of 12 months shows.
        return maanden_terug(vandaag.replace(day=1), MAANDEN - 1)


class BuurtrapportKiezenForm(PeriodeForm):
    buurt = forms.ModelChoiceField(
        label=_("Buurt"),
        queryset=None,
        empty_label=_("Kies een buurt"),
        error_messages={
            "required": _("Kies een buurt."),
            "invalid_choice": _("Kies een van uw buurten."),
        },
    )

    field_order = ["buurt", "van", "tot"]

    def __init__(self, *args, bereik, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buurt"].queryset = zichtbare_buurten(bereik)
