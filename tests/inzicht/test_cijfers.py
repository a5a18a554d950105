"""The dashboard's figures in the cache (inzicht/cijfers.py): a second look costs no aggregate
query and shows the same figures and time; the key is the scope (no figures cross from one
user's scope to another's), the filter, the period and the day; after the lifetime, or with
caching off, new data shows.

The numbers are those of tests/inzicht/conftest.py, counted by hand there.
"""

import pickle
from datetime import date, datetime, timedelta

import pytest
from django.core.cache import cache
from django.db import connection, models
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.functional import Promise

from buurten.bereik import bereik_van
from inzicht import cijfers as cijfers_module
from inzicht.forms import DashboardFilter
from inzicht.selectors import Selectie
from tests.inzicht.conftest import AMS, VANDAAG, op
from tests.inzicht.test_dashboard import DASHBOARD_QUERIES, DASHBOARD_QUERIES_WARM, tabel
from tests.signalen.factories import SignaalFactory

URL = reverse("inzicht:dashboard")
# Tables that only the computation reads; a page from the cache touches none of them.
GROTE_TABELLEN = ("signalen_signaal", "signalen_verbeterpunt", "acties_actie")

TEAM_A = {
    "trechter": ["Signalen", "7", "–", "100,0%"],
    "buurten": [["Limmel", "2", "1"], ["Wittevrouwenveld", "1", "1"]],
    "partners": [["Gemeente Maastricht", "2"], ["Politie Limburg", "1"], ["Bewoners", "1"]],
    "spaak": ["Vuil bij de flats", "Hardrijders in de Hoofdstraat"],
}
# Team B counted by hand: t1 (5 Apr, point PB1 on 7 Apr, done 27 Apr) and t2 (5 May) in the
# period; PB2 (Verkeer, from t3 of Feb 2024) open and spaak since 1 Jan 2025, with the politie's
# action AB1 overdue since 1 Jun.
TEAM_B = {
    "maanden": [["april 2025", "1"], ["mei 2025", "1"], ["juni 2025", "0"]],
    "trechter": [
        ["Signalen", "2", "–", "100,0%"],
        ["Draagvlak bereikt", "1", "50,0%", "50,0%"],
        ["Verbeterpunt geworden", "1", "100,0%", "50,0%"],
        ["Verbeterpunt afgerond", "1", "100,0%", "50,0%"],
    ],
    "doorlooptijd": [
        ["Van signaal tot verbeterpunt", "2,0"],
        ["Van verbeterpunt tot afgerond", "20,0"],
    ],
    "buurten": [["Mariaberg", "1", "1"]],
    "themas": [["Verkeer", "1"]],
    "partners": [["Politie Limburg", "1"]],
    "spaak": ["Parkeren Mariaberg"],
}


def _vraag(client, **parameters) -> tuple[str, list[str]]:
    """The page's HTML and the SQL it ran."""
    with CaptureQueriesContext(connection) as vastgelegd:
        antwoord = client.get(URL, parameters)
    assert antwoord.status_code == 200
    return antwoord.content.decode(), [q["sql"] for q in vastgelegd.captured_queries]


def _figuren(inhoud: str) -> str:
    """The page from the figures on: the header names the user's own partner."""
    return inhoud[inhoud.index('id="dashboard-gegevens"') : inhoud.index("</main>")]


def _berekend(sql: list[str]) -> bool:
    return any(tabel_ in regel for regel in sql for tabel_ in GROTE_TABELLEN)


def _is_team_a(inhoud):
    assert tabel(inhoud, "tabel-trechter")[0] == TEAM_A["trechter"]
    assert tabel(inhoud, "tabel-buurten") == TEAM_A["buurten"]
    assert tabel(inhoud, "tabel-partners") == TEAM_A["partners"]
    assert [r[0] for r in tabel(inhoud, "tabel-spaak")] == TEAM_A["spaak"]
    assert "Mariaberg" not in inhoud


