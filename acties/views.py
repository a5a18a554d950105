"""Action views: thin. Parse, check access (404 outside the scope, 403 for a forbidden action on a
visible object), call a service or selector, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from buurten.selectors import onthoud_teams, teams_voor
from signalen import services as signalen_services
from signalen.selectors import notities_van_verbeterpunt
from signalen.toegang import is_teamleider_van, mag_registreren
from vbt import export
from vbt.paginering import pagineer
from vbt.snelle_urls import url_met_pk

from . import selectors, services
from .constants import ACTIE_OVERGANGEN, ActieStatus
from .exports import ACTIE_KOLOMMEN, acties_voor_export
from .filters import ActieFilter
from .forms import ActieFormulier, AfrondFormulier, NotitieFormulier, StatusFormulier
from .models import Actie
from .toegang import eis_actie_bijwerken, eis_acties_beheren, mag_actie_bijwerken

# --- Helpers ---------------------------------------------------------------------------------


def verbeterpunt_url(pk) -> str:
    """The point's page (signalen); until it exists, the action list filtered on the point."""
    try:
        return url_met_pk("signalen:verbeterpunt_detail", pk)
    except NoReverseMatch:
        return f"{reverse('acties:actie_lijst')}?verbeterpunt={pk}"


def _volgende(request, standaard: str) -> str:
    doel = request.POST.get("next") or request.GET.get("next")
    if doel and url_has_allowed_host_and_scheme(
        doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return doel
    return standaard


def _fout_op_formulier(form, fout: ValidationError) -> int:
    """Put a service's ValidationError on the form; return the status to answer with."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout)
    return 409 if isinstance(fout, services.VerouderdFormulier) else 400


def _eerste(qs, aantal=selectors.HOME_MAX):
    """The first `aantal` rows and whether there are more, in one query."""
    rijen = list(qs[: aantal + 1])
    return rijen[:aantal], len(rijen) > aantal


def _url_of_leeg(naam: str) -> str:
    try:
        return reverse(naam)
    except NoReverseMatch:
        return ""


class _EersteIdsDanRijen:
    """Slices a list query in two steps within one SQL statement: the page's ids are sorted and
    cut from the filtered set alone (narrow rows, no display joins), then only those rows are
    fetched with their joins and sorted again. Sorting the joined rows of every action before
    LIMIT was most of the list's time."""

    def __init__(self, qs):
        self.qs = qs

    def __getitem__(self, deel: slice):
        qs = self.qs
        if qs.query.is_empty():
            return []
        rijen = Actie.objects.filter(pk__in=qs.values("pk")[deel])
        rijen.query.select_related = qs.query.select_related
        if "te_laat_sortering" in qs.query.annotations:
            rijen = rijen.met_te_laat()
        if qs.query.order_by:
            rijen = rijen.order_by(*qs.query.order_by)
        return list(rijen)


# --- Home ------------------------------------------------------------------------------------


@require_GET
def home(request):
    """The start page by role and partner: my partner's actions, referred signals and points;
    for a teamleider also the triage queue and overdue actions; for a beheerder the teams."""
    user = request.user
    teams = list(teams_voor(user).prefetch_related("buurten"))
    context = {"teams": teams, "partner": user.partner}
    if not user.is_beheerder:
        onthoud_teams(user, teams)
        acties, meer_acties = _eerste(selectors.mijn_acties(user))
        signalen, meer_signalen = _eerste(selectors.doorverwezen_signalen(user))
        punten, meer_punten = _eerste(selectors.verbeterpunten_van_partner(user))
        context.update(
            mijn_acties=acties,
            meer_acties=meer_acties,
            doorverwezen=signalen,
            meer_doorverwezen=meer_signalen,
            verbeterpunten=punten,
            meer_verbeterpunten=meer_punten,
            triage_url=_url_of_leeg("signalen:triage"),
        )
        if user.is_teamleider:
            te_laat, meer_te_laat = _eerste(selectors.te_late_acties_van_team(user))
            context.update(
                triage=selectors.triage_tellingen(user),
                team_te_laat=te_laat,
                meer_team_te_laat=meer_te_laat,
            )
    return render(request, "acties/home.html", context)


# --- Actions ---------------------------------------------------------------------------------


@require_GET
def actie_lijst(request):
    filterset = ActieFilter(
        request.GET, queryset=selectors.acties_voor(request.user), user=request.user
    )
    # An invalid filter shows its error (400) and no rows, never an unfiltered list.
    geldig = filterset.is_valid()
    qs = filterset.qs if geldig else Actie.objects.none()
    pagina = pagineer(request, _EersteIdsDanRijen(qs))
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
    qs = acties_voor_export(selectors.acties_voor(request.user))
    return export.lijst_export(
        request,
        maak_filterset=lambda: ActieFilter(request.GET, queryset=qs, user=request.user),
        lijst_url_naam="acties:actie_lijst",
        basis="acties",
        titel=_("Acties"),
        kolommen=ACTIE_KOLOMMEN,
    )


def _detail_pagina(request, actie, *, status_form=None, status=200):
    mag = mag_actie_bijwerken(request.user, actie)
    context = {
        "actie": actie,
        "mag_bijwerken": mag,
        "verbeterpunt_url": verbeterpunt_url(actie.verbeterpunt_id),
        "gebeurtenissen": selectors.gebeurtenissen_van_actie(actie),
    }
    if mag and actie.is_open:
        context["status_form"] = status_form or StatusFormulier(
            actie=actie, initial={"versie": actie.versie}
        )
    return render(request, "acties/actie_detail.html", context, status=status)


@require_GET
def actie_detail(request, pk):
    return _detail_pagina(request, selectors.actie_detail(request.user, pk))


@require_http_methods(["GET", "POST"])
def actie_nieuw(request, pk):
    verbeterpunt = selectors.verbeterpunt_voor_acties(request.user, pk)
    eis_acties_beheren(request.user, verbeterpunt.team)
    kwargs = {"user": request.user, "verbeterpunt": verbeterpunt}
    status = 200
    if request.method == "POST":
        form = ActieFormulier(request.POST, **kwargs)
        status = 400
        if form.is_valid():
            try:
                actie = services.actie_aanmaken(
                    door=request.user, verbeterpunt=verbeterpunt, **form.service_argumenten()
                )
            except ValidationError as fout:
                status = _fout_op_formulier(form, fout)
            else:
                messages.success(request, _("De actie is toegevoegd."))
                return redirect(_volgende(request, reverse("acties:actie_detail", args=[actie.pk])))
    else:
        form = ActieFormulier(**kwargs)
    return render(
        request,
        "acties/actie_formulier.html",
        {
            "form": form,
            "verbeterpunt": verbeterpunt,
            "verbeterpunt_url": verbeterpunt_url(verbeterpunt.pk),
            "actie": None,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def actie_bewerken(request, pk):
    actie = selectors.actie_detail(request.user, pk)
    eis_actie_bijwerken(request.user, actie)
    if not actie.is_open:
        messages.error(request, _("Een afgesloten actie wijzigt u niet meer."))
        return redirect("acties:actie_detail", pk=actie.pk)
    kwargs = {"user": request.user, "verbeterpunt": actie.verbeterpunt}
    status = 200
    if request.method == "POST":
        form = ActieFormulier(request.POST, **kwargs)
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
                status = _fout_op_formulier(form, fout)
            else:
                messages.success(request, _("De actie is bijgewerkt."))
                return redirect("acties:actie_detail", pk=actie.pk)
    else:
        form = ActieFormulier(initial=ActieFormulier.beginwaarden(actie), **kwargs)
    return render(
        request,
        "acties/actie_formulier.html",
        {
            "form": form,
            "verbeterpunt": actie.verbeterpunt,
            "verbeterpunt_url": verbeterpunt_url(actie.verbeterpunt_id),
            "actie": actie,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def actie_status(request, pk):
    """GET: the status form on its own page; POST: change the status (one click from lists)."""
    actie = selectors.actie_detail(request.user, pk)
    eis_actie_bijwerken(request.user, actie)
    if request.method == "GET":
        naar = request.GET.get("naar")
        initial = {"versie": actie.versie}
        if naar in ACTIE_OVERGANGEN.get(actie.status, ()):
            initial["naar"] = naar
        return render(
            request,
            "acties/actie_status.html",
            {"actie": actie, "form": StatusFormulier(actie=actie, initial=initial)},
        )
    form = StatusFormulier(request.POST)
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
            status = _fout_op_formulier(form, fout)
        else:
            messages.success(
                request,
                _("De status van de actie is nu '%(status)s'.")
                % {"status": ActieStatus(data["naar"]).label},
            )
            return redirect(_volgende(request, reverse("acties:actie_detail", args=[actie.pk])))
    return render(
        request, "acties/actie_status.html", {"actie": actie, "form": form}, status=status
    )


# --- The point: notes and closing ------------------------------------------------------------


@require_POST
def notitie_nieuw(request, pk):
    verbeterpunt = selectors.verbeterpunt_voor_acties(request.user, pk)
    if not mag_registreren(request.user, verbeterpunt.team):
        raise PermissionDenied(_("Alleen medewerkers van dit team plaatsen notities."))
    form = NotitieFormulier(request.POST, partner=request.user.partner)
    status = 400
    if form.is_valid():
        try:
            signalen_services.notitie_plaatsen(
                door=request.user,
                verbeterpunt=verbeterpunt,
                tekst=form.cleaned_data["tekst"],
                vertrouwelijk=form.cleaned_data["vertrouwelijk"],
            )
        except ValidationError as fout:
            status = _fout_op_formulier(form, fout)
        else:
            messages.success(request, _("De notitie is geplaatst."))
            return redirect(_volgende(request, verbeterpunt_url(verbeterpunt.pk)))
    return render(
        request,
        "acties/notitie_formulier.html",
        {
            "form": form,
            "verbeterpunt": verbeterpunt,
            "verbeterpunt_url": verbeterpunt_url(verbeterpunt.pk),
            "notities": notities_van_verbeterpunt(request.user, verbeterpunt),
        },
        status=status,
    )


@require_POST
def verbeterpunt_afronden(request, pk):
    """A teamleider closes a point, optionally letting its open actions lapse in one go."""
    verbeterpunt = selectors.verbeterpunt_voor_acties(request.user, pk)
    if not is_teamleider_van(request.user, verbeterpunt.team):
        raise PermissionDenied(_("Alleen een teamleider van dit team rondt een verbeterpunt af."))
    form = AfrondFormulier(request.POST)
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
            status = _fout_op_formulier(form, fout)
        else:
            messages.success(request, _("Het verbeterpunt is afgerond."))
            return redirect(_volgende(request, verbeterpunt_url(verbeterpunt.pk)))
    return render(
        request,
        "acties/verbeterpunt_afronden.html",
        {
            "form": form,
            "verbeterpunt": verbeterpunt,
            "verbeterpunt_url": verbeterpunt_url(verbeterpunt.pk),
        },
        status=status,
    )
