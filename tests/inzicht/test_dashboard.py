"""The dashboard page: the figures as tables (Dutch formatting), the chart data equal to them,
scope, bad input, a fixed number of queries, and no inline script."""

import json
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse

from buurten.kaart import PALET
from tests.buurten.kaarthulp import kaarttabel, svg, vlakken
from tests.inzicht.conftest import op
from tests.signalen.factories import SignaalFactory

URL = reverse("inzicht:dashboard")


def tabel(inhoud: str, tabel_id: str) -> list[list[str]]:
    """The body rows of one table as lists of cell texts."""
    blok = re.search(rf'<table[^>]*id="{tabel_id}".*?<tbody>(.*?)</tbody>', inhoud, re.S)
    assert blok, tabel_id
    rijen = re.findall(r"<tr>(.*?)</tr>", blok.group(1), re.S)
    return [
        [
            re.sub(r"<[^>]+>", "", cel).strip()
            for cel in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", rij, re.S)
        ]
        for rij in rijen
    ]


def grafieken(inhoud: str) -> dict:
    gegevens = re.search(
        r'<script id="dashboard-gegevens" type="application/json">(.*?)</script>', inhoud, re.S
    )
    return json.loads(gegevens.group(1))


def test_dashboard_toont_de_handgetelde_cijfers(cijfers, client_voor):
    antwoord = client_voor(cijfers.wereld["teamleider"]).get(URL)
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()

    maanden = tabel(inhoud, "tabel-maanden")
    assert maanden[0] == ["juli 2024", "0"]
    assert maanden[-3:] == [["april 2025", "2"], ["mei 2025", "3"], ["juni 2025", "2"]]
    assert len(maanden) == 12

    # Percentages with one decimal and a Dutch decimal comma.
    assert tabel(inhoud, "tabel-trechter") == [
        ["Signalen", "7", "–", "100,0%"],
        ["Draagvlak bereikt", "4", "57,1%", "57,1%"],
        ["Verbeterpunt geworden", "2", "50,0%", "28,6%"],
        ["Verbeterpunt afgerond", "1", "50,0%", "14,3%"],
    ]
    assert tabel(inhoud, "tabel-doorlooptijd") == [
        ["Van signaal tot verbeterpunt", "7,0"],
        ["Van verbeterpunt tot afgerond", "173,0"],
    ]
    assert tabel(inhoud, "tabel-buurten") == [["Limmel", "2", "1"], ["Wittevrouwenveld", "1", "1"]]
    assert tabel(inhoud, "tabel-themas") == [["Zwerfvuil", "2"], ["Verkeer", "1"]]
    assert tabel(inhoud, "tabel-partners") == [
        ["Gemeente Maastricht", "2"],
        ["Politie Limburg", "1"],
        ["Bewoners", "1"],
    ]
    assert "2 open verbeterpunten hebben na de termijn" in inhoud
    assert [r[0] for r in tabel(inhoud, "tabel-spaak")] == [
        "Vuil bij de flats",
        "Hardrijders in de Hoofdstraat",
    ]
    # Another team's data never shows.
    assert "Mariaberg" not in inhoud and "Parkeren Mariaberg" not in inhoud


def test_grafieken_hebben_dezelfde_cijfers_als_de_tabellen(cijfers, client_voor):
    inhoud = client_voor(cijfers.wereld["teamleider"]).get(URL).content.decode()
    data = grafieken(inhoud)
    assert data["maanden"]["reeksen"][0]["waarden"] == [0] * 9 + [2, 3, 2]
    assert data["maanden"]["labels"][-1] == "jun 2025"
    assert data["trechter"]["reeksen"][0]["waarden"] == [7, 4, 2, 1]
    assert data["buurten"]["labels"] == ["Limmel", "Wittevrouwenveld"]
    assert [r["waarden"] for r in data["buurten"]["reeksen"]] == [[2, 1], [1, 1]]
    assert data["themas"]["reeksen"][0]["waarden"] == [2, 1]
    assert data["partners"]["labels"] == ["Gemeente Maastricht", "Politie Limburg", "Bewoners"]
    # Every chart is an image with a name, and its table has a caption and header cells.
    canvassen = re.findall(r"<canvas[^>]*>", inhoud)
    assert len(canvassen) == 5
    for canvas in canvassen:
        assert 'role="img"' in canvas and 'aria-label="' in canvas
    assert inhoud.count("<caption>") == 7
    assert 'scope="col"' in inhoud and 'scope="row"' in inhoud


