"""Maps of buurten: one query for the shapes, the SVG (paths, colours, links, titles, legend,
source), the table beside it, and never a figure of a buurt outside the user's scope."""

import re
from dataclasses import dataclass

import pytest
from django.http import QueryDict
from django.template.loader import render_to_string

from buurten import kaart as kaartmodule
from buurten.bereik import bereik_van
from buurten.demo import buurten_laden
from buurten.kaart import buurtkaart, cijfers_van, filterlink, kaartbuurten, klassen
from buurten.models import Buurt, Buurtgrens, Initiatief
from tests.buurten.factories import BuurtFactory, InitiatiefFactory, TeamFactory
from tests.buurten.kaarthulp import kaarttabel, vlakken
from tests.partners.factories import MedewerkerFactory

OOST = ["Wittevrouwenveld", "Nazareth", "Limmel"]


@dataclass
class Stad:
    buurten: dict  # naam -> Buurt
    medewerker: object
    beheerder: object


@pytest.fixture
def stad(db):
    buurten_laden()  # the 44 buurten of Maastricht with their boundaries
    buurten = {b.naam: b for b in Buurt.objects.all()}
    medewerker = MedewerkerFactory(username="oost")
    TeamFactory(naam="VBT Oost", buurten=[buurten[n] for n in OOST], leden=[medewerker])
    return Stad(buurten, medewerker, MedewerkerFactory(username="baas", beheerder=True))


def beschrijf(n):
    return f"{n} open signalen"


# --- Reading ------------------------------------------------------------------------------


def test_een_query_voor_alle_44_buurten(stad, django_assert_num_queries):
    beheerder, medewerker = bereik_van(stad.beheerder), bereik_van(stad.medewerker)
    with django_assert_num_queries(1):
        alle = kaartbuurten(beheerder)
    assert len(alle) == 44 and all(b.zichtbaar and b.pad for b in alle)
    assert {b.cbs_code for b in alle} == set(Buurt.objects.values_list("cbs_code", flat=True))

    # A team member: what they may see comes from the request's scope, at no extra query.
    with django_assert_num_queries(1):
        eigen = kaartbuurten(medewerker)
    assert sorted(b.naam for b in eigen if b.zichtbaar) == sorted(OOST)


def test_niet_ingelogd_of_inactief_ziet_geen_buurt(stad):
    from django.contrib.auth.models import AnonymousUser

    stad.medewerker.is_active = False
    assert not any(b.zichtbaar for b in kaartbuurten(bereik_van(stad.medewerker)))
    assert not any(b.zichtbaar for b in kaartbuurten(bereik_van(AnonymousUser())))


def test_een_wijk_en_een_buurt_zonder_grens(stad):
    limmel = stad.buurten["Limmel"]
    Buurtgrens.objects.filter(buurt=limmel).delete()
    oost = kaartbuurten(bereik_van(stad.medewerker), wijk_id=limmel.wijk_id)
    assert {b.naam for b in oost} == set(
        Buurt.objects.filter(wijk=limmel.wijk).values_list("naam", flat=True)
    )
    zonder = next(b for b in oost if b.naam == "Limmel")
    assert zonder.pad is None and zonder.zichtbaar


# --- Classes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("waarden", "labels"),
    [
        ([], []),
        ([0, 0], ["0"]),
        ([0, 3], ["0", "1–3"]),
        ([1, 2, 3, 4], ["1", "2", "3", "4"]),
        # Quartiles of the positive figures: a few busy buurten do not flatten the rest.
        ([0, 1, 1, 2, 3, 5, 8, 13, 40], ["0", "1", "2–3", "4–8", "9–40"]),
        ([7, 7, 7], ["1–7"]),
    ],
)
def test_klassen(waarden, labels):
    assert [k.label for k in klassen(waarden)] == labels


def test_klassen_donkerder_is_meer_en_de_hoogste_is_altijd_het_donkerst():
    for waarden in ([5], [0, 5], [1, 2], [1, 2, 3], list(range(20))):
        gevonden = klassen(waarden)
        kleuren = [k.kleur for k in gevonden]
        assert kleuren == sorted(kleuren, key=kaartmodule.PALET.index)
        assert kleuren[-1] == kaartmodule.PALET[-1]


# --- The map --------------------------------------------------------------------------------


