"""Dashboard and buurt report: thin views. Parse the URL, take the figures from the selectors,
render. A buurt outside the user's teams is a 404; bad dates a Dutch form error with a 400."""

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as datum_opmaak
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET

from . import cijfers, pdf, selectors
from .forms import BuurtrapportKiezenFormulier, DashboardFilter, PeriodeFormulier

# The funnel's steps, in order (selectors.trechter names them).
STAP_LABELS = {
    "signalen": gettext_lazy("Signalen"),
    "draagvlak": gettext_lazy("Draagvlak bereikt"),
    "verbeterpunt": gettext_lazy("Verbeterpunt geworden"),
    "afgerond": gettext_lazy("Verbeterpunt afgerond"),
}


def _grafiek(labels, *reeksen) -> dict:
    """One chart for dashboard.js: labels and (label, rows, key) series."""
    return {
        "labels": [str(label) for label in labels],
        "reeksen": [
            {"label": str(label), "waarden": [r[sleutel] for r in rijen]}
            for label, rijen, sleutel in reeksen
        ],
    }


def _grafieken(c) -> dict:
    """The chart data: exactly the figures of the tables under the charts."""
    return {
        "maanden": _grafiek(
            [datum_opmaak(r["maand"], "b Y") for r in c["per_maand"]],
            (_("Signalen"), c["per_maand"], "aantal"),
        ),
        "trechter": _grafiek(
            [r["label"] for r in c["trechter"]], (_("Signalen"), c["trechter"], "aantal")
        ),
        "buurten": _grafiek(
            [r["naam"] for r in c["per_buurt"]],
            (_("Open"), c["per_buurt"], "aantal"),
            (_("Loopt spaak"), c["per_buurt"], "spaak"),
        ),
        "themas": _grafiek(
            [r["naam"] for r in c["per_thema"]], (_("Open"), c["per_thema"], "aantal")
        ),
        "partners": _grafiek(
            [r["partner"] or _("Bewoners") for r in c["te_laat"]],
            (_("Te laat"), c["te_laat"], "aantal"),
        ),
    }


def _ververst(seconden: int) -> str:
    """When the figures are computed again, in words ("" when they are not cached)."""
    if not seconden:
        return ""
    if seconden % 60:
        return ngettext(
            "Ze worden elke seconde ververst.",
            "Ze worden elke %(aantal)d seconden ververst.",
            seconden,
        ) % {"aantal": seconden}
    minuten = seconden // 60
    return ngettext(
        "Ze worden elke minuut ververst.", "Ze worden elke %(aantal)d minuten ververst.", minuten
    ) % {"aantal": minuten}


@require_GET
def dashboard(request):
    form = DashboardFilter(request.GET, bereik=request.bereik)
    if not form.is_valid():
        return render(request, "inzicht/dashboard.html", {"form": form}, status=400)
    selectie = selectors.Selectie(
        bereik=request.bereik,
        van=form.cleaned_data["van"],
        tot=form.cleaned_data["tot"],
        team_id=form.cleaned_data["team"],
    )
    # Plain data, possibly computed for another user with the same scope a few minutes ago:
    # the translated labels are added here, in this user's language.
    c = cijfers.dashboard_cijfers(selectie)
    figuren = {
        **c,
        "trechter": [{**r, "label": STAP_LABELS[r["stap"]]} for r in c["trechter"]],
    }
    return render(
        request,
        "inzicht/dashboard.html",
        {
            "form": form,
            "selectie": selectie,
            **figuren,
            "grafieken": _grafieken(figuren),
            # Maastricht's clock, whatever time zone is active.
            "berekend_om": datum_opmaak(
                timezone.localtime(c["berekend_op"], selectors.tijdzone()), "H:i"
            ),
            "ververst": _ververst(cijfers.bewaartijd()),
        },
    )


# --- Buurt report ----------------------------------------------------------------------------


@require_GET
def buurtrapport_kiezen(request):
    if not request.GET:
        form = BuurtrapportKiezenFormulier(bereik=request.bereik)
        return render(request, "inzicht/buurtrapport_kiezen.html", {"form": form})
    form = BuurtrapportKiezenFormulier(request.GET, bereik=request.bereik)
    if not form.is_valid():
        return render(request, "inzicht/buurtrapport_kiezen.html", {"form": form}, status=400)
    return redirect(_rapport_url(form.cleaned_data))


def _rapport_url(data, naam="inzicht:buurtrapport") -> str:
    periode = urlencode({"van": data["van"].isoformat(), "tot": data["tot"].isoformat()})
    return f"{reverse(naam, args=[data['buurt'].pk])}?{periode}"


def _eerste(naam, qs) -> dict:
    """The first RAPPORT_MAX rows as `naam`, and `meer_<naam>` when there are more: one query."""
    aantal = selectors.RAPPORT_MAX
    rijen = list(qs[: aantal + 1])
    return {naam: rijen[:aantal], f"meer_{naam}": len(rijen) > aantal}


def _rapport(request, buurt_pk):
    """The report's context, or the response for bad input."""
    buurt = selectors.buurtrapport_buurt(request.bereik, buurt_pk)
    periode = PeriodeFormulier(request.GET)
    if not periode.is_valid():
        # The same errors on the choice form, with this buurt chosen, to correct them there.
        data = request.GET.copy()
        data["buurt"] = buurt.pk
        form = BuurtrapportKiezenFormulier(data, bereik=request.bereik)
        form.is_valid()
        antwoord = render(request, "inzicht/buurtrapport_kiezen.html", {"form": form}, status=400)
        return None, antwoord
    van, tot = periode.cleaned_data["van"], periode.cleaned_data["tot"]
    bereik = request.bereik
    begin = selectors.begin_van_dag(van)
    eind = selectors.begin_van_dag(tot + timedelta(days=1))
    context = {
        "buurt": buurt,
        "van": van,
        "tot": tot,
        "gemaakt_op": timezone.localdate(),
        "rapport_max": selectors.RAPPORT_MAX,
        "signalen": selectors.rapport_signalen_per_thema(bereik, buurt, begin, eind),
        **_eerste("verbeterpunten", selectors.rapport_verbeterpunten(bereik, buurt, begin, eind)),
        **_eerste("gedaan", selectors.rapport_acties_gedaan(bereik, buurt, begin, eind)),
        **_eerste("komend", selectors.rapport_acties_komend(bereik, buurt)),
        "pdf_url": _rapport_url(
            {"buurt": buurt, "van": van, "tot": tot}, naam="inzicht:buurtrapport_pdf"
        ),
    }
    return context, None


@require_GET
def buurtrapport(request, buurt_pk):
    context, antwoord = _rapport(request, buurt_pk)
    if antwoord is not None:
        return antwoord
    return render(request, "inzicht/buurtrapport.html", context)


@require_GET
def buurtrapport_pdf(request, buurt_pk):
    context, antwoord = _rapport(request, buurt_pk)
    if antwoord is not None:
        return antwoord
    html = render_to_string("inzicht/buurtrapport_pdf.html", context, request=request)
    inhoud = pdf.html_naar_pdf(html, stylesheets=[finders.find("css/print.css")])
    if inhoud is None:
        return render(
            request,
            "inzicht/pdf_niet_beschikbaar.html",
            {"rapport_url": _rapport_url(context)},
            status=503,
        )
    naam = slugify(f"buurtagenda {context['buurt'].naam} {context['van']} {context['tot']}")
    antwoord = HttpResponse(inhoud, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}.pdf"'
    return antwoord
