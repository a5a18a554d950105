"""Forms for points, actions and notes. They parse input only; who may do what is the services'
call, so a POST naming an owner the user may not choose is refused with 403, not quietly
changed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partners.models import Partner
from signalen.forms import VersieForm
from signalen.toegang import is_teamleider_van
from vbt.forms import helper
from vbt.widgets import DatumInvoer

from .constants import (
    ACTIE_OVERGANGEN,
    EIGENAAR_BEWONERS,
    ActieStatus,
    Prioriteit,
    VerbeterpuntStatus,
)
from .selectors import (
    open_verbeterpunten_voor_koppelen,
    teamleden_voor_verantwoordelijke,
    trekkers_van_verbeterpunt,
)
from .toegang import mag_acties_beheren

# --- Points -----------------------------------------------------------------------------------


class VerbeterpuntKeuzeVeld(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.titel} ({obj.get_status_display().lower()})"


class PromoverenForm(VersieForm):
    verbeterpunt = VerbeterpuntKeuzeVeld(
        label=_("Koppelen aan bestaand verbeterpunt"),
        queryset=None,
        required=False,
        empty_label=_("Nee, maak een nieuw verbeterpunt"),
        help_text=_("Alleen open verbeterpunten van hetzelfde team in dezelfde buurt."),
    )
    titel = forms.CharField(
        label=_("Titel van het nieuwe verbeterpunt"),
        max_length=200,
        required=False,
        help_text=_("Leeg: de omschrijving van het signaal."),
    )
    prioriteit = forms.ChoiceField(
        label=_("Prioriteit"), choices=Prioriteit.choices, initial=Prioriteit.NORMAAL
    )

    field_order = ["verbeterpunt", "titel", "prioriteit", "versie"]

    def __init__(self, *args, signaal, met_koppelen=True, **kwargs):
        super().__init__(*args, signaal=signaal, **kwargs)
        if met_koppelen:
            self.fields["verbeterpunt"].queryset = open_verbeterpunten_voor_koppelen(signaal)
        else:
            del self.fields["verbeterpunt"]


class VerbeterpuntStatusForm(forms.Form):
    # Every status is accepted here; the service refuses transitions the table does not allow,
    # with its own Dutch message. The page offers only the allowed ones as buttons.
    naar = forms.ChoiceField(choices=VerbeterpuntStatus.choices)
    reden = forms.CharField(
        label=_("Reden"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Verplicht bij staken en heropenen."),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, verbeterpunt, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("versie", verbeterpunt.versie)
        super().__init__(*args, **kwargs)
        self.helper = helper("reden", "versie")


# --- Actions and notes ------------------------------------------------------------------------


class TrekkerKeuze(forms.ModelChoiceField):
    def label_from_instance(self, steun):
        # No names: a resident's contact details are shown only where each view is logged.
        return _("Bewoner %(bewoner)s (signaal %(signaal)s)") % {
            "bewoner": steun.bewoner_id,
            "signaal": steun.signaal_id,
        }


class MedewerkerKeuze(forms.ModelChoiceField):
    def label_from_instance(self, mens):
        return f"{mens.get_full_name() or mens.username} – {mens.partner}"


class ActieForm(forms.Form):
    omschrijving = forms.CharField(
        label=_("Omschrijving"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wat gaat er gebeuren? Kort en concreet."),
    )
    eigenaar = forms.CharField(
        label=_("Eigenaar"),
        widget=forms.Select,
        help_text=_("De partner die de actie uitvoert, of de bewoners zelf."),
    )
    verantwoordelijke = MedewerkerKeuze(
        label=_("Verantwoordelijke"),
        queryset=None,
        required=False,
        empty_label=_("Nog niemand"),
        help_text=_("Een medewerker van de partner die eigenaar is. Krijgt een e-mail."),
    )
    trekker = TrekkerKeuze(
        label=_("Trekker (bij een actie van de bewoners)"),
        queryset=None,
        required=False,
        empty_label=_("Geen"),
        help_text=_("Een bewoner die heeft aangegeven te willen meedoen."),
    )
    deadline = forms.DateField(label=_("Deadline"), widget=DatumInvoer)
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, bereik, verbeterpunt, meedoend=None, **kwargs):
        """meedoend: the point's committed residents when the page loaded them already."""
        super().__init__(*args, **kwargs)
        team = verbeterpunt.team
        teamleider = is_teamleider_van(bereik, team)
        mensen = teamleden_voor_verantwoordelijke(team)
        if teamleider:
            self.fields["trekker"].queryset = trekkers_van_verbeterpunt(verbeterpunt)
            if meedoend is not None:
                self._keuzes_uit("trekker", meedoend)
        else:  # a medewerker only works for their own partner, never for the residents
            mensen = mensen.filter(partner_id=bereik.partner_id)
            del self.fields["trekker"]
        self.fields["verantwoordelijke"].queryset = mensen
        if not mag_acties_beheren(bereik, team):
            self.fields["eigenaar"].widget.choices = []
            return
        # One query for two lists: the owners a teamleider may choose are exactly the active
        # partners of the team's active members (acties.toegang.team_partners).
        geladen = list(mensen)
        self._keuzes_uit("verantwoordelijke", geladen)
        if teamleider:
            partners = {m.partner.pk: m.partner for m in geladen if m.partner.actief}
            keuzes = [(str(p.pk), p.naam) for p in sorted(partners.values(), key=lambda p: p.naam)]
            keuzes.append((EIGENAAR_BEWONERS, str(_("De bewoners zelf"))))
        else:
            # A medewerker who may manage actions is an active member with a partner, so the
            # people of their own partner just loaded include themselves.
            eigen = next(m.partner for m in geladen if m.partner_id == bereik.partner_id)
            keuzes = [(str(bereik.partner_id), eigen.naam)]
        self.fields["eigenaar"].widget.choices = keuzes

    def _keuzes_uit(self, naam: str, objecten) -> None:
        """Render a model choice field from rows already loaded; validation still goes through
        its queryset, so a POST can only name an allowed row."""
        veld = self.fields[naam]
        veld.widget.choices = [("", veld.empty_label)] + [
            (str(obj.pk), veld.label_from_instance(obj)) for obj in objecten
        ]

    def clean_eigenaar(self):
        waarde = self.cleaned_data["eigenaar"].strip()
        if waarde == EIGENAAR_BEWONERS:
            return EIGENAAR_BEWONERS
        partner = Partner.objects.filter(pk=waarde).first() if waarde.isdigit() else None
        if partner is None:
            raise forms.ValidationError(_("Kies een eigenaar uit de lijst."), code="eigenaar")
        return partner

    def clean(self):
        data = super().clean()
        bewoners = data.get("eigenaar") == EIGENAAR_BEWONERS
        # Without a trekker field (a medewerker) the service refuses residents' actions (403).
        if (
            bewoners
            and "trekker" in self.fields
            and not data.get("trekker")
            and "trekker" not in self.errors
        ):
            self.add_error("trekker", _("Kies een meedoende bewoner als trekker."))
        return data

    def service_argumenten(self) -> dict:
        data = self.cleaned_data
        bewoners = data["eigenaar"] == EIGENAAR_BEWONERS
        return {
            "omschrijving": data["omschrijving"],
            "deadline": data["deadline"],
            "eigenaar_partner": None if bewoners else data["eigenaar"],
            "eigenaar_bewoners": bewoners,
            "trekker": data.get("trekker") if bewoners else None,
            "verantwoordelijke": data.get("verantwoordelijke"),
        }

    @classmethod
    def beginwaarden(cls, actie) -> dict:
        return {
            "omschrijving": actie.omschrijving,
            "eigenaar": EIGENAAR_BEWONERS
            if actie.eigenaar_bewoners
            else str(actie.eigenaar_partner_id),
            "verantwoordelijke": actie.verantwoordelijke_id,
            "trekker": actie.trekker_id,
            "deadline": actie.deadline,
            "versie": actie.versie,
        }


