"""Pages of a list without counting it.

Django's Paginator runs a COUNT(*) over the whole filtered set on every page view, which is slow
on 100k rows. Here a page fetches one row more than it shows (LIMIT n+1 OFFSET ...): that extra
row says whether a next page exists. There is no total, so the page says "Pagina N", not "N van M".
"""

from dataclasses import dataclass, field

PER_PAGINA = 25
PARAMETER = "pagina"
# Beyond this a page number is nonsense (and an OFFSET too large for SQLite's integers).
MAX_PAGINA = 100_000


def paginanummer(waarde) -> int:
    """The requested page; anything invalid (not a number, below 1, absurdly high) is page 1."""
    try:
        nummer = int(waarde)
    except (TypeError, ValueError):
        return 1
    return nummer if 1 <= nummer <= MAX_PAGINA else 1


def url_met(querydict, **wijzigingen) -> str:
    """'?…' keeping every parameter of `querydict` (filters, sorting), with these changed;
    a value of None drops the parameter."""
    q = querydict.copy()
    for naam, waarde in wijzigingen.items():
        if waarde is None:
            q.pop(naam, None)
        else:
            q[naam] = str(waarde)
    tekst = q.urlencode()
    return f"?{tekst}" if tekst else "?"


@dataclass
class Pagina:
    object_list: list
    nummer: int
    has_next: bool
    querydict: object = field(repr=False)

    @property
    def has_previous(self) -> bool:
        return self.nummer > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def vorige_url(self) -> str:
        # Page 1 is the list without the parameter: one URL per page, nicer to bookmark.
        vorige = self.nummer - 1
        return url_met(self.querydict, **{PARAMETER: vorige if vorige > 1 else None})

    @property
    def volgende_url(self) -> str:
        return url_met(self.querydict, **{PARAMETER: self.nummer + 1})

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def __bool__(self):
        return bool(self.object_list)


def pagineer(request, queryset, per_pagina: int = PER_PAGINA, *, ids_eerst: bool = False) -> Pagina:
    """One page of an ordered queryset, in one query and without a COUNT.

    ids_eerst: the page's primary keys are sorted and cut from narrow rows (a subquery without
    the display joins), and only those rows are read with their joins, in the same statement.
    For lists whose joins are wide (triage, actions): joining every row before the LIMIT was
    most of their time."""
    nummer = paginanummer(request.GET.get(PARAMETER))
    begin = (nummer - 1) * per_pagina
    deel = slice(begin, begin + per_pagina + 1)
    if ids_eerst:
        rijen = list(queryset.filter(pk__in=queryset.values("pk")[deel]))
    else:
        rijen = list(queryset[deel])
    return Pagina(
        object_list=rijen[:per_pagina],
        nummer=nummer,
        has_next=len(rijen) > per_pagina,
        querydict=request.GET,
    )
