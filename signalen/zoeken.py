"""Free-text search in signals, points and activities: the one place that knows how.

On PostgreSQL: full-text search with the Dutch configuration ("fietsen" finds "fiets"), on
exactly the expressions the GIN indexes are built on, so the index is used. Elsewhere (SQLite):
each word must occur, case-insensitively, in one of the same fields.
"""

from django.db import connections
from django.db.models import Q, QuerySet

from .models import Activiteit, Signaal, Verbeterpunt

# Keep in step with the GIN indexes (migrations): the vector must be the same expression.
ZOEKVELDEN = {
    Signaal: ("omschrijving",),
    Verbeterpunt: ("titel", "omschrijving"),
    Activiteit: ("verslag",),
}
MAX_WOORDEN = 10  # contains-search: one LIKE per word per field; a cap keeps the query sane


def zoekvector(model):
    from django.contrib.postgres.search import SearchVector

    return SearchVector(*ZOEKVELDEN[model], config="dutch")


def zoek(qs: QuerySet, tekst: str) -> QuerySet:
    tekst = (tekst or "").strip()
    if not tekst:
        return qs
    velden = ZOEKVELDEN[qs.model]
    if connections[qs.db].vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        # alias(), not annotate(): the vector is only compared, never selected.
        return qs.alias(zoekvector=zoekvector(qs.model)).filter(
            zoekvector=SearchQuery(tekst, config="dutch", search_type="websearch")
        )
    woorden = tekst.replace('"', " ").split()[:MAX_WOORDEN]
    for woord in woorden:
        in_een_veld = Q()
        for veld in velden:
            in_een_veld |= Q(**{f"{veld}__icontains": woord})
        qs = qs.filter(in_een_veld)
    return qs