def _is_team_b(inhoud):
    assert tabel(inhoud, "tabel-maanden")[-3:] == TEAM_B["maanden"]
    assert tabel(inhoud, "tabel-trechter") == TEAM_B["trechter"]
    assert tabel(inhoud, "tabel-doorlooptijd") == TEAM_B["doorlooptijd"]
    assert tabel(inhoud, "tabel-buurten") == TEAM_B["buurten"]
    assert tabel(inhoud, "tabel-themas") == TEAM_B["themas"]
    assert tabel(inhoud, "tabel-partners") == TEAM_B["partners"]
    assert [r[0] for r in tabel(inhoud, "tabel-spaak")] == TEAM_B["spaak"]
    for ander in ("Limmel", "Wittevrouwenveld", "Gemeente Maastricht", "Hardrijders"):
        assert ander not in _figuren(inhoud)


def test_tweede_keer_uit_de_cache_met_dezelfde_cijfers_en_tijd(cijfers, client_voor, time_machine):
    client = client_voor(cijfers.wereld["teamleider"])
    eerste, sql = _vraag(client)
    assert _berekend(sql)
    assert "Cijfers van 12:00. Ze worden elke 5 minuten ververst." in eerste

    time_machine.shift(timedelta(minutes=2, seconds=30))
    tweede, sql = _vraag(client)
    assert not _berekend(sql), sql
    assert len(sql) < DASHBOARD_QUERIES
    # The same figures, charts and time of computation: 12:00, not 12:02.
    assert _figuren(tweede) == _figuren(eerste)
    _is_team_a(tweede)


def test_warm_vijf_queries_koud_twaalf(cijfers, client_voor, django_assert_num_queries):
    client = client_voor(cijfers.wereld["teamleider"])
    client.get(URL)  # the session
    cache.clear()
    with django_assert_num_queries(DASHBOARD_QUERIES):
        client.get(URL)
    with django_assert_num_queries(DASHBOARD_QUERIES_WARM):
        client.get(URL)


@pytest.mark.security
def test_geen_cijfers_van_een_ander_bereik(cijfers, client_voor):
    w = cijfers.wereld
    # Team A first, so its figures are in the cache when team B looks.
    inhoud, sql = _vraag(client_voor(w["teamleider"]))
    _is_team_a(inhoud)

    inhoud, sql = _vraag(client_voor(w["ander_team"]))
    assert _berekend(sql)
    _is_team_b(inhoud)

    # The beheerder: everything (7 + 2 signals in the period), whoever looked before.
    inhoud, sql = _vraag(client_voor(w["beheerder"]))
    assert _berekend(sql)
    assert tabel(inhoud, "tabel-trechter")[0] == ["Signalen", "9", "–", "100,0%"]
    assert tabel(inhoud, "tabel-buurten") == TEAM_A["buurten"][:1] + [
        ["Mariaberg", "1", "1"],
        TEAM_A["buurten"][1],
    ]
    # And then team B again: from the cache, still only team B.
    inhoud, sql = _vraag(client_voor(w["ander_team"]))
    assert not _berekend(sql)
    _is_team_b(inhoud)
    # And team A: its own entry, not the beheerder's or team B's.
    inhoud, sql = _vraag(client_voor(w["teamleider"]))
    assert not _berekend(sql)
    _is_team_a(inhoud)


@pytest.mark.security
def test_teamleider_van_twee_teams_filtert_op_een_team(cijfers, client_voor):
    w = cijfers.wereld
    w.team_b.leden.add(w["teamleider"])
    client = client_voor(w["teamleider"])
    inhoud, _sql = _vraag(client)
    assert tabel(inhoud, "tabel-trechter")[0] == ["Signalen", "9", "–", "100,0%"]

    inhoud, sql = _vraag(client, team=w.team_b.pk)
    assert _berekend(sql)
    _is_team_b(inhoud)
    inhoud, sql = _vraag(client, team=w.team_a.pk)
    assert _berekend(sql)
    _is_team_a(inhoud)
    # Both teams again: the first entry, not one of the filtered ones.
    inhoud, sql = _vraag(client)
    assert not _berekend(sql)
    assert tabel(inhoud, "tabel-trechter")[0] == ["Signalen", "9", "–", "100,0%"]


