"""The start page, by role and partner."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from buurten.kaart import buurtkaart, cijfers_van, kaartbuurten
from buurten.selectors import teams_voor
from signalen.constants import SIGNAAL_OPEN
from signalen.selectors import signalen_voor

from .. import selectors


def _mijn_buurten_kaart(bereik):
    """The user's teams' buurten with their open signals: shapes and counts in one query, each
    buurt a link to its open signals."""
    buurten = kaartbuurten(
        bereik, tel=signalen_voor(bereik).filter(status__in=sorted(SIGNAAL_OPEN))
    )
    lijst = reverse("signalen:signaal_lijst")
    return buurtkaart(
        buurten,
        id="kaart-start",
        titel=_("Open signalen in de buurten van uw teams"),
        waardenaam=_("Open signalen"),
        cijfers=cijfers_van(buurten),
        beschrijf=lambda n: ngettext("%(n)d open signaal", "%(n)d open signalen", n) % {"n": n},
        link=lambda pk: f"{lijst}?buurt={pk}&status=open",
    )


def _eerste(qs, aantal=selectors.HOME_MAX):
    """The first `aantal` rows and whether there are more, in one query."""
    rijen = list(qs[: aantal + 1])
    return rijen[:aantal], len(rijen) > aantal


@require_GET
def home(request):
    """My partner's actions, referred signals and points; for a teamleider also the triage
    queue and overdue actions; for a beheerder the teams."""
    bereik = request.bereik
    teams = list(teams_voor(bereik).prefetch_related("buurten"))
    context = {"teams": teams, "partner": request.user.partner}
    if not bereik.is_beheerder:
        acties, meer_acties = _eerste(selectors.mijn_acties(bereik))
        signalen, meer_signalen = _eerste(selectors.doorverwezen_signalen(bereik))
        punten, meer_punten = _eerste(selectors.verbeterpunten_van_partner(bereik))
        context.update(
            mijn_acties=acties,
            meer_acties=meer_acties,
            doorverwezen=signalen,
            meer_doorverwezen=meer_signalen,
            verbeterpunten=punten,
            meer_verbeterpunten=meer_punten,
            kaart=_mijn_buurten_kaart(bereik),
        )
        if bereik.is_teamleider:
            te_laat, meer_te_laat = _eerste(selectors.te_late_acties_van_team(bereik))
            context.update(
                triage=selectors.triage_tellingen(bereik),
                team_te_laat=te_laat,
                meer_team_te_laat=meer_te_laat,
            )
    return render(request, "acties/home.html", context)
