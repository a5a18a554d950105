"""The actions: list, export, an action's page, adding, editing and changing status."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from vbt.lijsten import export
from vbt.lijsten.paginering import pagineer
from vbt.views import fout_op_formulier, volgende_url

from .. import selectors, services
from ..constants import ACTIE_OVERGANGEN, ActieStatus
from ..exports import ACTIE_KOLOMMEN, acties_voor_export
from ..filters import ActieFilter
from ..forms import ActieForm, ActieStatusForm
from ..toegang import eis_actie_bijwerken, eis_acties_beheren, mag_actie_bijwerken

# --- Actions ---------------------------------------------------------------------------------


@require_GET
def actie_lijst(request):
    filterset = ActieFilter(
        request.GET, queryset=selectors.acties_voor(request.bereik), bereik=request.bereik
    )
    # An invalid filter shows its error (400) and no rows, never an unfiltered list.
    geldig = filterset.is_valid()
    qs = filterset.qs if geldig else filterset.queryset.none()
    pagina = pagineer(request, qs, ids_eerst=True)
    return render(
        request,
        "acties/actie_lijst.html",
        {
            "filter": filterset,
            "pagina": pagina,
            "acties": pagina.object_list,
            "export": export.export_urls(request, "acties:actie_export"),
            "gefilterd": any(v for k, v in request.GET.items() if k != "pagina"),
        },
        status=200 if geldig else 400,
    )


@require_GET
def actie_export(request):
    qs = acties_voor_export(selectors.acties_voor(request.bereik))
    return export.lijst_export(
        request,
        maak_filterset=lambda: ActieFilter(request.GET, queryset=qs, bereik=request.bereik),
        lijst_url_naam="acties:actie_lijst",
        basis="acties",
        titel=_("Acties"),
        kolommen=ACTIE_KOLOMMEN,
    )


def _detail_pagina(request, actie, *, status_form=None, status=200):
    mag = mag_actie_bijwerken(request.bereik, actie)
    context = {
        "actie": actie,
        "mag_bijwerken": mag,
        "gebeurtenissen": selectors.gebeurtenissen_van_actie(actie),
    }
    if mag and actie.is_open:
        context["status_form"] = status_form or ActieStatusForm(
            actie=actie, initial={"versie": actie.versie}
        )
    return render(request, "acties/actie_detail.html", context, status=status)


@require_GET
def actie_detail(request, pk):
    return _detail_pagina(request, selectors.actie_detail(request.bereik, pk))


@require_http_methods(["GET", "POST"])
def actie_nieuw(request, pk):
    verbeterpunt = selectors.verbeterpunt_voor_acties(request.bereik, pk)
    eis_acties_beheren(request.bereik, verbeterpunt.team)
    kwargs = {"bereik": request.bereik, "verbeterpunt": verbeterpunt}
    status = 200
    if request.method == "POST":
        form = ActieForm(request.POST, **kwargs)
        status = 400
        if form.is_valid():
            try:
                actie = services.actie_aanmaken(
                    door=request.user, verbeterpunt=verbeterpunt, **form.service_argumenten()
                )
            except ValidationError as fout:
                status = fout_op_formulier(form, fout)
            else:
                messages.success(request, _("De actie is toegevoegd."))
                return redirect(
                    volgende_url(request, reverse("acties:actie_detail", args=[actie.pk]))
                )
    else:
        form = ActieForm(**kwargs)
    return render(
        request,
        "acties/actie_formulier.html",
        {
            "form": form,
            "verbeterpunt": verbeterpunt,
            "actie": None,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def actie_bewerken(request, pk):
    actie = selectors.actie_detail(request.bereik, pk)
    eis_actie_bijwerken(request.bereik, actie)
    if not actie.is_open:
        messages.error(request, _("Een afgesloten actie wijzigt u niet meer."))
        return redirect("acties:actie_detail", pk=actie.pk)
    kwargs = {"bereik": request.bereik, "verbeterpunt": actie.verbeterpunt}
    status = 200
    if request.method == "POST":
        form = ActieForm(request.POST, **kwargs)
        status = 400
        if form.is_valid():
            try:
                services.actie_bijwerken(
                    actie=actie,
                    door=request.user,
                    versie=form.cleaned_data["versie"],
                    **form.service_argumenten(),
                )
            except ValidationError as fout:
                status = fout_op_formulier(form, fout)
            else:
                messages.success(request, _("De actie is bijgewerkt."))
                return redirect("acties:actie_detail", pk=actie.pk)
    else:
        form = ActieForm(initial=ActieForm.beginwaarden(actie), **kwargs)
    return render(
        request,
        "acties/actie_formulier.html",
        {
            "form": form,
            "verbeterpunt": actie.verbeterpunt,
            "actie": actie,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def actie_status(request, pk):
    """GET: the status form on its own page; POST: change the status (one click from lists)."""
    actie = selectors.actie_detail(request.bereik, pk)
    eis_actie_bijwerken(request.bereik, actie)
    if request.method == "GET":
        naar = request.GET.get("naar")
        initial = {"versie": actie.versie}
        if naar in ACTIE_OVERGANGEN.get(actie.status, ()):
            initial["naar"] = naar
        return render(
            request,
            "acties/actie_status.html",
            {"actie": actie, "form": ActieStatusForm(actie=actie, initial=initial)},
        )
    form = ActieStatusForm(request.POST)
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.actie_status_wijzigen(
                actie=actie,
                naar=data["naar"],
                door=request.user,
                resultaat=data["resultaat"],
                reden=data["reden"],
                versie=data["versie"],
            )
        except ValidationError as fout:
            status = fout_op_formulier(form, fout)
        else:
            messages.success(
                request,
                _("De status van de actie is nu '%(status)s'.")
                % {"status": ActieStatus(data["naar"]).label},
            )
            return redirect(volgende_url(request, reverse("acties:actie_detail", args=[actie.pk])))
    return render(
        request, "acties/actie_status.html", {"actie": actie, "form": form}, status=status
    )
