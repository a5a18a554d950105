"""Dashboard and buurt report: thin views. Parse the URL, take the figures from the selectors,
render. A buurt outside the user's teams is a 404; bad dates a Dutch form error with a 400."""

from collections.abc import Callable
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
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy
from django.views.decorators.http import require_GET

from buurten.kaart import buurtkaart, kaartbuurten

from . import cijfers, pdf, selectors
from .forms import BuurtrapportKiezenForm, DashboardFilter, PeriodeForm

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


# The figures the dashboard's map can show (forms.KAART_KEUZES), what they are called and how one
# buurt's figure is worded.
KAARTEN = {
    "open": {
        "label": gettext_lazy("Open verbeterpunten"),
        "titel": gettext_lazy("Open verbeterpunten per buurt"),
        "beschrijving": ngettext_lazy(
            "%(aantal)d open verbeterpunt", "%(aantal)d open verbeterpunten", "aantal"
        ),
    },
    "signalen": {
        "label": gettext_lazy("Signalen in de periode"),
        "titel": gettext_lazy("Signalen in de periode per buurt"),
        "beschrijving": ngettext_lazy(
            "%(aantal)d signaal in de periode", "%(aantal)d signalen in de periode", "aantal"
        ),
    },
    "spaak": {
        "label": gettext_lazy("Loopt spaak"),
        "titel": gettext_lazy("Verbeterpunten die spaak lopen, per buurt"),
        "beschrijving": ngettext_lazy(
            "%(aantal)d verbeterpunt loopt spaak", "%(aantal)d verbeterpunten lopen spaak", "aantal"
        ),
    },
}


def _kaart_cijfers_en_links(
    keuze: str, figuren: dict, selectie: selectors.Selectie
) -> tuple[dict[int, int], Callable[[int], str]]:
    """The figure per buurt the map shows, and the filtered list each buurt links to."""
    if keuze == "signalen":
        cijfers = {r["buurt_id"]: r["aantal"] for r in figuren["signalen_per_buurt"]}
        lijst = reverse("signalen:signaal_lijst")
        # The list's filter on the date logged, both days included like the period.
        filters = {
            "geregistreerd_after": selectie.van.isoformat(),
            "geregistreerd_before": selectie.tot.isoformat(),
        }
    else:
        sleutel = "spaak" if keuze == "spaak" else "aantal"
        cijfers = {r["buurt_id"]: r[sleutel] for r in figuren["per_buurt"]}
        lijst = reverse("acties:verbeterpunt_lijst")
        filters = {"loopt_spaak": "true"} if keuze == "spaak" else {"status": "open"}
    rest = urlencode(filters)
    return cijfers, lambda pk: f"{lijst}?buurt={pk}&{rest}"


def _dashboard_kaart(request, selectie, keuze: str, figuren: dict):
    """The map of the chosen figure (one query: the buurten's stored paths) and the links that
    switch it, keeping the team and period."""
    soort = KAARTEN[keuze]
    cijfers, link = _kaart_cijfers_en_links(keuze, figuren, selectie)
    kaart = buurtkaart(
        kaartbuurten(request.bereik),
        id="kaart-buurten",
        titel=str(soort["titel"]),
        waardenaam=str(soort["label"]),
        cijfers=cijfers,
        beschrijf=lambda n: soort["beschrijving"] % {"aantal": n},
        link=link,
        toelichting=_("Kies een buurt voor de lijst achter het cijfer."),
    )
    query = request.GET.copy()
    keuzes = []
    for naam, andere in KAARTEN.items():
        query["kaart"] = naam
        keuzes.append(
            {"label": andere["label"], "href": f"?{query.urlencode()}", "actief": naam == keuze}
        )
    return kaart, keuzes


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
    kaart, kaart_keuzes = _dashboard_kaart(request, selectie, form.cleaned_data["kaart"], c)
    return render(
        request,
        "inzicht/dashboard.html",
        {
            "form": form,
            "selectie": selectie,
            **figuren,
            "grafieken": _grafieken(figuren),
            "kaart": kaart,
            "kaart_keuzes": kaart_keuzes,
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
        form = BuurtrapportKiezenForm(bereik=request.bereik)
        return render(request, "inzicht/buurtrapport_kiezen.html", {"form": form})
    form = BuurtrapportKiezenForm(request.GET, bereik=request.bereik)
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


def _rapport_kaart(bereik, buurt, van, tot):
    """The buurt in its wijk (one query: the wijk's buurten with their paths). A buurt links to
    the signals logged there in the report's period."""
    lijst = reverse("signalen:signaal_lijst")
    periode = urlencode(
        {"geregistreerd_after": van.isoformat(), "geregistreerd_before": tot.isoformat()}
    )
    return buurtkaart(
        kaartbuurten(bereik, wijk_id=buurt.wijk_id),
        id="kaart-wijk",
        titel=_("%(buurt)s in wijk %(wijk)s") % {"buurt": buurt.naam, "wijk": buurt.wijk.naam},
        waardenaam=_("Op de kaart"),
        link=lambda pk: f"{lijst}?buurt={pk}&{periode}",
        huidig=buurt.pk,
        huidig_label=_("Deze buurt"),
        keuze_label=_("Andere buurt in de wijk"),
        inzoomen=False,
        naam_tonen=True,
    )


def _rapport(request, buurt_pk):
    """The report's context, or the response for bad input."""
    buurt = selectors.buurtrapport_buurt(request.bereik, buurt_pk)
    periode = PeriodeForm(request.GET)
    if not periode.is_valid():
        # The same errors on the choice form, with this buurt chosen, to correct them there.
        data = request.GET.copy()
        data["buurt"] = buurt.pk
        form = BuurtrapportKiezenForm(data, bereik=request.bereik)
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
        "kaart": _rapport_kaart(bereik, buurt, van, tot),
        "subgebieden": selectors.rapport_subgebieden(buurt),
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
