"""Forms for logging signals, support and activities, and for the teamleider's actions.

Forms only parse and check input; the services decide. Every action form carries the object's
`versie` so the service can refuse a stale form.
"""

from datetime import timedelta

from crispy_forms.layout import Fieldset
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurten.models import Buurt, Subgebied
from partners.models import Partner
from vbt.forms import helper
from vbt.widgets import DatumInvoer

from . import identiteit, selectors
from .constants import ActiviteitSoort, Kanaal
from .models import Activiteit
from .services import BewonerInvoer

# Activities offered in a select: the recent ones (older ones are rarely the right choice).
ACTIVITEIT_KEUZE_DAGEN = 90


def _identiteit_controleren(form, *, postcode, huisnummer, toevoeging, naam) -> None:
    """All-or-nothing identity fields; the identity module's Dutch message goes on the field."""
    data = form.cleaned_data
    ontbreekt = [veld for veld in (postcode, huisnummer, naam) if not data.get(veld, "").strip()]
    for veld in ontbreekt:
        form.add_error(veld, _("Vul dit veld in (of laat de hele bewoner leeg)."))
    if ontbreekt:
        return
    controles = (
        (postcode, lambda: identiteit.normaliseer_postcode(data[postcode])),
        (
            huisnummer,
            lambda: identiteit.normaliseer_huisnummer(data[huisnummer], data.get(toevoeging, "")),
        ),
        (naam, lambda: identiteit.normaliseer_naam(data[naam])),
    )
    for veld, controle in controles:
        try:
            controle()
        except identiteit.OngeldigeIdentiteit as fout:
            form.add_error(veld, str(fout))


def kanaal_van(activiteit: Activiteit | None) -> str | None:
    if activiteit is None:
        return None
    return activiteit.soort if activiteit.soort in Kanaal.values else None


def _activiteiten_voor_registratie(bereik):
    sinds = timezone.localdate() - timedelta(days=ACTIVITEIT_KEUZE_DAGEN)
    return selectors.activiteiten_voor(bereik).filter(
        team_id__in=sorted(bereik.team_ids), datum__gte=sinds
    )


