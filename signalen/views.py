"""Views of signals, support, triage, improvement points and activities.

Thin: parse a form, fetch through a scoped selector (outside the scope: 404), check the role for
a visible object (403), call a service, render or redirect. A service's ValidationError goes on
the form and the page is shown again with status 400 (409 for a stale form).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q, Window
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import urlencode as urlencode_filter
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from buurten.constants import SubgebiedSoort
from buurten.selectors import zichtbare_buurten, zichtbare_buurten_lijst
from partners.models import Partner
from vbt import export
from vbt.paginering import pagineer
from vbt.snelle_urls import url_met_pk
from vbt.sortering import sorteerkoppen

from . import selectors, services, toegang
from .constants import (
    SIGNAAL_OPEN,
    VERBETERPUNT_OVERGANGEN,
    SignaalStatus,
    VerbeterpuntStatus,
)
from .exports import (
    ACTIVITEIT_KOLOMMEN,
    SIGNAAL_KOLOMMEN,
    VERBETERPUNT_KOLOMMEN,
    verbeterpunten_voor_export,
)
from .filters import ActiviteitFilter, SignaalFilter, VerbeterpuntFilter
from .forms import (
    ActiviteitForm,
    DoorverwijzenForm,
    PromoverenForm,
    RedenForm,
    SignaalForm,
    SteunForm,
    SteunFormSet,
    SteunIntrekkenForm,
    VerbeterpuntStatusForm,
    _kanaal_van,
)
from .models import Bewoner

PER_PAGINA = 25
GESLOTEN_IN_TRIAGE = 10


# --- Helpers -----------------------------------------------------------------------------------


def _pagina(request, qs):
    return Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))


def _pagina_met_totaal(request, qs):
    """Like _pagina, in two short steps instead of a COUNT and a SELECT over the same set: the
    page's ids with the total (COUNT(*) OVER ()), read from narrow rows (the triage index holds
    every column the order needs), then only those rows with their joins. Joining every row of
    the set before sorting it was most of the page's time. Only a page past the end (no rows
    to carry the total) falls back to the Paginator's own COUNT."""
    paginator = Paginator(qs, PER_PAGINA)
    nummer = _int_of_none(request.GET.get("pagina")) or 1
    if nummer >= 1:
        begin = (nummer - 1) * PER_PAGINA
        smal = qs.annotate(_totaal=Window(Count("*"))).values_list("pk", "_totaal")
        paren = list(smal[begin : begin + PER_PAGINA])
        if paren:
            per_pk = {rij.pk: rij for rij in qs.filter(pk__in=[pk for pk, _totaal in paren])}
            paginator.count = paren[0][1]  # the cached_property, filled in
            pagina = paginator.page(nummer)
            pagina.object_list = [per_pk[pk] for pk, _totaal in paren]
            return pagina
    return paginator.get_page(request.GET.get("pagina"))


