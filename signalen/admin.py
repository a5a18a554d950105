"""Admin for beheerders: themes are managed here; signals, points and logs are read-only,
because every change to them goes through the services that log it."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from . import identiteit, privacy
from .models import (
    Activiteit,
    Bewoner,
    ContactInzage,
    Gebeurtenis,
    Notitie,
    Signaal,
    Steun,
    Thema,
    Verbeterpunt,
)
from .selectors import zichtbare_notities


@admin.register(Thema)
class ThemaAdmin(admin.ModelAdmin):
    list_display = ["naam", "standaard_primaire_partner", "actief"]
    list_filter = ["actief", "standaard_primaire_partner"]
    list_select_related = ["standaard_primaire_partner"]
    search_fields = ["naam", "omschrijving"]


class AlleenLezen(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SteunInline(admin.TabularInline):
    model = Steun
    fields = ["kanaal", "datum", "wil_meedoen", "geregistreerd_door", "ingetrokken_op"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("geregistreerd_door")


@admin.register(Signaal)
class SignaalAdmin(AlleenLezen):
    list_display = ["pk", "buurt", "thema", "status", "aantal_bewoners", "geregistreerd_op"]
    list_filter = ["status", "team", "thema", "kanaal", "herbeoordelen"]
    list_select_related = ["buurt", "thema"]
    search_fields = ["omschrijving", "buurt__naam"]
    date_hierarchy = "geregistreerd_op"
    show_full_result_count = False  # an exact COUNT on a large table costs more than it helps
    exclude = ["melder"]
    inlines = [SteunInline]


@admin.register(Verbeterpunt)
class VerbeterpuntAdmin(AlleenLezen):
    list_display = ["titel", "buurt", "thema", "status", "prioriteit", "aantal_bewoners"]
    list_filter = ["status", "prioriteit", "team", "thema"]
    list_select_related = ["buurt", "thema"]
    search_fields = ["titel", "omschrijving", "buurt__naam"]
    show_full_result_count = False


@admin.register(Activiteit)
class ActiviteitAdmin(AlleenLezen):
    list_display = ["soort", "subgebied", "team", "datum", "aantal_deelnemers"]
    list_filter = ["soort", "team"]
    list_select_related = ["subgebied__buurt", "team"]
    date_hierarchy = "datum"


@admin.register(Gebeurtenis)
class GebeurtenisAdmin(AlleenLezen):
    list_display = ["wanneer", "wat", "wie", "signaal", "verbeterpunt"]
    list_filter = ["wat"]
    list_select_related = ["wie", "signaal", "verbeterpunt"]
    date_hierarchy = "wanneer"
    show_full_result_count = False


@admin.register(ContactInzage)
class ContactInzageAdmin(AlleenLezen):
    """Who looked at which resident's contact details: readable by beheerders, editable by
    nobody."""

    list_display = ["wanneer", "wie", "bewoner", "pagina", "reden"]
    list_filter = ["wie"]
    list_select_related = ["wie", "bewoner"]
    date_hierarchy = "wanneer"


@admin.register(Notitie)
class NotitieAdmin(AlleenLezen):
    list_display = ["pk", "verbeterpunt", "signaal", "auteur", "partner", "vertrouwelijk"]
    list_filter = ["vertrouwelijk", "partner"]
    list_select_related = ["verbeterpunt", "signaal", "auteur", "partner"]

    def get_queryset(self, request):
        # Confidential notes stay with the author's partner, in the admin too.
        return zichtbare_notities(request.user, super().get_queryset(request))


class BewonerZoekFormulier(forms.Form):
    """A resident asking for inzage or erasure is found by the identity they give: the same
    hash the support check uses. Nothing typed here is stored."""

    postcode = forms.CharField(label=_("Postcode"), max_length=10)
    huisnummer = forms.CharField(label=_("Huisnummer"), max_length=10)
    toevoeging = forms.CharField(label=_("Toevoeging"), max_length=10, required=False)
    naam = forms.CharField(label=_("Naam of voorletter"), max_length=150)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            data["sleutel"] = identiteit.bewoner_sleutel_uit_settings(
                postcode=data["postcode"],
                huisnummer=data["huisnummer"],
                toevoeging=data.get("toevoeging", ""),
                naam=data["naam"],
            )
        except identiteit.OngeldigeIdentiteit as fout:
            raise forms.ValidationError(str(fout)) from fout
        return data


class BevestigFormulier(forms.Form):
    bevestig = forms.BooleanField(
        label=_("Ja, wis de contactgegevens en de identiteitssleutel van deze bewoner"),
        required=True,
    )


@admin.register(Bewoner)
class BewonerAdmin(AlleenLezen):
    """Residents, for requests under the AVG: inzage (JSON) and erasure. Contact details are
    not shown here; the inzage export shows them and is logged like every other view."""

    list_display = ["pk", "aangemaakt_op", "contactgegevens", "wil_terugkoppeling", "gewist_op"]
    list_filter = ["wil_terugkoppeling", ("gewist_op", admin.EmptyFieldListFilter)]
    search_fields = ["=id"]
    fields = [
        "aangemaakt_op",
        "wil_terugkoppeling",
        "toestemming_op",
        "toestemming_kanaal",
        "gewist_op",
    ]
    change_form_template = "admin/signalen/bewoner/change_form.html"
    change_list_template = "admin/signalen/bewoner/change_list.html"
    show_full_result_count = False

    @admin.display(boolean=True, description=_("contactgegevens"))
    def contactgegevens(self, bewoner):
        return bewoner.heeft_contactgegevens

    def get_urls(self):
        bekijk = self.admin_site.admin_view
        return [
            path("zoeken/", bekijk(self.zoeken_view), name="signalen_bewoner_zoeken"),
            path("<int:pk>/inzage/", bekijk(self.inzage_view), name="signalen_bewoner_inzage"),
            path("<int:pk>/wissen/", bekijk(self.wissen_view), name="signalen_bewoner_wissen"),
            *super().get_urls(),
        ]

    def _eis_beheerder(self, request):
        if not request.user.is_beheerder:
            raise PermissionDenied

    def zoeken_view(self, request):
        self._eis_beheerder(request)
        form = BewonerZoekFormulier(request.POST if request.method == "POST" else None)
        status = 200
        if request.method == "POST":
            status = 400
            if form.is_valid():
                bewoner = Bewoner.objects.filter(sleutel=form.cleaned_data["sleutel"]).first()
                if bewoner is not None:
                    return redirect("admin:signalen_bewoner_change", bewoner.pk)
                form.add_error(None, _("Geen bewoner gevonden met deze gegevens."))
                status = 404
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Bewoner zoeken"),
            "form": form,
        }
        return TemplateResponse(
            request, "admin/signalen/bewoner/zoeken.html", context, status=status
        )

    def inzage_view(self, request, pk):
        return require_POST(self._inzage)(request, pk)

    def _inzage(self, request, pk):
        self._eis_beheerder(request)
        bewoner = get_object_or_404(Bewoner, pk=pk)
        gegevens = privacy.bewoner_inzage(bewoner=bewoner, door=request.user, pagina=request.path)
        antwoord = JsonResponse(gegevens, json_dumps_params={"ensure_ascii": False, "indent": 2})
        antwoord["Content-Disposition"] = f'attachment; filename="bewoner-{bewoner.pk}.json"'
        antwoord["Cache-Control"] = "no-store"
        return antwoord

    def wissen_view(self, request, pk):
        return require_http_methods(["GET", "POST"])(self._wissen)(request, pk)

    def _wissen(self, request, pk):
        self._eis_beheerder(request)
        bewoner = get_object_or_404(Bewoner, pk=pk)
        form = BevestigFormulier(request.POST if request.method == "POST" else None)
        status = 200
        if request.method == "POST":
            if form.is_valid():
                privacy.bewoner_wissen(bewoner=bewoner, door=request.user)
                messages.success(request, _("De gegevens van deze bewoner zijn gewist."))
                return redirect(reverse("admin:signalen_bewoner_change", args=[bewoner.pk]))
            status = 400
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": bewoner,
            "title": _("Bewoner wissen"),
            "form": form,
        }
        return TemplateResponse(
            request, "admin/signalen/bewoner/wissen.html", context, status=status
        )
