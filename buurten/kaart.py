"""Maps of buurten, drawn as SVG on the server (DESIGN §7): no tile server, no request leaves the
application, nothing the strict CSP refuses, and the same map prints and goes into the PDF.

A page places a map in two steps, and so adds one query:

1. `kaartbuurten(bereik)` (or `kaartbuurten(bereik, wijk_id=...)`) reads the buurten with the paths
   stored when their boundaries were imported (buurten.models.Buurtgrens), each marked whether
   the user may see it: one query. With `tel=<a scoped queryset>` (e.g. the user's open
   signals) the same query counts its rows per buurt.
2. `buurtkaart(buurten, ...)` makes what `buurten/_kaart.html` draws: no database. With
   `cijfers` ({buurt pk: number}, from a scoped selector, or `cijfers_van(buurten)`) it colours
   each buurt by its figure; without, it shows which buurten the user can choose, and `huidig`.

Deny by default: only buurten the user may see get a colour, a figure, a link and a row in the
table; a figure passed for any other buurt is dropped. The rest of the gemeente is drawn light
grey, without name, figure or link.

Placing a map::

    buurten = kaartbuurten(request.bereik, tel=signalen_voor(request.bereik).filter(...))
    kaart = buurtkaart(
        buurten,
        id="kaart-open",
        titel=_("Open signalen per buurt"),
        waardenaam=_("Open signalen"),
        cijfers=cijfers_van(buurten),
        beschrijf=lambda n: ngettext("%(n)d open signaal", "%(n)d open signalen", n) % {"n": n},
        link=lambda pk: f"{lijst_url}?buurt={pk}",
    )
    # template: {% include "buurten/_kaart.html" with kaart=kaart %}
"""

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils.translation import gettext as _

from .bereik import Bereik
from .models import Buurt

# ColorBrewer YlGnBu (sequential, colour-blind safe, prints in grey), the five lightest of its
# seven classes: the darkest here still contrasts 4.6:1 with the boundary lines (WCAG 1.4.11).
PALET = ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0")
RAND = "#1f1f1f"  # boundaries of the user's buurten: at least 4.6:1 against every class
ACHTERGROND = "#f2f2f2"  # buurten outside the user's scope
ACHTERGROND_RAND = "#767676"  # 4.5:1 against white, 4:1 against ACHTERGROND
NADRUK = "#0b0c0c"  # the outline of the current buurt, and of the focused one (CSS)
KEUZE = PALET[1]  # a buurt to choose on a map without figures
HUIDIG = PALET[4]  # the current buurt on a map without figures
MAX_KLASSEN = 4  # classes above zero; with "0" at most five (PALET)
MARGE = 0.06  # around the buurten shown, of the larger side
BREEDTE_PX = 640  # the SVG's width and height attributes (for print); CSS scales it
LETTERS_PER_BREEDTE = 28  # the size of the current buurt's name: the map's width / this


@dataclass(frozen=True)
class Kaartbuurt:
    """A buurt as `kaartbuurten` reads it: its path (None without boundary), and whether the
    user may see it."""

    pk: int
    naam: str
    cbs_code: str | None
    wijk_id: int
    pad: str | None
    kader: tuple[int, int, int, int] | None
    midden: tuple[int, int] | None
    zichtbaar: bool
    aantal: int | None = None  # rows of `tel` in this buurt (kaartbuurten(..., tel=...))


@dataclass(frozen=True)
class Vlak:
    """One buurt on a map."""

    pk: int
    naam: str
    cbs_code: str | None
    pad: str | None
    kleur: str
    titel: str  # its accessible name, also the tooltip: "Limmel: 2 open verbeterpunten"
    tabelwaarde: str  # what the table beside the map says
    href: str = ""
    huidig: bool = False


@dataclass(frozen=True)
class Legendaregel:
    kleur: str
    label: str
    rand: str = RAND
    randdikte: str = "1"


@dataclass
class Kaart:
    """Everything `buurten/_kaart.html` draws: numbers already formatted for SVG attributes."""

    id: str
    titel: str
    waardenaam: str
    toelichting: str
    viewbox: str
    breedte: str
    hoogte: str
    lijn: str
    lijn_huidig: str
    letter: str
    achtergrond: list[Vlak]
    vlakken: list[Vlak]  # the user's buurten with a boundary, by name: the keyboard order
    rijen: list[Vlak]  # the table: every buurt of the user, also without boundary, by name
    legenda: list[Legendaregel]
    huidig: Vlak | None = None
    huidig_midden: tuple[str, str] | None = None
    zonder_grens: int = 0
    heeft_cijfers: bool = True


# --- 1. Reading ------------------------------------------------------------------------------