class ActieStatusForm(forms.Form):
    naar = forms.ChoiceField(label=_("Nieuwe status"), choices=ActieStatus.choices)
    resultaat = forms.CharField(
        label=_("Resultaat"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Verplicht bij gereed: wat heeft de actie opgeleverd?"),
    )
    reden = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Verplicht bij vervallen: waarom gaat de actie niet door?"),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, actie=None, **kwargs):
        super().__init__(*args, **kwargs)
        if actie is not None and not self.is_bound:
            mogelijk = ACTIE_OVERGANGEN[actie.status]
            self.fields["naar"].choices = [
                (waarde, label) for waarde, label in ActieStatus.choices if waarde in mogelijk
            ]


class NotitieForm(forms.Form):
    tekst = forms.CharField(
        label=_("Notitie"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    vertrouwelijk = forms.BooleanField(
        label=_("Vertrouwelijk"),
        required=False,
        help_text=_("Alleen zichtbaar voor medewerkers van uw eigen organisatie."),
    )

    def __init__(self, *args, partner=None, **kwargs):
        super().__init__(*args, **kwargs)
        if partner is not None:
            self.fields["vertrouwelijk"].help_text = _(
                "Alleen zichtbaar voor medewerkers van %(partner)s."
            ) % {"partner": partner}


class AfrondForm(forms.Form):
    reden = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Verplicht als open acties vervallen: dit wordt hun reden."),
    )
    open_acties_vervallen = forms.BooleanField(
        label=_("Laat de open acties vervallen"),
        required=False,
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)