def test_geen_inline_script(cijfers, client_voor):
    inhoud = client_voor(cijfers.wereld["teamleider"]).get(URL).content.decode()
    for tag in re.findall(r"<script[^>]*>", inhoud):
        assert " src=" in tag or 'type="application/json"' in tag, tag
    assert "js/dashboard.js" in inhoud and "vendor/chartjs/chart.umd.min.js" in inhoud
    assert " style=" not in inhoud


def test_beheerder_ziet_alles_en_kan_op_team_filteren(cijfers, client_voor):
    client = client_voor(cijfers.wereld["beheerder"])
    inhoud = client.get(URL).content.decode()
    assert tabel(inhoud, "tabel-trechter")[0] == ["Signalen", "9", "–", "100,0%"]
    assert ["Mariaberg", "1", "1"] in tabel(inhoud, "tabel-buurten")

    inhoud = client.get(URL, {"team": cijfers.wereld.team_b.pk}).content.decode()
    assert tabel(inhoud, "tabel-trechter")[0] == ["Signalen", "2", "–", "100,0%"]
    assert tabel(inhoud, "tabel-buurten") == [["Mariaberg", "1", "1"]]
    # The filter stays in the form (and so in the URL on the next submit).
    assert re.search(rf'<option value="{cijfers.wereld.team_b.pk}" selected>', inhoud)


def test_ander_team_ziet_alleen_eigen_cijfers(cijfers, client_voor):
    inhoud = client_voor(cijfers.wereld["ander_team"]).get(URL).content.decode()
    assert tabel(inhoud, "tabel-trechter")[0] == ["Signalen", "2", "–", "100,0%"]
    assert "Limmel" not in inhoud and "Wittevrouwenveld" not in inhoud


@pytest.mark.parametrize(
    ("parameters", "melding"),
    [
        ({"van": "gisteren"}, "Vul een geldige datum in"),
        ({"van": "2025-06-01", "tot": "2025-05-01"}, "De einddatum ligt vóór de begindatum."),
        ({"team": "abc"}, "Kies een van uw teams"),
        ({"tot": "9999-12-31"}, "Kies een datum tot en met 31 december 2100."),
        ({"van": "0001-01-01"}, "Kies een datum vanaf 1 januari 2000."),
    ],
)
def test_foute_invoer_geeft_een_nederlandse_fout_en_400(cijfers, client_voor, parameters, melding):
    antwoord = client_voor(cijfers.wereld["teamleider"]).get(URL, parameters)
    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert melding in inhoud
    assert "dashboard-gegevens" not in inhoud


def test_team_van_een_ander_kiezen_mag_niet(cijfers, client_voor):
    antwoord = client_voor(cijfers.wereld["teamleider"]).get(
        URL, {"team": cijfers.wereld.team_b.pk}
    )
    assert antwoord.status_code == 400
    assert "Mariaberg" not in antwoord.content.decode()


@pytest.mark.parametrize(
    "rol",
    [
        "medewerker_gemeente",
        "medewerker_trajekt",
        "medewerker_politie",
        "medewerker_corporatie",
        "teamleider",
        "ander_team",
        "beheerder",
    ],
)
def test_elke_rol_ziet_het_dashboard(wereld, client_voor, rol):
    antwoord = client_voor(wereld[rol]).get(URL)
    assert antwoord.status_code == 200
    assert f'href="{URL}"' in antwoord.content.decode()  # the menu item "Inzicht"


def test_anoniem_naar_inloggen(client, db):
    antwoord = client.get(URL)
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("login"))


# 1 session, 2 user, 3 the user's partner (menu), 4 teams for the filter (with their buurten:
# the scope of the cached figures and of the map), 5 signals per month, in the period and per
# buurt (funnel, map), 6 open points per buurt (with spaak), 7 per thema, 8 overdue actions per
# partner, 9 median signal -> point, 10 median point -> done, 11 the points that loop spaak,
# 12 the buurten's paths for the map
DASHBOARD_QUERIES = 12
# With the figures in the cache (inzicht/cijfers.py): only 1-4 and 12.
DASHBOARD_QUERIES_WARM = 5


def _veel(cijfers, aantal):
    w = cijfers.wereld
    for n in range(aantal):
        SignaalFactory(
            team=w.team_a,
            buurt=cijfers.limmel if n % 2 else w.buurt_a,
            geregistreerd_op=op(2025, 6, 1) - timedelta(days=13 * n),
        )