def kaartbuurten(
    bereik: Bereik, *, wijk_id: int | None = None, tel: QuerySet | None = None
) -> list[Kaartbuurt]:
    """Every buurt (or those of one wijk) with its stored map path, each marked whether the user
    may see it (their `Bereik`): one query. Ordered by name.

    `tel`: a queryset of rows with a `buurt`, already scoped to the user (a selector's, e.g.
    the user's open signals); each buurt then carries `aantal`, its number of rows, counted in
    the same query."""
    qs = Buurt.objects.order_by("naam", "pk")
    if wijk_id is not None:
        qs = qs.filter(wijk_id=wijk_id)
    velden = ["pk", "naam", "cbs_code", "wijk_id", "grens__pad", "grens__kader", "grens__midden"]
    if tel is not None:
        qs = qs.annotate(_aantal=_aantal_per_buurt(tel))
        velden.append("_aantal")
    buurten = []
    for rij in qs.values_list(*velden):
        pk, naam, code, wijk, pad, kader, midden = rij[:7]
        extra = dict(zip(velden[7:], rij[7:], strict=True))
        buurten.append(
            Kaartbuurt(
                pk=pk,
                naam=naam,
                cbs_code=code,
                wijk_id=wijk,
                pad=pad or None,
                kader=tuple(kader) if kader else None,
                midden=tuple(midden) if midden else None,
                zichtbaar=bereik.ziet_buurt(pk),
                aantal=extra.get("_aantal"),
            )
        )
    return buurten


def _aantal_per_buurt(tel: QuerySet) -> Coalesce:
    """The number of rows of `tel` in the outer buurt, as a subquery (0 when none)."""
    per_buurt = (
        tel.filter(buurt_id=OuterRef("pk"))
        .order_by()
        .values("buurt_id")
        .annotate(aantal=Count("pk"))
        .values("aantal")
    )
    return Coalesce(Subquery(per_buurt, output_field=IntegerField()), 0)


def cijfers_van(buurten: list[Kaartbuurt]) -> dict[int, int]:
    """{pk: aantal} of buurten read with `tel`, for buurtkaart(cijfers=...)."""
    return {b.pk: b.aantal for b in buurten if b.aantal is not None}


# --- 2. Making the map -----------------------------------------------------------------------


@dataclass(frozen=True)
class Klasse:
    van: int
    tot: int
    kleur: str

    @property
    def label(self) -> str:
        return str(self.van) if self.van == self.tot else f"{self.van}–{self.tot}"


def klassen(waarden) -> list[Klasse]:
    """Classes for the figures: "0" on its own (when it occurs), then up to four classes of the
    positive figures at their quartiles, so a few busy buurten do not push all others into one
    class. The darker, the more."""
    waarden = list(waarden)
    positief = sorted(w for w in waarden if w > 0)
    uitkomst = [Klasse(0, 0, PALET[0])] if any(w <= 0 for w in waarden) else []
    if not positief:
        return uitkomst
    n = len(positief)
    bovengrenzen = sorted(
        {positief[math.ceil(i * n / MAX_KLASSEN) - 1] for i in range(1, MAX_KLASSEN + 1)}
    )
    eerste_kleur = len(PALET) - len(bovengrenzen)
    van = 1
    for i, tot in enumerate(bovengrenzen):
        uitkomst.append(Klasse(van, tot, PALET[eerste_kleur + i]))
        van = tot + 1
    return uitkomst


def _klasse(waarde: int, alle: list[Klasse]) -> Klasse:
    return next((k for k in alle if waarde <= k.tot), alle[-1])


def _getal(waarde: float) -> str:
    """An SVG attribute number: no locale (a Dutch comma would break it), at most 1 decimal."""
    return f"{waarde:.1f}".removesuffix(".0")


def _kader(buurten: list[Kaartbuurt]) -> tuple[float, float, float, float] | None:
    kaders = [b.kader for b in buurten if b.kader]
    if not kaders:
        return None
    links, boven = min(k[0] for k in kaders), min(k[1] for k in kaders)
    rechts, onder = max(k[2] for k in kaders), max(k[3] for k in kaders)
    marge = MARGE * max(rechts - links, onder - boven, 1)
    return links - marge, boven - marge, rechts + marge, onder + marge


def _overlapt(kader, venster) -> bool:
    return not (
        kader[2] < venster[0]
        or kader[0] > venster[2]
        or kader[3] < venster[1]
        or kader[1] > venster[3]
    )


