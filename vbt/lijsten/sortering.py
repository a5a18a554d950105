"""Sorting a list: an OrderingFilter with a stable order, and the sortable column headers."""

from dataclasses import dataclass

import django_filters
from django.core.exceptions import FieldDoesNotExist
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from .paginering import PARAMETER as PAGINA
from .paginering import url_met

PARAMETER = "sortering"


class Sortering(django_filters.OrderingFilter):
    """Always a complete order: the default when none is chosen, and the primary key as the last
    key, so rows with equal values keep their place between pages (OFFSET needs that)."""

    def __init__(self, *args, standaard: str, **kwargs):
        self.standaard = standaard  # a parameter name, "-" for descending
        kwargs.setdefault("label", _("Sorteren op"))
        kwargs.setdefault("empty_label", _("Standaard"))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        parameters = [p for p in (value or ()) if p] or [self.standaard]
        volgorde = [self.get_ordering_value(p) for p in parameters]
        laatste = "-pk" if volgorde[0].startswith("-") else "pk"
        return qs.order_by(*(_lege_laatst(qs.model, veld) for veld in volgorde), laatste)

    def huidige(self, waarde) -> str:
        """The sort parameter in force for a raw URL value (invalid or empty: the default)."""
        geldig = {keuze for keuze, _label in self.extra["choices"]}
        return waarde if waarde in geldig else self.standaard


def _kan_leeg_zijn(model, pad: str) -> bool:
    """Whether the column at `pad` ("buurt__naam") can be NULL: a nullable field on the way
    (or an unknown path, to be safe) says yes."""
    try:
        for naam in pad.split("__"):
            veld = model._meta.get_field(naam)
            if veld.null:
                return True
            if not veld.is_relation:
                return False
            model = veld.related_model
    except FieldDoesNotExist:  # not a plain field path: keep the NULLS LAST order
        return True
    return True


def _lege_laatst(model, veld: str):
    """Empty values last in both directions, on every database (PostgreSQL would put NULLs
    first when descending, SQLite when ascending). Only for a column that can be empty: a
    NULLS LAST order does not match a plain (DESC) index, so PostgreSQL would sort the whole
    list instead of reading the first rows of the index."""
    if not _kan_leeg_zijn(model, veld.lstrip("-")):
        return veld
    if veld.startswith("-"):
        return F(veld[1:]).desc(nulls_last=True)
    return F(veld).asc(nulls_last=True)


@dataclass(frozen=True)
class Kop:
    """A column header: its label, the link that sorts on it (None: not sortable) and the
    aria-sort value when the list is sorted on it."""

    label: str
    url: str | None = None
    aria_sort: str | None = None


def sorteerkoppen(request, filterset, kolommen) -> list[Kop]:
    """Headers for `kolommen` [(label, sort parameter or None)]. A link sorts ascending on its
    column, or flips the direction of the current one; it keeps every filter and goes back to
    page 1."""
    sortering = filterset.filters[PARAMETER]
    huidig = sortering.huidige(request.GET.get(PARAMETER, ""))
    aflopend = huidig.startswith("-")
    koppen = []
    for label, parameter in kolommen:
        if parameter is None:
            koppen.append(Kop(label))
            continue
        richting = None
        volgende = parameter
        if huidig.lstrip("-") == parameter:
            richting = "descending" if aflopend else "ascending"
            volgende = parameter if aflopend else f"-{parameter}"
        url = url_met(request.GET, **{PARAMETER: volgende, PAGINA: None})
        koppen.append(Kop(label, url, richting))
    return koppen