def _fout_op_formulier(form, fout: ValidationError) -> int:
    """Put a service's ValidationError on the form; return the status to answer with."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout)
    return 409 if isinstance(fout, services.VerouderdFormulier) else 400


def _met_nieuwe_versie(form, versie: int, fouten, **kwargs):
    """After a stale form: keep the user's input but carry the current version (so a resubmit
    after looking at the new state is accepted), and show why it was refused."""
    data = form.data.copy()
    data[form.add_prefix("versie")] = str(versie)
    nieuw = form.__class__(data, prefix=form.prefix, **kwargs)
    nieuw.is_valid()
    nieuw.add_error(None, fouten)
    return nieuw


def _volgende(request, standaard: str) -> str:
    doel = request.GET.get("next") or request.POST.get("next")
    if doel and url_has_allowed_host_and_scheme(
        doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return doel
    return standaard


def _int_of_none(waarde):
    try:
        return int(waarde)
    except (TypeError, ValueError):
        return None


def _lijst(request, template, filterset, *, kolommen, export_naam, **extra):
    """A filtered list page: one page of rows (no COUNT), sortable headers, export links. An
    invalid filter shows its error with status 400 and no rows, never an unfiltered list."""
    geldig = filterset.is_valid()
    qs = filterset.qs if geldig else filterset.queryset.none()
    context = {
        "filter": filterset,
        "pagina": pagineer(request, qs),
        "koppen": sorteerkoppen(request, filterset, kolommen),
        "export": export.export_urls(request, export_naam),
        "gefilterd": any(v for k, v in request.GET.items() if k != "pagina"),
        **extra,
    }
    return render(request, template, context, status=200 if geldig else 400)


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
    # The filter's buurt choices first: the scope then uses their ids (no extra query).
    zichtbare_buurten_lijst(request.user)
    qs = selectors.signalen_voor(request.user)
    return SignaalFilter(request.GET, queryset=qs, user=request.user)


@require_GET
def signaal_lijst(request):
    return _lijst(
        request,
        "signalen/signaal_lijst.html",
        _signaal_filter(request),
        kolommen=SIGNAAL_KOPPEN,
        export_naam="signalen:signaal_export",
        mag_registreren=selectors.registratie_teams(request.user).exists(),
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
        buurt = get_object_or_404(zichtbare_buurten(request.user), pk=buurt_pk)
        subgebieden = buurt.subgebieden.order_by("naam")
    return render(request, "signalen/_subgebied_opties.html", {"subgebieden": subgebieden})


@require_http_methods(["GET", "POST"])
def signaal_nieuw(request):
    user = request.user
    if not selectors.registratie_teams(user).exists():
        raise PermissionDenied(_("Alleen medewerkers van een team registreren signalen."))
    opties_url = reverse("signalen:subgebied_opties")
    status = 200
    if request.method == "POST":
        form = SignaalForm(request.POST, user=user, subgebied_opties_url=opties_url)
        if form.is_valid():
            data = form.cleaned_data
            try:
                signaal = services.signaal_registreren(
                    door=user,
                    buurt=data["buurt"],
                    subgebied=data["subgebied"],
                    thema=data["thema"],
                    omschrijving=data["omschrijving"],
                    kanaal=data["kanaal"],
                    activiteit=data["activiteit"],
                    melder=form.melder_invoer(),
                )
            except ValidationError as fout:
                status = _fout_op_formulier(form, fout)
            else:
                messages.success(request, _("Het signaal is geregistreerd."))
                return redirect("signalen:signaal_detail", pk=signaal.pk)
        else:
            status = 400
        form.toon_subgebieden_van(request.POST.get("buurt"))
    else:
        initial = {}
        activiteit_pk = _int_of_none(request.GET.get("activiteit"))
        form = SignaalForm(initial=initial, user=user, subgebied_opties_url=opties_url)
        if activiteit_pk is not None:
            activiteit = form.fields["activiteit"].queryset.filter(pk=activiteit_pk).first()
            if activiteit is not None:
                form.initial.update(
                    activiteit=activiteit.pk,
                    buurt=activiteit.subgebied.buurt_id,
                    subgebied=activiteit.subgebied_id,
                    kanaal=_kanaal_van(activiteit) or "",
                )
        buurten = list(form.fields["buurt"].queryset[:2])
        if "buurt" not in form.initial and len(buurten) == 1:
            form.initial["buurt"] = buurten[0].pk
        form.toon_subgebieden_van(form.initial.get("buurt"))
        if form.initial.get("buurt") and "subgebied" not in form.initial:
            # One tap less on the phone: most signals are about the whole buurt.
            hele = form.fields["subgebied"].queryset.filter(soort=SubgebiedSoort.HELE_BUURT)
            form.initial["subgebied"] = hele.values_list("pk", flat=True).first()
    return render(request, "signalen/signaal_nieuw.html", {"form": form}, status=status)


def _signaal_pagina(request, signaal, *, status=200, **formulieren):
    """The detail page, with the action forms this user may use (bound ones when re-shown)."""
    user = request.user
    mag_registreren = toegang.mag_registreren(user, signaal.team)
    teamleider = toegang.is_teamleider_van(user, signaal.team)
    is_open = signaal.status in SIGNAAL_OPEN
    mag_doorverwijzen = is_open and (
        teamleider or (mag_registreren and signaal.geregistreerd_door_id == user.pk)
    )
    heropenbaar = signaal.status in (SignaalStatus.AFGEWEZEN, SignaalStatus.VERLOPEN)

    def form(naam, maak):
        return formulieren.get(naam) or maak()

    context = {
        "signaal": signaal,
        "draagvlak": services.draagvlak_van_signaal(signaal),
        "steun_lijst": list(selectors.steun_van_signaal(signaal)),
        "gebeurtenissen": selectors.gebeurtenissen_van_signaal(signaal, request.user),
        "mag_registreren": mag_registreren,
        "is_teamleider": teamleider,
        "mag_steun_toevoegen": mag_registreren
        and (is_open or signaal.status == SignaalStatus.VERBETERPUNT),
        "intrekken_form": formulieren.get("intrekken_form"),
        "intrekken_steun": formulieren.get("intrekken_steun"),
    }
    if teamleider and is_open:
        context["promoveren_form"] = form(
            "promoveren_form",
            lambda: PromoverenForm(signaal=signaal, prefix="promoveren"),
        )
        context["afwijzen_form"] = form(
            "afwijzen_form", lambda: RedenForm(signaal=signaal, prefix="afwijzen")
        )
    if mag_doorverwijzen:
        context["doorverwijzen_form"] = form(
            "doorverwijzen_form",
            lambda: DoorverwijzenForm(signaal=signaal, prefix="doorverwijzen"),
        )
    if teamleider and heropenbaar:
        context["heropenen_form"] = form(
            "heropenen_form", lambda: RedenForm(signaal=signaal, prefix="heropenen")
        )
    # A form sent back with errors is shown even when its action no longer fits the status,
    # so the user sees why it was refused.
    for naam in ("promoveren_form", "afwijzen_form", "doorverwijzen_form", "heropenen_form"):
        if naam in formulieren:
            context[naam] = formulieren[naam]
    return render(request, "signalen/signaal_detail.html", context, status=status)


@require_GET
def signaal_detail(request, pk):
    signaal = selectors.signaal_detail(request.user, pk)
    return _signaal_pagina(request, signaal)


def _signaal_actie(request, pk, *, form_class, prefix, bevoegd, uitvoeren, gelukt):
    """A POST action on a signal: check the role, validate, call the service, and on failure
    show the detail page again with the errors on the form."""
    signaal = selectors.signaal_detail(request.user, pk)
    if not bevoegd(request.user, signaal):
        raise PermissionDenied
    form = form_class(request.POST, signaal=signaal, prefix=prefix)
    status = 400
    if form.is_valid():
        try:
            uitvoeren(signaal, form.cleaned_data)
        except ValidationError as fout:
            status = _fout_op_formulier(form, fout)
            if status == 409:
                form = _met_nieuwe_versie(
                    form, signaal.versie, form.non_field_errors(), signaal=signaal
                )
        else:
            messages.success(request, gelukt)
            return redirect(
                _volgende(request, reverse("signalen:signaal_detail", args=[signaal.pk]))
            )
    return _signaal_pagina(request, signaal, status=status, **{f"{prefix}_form": form})


def _teamleider(user, signaal):
    return toegang.is_teamleider_van(user, signaal.team)


@require_POST
def signaal_promoveren(request, pk):
    def uitvoeren(signaal, data):
        return services.signaal_promoveren(
            signaal=signaal,
            door=request.user,
            verbeterpunt=data.get("verbeterpunt"),
            titel=data["titel"],
            prioriteit=data["prioriteit"],
            versie=data["versie"],
        )

    return _signaal_actie(
        request,
        pk,
        form_class=PromoverenForm,
        prefix="promoveren",
        bevoegd=_teamleider,
        uitvoeren=uitvoeren,
        gelukt=_("Het signaal is een verbeterpunt geworden."),
    )


@require_POST
def signaal_doorverwijzen(request, pk):
    def bevoegd(user, signaal):
        return toegang.is_teamleider_van(user, signaal.team) or (
            toegang.mag_registreren(user, signaal.team) and signaal.geregistreerd_door_id == user.pk
        )

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
        bevoegd=bevoegd,
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


@require_http_methods(["GET", "POST"])
def steun_nieuw(request, pk):
    signaal = selectors.signaal_detail(request.user, pk)
    if not toegang.mag_registreren(request.user, signaal.team):
        raise PermissionDenied
    status = 200
    if request.method == "POST":
        form = SteunForm(request.POST, signaal=signaal)
        formset = SteunFormSet(request.POST, prefix="bewoners")
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
                status = _fout_op_formulier(form, fout)
                if status == 409:
                    form = _met_nieuwe_versie(
                        form, signaal.versie, form.non_field_errors(), signaal=signaal
                    )
            else:
                messages.success(
                    request,
                    _("Steun van %(aantal)d bewoner(s) geregistreerd.") % {"aantal": len(steun)},
                )
                return redirect("signalen:signaal_detail", pk=signaal.pk)
        else:
            status = 400
    else:
        initial = {}
        activiteit_pk = _int_of_none(request.GET.get("activiteit"))
        form = SteunForm(signaal=signaal)
        if activiteit_pk is not None:
            activiteit = form.fields["activiteit"].queryset.filter(pk=activiteit_pk).first()
            if activiteit is not None:
                initial = {"activiteit": activiteit.pk, "kanaal": _kanaal_van(activiteit)}
        form.initial.update({k: v for k, v in initial.items() if v})
        formset = SteunFormSet(prefix="bewoners")
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
    signaal = selectors.signaal_detail(request.user, pk)
    steun = get_object_or_404(selectors.steun_van_signaal(signaal), pk=steun_pk)
    if not toegang.mag_registreren(request.user, signaal.team):
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
            status = _fout_op_formulier(form, fout)
            if status == 409:
                form = _met_nieuwe_versie(
                    form, signaal.versie, form.non_field_errors(), signaal=signaal
                )
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
    signaal = selectors.signaal_detail(request.user, pk)
    if not toegang.mag_registreren(request.user, signaal.team):
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


# --- Triage ------------------------------------------------------------------------------------

TRIAGE_URLS = ("detail", "promoveren", "doorverwijzen", "afwijzen", "heropenen")


@require_GET
def triage(request):
    user = request.user
    if not user.is_teamleider:
        raise PermissionDenied(_("De triage is voor teamleiders."))
    nu = timezone.now()
    pagina = _pagina_met_totaal(request, selectors.triage_voor(user))
    for signaal in pagina:
        signaal.dagen_tot_verlopen = (signaal.verloopt_op - nu).days
    gesloten = list(selectors.gesloten_in_triage(user)[:GESLOTEN_IN_TRIAGE])
    # Each card has four links or forms: ~120 URLs, built by formatting (vbt.snelle_urls).
    for signaal in [*pagina, *gesloten]:
        signaal.urls = {
            naam: url_met_pk(f"signalen:signaal_{naam}", signaal.pk) for naam in TRIAGE_URLS
        }
    # The partner <option>s of the referral form differ per card only in which one is chosen
    # (the theme's default partner): rendered once per default, not once per card.
    partners = list(Partner.objects.filter(actief=True).order_by("naam").values_list("pk", "naam"))
    opties = {}
    for signaal in pagina:
        standaard = signaal.thema.standaard_primaire_partner_id
        if standaard not in opties:
            opties[standaard] = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (pk, mark_safe(" selected") if pk == standaard else "", naam)
                    for pk, naam in partners
                ),
            )
        signaal.partner_opties = opties[standaard]
    terug = request.get_full_path()
    return render(
        request,
        "signalen/triage.html",
        {
            "pagina": pagina,
            "gesloten": gesloten,
            "prioriteiten": PromoverenForm.base_fields["prioriteit"].choices,
            "terug": terug,
            "terug_urlencoded": urlencode_filter(terug),
        },
    )


# --- Improvement points ------------------------------------------------------------------------


VERBETERPUNT_KOPPEN = [
    (_lazy("Verbeterpunt"), "titel"),
    (_lazy("Buurt"), "buurt"),
    (_lazy("Thema"), "thema"),
    (_lazy("Bewoners"), "bewoners"),
    (_lazy("Status"), "status"),
    (_lazy("Aangemaakt"), "aangemaakt"),
]


def _verbeterpunt_filter(request, qs=None):
    zichtbare_buurten_lijst(request.user)  # as in _signaal_filter
    qs = selectors.verbeterpunten_voor(request.user) if qs is None else qs
    return VerbeterpuntFilter(request.GET, queryset=qs, user=request.user)


@require_GET
def verbeterpunt_lijst(request):
    return _lijst(
        request,
        "signalen/verbeterpunt_lijst.html",
        _verbeterpunt_filter(request),
        kolommen=VERBETERPUNT_KOPPEN,
        export_naam="signalen:verbeterpunt_export",
    )


@require_GET
def verbeterpunt_export(request):
    qs = verbeterpunten_voor_export(selectors.verbeterpunten_voor(request.user))
    return export.lijst_export(
        request,
        maak_filterset=lambda: _verbeterpunt_filter(request, qs),
        lijst_url_naam="signalen:verbeterpunt_lijst",
        basis="verbeterpunten",
        titel=_("Verbeterpunten"),
        kolommen=VERBETERPUNT_KOLOMMEN,
    )


def _verbeterpunt_pagina(request, verbeterpunt, *, status=200, status_form=None):
    teamleider = toegang.is_teamleider_van(request.user, verbeterpunt.team)
    overgangen = [
        (waarde, label)
        for waarde, label in VerbeterpuntStatus.choices
        if waarde in VERBETERPUNT_OVERGANGEN[verbeterpunt.status]
    ]
    meedoend = list(selectors.meedoende_steun_van_verbeterpunt(verbeterpunt))
    verbeterpunt.meedoende_steun = meedoend  # the add-action form offers these as trekker
    context = {
        "verbeterpunt": verbeterpunt,
        "meedoend": meedoend,
        "gebeurtenissen": selectors.gebeurtenissen_van_verbeterpunt(verbeterpunt, request.user),
        "is_teamleider": teamleider,
        "overgangen": overgangen,
    }
    if teamleider:
        context["status_form"] = status_form or VerbeterpuntStatusForm(
            verbeterpunt=verbeterpunt, prefix="status"
        )
    return render(request, "signalen/verbeterpunt_detail.html", context, status=status)


@require_GET
def verbeterpunt_detail(request, pk):
    return _verbeterpunt_pagina(request, selectors.verbeterpunt_detail(request.user, pk))


@require_POST
def verbeterpunt_status(request, pk):
    verbeterpunt = selectors.verbeterpunt_detail(request.user, pk)
    if not toegang.is_teamleider_van(request.user, verbeterpunt.team):
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
            status = _fout_op_formulier(form, fout)
            if status == 409:
                form = _met_nieuwe_versie(
                    form, verbeterpunt.versie, form.non_field_errors(), verbeterpunt=verbeterpunt
                )
        else:
            messages.success(
                request,
                _("De status is gewijzigd in '%(status)s'.")
                % {"status": VerbeterpuntStatus(data["naar"]).label},
            )
            return redirect("signalen:verbeterpunt_detail", pk=verbeterpunt.pk)
    return _verbeterpunt_pagina(request, verbeterpunt, status=status, status_form=form)


# --- Activities --------------------------------------------------------------------------------


ACTIVITEIT_KOPPEN = [
    (_lazy("Datum"), "datum"),
    (_lazy("Soort"), "soort"),
    (_lazy("Buurt"), "buurt"),
    (_lazy("Team"), "team"),
    (_lazy("Deelnemers"), "deelnemers"),
]


def _activiteit_filter(request):
    zichtbare_buurten_lijst(request.user)  # as in _signaal_filter
    qs = selectors.activiteiten_voor(request.user)
    return ActiviteitFilter(request.GET, queryset=qs, user=request.user)


@require_GET
def activiteit_lijst(request):
    return _lijst(
        request,
        "signalen/activiteit_lijst.html",
        _activiteit_filter(request),
        kolommen=ACTIVITEIT_KOPPEN,
        export_naam="signalen:activiteit_export",
        mag_registreren=selectors.registratie_teams(request.user).exists(),
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
    user = request.user
    if not selectors.registratie_teams(user).exists():
        raise PermissionDenied(_("Alleen medewerkers van een team registreren activiteiten."))
    status = 200
    if request.method == "POST":
        form = ActiviteitForm(request.POST, user=user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                activiteit = services.activiteit_registreren(door=user, **data)
            except ValidationError as fout:
                status = _fout_op_formulier(form, fout)
            else:
                messages.success(request, _("De activiteit is geregistreerd."))
                return redirect("signalen:activiteit_detail", pk=activiteit.pk)
        else:
            status = 400
    else:
        form = ActiviteitForm(user=user)
    return render(request, "signalen/activiteit_nieuw.html", {"form": form}, status=status)


@require_GET
def activiteit_detail(request, pk):
    activiteit = selectors.activiteit_detail(request.user, pk)
    return render(
        request,
        "signalen/activiteit_detail.html",
        {
            "activiteit": activiteit,
            "signalen": selectors.signalen_voor(request.user).filter(activiteit=activiteit),
            "mag_registreren": toegang.mag_registreren(request.user, activiteit.team),
        },
    )