def buurtkaart(
    buurten: list[Kaartbuurt],
    *,
    id: str,
    titel: str,
    waardenaam: str,
    cijfers: Mapping[int, int] | None = None,
    beschrijf: Callable[[int], str] | None = None,
    link: Callable[[int], str] | None = None,
    huidig: int | None = None,
    huidig_label: str = "",
    keuze_label: str = "",
    toelichting: str = "",
    inzoomen: bool = True,
    naam_tonen: bool = False,
) -> Kaart | None:
    """The map of `buurten` (from kaartbuurten), or None when none of them has a boundary.

    - `cijfers`: {buurt pk: figure} from a scoped selector; a buurt of the user without an
      entry counts as 0. `beschrijf(n)` words a figure for the titles ("2 open signalen").
      Without `cijfers` the map shows which buurten the user can choose (`keuze_label`).
    - `link(pk)`: the URL of a buurt the user may see (its filtered list).
    - `huidig`: the pk of the buurt the page is about (or the chosen filter), outlined;
      `huidig_label` names it on a map without figures, `naam_tonen` writes its name in it.
    - `inzoomen`: fit the map to the user's buurten (else to all `buurten`).
    """
    zichtbaar = [b for b in buurten if b.zichtbaar]
    venster = _kader(zichtbaar if inzoomen else buurten) or _kader(buurten)
    if venster is None:
        return None
    alle_klassen = klassen(cijfers.get(b.pk, 0) for b in zichtbaar) if cijfers is not None else []

    def vlak(buurt: Kaartbuurt) -> Vlak:
        is_huidig = buurt.pk == huidig
        if cijfers is not None:
            waarde = cijfers.get(buurt.pk, 0)
            kleur = _klasse(waarde, alle_klassen).kleur
            omschrijving = beschrijf(waarde) if beschrijf else str(waarde)
            tabelwaarde = str(waarde)
        else:
            kleur = HUIDIG if is_huidig else KEUZE
            omschrijving = tabelwaarde = huidig_label if is_huidig else keuze_label
        return Vlak(
            pk=buurt.pk,
            naam=buurt.naam,
            cbs_code=buurt.cbs_code,
            pad=buurt.pad,
            kleur=kleur,
            titel=f"{buurt.naam}: {omschrijving}" if omschrijving else buurt.naam,
            tabelwaarde=tabelwaarde,
            href=link(buurt.pk) if link else "",
            huidig=is_huidig,
        )

    rijen = [vlak(b) for b in zichtbaar]
    vlakken = [v for v in rijen if v.pad]
    achtergrond = [
        # Only the shape: no name, figure or link (deny by default).
        Vlak(b.pk, "", None, b.pad, ACHTERGROND, titel="", tabelwaarde="")
        for b in buurten
        if not b.zichtbaar and b.pad and _overlapt(b.kader, venster)
    ]
    legenda = _legenda(alle_klassen, cijfers, huidig_label, keuze_label, vlakken, achtergrond)
    links, boven, rechts, onder = venster
    breedte, hoogte = rechts - links, onder - boven
    huidige = next((v for v in vlakken if v.huidig), None)
    midden = next((b.midden for b in zichtbaar if b.pk == huidig and b.midden), None)
    return Kaart(
        id=id,
        titel=titel,
        waardenaam=waardenaam,
        toelichting=toelichting,
        viewbox=" ".join(_getal(w) for w in (links, boven, breedte, hoogte)),
        breedte=str(BREEDTE_PX),
        hoogte=_getal(BREEDTE_PX * hoogte / breedte),
        lijn=_getal(breedte / 600),
        lijn_huidig=_getal(breedte / 150),
        letter=_getal(breedte / LETTERS_PER_BREEDTE),
        achtergrond=achtergrond,
        vlakken=vlakken,
        rijen=rijen,
        legenda=legenda,
        huidig=huidige,
        # The text's baseline a third of a letter below the middle, so it stands centred.
        huidig_midden=(
            (_getal(midden[0]), _getal(midden[1] + breedte / LETTERS_PER_BREEDTE / 3))
            if midden and naam_tonen
            else None
        ),
        zonder_grens=len(rijen) - len(vlakken),
        heeft_cijfers=cijfers is not None,
    )


def _legenda(alle_klassen, cijfers, huidig_label, keuze_label, vlakken, achtergrond) -> list:
    if cijfers is not None:
        regels = [Legendaregel(k.kleur, k.label) for k in alle_klassen]
    else:
        regels = []
        if any(v.huidig for v in vlakken) and huidig_label:
            regels.append(Legendaregel(HUIDIG, huidig_label, NADRUK, "2"))
        if any(not v.huidig for v in vlakken) and keuze_label:
            regels.append(Legendaregel(KEUZE, keuze_label))
    if cijfers is not None and any(v.huidig for v in vlakken) and huidig_label:
        regels.append(Legendaregel("#ffffff", huidig_label, NADRUK, "2"))
    if achtergrond:
        regels.append(
            Legendaregel(ACHTERGROND, _("Niet in de buurten van uw teams"), ACHTERGROND_RAND)
        )
    return regels


def filterlink(query: QueryDict, *, veld: str = "buurt", wissen=("pagina", "subgebied", "wijk")):
    """`link` for a map that filters a list: the list's current query with `veld` set to the
    buurt clicked, the other filters kept; the page and the filters that depend on the buurt
    (its subgebied) or contradict it (another wijk) dropped."""
    basis = query.copy()
    for naam in (veld, *wissen):
        basis.pop(naam, None)

    def link(pk: int) -> str:
        basis[veld] = str(pk)
        return "?" + basis.urlencode()

    return link
