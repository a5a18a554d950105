"""Residents in the admin, for their requests under the AVG: inzage (JSON) and erasure. The
resident is found by the identity they give (the same hash the support check uses)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from signalen import identiteit
from signalen.models import Bewoner
from vbt.beheer import AlleenLezen

from . import services


class BewonerZoekForm(forms.Form):
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


class BevestigForm(forms.Form):
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
        form = BewonerZoekForm(request.POST if request.method == "POST" else None)
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
        gegevens = services.bewoner_inzage(bewoner=bewoner, door=request.user, pagina=request.path)
        antwoord = JsonResponse(gegevens, json_dumps_params={"ensure_ascii": False, "indent": 2})
        antwoord["Content-Disposition"] = f'attachment; filename="bewoner-{bewoner.pk}.json"'
        antwoord["Cache-Control"] = "no-store"
        return antwoord

    def wissen_view(self, request, pk):
        return require_http_methods(["GET", "POST"])(self._wissen)(request, pk)

    def _wissen(self, request, pk):
        self._eis_beheerder(request)
        bewoner = get_object_or_404(Bewoner, pk=pk)
        form = BevestigForm(request.POST if request.method == "POST" else None)
        status = 200
        if request.method == "POST":
            if form.is_valid():
                services.bewoner_wissen(bewoner=bewoner, door=request.user)
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
