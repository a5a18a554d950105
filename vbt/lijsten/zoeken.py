"""Free-text search in a list: the one place that knows how.

On PostgreSQL: full-text search with the Dutch configuration ("fietsen" finds "fiets"), on
exactly the expressions the GIN indexes are built on, so the index is used (each list's filter
names its fields; keep them in step with its GIN index in the migrations). Elsewhere (SQLite):
each word must occur, case-insensitively, in one of the same fields.
"""

from django.db import connections
from django.db.models import Q, QuerySet

MAX_WOORDEN = 10  # contains-search: one LIKE per word per field; a cap keeps the query sane


def zoekvector(velden: tuple[str, ...]):
    from django.contrib.postgres.search import SearchVector

    return SearchVector(*velden, config="dutch")


def zoek(qs: QuerySet, tekst: str, velden: tuple[str, ...]) -> QuerySet:
    tekst = (tekst or "").strip()
    if not tekst:
        return qs
    if connections[qs.db].vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        # alias(), not annotate(): the vector is only compared, never selected.
        return qs.alias(zoekvector=zoekvector(velden)).filter(
            zoekvector=SearchQuery(tekst, config="dutch", search_type="websearch")
        )
    woorden = tekst.replace('"', " ").split()[:MAX_WOORDEN]
    for woord in woorden:
        in_een_veld = Q()
        for veld in velden:
            in_een_veld |= Q(**{f"{veld}__icontains": woord})
        qs = qs.filter(in_een_veld)
    return qs
