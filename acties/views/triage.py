"""The teamleider's triage: signals on their way to becoming a point, referred, declined or
reopened; and the promotion of one signal to a point."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.template.defaultfilters import urlencode as urlencode_filter
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partners.models import Partner
from signalen import selectors as signaal_selectors
from signalen import services as signaal_services
from signalen.toegang import is_teamleider_van
from vbt.lijsten.paginering import pagineer
from vbt.snelle_urls import url_met_pk
from vbt.views import fout_op_formulier, met_nieuwe_versie, volgende_url

from .. import selectors, services
from ..constants import Prioriteit
from ..forms import PromoverenForm

GESLOTEN_IN_TRIAGE = 10
# Each card links or posts to these pages of its signal.
TRIAGE_URLS = {
    "detail": "signalen:signaal_detail",
    "promoveren": "acties:signaal_promoveren",
    "doorverwijzen": "signalen:signaal_doorverwijzen",
    "afwijzen": "signalen:signaal_afwijzen",
    "heropenen": "signalen:signaal_heropenen",
}


def _partner_opties(signalen) -> None:
    """The partner <option>s of each card's referral form. They differ per card only in which
    one is chosen (the theme's default partner): rendered once per default, not once per card."""
    partners = list(Partner.objects.filter(actief=True).order_by("naam").values_list("pk", "naam"))
    opties = {}
    for signaal in signalen:
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


@require_GET
def triage(request):
    bereik = request.bereik
    if not bereik.is_teamleider:
        raise PermissionDenied(_("De triage is voor teamleiders."))
    nu = timezone.now()
    pagina = pagineer(request, signaal_selectors.triage_voor(bereik), ids_eerst=True)
    for signaal in pagina:
        signaal.dagen_tot_verlopen = (signaal.verloopt_op - nu).days
    gesloten = list(signaal_selectors.gesloten_in_triage(bereik)[:GESLOTEN_IN_TRIAGE])
    # Each card has four links or forms: ~120 URLs, built by formatting (vbt.snelle_urls).
    for signaal in [*pagina, *gesloten]:
        signaal.urls = {naam: url_met_pk(url, signaal.pk) for naam, url in TRIAGE_URLS.items()}
    _partner_opties(pagina)
    terug = request.get_full_path()
    return render(
        request,
        "acties/triage.html",
        {
            "pagina": pagina,
            "tellingen": selectors.triage_tellingen(bereik),
            "gesloten": gesloten,
            "prioriteiten": Prioriteit.choices,
            "terug": terug,
            "terug_urlencoded": urlencode_filter(terug),
        },
    )


@require_http_methods(["GET", "POST"])
def signaal_promoveren(request, pk):
    """A signal becomes a point, new or attached to an open one of its buurt: the form on its
    own page (from the signal's page), or posted straight from a triage card."""
    signaal = signaal_selectors.signaal_detail(request.bereik, pk)
    if not is_teamleider_van(request.bereik, signaal.team):
        raise PermissionDenied
    status = 200
    if request.method == "GET":
        form = PromoverenForm(signaal=signaal, prefix="promoveren")
    else:
        form = PromoverenForm(request.POST, signaal=signaal, prefix="promoveren")
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.signaal_promoveren(
                    signaal=signaal,
                    door=request.user,
                    verbeterpunt=data.get("verbeterpunt"),
                    titel=data["titel"],
                    prioriteit=data["prioriteit"],
                    versie=data["versie"],
                )
            except ValidationError as fout:
                status = fout_op_formulier(form, fout)
                if status == 409:
                    form = met_nieuwe_versie(form, signaal.versie, signaal=signaal)
            else:
                messages.success(request, _("Het signaal is een verbeterpunt geworden."))
                standaard = reverse("signalen:signaal_detail", args=[signaal.pk])
                return redirect(volgende_url(request, standaard))
    return render(
        request,
        "acties/signaal_promoveren.html",
        {
            "signaal": signaal,
            "draagvlak": signaal_services.draagvlak_van_signaal(signaal),
            "form": form,
        },
        status=status,
    )
