"""A filtered list page: one page of rows (no COUNT), sortable headers, export links."""

from django.shortcuts import render

from . import export
from .paginering import pagineer
from .sortering import sorteerkoppen


def lijst_antwoord(request, template, filterset, *, kolommen, export_naam, **extra):
    """Render a list. An invalid filter shows its error with status 400 and no rows, never an
    unfiltered list."""
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
