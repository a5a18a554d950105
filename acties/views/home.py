"""The start page, by role and partner."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from buurten.selectors import teams_voor

from .. import selectors


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
        )
        if bereik.is_teamleider:
            te_laat, meer_te_laat = _eerste(selectors.te_late_acties_van_team(bereik))
            context.update(
                triage=selectors.triage_tellingen(bereik),
                team_te_laat=te_laat,
                meer_team_te_laat=meer_te_laat,
            )
    return render(request, "acties/home.html", context)
