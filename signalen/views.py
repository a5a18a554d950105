"""Views of signals, support and activities.

Thin: parse a form, fetch through a scoped selector (outside the scope: 404), check the role for
a visible object (403), call a service, render or redirect. A service's ValidationError goes on
the form and the page is shown again with status 400 (409 for a stale form).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from buurten.constants import SubgebiedSoort
from buurten.kaart import buurtkaart, filterlink, kaartbuurten
from buurten.selectors import zichtbare_buurten
from vbt.lijsten import export
from vbt.lijsten.lijst import lijst_antwoord
from vbt.views import fout_op_formulier, met_nieuwe_versie, volgende_url

from . import selectors, services, toegang
from .constants import SIGNAAL_OPEN, SignaalStatus
from .exports import ACTIVITEIT_KOLOMMEN, SIGNAAL_KOLOMMEN
from .filters import ActiviteitFilter, SignaalFilter
from .forms import (
    ActiviteitForm,
    DoorverwijzenForm,
    RedenForm,
    SignaalForm,
    SteunForm,
    SteunFormSet,
    SteunIntrekkenForm,
    kanaal_van,
)
from .models import Bewoner


def _int_of_none(waarde):
    try:
        return int(waarde)
    except (TypeError, ValueError):
        return None


# --- Signals -----------------------------------------------------------------------------------

SIGNAAL_KOPPEN = [
    (_lazy("Signaal"), None),
    (_lazy("Buurt"), "buurt"),
    (_lazy("Thema"), "thema"),
    (_lazy("Steun"), "steun"),
    (_lazy("Status"), "status"),
    (_lazy("Geregistreerd"), "geregistreerd"),
    (_lazy("Verloopt op"), "verloopt"),
]


def _signaal_filter(request):
    qs = selectors.signalen_voor(request.bereik)
    return SignaalFilter(request.GET, queryset=qs, bereik=request.bereik)


def _kies_buurt_kaart(request):
    """A map as a filter: a click on a buurt narrows the list to it, keeping the other filters
    (one query: the buurten's stored paths)."""
    return buurtkaart(
        kaartbuurten(request.bereik),
        id="kaart-filter",
        titel=_("Kies een buurt"),
        waardenaam=_("Op de kaart"),
        link=filterlink(request.GET),
        huidig=_int_of_none(request.GET.get("buurt")),
        huidig_label=_("Gekozen buurt"),
        keuze_label=_("Uw buurt"),
    )


@require_GET
def signaal_lijst(request):
    return lijst_antwoord(
        request,
        "signalen/signaal_lijst.html",
        _signaal_filter(request),
        kolommen=SIGNAAL_KOPPEN,
        export_naam="signalen:signaal_export",
        mag_registreren=toegang.mag_ergens_registreren(request.bereik),
        kaart=_kies_buurt_kaart(request),
    )


@require_GET
def signaal_export(request):
    return export.lijst_export(
        request,
        maak_filterset=lambda: _signaal_filter(request),
        lijst_url_naam="signalen:signaal_lijst",
        basis="signalen",
        titel=_("Signalen"),
        kolommen=SIGNAAL_KOLOMMEN,
    )


@require_GET
def subgebied_opties(request):
    """htmx: the <option>s of one visible buurt's subgebieden."""
    buurt_pk = _int_of_none(request.GET.get("buurt"))
    subgebieden = []
    if buurt_pk is not None:
        buurt = get_object_or_404(zichtbare_buurten(request.bereik), pk=buurt_pk)
        subgebieden = buurt.subgebieden.order_by("naam")
    return render(request, "signalen/_subgebied_opties.html", {"subgebieden": subgebieden})


def _nieuw_signaal_form(request, opties_url: str) -> SignaalForm:
    """The empty form, filled in as far as the request tells: the activity it came from, the
    only buurt, and the whole buurt as subgebied (most signals are about it: one tap less)."""
    form = SignaalForm(initial={}, bereik=request.bereik, subgebied_opties_url=opties_url)
    activiteit_pk = _int_of_none(request.GET.get("activiteit"))
    if activiteit_pk is not None:
        activiteit = form.fields["activiteit"].queryset.filter(pk=activiteit_pk).first()
        if activiteit is not None:
            form.initial.update(
                activiteit=activiteit.pk,
                buurt=activiteit.subgebied.buurt_id,
                subgebied=activiteit.subgebied_id,
                kanaal=kanaal_van(activiteit) or "",
            )
    buurten = list(form.fields["buurt"].queryset[:2])
    if "buurt" not in form.initial and len(buurten) == 1:
        form.initial["buurt"] = buurten[0].pk
    form.toon_subgebieden_van(form.initial.get("buurt"))
    if form.initial.get("buurt") and "subgebied" not in form.initial:
        hele = form.fields["subgebied"].queryset.filter(soort=SubgebiedSoort.HELE_BUURT)
        form.initial["subgebied"] = hele.values_list("pk", flat=True).first()
    return form


@require_http_methods(["GET", "POST"])
def signaal_nieuw(request):
    if not toegang.mag_ergens_registreren(request.bereik):
        raise PermissionDenied(_("Alleen medewerkers van een team registreren signalen."))
    opties_url = reverse("signalen:subgebied_opties")
    if request.method == "GET":
        form = _nieuw_signaal_form(request, opties_url)
        return render(request, "signalen/signaal_nieuw.html", {"form": form})
    form = SignaalForm(request.POST, bereik=request.bereik, subgebied_opties_url=opties_url)
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            signaal = services.signaal_registreren(
                door=request.user,
                buurt=data["buurt"],
                subgebied=data["subgebied"],
                thema=data["thema"],
                omschrijving=data["omschrijving"],
                kanaal=data["kanaal"],
                activiteit=data["activiteit"],
                melder=form.melder_invoer(),
            )
        except ValidationError as fout:
            status = fout_op_formulier(form, fout)
        else:
            messages.success(request, _("Het signaal is geregistreerd."))
            return redirect("signalen:signaal_detail", pk=signaal.pk)
    form.toon_subgebieden_van(request.POST.get("buurt"))
    return render(request, "signalen/signaal_nieuw.html", {"form": form}, status=status)


def _mag_doorverwijzen(bereik, signaal) -> bool:
    """A teamleider, or the medewerker who logged it (then flagged for review)."""
    return toegang.is_teamleider_van(bereik, signaal.team) or (
        toegang.mag_registreren(bereik, signaal.team)
        and signaal.geregistreerd_door_id == bereik.medewerker_id
    )


def _signaal_pagina(request, signaal, *, status=200, **formulieren):
    """The detail page, with the action forms this user may use (bound ones when re-shown)."""
    bereik = request.bereik
    mag_registreren = toegang.mag_registreren(bereik, signaal.team)
    teamleider = toegang.is_teamleider_van(bereik, signaal.team)
    is_open = signaal.status in SIGNAAL_OPEN
    heropenbaar = signaal.status in (SignaalStatus.AFGEWEZEN, SignaalStatus.VERLOPEN)
    context = {
        "signaal": signaal,
        "draagvlak": services.draagvlak_van_signaal(signaal),
        "steun_lijst": list(selectors.steun_van_signaal(signaal)),
        "gebeurtenissen": selectors.gebeurtenissen_van_signaal(signaal, bereik),
        "mag_registreren": mag_registreren,
        "is_teamleider": teamleider,
        "mag_promoveren": teamleider and is_open,
        "mag_steun_toevoegen": mag_registreren
        and (is_open or signaal.status == SignaalStatus.VERBETERPUNT),
        "intrekken_form": formulieren.get("intrekken_form"),
        "intrekken_steun": formulieren.get("intrekken_steun"),
    }
    aangeboden = {
        "afwijzen_form": (
            teamleider and is_open,
            lambda: RedenForm(signaal=signaal, prefix="afwijzen"),
        ),
        "doorverwijzen_form": (
            is_open and _mag_doorverwijzen(bereik, signaal),
            lambda: DoorverwijzenForm(signaal=signaal, prefix="doorverwijzen"),
        ),
        "heropenen_form": (
            teamleider and heropenbaar,
            lambda: RedenForm(signaal=signaal, prefix="heropenen"),
        ),
    }
    for naam, (mag, maak) in aangeboden.items():
        # A form sent back with errors is shown even when its action no longer fits the
        # status, so the user sees why it was refused.
        if naam in formulieren:
            context[naam] = formulieren[naam]
        elif mag:
            context[naam] = maak()
    return render(request, "signalen/signaal_detail.html", context, status=status)


@require_GET
def signaal_detail(request, pk):
    signaal = selectors.signaal_detail(request.bereik, pk)
    return _signaal_pagina(request, signaal)


def _signaal_actie(request, pk, *, form_class, prefix, bevoegd, uitvoeren, gelukt):
    """A POST action on a signal: check the role, validate, call the service, and on failure
    show the detail page again with the errors on the form."""
    signaal = selectors.signaal_detail(request.bereik, pk)
    if not bevoegd(request.bereik, signaal):
        raise PermissionDenied
    form = form_class(request.POST, signaal=signaal, prefix=prefix)
    status = 400
    if form.is_valid():
        try:
            uitvoeren(signaal, form.cleaned_data)
        except ValidationError as fout:
            status = fout_op_formulier(form, fout)
            if status == 409:
                form = met_nieuwe_versie(form, signaal.versie, signaal=signaal)
        else:
            messages.success(request, gelukt)
            return redirect(
                volgende_url(request, reverse("signalen:signaal_detail", args=[signaal.pk]))
            )
    return _signaal_pagina(request, signaal, status=status, **{f"{prefix}_form": form})


def _teamleider(bereik, signaal):
    return toegang.is_teamleider_van(bereik, signaal.team)


@require_POST
def signaal_doorverwijzen(request, pk):
    def uitvoeren(signaal, data):
        return services.signaal_doorverwijzen(
            signaal=signaal,
            partner=data["partner"],
            door=request.user,
            reden=data["reden"],
            versie=data["versie"],
        )

    return _signaal_actie(
        request,
        pk,
        form_class=DoorverwijzenForm,
        prefix="doorverwijzen",
        bevoegd=_mag_doorverwijzen,
        uitvoeren=uitvoeren,
        gelukt=_("Het signaal is doorverwezen."),
    )


@require_POST
def signaal_afwijzen(request, pk):
    return _signaal_actie(
        request,
        pk,
        form_class=RedenForm,
        prefix="afwijzen",
        bevoegd=_teamleider,
        uitvoeren=lambda signaal, data: services.signaal_afwijzen(
            signaal=signaal, door=request.user, reden=data["reden"], versie=data["versie"]
        ),
        gelukt=_("Het signaal is afgewezen."),
    )


@require_POST
def signaal_heropenen(request, pk):
    return _signaal_actie(
        request,
        pk,
        form_class=RedenForm,
        prefix="heropenen",
        bevoegd=_teamleider,
        uitvoeren=lambda signaal, data: services.signaal_heropenen(
            signaal=signaal, door=request.user, reden=data["reden"], versie=data["versie"]
        ),
        gelukt=_("Het signaal is heropend."),
    )


# --- Support -----------------------------------------------------------------------------------


def _nieuw_steun_form(request, signaal) -> SteunForm:
    form = SteunForm(signaal=signaal)
    activiteit_pk = _int_of_none(request.GET.get("activiteit"))
    if activiteit_pk is not None:
        activiteit = form.fields["activiteit"].queryset.filter(pk=activiteit_pk).first()
        if activiteit is not None:
            initial = {"activiteit": activiteit.pk, "kanaal": kanaal_van(activiteit)}
            form.initial.update({k: v for k, v in initial.items() if v})
    return form


@require_http_methods(["GET", "POST"])
def steun_nieuw(request, pk):
    signaal = selectors.signaal_detail(request.bereik, pk)
    if not toegang.mag_registreren(request.bereik, signaal.team):
        raise PermissionDenied
    status = 200
    if request.method == "GET":
        form, formset = _nieuw_steun_form(request, signaal), SteunFormSet(prefix="bewoners")
    else:
        form = SteunForm(request.POST, signaal=signaal)
        formset = SteunFormSet(request.POST, prefix="bewoners")
        status = 400
        if form.is_valid() and formset.is_valid():
            data = form.cleaned_data
            try:
                steun = services.steun_registreren(
                    signaal=signaal,
                    door=request.user,
                    bewoners=formset.invoer(),
                    kanaal=data["kanaal"],
                    activiteit=data["activiteit"],
                    datum=data["datum"],
                    versie=data["versie"],
                )
            except ValidationError as fout:
                status = fout_op_formulier(form, fout)
                if status == 409:
                    form = met_nieuwe_versie(form, signaal.versie, signaal=signaal)
            else:
                messages.success(
                    request,
                    _("Steun van %(aantal)d bewoner(s) geregistreerd.") % {"aantal": len(steun)},
                )
                return redirect("signalen:signaal_detail", pk=signaal.pk)
    return render(
        request,
        "signalen/steun_nieuw.html",
        {
            "signaal": signaal,
            "draagvlak": services.draagvlak_van_signaal(signaal),
            "form": form,
            "formset": formset,
        },
        status=status,
    )


@require_POST
def steun_intrekken(request, pk, steun_pk):
    signaal = selectors.signaal_detail(request.bereik, pk)
    steun = get_object_or_404(selectors.steun_van_signaal(signaal), pk=steun_pk)
    if not toegang.mag_registreren(request.bereik, signaal.team):
        raise PermissionDenied
    form = SteunIntrekkenForm(request.POST, signaal=signaal, prefix=f"intrekken-{steun.pk}")
    status = 400
    if form.is_valid():
        try:
            services.steun_intrekken(
                steun=steun,
                door=request.user,
                reden=form.cleaned_data["reden"],
                versie=form.cleaned_data["versie"],
            )
        except ValidationError as fout:
            status = fout_op_formulier(form, fout)
            if status == 409:
                form = met_nieuwe_versie(form, signaal.versie, signaal=signaal)
        else:
            messages.success(request, _("De steun is ingetrokken."))
            return redirect("signalen:signaal_detail", pk=signaal.pk)
    return _signaal_pagina(
        request, signaal, status=status, intrekken_form=form, intrekken_steun=steun.pk
    )


@never_cache
@require_GET
def bewoner_contact(request, pk, bewoner_pk):
    """A resident's contact details: team members only, and every view is logged first."""
    signaal = selectors.signaal_detail(request.bereik, pk)
    if not toegang.mag_registreren(request.bereik, signaal.team):
        raise PermissionDenied
    bewoner = get_object_or_404(
        Bewoner.objects.filter(Q(steun__signaal=signaal) | Q(gemelde_signalen=signaal)).distinct(),
        pk=bewoner_pk,
    )
    services.contact_inzien(bewoner=bewoner, door=request.user, pagina=request.path)
    antwoord = render(
        request, "signalen/bewoner_contact.html", {"signaal": signaal, "bewoner": bewoner}
    )
    antwoord["Cache-Control"] = "no-store"
    return antwoord


# --- Activities --------------------------------------------------------------------------------


ACTIVITEIT_KOPPEN = [
    (_lazy("Datum"), "datum"),
    (_lazy("Soort"), "soort"),
    (_lazy("Buurt"), "buurt"),
    (_lazy("Team"), "team"),
    (_lazy("Deelnemers"), "deelnemers"),
]


def _activiteit_filter(request):
    qs = selectors.activiteiten_voor(request.bereik)
    return ActiviteitFilter(request.GET, queryset=qs, bereik=request.bereik)


@require_GET
def activiteit_lijst(request):
    return lijst_antwoord(
        request,
        "signalen/activiteit_lijst.html",
        _activiteit_filter(request),
        kolommen=ACTIVITEIT_KOPPEN,
        export_naam="signalen:activiteit_export",
        mag_registreren=toegang.mag_ergens_registreren(request.bereik),
    )


@require_GET
def activiteit_export(request):
    return export.lijst_export(
        request,
        maak_filterset=lambda: _activiteit_filter(request),
        lijst_url_naam="signalen:activiteit_lijst",
        basis="activiteiten",
        titel=_("Activiteiten"),
        kolommen=ACTIVITEIT_KOLOMMEN,
    )


@require_http_methods(["GET", "POST"])
def activiteit_nieuw(request):
    if not toegang.mag_ergens_registreren(request.bereik):
        raise PermissionDenied(_("Alleen medewerkers van een team registreren activiteiten."))
    status = 200
    if request.method == "POST":
        form = ActiviteitForm(request.POST, bereik=request.bereik)
        status = 400
        if form.is_valid():
            try:
                activiteit = services.activiteit_registreren(door=request.user, **form.cleaned_data)
            except ValidationError as fout:
                status = fout_op_formulier(form, fout)
            else:
                messages.success(request, _("De activiteit is geregistreerd."))
                return redirect("signalen:activiteit_detail", pk=activiteit.pk)
    else:
        form = ActiviteitForm(bereik=request.bereik)
    return render(request, "signalen/activiteit_nieuw.html", {"form": form}, status=status)


@require_GET
def activiteit_detail(request, pk):
    activiteit = selectors.activiteit_detail(request.bereik, pk)
    return render(
        request,
        "signalen/activiteit_detail.html",
        {
            "activiteit": activiteit,
            "signalen": selectors.signalen_voor(request.bereik).filter(activiteit=activiteit),
            "mag_registreren": toegang.mag_registreren(request.bereik, activiteit.team),
        },
    )