def test_zelfde_teams_delen_de_cijfers(cijfers, django_assert_num_queries):
    w = cijfers.wereld
    # Two partners' staff in the same team: the figures depend on the buurten, not the partner.
    clients = []
    for rol in ("medewerker_gemeente", "medewerker_politie"):
        clients.append(Client())
        clients[-1].force_login(w[rol])
        clients[-1].get(URL)  # the first request of a session may renew it
    cache.clear()
    with django_assert_num_queries(DASHBOARD_QUERIES):
        gemeente = clients[0].get(URL).content.decode()
    with django_assert_num_queries(DASHBOARD_QUERIES_WARM):
        politie = clients[1].get(URL).content.decode()
    _is_team_a(politie)
    assert tabel(politie, "tabel-maanden") == tabel(gemeente, "tabel-maanden")
    assert tabel(politie, "tabel-doorlooptijd") == tabel(gemeente, "tabel-doorlooptijd")


@pytest.mark.security
def test_buurt_uit_het_team_telt_meteen_niet_meer_mee(cijfers, client_voor):
    """The scope in the key is the buurten, not the team: a buurt taken from the team is a new
    key at once, not after the lifetime."""
    w = cijfers.wereld
    client = client_voor(w["teamleider"])
    inhoud, _sql = _vraag(client)
    assert "Limmel" in inhoud
    w.team_a.buurten.remove(cijfers.limmel)
    inhoud, sql = _vraag(client)
    assert _berekend(sql)
    assert tabel(inhoud, "tabel-buurten") == [["Wittevrouwenveld", "1", "1"]]
    assert "Limmel" not in inhoud and "Vuil bij de flats" not in inhoud


def test_na_de_bewaartijd_nieuwe_gegevens(cijfers, client_voor, time_machine):
    w = cijfers.wereld
    client = client_voor(w["teamleider"])
    inhoud, _sql = _vraag(client)
    assert tabel(inhoud, "tabel-trechter")[0][1] == "7"
    SignaalFactory(
        team=w.team_a,
        buurt=w.buurt_a,
        geregistreerd_op=op(2025, 6, 15, 11),
        geregistreerd_door=w["teamleider"],
    )

    # Within the lifetime: the figures of 12:00, and the page says so.
    time_machine.shift(timedelta(minutes=4, seconds=59))
    inhoud, sql = _vraag(client)
    assert not _berekend(sql)
    assert tabel(inhoud, "tabel-trechter")[0][1] == "7"
    assert "Cijfers van 12:00." in inhoud

    time_machine.shift(timedelta(seconds=2))
    inhoud, sql = _vraag(client)
    assert _berekend(sql)
    assert tabel(inhoud, "tabel-trechter")[0][1] == "8"
    assert "Cijfers van 12:05." in inhoud


def test_zonder_cache_elke_keer_berekend(cijfers, client_voor, settings, django_assert_num_queries):
    settings.VBT_DASHBOARD_CACHE_SECONDEN = 0
    w = cijfers.wereld
    client = client_voor(w["teamleider"])
    client.get(URL)  # the session
    with django_assert_num_queries(DASHBOARD_QUERIES):
        inhoud = client.get(URL).content.decode()
    assert "Cijfers van" not in inhoud and "ververst" not in inhoud
    SignaalFactory(
        team=w.team_a,
        buurt=w.buurt_a,
        geregistreerd_op=op(2025, 6, 15, 11),
        geregistreerd_door=w["teamleider"],
    )
    with django_assert_num_queries(DASHBOARD_QUERIES):
        inhoud = client.get(URL).content.decode()
    assert tabel(inhoud, "tabel-trechter")[0][1] == "8"


def test_andere_bewaartijd_in_woorden(cijfers, client_voor, settings):
    settings.VBT_DASHBOARD_CACHE_SECONDEN = 60
    inhoud = client_voor(cijfers.wereld["teamleider"]).get(URL).content.decode()
    assert "Cijfers van 12:00. Ze worden elke minuut ververst." in inhoud
    cache.clear()
    settings.VBT_DASHBOARD_CACHE_SECONDEN = 90
    inhoud = client_voor(cijfers.wereld["teamleider"]).get(URL).content.decode()
    assert "Ze worden elke 90 seconden ververst." in inhoud