class ActiviteitKeuzeVeld(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        # Not str(obj): that would join the subgebied's buurt per row.
        return f"{obj.get_soort_display()} – {obj.subgebied.naam} – {obj.datum:%d-%m-%Y}"


class SubgebiedKeuzeVeld(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.buurt.naam} – {obj.naam}"


# --- Log a signal ------------------------------------------------------------------------------


class SignaalForm(forms.Form):
    buurt = forms.ModelChoiceField(label=_("Buurt"), queryset=Buurt.objects.none())
    subgebied = SubgebiedKeuzeVeld(
        label=_("Subgebied"),
        queryset=Subgebied.objects.none(),
        help_text=_("Straat, blok of de hele buurt: het gebied waar het signaal over gaat."),
    )
    thema = forms.ModelChoiceField(label=_("Thema"), queryset=selectors.actieve_themas())
    omschrijving = forms.CharField(
        label=_("Omschrijving"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    kanaal = forms.ChoiceField(label=_("Kanaal"), choices=Kanaal.choices)
    activiteit = ActiviteitKeuzeVeld(
        label=_("Activiteit"),
        queryset=Activiteit.objects.none(),
        required=False,
        help_text=_("Optioneel: de activiteit waarbij dit signaal is opgehaald."),
    )
    melder_postcode = forms.CharField(
        label=_("Postcode"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    melder_huisnummer = forms.CharField(
        label=_("Huisnummer"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    melder_toevoeging = forms.CharField(
        label=_("Toevoeging"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    melder_naam = forms.CharField(
        label=_("Naam of voorletter"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, bereik, subgebied_opties_url: str, **kwargs):
        super().__init__(*args, **kwargs)
        # The buurten of the user's teams: where they may log a signal.
        buurten = Buurt.objects.filter(pk__in=bereik.buurt_ids).order_by("naam")
        self.fields["buurt"].queryset = buurten
        self.fields["buurt"].widget.attrs.update(
            {
                "hx-get": subgebied_opties_url,
                "hx-target": "#id_subgebied",
                "hx-trigger": "change",
                "aria-controls": "id_subgebied",
            }
        )
        # Validation accepts any subgebied of the allowed buurten (clean() checks it belongs to
        # the chosen buurt); the options shown follow the chosen buurt.
        subgebieden = Subgebied.objects.filter(buurt__in=buurten).select_related("buurt")
        self.fields["subgebied"].queryset = subgebieden
        self.fields["activiteit"].queryset = _activiteiten_voor_registratie(bereik)
        self.helper = helper(
            "buurt",
            "subgebied",
            "thema",
            "omschrijving",
            "kanaal",
            "activiteit",
            Fieldset(
                _("Melder (optioneel: alles of niets)"),
                "melder_postcode",
                "melder_huisnummer",
                "melder_toevoeging",
                "melder_naam",
            ),
        )

    def toon_subgebieden_van(self, buurt_pk) -> None:
        """Offer only the subgebieden of this buurt (call after validation: the options shown
        narrow, while validation accepted every allowed one to give a precise error)."""
        try:
            buurt_pk = int(buurt_pk)
        except (TypeError, ValueError):
            return
        veld = self.fields["subgebied"]
        veld.queryset = veld.queryset.filter(buurt_id=buurt_pk)

    def clean(self):
        data = super().clean()
        buurt, subgebied = data.get("buurt"), data.get("subgebied")
        if buurt and subgebied and subgebied.buurt_id != buurt.pk:
            self.add_error("subgebied", _("Dit subgebied hoort niet bij de gekozen buurt."))
        melder = ("melder_postcode", "melder_huisnummer", "melder_toevoeging", "melder_naam")
        if any(data.get(veld, "").strip() for veld in melder):
            _identiteit_controleren(
                self,
                postcode="melder_postcode",
                huisnummer="melder_huisnummer",
                toevoeging="melder_toevoeging",
                naam="melder_naam",
            )
        return data

    def melder_invoer(self) -> BewonerInvoer | None:
        data = self.cleaned_data
        if not data.get("melder_postcode"):
            return None
        return BewonerInvoer(
            postcode=data["melder_postcode"],
            huisnummer=data["melder_huisnummer"],
            toevoeging=data["melder_toevoeging"],
            naam=data["melder_naam"],
        )


# --- Support -----------------------------------------------------------------------------------


class SteunRijForm(forms.Form):
    """One resident in the support formset. A row left fully empty is ignored."""

    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    huisnummer = forms.CharField(
        label=_("Huisnummer"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    toevoeging = forms.CharField(
        label=_("Toevoeging"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    naam = forms.CharField(
        label=_("Naam of voorletter"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    wil_meedoen = forms.BooleanField(label=_("Wil meedoen (helpen trekken)"), required=False)
    toestemming = forms.BooleanField(
        label=_("Bewoner geeft toestemming om contactgegevens te bewaren"), required=False
    )
    contact_naam = forms.CharField(
        label=_("Naam voor contact"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    telefoon = forms.CharField(
        label=_("Telefoon"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("E-mail"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )
    wil_terugkoppeling = forms.BooleanField(label=_("Wil terugkoppeling"), required=False)

    CONTACTVELDEN = ("contact_naam", "telefoon", "email", "wil_terugkoppeling")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            "postcode",
            "huisnummer",
            "toevoeging",
            "naam",
            "wil_meedoen",
            Fieldset(
                _("Contactgegevens (alleen met toestemming)"),
                "toestemming",
                *self.CONTACTVELDEN,
            ),
        )

    def clean(self):
        data = super().clean()
        _identiteit_controleren(
            self, postcode="postcode", huisnummer="huisnummer", toevoeging="toevoeging", naam="naam"
        )
        if not data.get("toestemming") and any(data.get(v) for v in self.CONTACTVELDEN):
            self.add_error(
                "toestemming",
                _("Contactgegevens mogen alleen worden vastgelegd met toestemming van de bewoner."),
            )
        return data

    def invoer(self, rij: int | None = None) -> BewonerInvoer:
        d = self.cleaned_data
        return BewonerInvoer(
            rij=rij,
            postcode=d["postcode"],
            huisnummer=d["huisnummer"],
            toevoeging=d["toevoeging"],
            naam=d["naam"],
            wil_meedoen=d["wil_meedoen"],
            toestemming=d["toestemming"],
            contact_naam=d["contact_naam"] if d["toestemming"] else "",
            telefoon=d["telefoon"] if d["toestemming"] else "",
            email=d["email"] if d["toestemming"] else "",
            wil_terugkoppeling=d["wil_terugkoppeling"] if d["toestemming"] else False,
        )


class BaseSteunFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if not any(form.has_changed() for form in self.forms):
            raise ValidationError(_("Vul minstens één bewoner in."), code="leeg")

    def invoer(self) -> list[BewonerInvoer]:
        # Numbered by the form's rows ("Bewoner 3" on the page), empty rows included.
        return [
            form.invoer(rij=nummer)
            for nummer, form in enumerate(self.forms, start=1)
            if form.has_changed()
        ]


SteunFormSet = forms.formset_factory(SteunRijForm, formset=BaseSteunFormSet, extra=3, max_num=20)


class SteunForm(forms.Form):
    """The fields common to every resident in one support form."""

    kanaal = forms.ChoiceField(label=_("Kanaal"), choices=Kanaal.choices)
    activiteit = ActiviteitKeuzeVeld(
        label=_("Activiteit"), queryset=Activiteit.objects.none(), required=False
    )
    datum = forms.DateField(label=_("Datum"), widget=DatumInvoer())
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, signaal, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("versie", signaal.versie)
        kwargs["initial"].setdefault("datum", timezone.localdate())
        super().__init__(*args, **kwargs)
        sinds = timezone.localdate() - timedelta(days=ACTIVITEIT_KEUZE_DAGEN)
        self.fields["activiteit"].queryset = Activiteit.objects.filter(
            team_id=signaal.team_id, datum__gte=sinds
        ).select_related("subgebied")
        self.helper = helper()

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise ValidationError(_("De datum van de steun ligt in de toekomst."))
        return datum


class SteunIntrekkenForm(forms.Form):
    reden = forms.CharField(label=_("Reden van intrekken"), max_length=1000)
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, signaal, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("versie", signaal.versie)
        super().__init__(*args, **kwargs)


# --- The teamleider's actions on a signal ------------------------------------------------------


class VersieForm(forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, signaal, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("versie", signaal.versie)
        super().__init__(*args, **kwargs)
        self.signaal = signaal
        self.helper = helper()


class PartnerKeuzeVeld(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.naam


class DoorverwijzenForm(VersieForm):
    partner = PartnerKeuzeVeld(
        label=_("Primaire taak van partner"),
        queryset=Partner.objects.filter(actief=True).order_by("naam"),
    )
    reden = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    field_order = ["partner", "reden", "versie"]

    def __init__(self, *args, signaal, **kwargs):
        kwargs.setdefault("initial", {}).setdefault(
            "partner", signaal.thema.standaard_primaire_partner_id
        )
        super().__init__(*args, signaal=signaal, **kwargs)
        if signaal.thema.standaard_primaire_partner_id:
            self.fields["partner"].help_text = _(
                "Voorgesteld: de standaard primaire partner van dit thema."
            )


class RedenForm(VersieForm):
    reden = forms.CharField(label=_("Reden"), widget=forms.Textarea(attrs={"rows": 2}))

    field_order = ["reden", "versie"]


# --- Activities --------------------------------------------------------------------------------


class TeamKeuzeVeld(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.naam


class ActiviteitForm(forms.Form):
    team = TeamKeuzeVeld(label=_("Team"), queryset=None)
    subgebied = SubgebiedKeuzeVeld(label=_("Subgebied"), queryset=Subgebied.objects.none())
    soort = forms.ChoiceField(label=_("Soort"), choices=ActiviteitSoort.choices)
    datum = forms.DateField(label=_("Datum"), widget=DatumInvoer())
    aantal_deelnemers = forms.IntegerField(
        label=_("Aantal deelnemers"), min_value=0, required=False
    )
    verslag = forms.CharField(
        label=_("Verslag"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, bereik, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("datum", timezone.localdate())
        super().__init__(*args, **kwargs)
        teams = selectors.registratie_teams(bereik).order_by("naam")
        self.fields["team"].queryset = teams
        if len(teams) == 1:
            self.fields["team"].initial = teams[0].pk
        self.fields["subgebied"].queryset = (
            Subgebied.objects.filter(buurt__teams__in=teams)
            .distinct()
            .select_related("buurt")
            .order_by("buurt__naam", "naam")
        )
        self.helper = helper()

    def clean(self):
        data = super().clean()
        team, subgebied = data.get("team"), data.get("subgebied")
        if team and subgebied and not team.buurten.filter(pk=subgebied.buurt_id).exists():
            self.add_error("subgebied", _("Dit subgebied ligt niet in een buurt van dit team."))
        return data
