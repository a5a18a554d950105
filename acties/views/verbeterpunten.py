"""The points: list, export, the point's page (with its actions and notes), status changes,
notes and closing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_POST

from signalen.toegang import is_teamleider_van, mag_registreren
from vbt.lijsten import export
from vbt.lijsten.lijst import lijst_antwoord
from vbt.views import fout_op_formulier, met_nieuwe_versie, volgende_url

from .. import selectors, services
from ..constants import VERBETERPUNT_OVERGANGEN, VerbeterpuntStatus
from ..exports import VERBETERPUNT_KOLOMMEN, verbeterpunten_voor_export
from ..filters import VerbeterpuntFilter
from ..forms import ActieForm, AfrondForm, NotitieForm, VerbeterpuntStatusForm
from ..toegang import mag_acties_beheren

VERBETERPUNT_KOPPEN = [
    (_lazy("Verbeterpunt"), "titel"),
    (_lazy("Buurt"), "buurt"),
    (_lazy("Thema"), "thema"),
    (_lazy("Bewoners"), "bewoners"),
    (_lazy("Status"), "status"),
    (_lazy("Aangemaakt"), "aangemaakt"),
]


def _verbeterpunt_filter(request, qs=None):
    qs = selectors.verbeterpunten_voor(request.bereik) if qs is None else qs
    return VerbeterpuntFilter(request.GET, queryset=qs, bereik=request.bereik)


@require_GET
def verbeterpunt_lijst(request):
    return lijst_antwoord(
        request,
        "acties/verbeterpunt_lijst.html",
        _verbeterpunt_filter(request),
        kolommen=VERBETERPUNT_KOPPEN,
        export_naam="acties:verbeterpunt_export",
    )


@require_GET
def verbeterpunt_export(request):
    qs = verbeterpunten_voor_export(selectors.verbeterpunten_voor(request.bereik))
    return export.lijst_export(
        request,
        maak_filterset=lambda: _verbeterpunt_filter(request, qs),
        lijst_url_naam="acties:verbeterpunt_lijst",
        basis="verbeterpunten",
        titel=_("Verbeterpunten"),
        kolommen=VERBETERPUNT_KOLOMMEN,
    )


def _acties_context(request, verbeterpunt, meedoend) -> dict:
    """The point's actions grouped by owner, and the forms to add one or close the point for
    those who may."""
    bereik = request.bereik
    acties = list(selectors.acties_van_verbeterpunt(bereik, verbeterpunt))
    context = {
        "acties": acties,
        "integraal": selectors.is_integraal(acties),
        "actie_form": None,
        "afrond_form": None,
    }
    if verbeterpunt.is_open and mag_acties_beheren(bereik, verbeterpunt.team):
        context["actie_form"] = ActieForm(
            bereik=bereik, verbeterpunt=verbeterpunt, meedoend=meedoend
        )
        if is_teamleider_van(bereik, verbeterpunt.team):
            context["afrond_form"] = AfrondForm(initial={"versie": verbeterpunt.versie})
    return context


def _verbeterpunt_pagina(request, verbeterpunt, *, status=200, status_form=None):
    bereik = request.bereik
    teamleider = is_teamleider_van(bereik, verbeterpunt.team)
    overgangen = [
        (waarde, label)
        for waarde, label in VerbeterpuntStatus.choices
        if waarde in VERBETERPUNT_OVERGANGEN[verbeterpunt.status]
    ]
    meedoend = list(selectors.meedoende_steun_van_verbeterpunt(verbeterpunt))
    context = {
        "verbeterpunt": verbeterpunt,
        "meedoend": meedoend,
        "gebeurtenissen": selectors.gebeurtenissen_van_verbeterpunt(verbeterpunt, bereik),
        "is_teamleider": teamleider,
        "overgangen": overgangen,
        "notities": selectors.notities_van_verbeterpunt(bereik, verbeterpunt),
        "notitie_form": NotitieForm(partner=request.user.partner)
        if mag_registreren(bereik, verbeterpunt.team)
        else None,
        "volgende": request.get_full_path(),
        **_acties_context(request, verbeterpunt, meedoend),
    }
    if teamleider:
        context["status_form"] = status_form or VerbeterpuntStatusForm(
            verbeterpunt=verbeterpunt, prefix="status"
        )
    return render(request, "acties/verbeterpunt_detail.html", context, status=status)


@require_GET
def verbeterpunt_detail(request, pk):
    return _verbeterpunt_pagina(request, selectors.verbeterpunt_detail(request.bereik, pk))


@require_POST
def verbeterpunt_status(request, pk):
    verbeterpunt = selectors.verbeterpunt_detail(request.bereik, pk)
    if not is_teamleider_van(request.bereik, verbeterpunt.team):
        raise PermissionDenied
    form = VerbeterpuntStatusForm(request.POST, verbeterpunt=verbeterpunt, prefix="status")
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.verbeterpunt_status_wijzigen(
                verbeterpunt=verbeterpunt,
                naar=data["naar"],
                door=request.user,
                reden=data["reden"],
                versie=data["versie"],
            )
        except ValidationError as fout:
            status = fout_op_formulier(form, fout)
            if status == 409:
                form = met_nieuwe_versie(form, verbeterpunt.versie, verbeterpunt=verbeterpunt)
        else:
            messages.success(
                request,
                _("De status is gewijzigd in '%(status)s'.")
                % {"status": VerbeterpuntStatus(data["naar"]).label},
            )
            return redirect("acties:verbeterpunt_detail", pk=verbeterpunt.pk)
    return _verbeterpunt_pagina(request, verbeterpunt, status=status, status_form=form)


@require_POST
def notitie_nieuw(request, pk):
    verbeterpunt = selectors.verbeterpunt_voor_acties(request.bereik, pk)
    if not mag_registreren(request.bereik, verbeterpunt.team):
        raise PermissionDenied(_("Alleen medewerkers van dit team plaatsen notities."))
    form = NotitieForm(request.POST, partner=request.user.partner)
    status = 400
    if form.is_valid():
        try:
            services.notitie_plaatsen(
                door=request.user,
                verbeterpunt=verbeterpunt,
                tekst=form.cleaned_data["tekst"],
                vertrouwelijk=form.cleaned_data["vertrouwelijk"],
            )
        except ValidationError as fout:
            status = fout_op_formulier(form, fout)
        else:
            messages.success(request, _("De notitie is geplaatst."))
            return redirect(volgende_url(request, _punt_url(verbeterpunt)))
    return render(
        request,
        "acties/notitie_formulier.html",
        {
            "form": form,
            "verbeterpunt": verbeterpunt,
            "notities": selectors.notities_van_verbeterpunt(request.bereik, verbeterpunt),
        },
        status=status,
    )


def _punt_url(verbeterpunt) -> str:
    return reverse("acties:verbeterpunt_detail", args=[verbeterpunt.pk])


@require_POST
def verbeterpunt_afronden(request, pk):
    """A teamleider closes a point, optionally letting its open actions lapse in one go."""
    verbeterpunt = selectors.verbeterpunt_voor_acties(request.bereik, pk)
    if not is_teamleider_van(request.bereik, verbeterpunt.team):
        raise PermissionDenied(_("Alleen een teamleider van dit team rondt een verbeterpunt af."))
    form = AfrondForm(request.POST)
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.verbeterpunt_afronden(
                verbeterpunt=verbeterpunt,
                door=request.user,
                reden=data["reden"],
                open_acties_vervallen=data["open_acties_vervallen"],
                versie=data["versie"],
            )
        except ValidationError as fout:
            status = fout_op_formulier(form, fout)
        else:
            messages.success(request, _("Het verbeterpunt is afgerond."))
            return redirect(volgende_url(request, _punt_url(verbeterpunt)))
    return render(
        request,
        "acties/verbeterpunt_afronden.html",
        {"form": form, "verbeterpunt": verbeterpunt},
        status=status,
    )
