from django.shortcuts import render
from django.views.decorators.http import require_GET

from buurten.selectors import teams_voor


@require_GET
def home(request):
    """The start page: who you are, your teams and the buurten they work in."""
    teams = teams_voor(request.user).prefetch_related("buurten")
    return render(
        request,
        "acties/home.html",
        {"teams": teams, "partner": request.user.partner},
    )