# --- The function and its key ---------------------------------------------------------------


def _bereik(user, **kwargs):
    kwargs.setdefault("van", date(2024, 7, 1))
    kwargs.setdefault("tot", VANDAAG)
    return Selectie(bereik=bereik_van(user), **kwargs)


def _platte_waarden(waarde):
    """Every leaf of the cached value (a model instance or a lazy text would fail the test)."""
    if isinstance(waarde, dict):
        for sleutel, ding in waarde.items():
            assert isinstance(sleutel, str)
            yield from _platte_waarden(ding)
    elif isinstance(waarde, list | tuple):
        for ding in waarde:
            yield from _platte_waarden(ding)
    else:
        yield waarde


def test_in_de_cache_alleen_platte_gegevens(cijfers):
    waarde = cijfers_module.dashboard_cijfers(_bereik(cijfers.wereld["teamleider"]))
    for blad in _platte_waarden(waarde):
        assert not isinstance(blad, models.Model | Promise | models.QuerySet), blad
        assert blad is None or isinstance(blad, int | float | str | date), blad
    assert pickle.loads(pickle.dumps(waarde)) == waarde
    # No label in a language: the view adds them.
    assert all("label" not in rij for rij in waarde["trechter"])
    assert waarde["spaak"][0] == {
        "pk": cijfers.punten["P6"].pk,
        "titel": "Vuil bij de flats",
        "buurt_naam": "Limmel",
        "thema_naam": "Zwerfvuil",
        "spaak_na": op(2024, 4, 1),
    }
    assert waarde["berekend_op"] == datetime(2025, 6, 15, 12, 0, tzinfo=AMS)
    assert waarde["berekend_op"].tzinfo is not None


def test_sleutel_noemt_geen_persoon(cijfers):
    w = cijfers.wereld
    for rol in ("teamleider", "medewerker_politie", "ander_team", "beheerder"):
        user = w[rol]
        sleutel = cijfers_module.sleutel(_bereik(user))
        assert user.username not in sleutel and f"-{user.pk}:" not in sleutel
        assert sleutel.startswith(f"vbt:dashboard:v{cijfers_module.VERSIE}:")
        assert sleutel.endswith(":team-alle:2024-07-01:2025-06-15:2025-06-15")
    assert cijfers_module.sleutel(_bereik(w["beheerder"])).split(":")[3] == "alle"
    # Same buurten, same key; other buurten, another.
    tl, politie, b = (
        cijfers_module.sleutel(_bereik(w[rol]))
        for rol in ("teamleider", "medewerker_politie", "ander_team")
    )
    assert tl == politie != b
    assert cijfers_module.sleutel(_bereik(w["beheerder"], team_id=w.team_b.pk)) != (
        cijfers_module.sleutel(_bereik(w["beheerder"]))
    )


def test_sleutel_komt_uit_het_bereik_zonder_query(cijfers, django_assert_num_queries):
    """The key is made from the request's scope value (the view's form uses the same one), at no
    query; the scope read again for the same user gives the same key."""
    for rol in ("teamleider", "ander_team", "beheerder", "inactief"):
        user = cijfers.wereld[rol]
        bereik = bereik_van(user)
        form = DashboardFilter({}, bereik=bereik)
        assert form.is_valid()
        selectie = Selectie(
            bereik=bereik, van=form.cleaned_data["van"], tot=form.cleaned_data["tot"]
        )
        with django_assert_num_queries(0):
            met_formulier = cijfers_module.sleutel(selectie)
        los = type(user).objects.get(pk=user.pk)  # a fresh user object: read on its own
        assert met_formulier == cijfers_module.sleutel(_bereik(los))


def test_de_datum_van_vandaag_zit_in_de_sleutel(cijfers, time_machine):
    time_machine.move_to(datetime(2025, 6, 15, 23, 59, tzinfo=AMS), tick=False)
    bereik = _bereik(cijfers.wereld["teamleider"])
    voor = cijfers_module.sleutel(bereik)
    time_machine.shift(timedelta(minutes=2))
    assert cijfers_module.sleutel(bereik) != voor
    assert cijfers_module.sleutel(bereik).endswith(":2025-06-16")