def test_kaart_van_de_beheerder_44_buurten_met_codes_kleuren_links_en_titels(stad):
    b = stad.buurten
    cijfers = {b["Limmel"].pk: 12, b["Wyck"].pk: 1, b["Heer"].pk: 3}
    kaart = buurtkaart(
        kaartbuurten(bereik_van(stad.beheerder)),
        id="kaart-test",
        titel="Open signalen per buurt",
        waardenaam="Open signalen",
        cijfers=cijfers,
        beschrijf=beschrijf,
        link=lambda pk: f"/signalen/?buurt={pk}",
    )
    html = render_to_string("buurten/_kaart.html", {"kaart": kaart})
    gebieden = vlakken(html)
    assert len(gebieden) == 44 and html.count("<path ") == 44
    codes = dict(Buurt.objects.values_list("naam", "cbs_code"))
    per_naam = {g.titel.split(":")[0]: g for g in gebieden}
    assert {naam: g.code for naam, g in per_naam.items()} == codes
    # Alphabetical: the keyboard goes through the buurten in the order of the table.
    op_naam = Buurt.objects.order_by("naam", "pk").values_list("naam", flat=True)
    assert [g.titel.split(":")[0] for g in gebieden] == list(op_naam)
    assert per_naam["Limmel"].href == f"/signalen/?buurt={b['Limmel'].pk}"
    assert per_naam["Limmel"].titel == "Limmel: 12 open signalen"
    assert per_naam["Amby"].titel == "Amby: 0 open signalen"
    # Colours follow the figures: 0 lightest, then 1, 3 and 12 each darker.
    palet = kaartmodule.PALET
    kleuren = [per_naam[n].kleur for n in ("Amby", "Wyck", "Heer", "Limmel")]
    assert kleuren == [palet[0], palet[2], palet[3], palet[4]]
    # The legend names the classes with their colours; the source is under the map.
    legenda = re.search(r'<ul class="kaart-legenda"[^>]*>(.*?)</ul>', html, re.S).group(1)
    assert re.findall(r'fill="(#[0-9a-f]{6})"[^>]*/></svg> ([^<]+)</li>', legenda) == [
        (palet[0], "0"),
        (palet[2], "1"),
        (palet[3], "2–3"),
        (palet[4], "4–12"),
    ]
    assert 'aria-label="Legenda: Open signalen"' in html
    assert "Bron: CBS, Kadaster" in html
    assert 'role="group" aria-labelledby="kaart-test-titel"' in html
    assert '<p class="kaart-titel mb-1" id="kaart-test-titel">Open signalen per buurt</p>' in html
    # The same figures in the table beside the map.
    rijen = kaarttabel(html)
    assert len(rijen) == 44
    assert ["Limmel", "12"] in rijen and ["Amby", "0"] in rijen


def test_geen_cijfer_link_of_naam_buiten_de_eigen_buurten(stad):
    b = stad.buurten
    # A figure for a buurt of another team (wrongly passed) is never drawn.
    cijfers = {b["Limmel"].pk: 2, b["Mariaberg"].pk: 99}
    kaart = buurtkaart(
        kaartbuurten(bereik_van(stad.medewerker)),
        id="k",
        titel="Open signalen per buurt",
        waardenaam="Open signalen",
        cijfers=cijfers,
        beschrijf=beschrijf,
        link=lambda pk: f"/signalen/?buurt={pk}",
    )
    html = render_to_string("buurten/_kaart.html", {"kaart": kaart})
    gebieden = vlakken(html)
    assert sorted(g.titel for g in gebieden) == [
        "Limmel: 2 open signalen",
        "Nazareth: 0 open signalen",
        "Wittevrouwenveld: 0 open signalen",
    ]
    assert "99" not in html and "Mariaberg" not in html
    assert f"buurt={b['Mariaberg'].pk}" not in html
    assert kaarttabel(html) == [["Limmel", "2"], ["Nazareth", "0"], ["Wittevrouwenveld", "0"]]
    # The rest of the gemeente around them: grey, no link, hidden from assistive technology.
    achtergrond = re.search(r'<g class="kaart-achtergrond" aria-hidden="true"(.*?)</g>', html, re.S)
    assert achtergrond and 'fill="#f2f2f2"' in achtergrond.group(0)
    assert "<a " not in achtergrond.group(0)
    assert "Niet in de buurten van uw teams" in html
    # Zoomed in on the team's buurten: the viewBox is far smaller than the gemeente.
    gemeente = buurtkaart(kaartbuurten(bereik_van(stad.beheerder)), id="g", titel="", waardenaam="")
    assert _oppervlak(kaart.viewbox) < _oppervlak(gemeente.viewbox) / 4


def _oppervlak(viewbox: str) -> float:
    _x, _y, breedte, hoogte = map(float, viewbox.split())
    return breedte * hoogte