@pytest.mark.parametrize("rol", ["teamleider", "beheerder"])
def test_vast_aantal_queries_met_1_en_20_signalen(
    cijfers, client_voor, django_assert_num_queries, rol
):
    client = client_voor(cijfers.wereld[rol])
    _veel(cijfers, 1)
    client.get(URL)  # warm the session
    cache.clear()  # the figures computed, not taken from the cache
    with django_assert_num_queries(DASHBOARD_QUERIES):
        weinig = client.get(URL).content.decode()
    _veel(cijfers, 19)
    cache.clear()
    with django_assert_num_queries(DASHBOARD_QUERIES):
        veel = client.get(URL).content.decode()
    assert grafieken(veel)["trechter"]["reeksen"][0]["waarden"][0] == (
        grafieken(weinig)["trechter"]["reeksen"][0]["waarden"][0] + 19
    )
    assert DASHBOARD_QUERIES <= 12
    with django_assert_num_queries(DASHBOARD_QUERIES_WARM):
        warm = client.get(URL).content.decode()
    assert grafieken(warm) == grafieken(veel)


# --- The map --------------------------------------------------------------------------------


def _pks(inhoud: str, url_naam: str) -> set[int]:
    """The objects a list page links to."""
    voorbeeld = reverse(url_naam, args=[987654])
    patroon = re.escape(voorbeeld).replace("987654", r"(\d+)")
    return {int(pk) for pk in re.findall(f'href="{patroon}"', inhoud)}


def test_kaart_open_verbeterpunten_per_buurt(grenzen, client_voor):
    w, limmel = grenzen.cijfers.wereld, grenzen.cijfers.limmel
    client = client_voor(w["teamleider"])
    inhoud = client.get(URL).content.decode()
    gebieden = {g.naam: g for g in vlakken(inhoud)}
    assert set(gebieden) == {"Limmel", "Wittevrouwenveld"}
    assert gebieden["Limmel"].titel == "Limmel: 2 open verbeterpunten"
    assert gebieden["Wittevrouwenveld"].titel == "Wittevrouwenveld: 1 open verbeterpunt"
    # The colours follow the figures: more is darker.
    assert PALET.index(gebieden["Limmel"].kleur) > PALET.index(gebieden["Wittevrouwenveld"].kleur)
    # The same figures in the table beside the map, under the same title.
    assert kaarttabel(inhoud, "kaart-buurten-tabel") == [["Limmel", "2"], ["Wittevrouwenveld", "1"]]
    assert (
        '<caption id="kaart-buurten-tabel-titel">Open verbeterpunten per buurt</caption>' in inhoud
    )
    assert "Bron: CBS, Kadaster" in inhoud
    # Zoomed in on the team's buurten: Nazareth (no team) next to them is a grey shape without
    # name, figure or link; Mariaberg (team B) further west is outside the map.
    kaart = svg(inhoud)
    assert kaart.count("<path ") == 3
    achtergrond = re.search(r'<g class="kaart-achtergrond".*?</g>', kaart, re.S).group(0)
    assert achtergrond.count("<path ") == 1 and '<path d="M1404 -556L' in achtergrond  # Nazareth
    assert "Nazareth" not in kaart and "Mariaberg" not in inhoud
    # A buurt links to the list of exactly its open points.
    lijst = reverse("acties:verbeterpunt_lijst")
    assert gebieden["Limmel"].href == f"{lijst}?buurt={limmel.pk}&status=open"
    punten = client.get(gebieden["Limmel"].href)
    assert punten.status_code == 200
    p = grenzen.cijfers.punten
    assert _pks(punten.content.decode(), "acties:verbeterpunt_detail") == {
        p["P3"].pk,
        p["P6"].pk,
    }


def test_kaart_signalen_in_de_periode_per_buurt(grenzen, client_voor):
    w, s = grenzen.cijfers.wereld, grenzen.cijfers.signalen
    client = client_voor(w["teamleider"])
    inhoud = client.get(URL, {"kaart": "signalen"}).content.decode()
    # July 2024 - 15 June 2025: s1, s2, s5, s6 in Wittevrouwenveld; s3, s4, s7 in Limmel.
    assert kaarttabel(inhoud, "kaart-buurten-tabel") == [["Limmel", "3"], ["Wittevrouwenveld", "4"]]
    gebieden = {g.naam: g for g in vlakken(inhoud)}
    assert gebieden["Limmel"].titel == "Limmel: 3 signalen in de periode"
    signalen = client.get(gebieden["Limmel"].href)
    assert signalen.status_code == 200
    assert _pks(signalen.content.decode(), "signalen:signaal_detail") == {
        s["s3"].pk,
        s["s4"].pk,
        s["s7"].pk,
    }
    # Another period: only May 2025 (s3 on 1 May, s4).
    inhoud = client.get(URL, {"kaart": "signalen", "van": "2025-05-01", "tot": "2025-05-31"})
    assert kaarttabel(inhoud.content.decode(), "kaart-buurten-tabel") == [
        ["Limmel", "2"],
        ["Wittevrouwenveld", "1"],
    ]


def test_kaart_loopt_spaak_per_buurt(grenzen, client_voor):
    w = grenzen.cijfers.wereld
    client = client_voor(w["teamleider"])
    inhoud = client.get(URL, {"kaart": "spaak"}).content.decode()
    assert kaarttabel(inhoud, "kaart-buurten-tabel") == [["Limmel", "1"], ["Wittevrouwenveld", "1"]]
    gebieden = {g.naam: g for g in vlakken(inhoud)}
    assert gebieden["Wittevrouwenveld"].titel == "Wittevrouwenveld: 1 verbeterpunt loopt spaak"
    punten = client.get(gebieden["Wittevrouwenveld"].href)
    assert punten.status_code == 200
    assert _pks(punten.content.decode(), "acties:verbeterpunt_detail") == {
        grenzen.cijfers.punten["P2"].pk
    }


def test_kaartkeuze_houdt_team_en_periode(grenzen, client_voor):
    w = grenzen.cijfers.wereld
    client = client_voor(w["beheerder"])
    team = w.team_a.pk
    inhoud = client.get(URL, {"team": team, "van": "2025-01-01", "kaart": "spaak"}).content
    inhoud = inhoud.decode()
    keuzes = re.findall(r'<a class="nav-link( active)?" href="\?([^"#]*)#kop-kaart"', inhoud)
    assert len(keuzes) == 3
    for actief, query in keuzes:
        query = query.replace("&amp;", "&")
        assert f"team={team}" in query and "van=2025-01-01" in query
        assert bool(actief) == ("kaart=spaak" in query)
    # Applying the filter form keeps the map's figure too.
    assert '<input type="hidden" name="kaart" value="spaak"' in inhoud
    # An unknown figure is the default one, not an error.
    antwoord = client.get(URL, {"kaart": "<b>kapot</b>"})
    assert antwoord.status_code == 200
    assert (
        '<caption id="kaart-buurten-tabel-titel">Open verbeterpunten per buurt</caption>'
        in antwoord.content.decode()
    )


def test_beheerder_ziet_alle_buurten_op_de_kaart(grenzen, client_voor):
    w = grenzen.cijfers.wereld
    inhoud = client_voor(w["beheerder"]).get(URL, {"kaart": "signalen"}).content.decode()
    assert {g.naam for g in vlakken(inhoud)} == {
        "Limmel",
        "Mariaberg",
        "Nazareth",
        "Wittevrouwenveld",
    }
    assert ["Mariaberg", "2"] in kaarttabel(inhoud, "kaart-buurten-tabel")
    assert ["Nazareth", "0"] in kaarttabel(inhoud, "kaart-buurten-tabel")
    assert "kaart-achtergrond" not in inhoud


@pytest.mark.security
def test_kaart_van_ander_team_toont_niets_van_team_a(grenzen, client_voor):
    inhoud = client_voor(grenzen.cijfers.wereld["ander_team"]).get(URL).content.decode()
    assert [g.titel for g in vlakken(inhoud)] == ["Mariaberg: 1 open verbeterpunt"]
    assert kaarttabel(inhoud, "kaart-buurten-tabel") == [["Mariaberg", "1"]]
    assert "Limmel" not in inhoud and "Wittevrouwenveld" not in inhoud


def test_zonder_grenzen_een_melding_in_plaats_van_de_kaart(cijfers, client_voor):
    inhoud = client_voor(cijfers.wereld["teamleider"]).get(URL).content.decode()
    assert "Er zijn nog geen buurtgrenzen geladen" in inhoud
    assert "<svg class=" not in inhoud


def test_kaart_kost_een_query(grenzen, client_voor, django_assert_num_queries):
    client = client_voor(grenzen.cijfers.wereld["teamleider"])
    client.get(URL)  # the session
    cache.clear()
    with django_assert_num_queries(DASHBOARD_QUERIES):
        client.get(URL, {"kaart": "signalen"})
    with django_assert_num_queries(DASHBOARD_QUERIES_WARM):
        client.get(URL, {"kaart": "spaak"})