def test_kaart_zonder_cijfers_om_te_kiezen_met_huidige_buurt(stad):
    b = stad.buurten
    huidig = b["Nazareth"]
    kaart = buurtkaart(
        kaartbuurten(bereik_van(stad.medewerker), wijk_id=huidig.wijk_id),
        id="wijk",
        titel="Nazareth in wijk Oost",
        waardenaam="Op de kaart",
        link=lambda pk: f"/signalen/?buurt={pk}",
        huidig=huidig.pk,
        huidig_label="Deze buurt",
        keuze_label="Andere buurt in de wijk",
        inzoomen=False,
        naam_tonen=True,
    )
    html = render_to_string("buurten/_kaart.html", {"kaart": kaart})
    gebieden = {g.titel: g for g in vlakken(html)}
    assert set(gebieden) == {
        "Limmel: Andere buurt in de wijk",
        "Nazareth: Deze buurt",
        "Wittevrouwenveld: Andere buurt in de wijk",
    }
    assert gebieden["Nazareth: Deze buurt"].current
    assert gebieden["Nazareth: Deze buurt"].kleur == kaartmodule.HUIDIG
    assert not gebieden["Limmel: Andere buurt in de wijk"].current
    # Its outline on top, and its name written in it (hidden: the link names it already).
    assert re.search(r'<g class="kaart-huidig" aria-hidden="true".*?>Nazareth</text>', html, re.S)
    # The other buurten of wijk Oost are drawn, not those of other wijken.
    oost = Buurt.objects.filter(wijk_id=huidig.wijk_id).count()
    assert html.count("<path ") == oost + 1  # and the outline
    assert ["Nazareth", "Deze buurt"] in kaarttabel(html)


def test_geen_grenzen_geen_kaart(stad):
    Buurtgrens.objects.all().delete()
    assert (
        buurtkaart(kaartbuurten(bereik_van(stad.beheerder)), id="k", titel="", waardenaam="")
        is None
    )
    html = render_to_string("buurten/_kaart.html", {"kaart": None})
    assert "Er zijn nog geen buurtgrenzen geladen" in html


def test_buurt_zonder_grens_alleen_in_de_tabel(stad):
    Buurtgrens.objects.filter(buurt=stad.buurten["Limmel"]).delete()
    kaart = buurtkaart(
        kaartbuurten(bereik_van(stad.medewerker)),
        id="k",
        titel="t",
        waardenaam="Open",
        cijfers={stad.buurten["Limmel"].pk: 4},
    )
    html = render_to_string("buurten/_kaart.html", {"kaart": kaart})
    assert ["Limmel", "4"] in kaarttabel(html)
    assert "1 buurt heeft nog geen grens en staat alleen in de tabel." in html
    assert (
        "Limmel"
        not in re.search(r"<svg.*?</svg>", html, re.S).group(0).split("kaart-achtergrond")[-1]
    )


def test_svg_getallen_zonder_komma(stad, settings):
    settings.LANGUAGE_CODE = "nl"
    kaart = buurtkaart(kaartbuurten(bereik_van(stad.beheerder)), id="k", titel="t", waardenaam="w")
    html = render_to_string("buurten/_kaart.html", {"kaart": kaart})
    for attribuut in ("viewBox", "stroke-width", "height"):
        for waarde in re.findall(rf' {attribuut}="([^"]+)"', html):
            assert "," not in waarde, (attribuut, waarde)


def test_filterlink_houdt_de_andere_filters():
    query = QueryDict("status=open&thema=3&buurt=7&subgebied=9&wijk=2&pagina=4&q=lantaarn")
    link = filterlink(query)
    assert QueryDict(link(12).removeprefix("?")) == QueryDict(
        "status=open&thema=3&q=lantaarn&buurt=12"
    )
    assert "buurt=13" in link(13) and "buurt=12" not in link(13)


def test_buurten_van_een_andere_gemeente_zonder_code(db):
    # A buurt without a CBS code or boundary is still a row for the user who may see it.
    buurt = BuurtFactory(cbs_code=None)
    gebruiker = MedewerkerFactory()
    TeamFactory(buurten=[buurt], leden=[gebruiker])
    (gelezen,) = kaartbuurten(bereik_van(gebruiker))
    assert gelezen.zichtbaar and gelezen.pad is None
    assert buurtkaart([gelezen], id="k", titel="t", waardenaam="w") is None


def test_tellen_in_dezelfde_query(stad, django_assert_num_queries):
    b = stad.buurten
    InitiatiefFactory.create_batch(2, buurt=b["Limmel"])
    InitiatiefFactory(buurt=b["Mariaberg"])
    # Any queryset with a buurt; a page passes a scoped selector's (e.g. the open signals).
    rijen = Initiatief.objects.all()
    medewerker = bereik_van(stad.medewerker)
    with django_assert_num_queries(1):
        gelezen = kaartbuurten(medewerker, tel=rijen)
    cijfers = cijfers_van(gelezen)
    assert cijfers[b["Limmel"].pk] == 2
    assert cijfers[b["Nazareth"].pk] == 0
    kaart = buurtkaart(gelezen, id="k", titel="t", waardenaam="Initiatieven", cijfers=cijfers)
    html = render_to_string("buurten/_kaart.html", {"kaart": kaart})
    # Mariaberg's initiative was counted, but the map only shows the user's own buurten.
    assert kaarttabel(html) == [["Limmel", "2"], ["Nazareth", "0"], ["Wittevrouwenveld", "0"]]
    assert "Mariaberg" not in html
