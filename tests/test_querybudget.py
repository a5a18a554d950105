"""Every main page runs at most 12 queries, and the same number whatever the data size (issue 7).

Each page is opened as each role on a small bench data set (seed_bench) and again after more
signals, supports, points, actions and events were added to the same teams. Every page in the
list must exist: a URL name that no longer reverses fails the test, it is never left out.
"""

from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from acties.models import Actie, Verbeterpunt
from bench import dataset as bench
from partners.models import Medewerker
from signalen import services
from signalen.constants import Kanaal, SignaalStatus
from signalen.models import Signaal

MAX_QUERIES = 12
ROLLEN = {
    "medewerker": bench.BENCH_MEDEWERKER,
    "teamleider": bench.BENCH_TEAMLEIDER,
    "beheerder": bench.BENCH_BEHEERDER,
}


@dataclass
class Keuze:
    signaal: int
    punt: int
    actie: int
    buurt: int
    thema: int


# name, URL name, args, query, roles. One line per page.
PAGINAS = [
    ("home", "home", None, None, ROLLEN),
    ("signalenlijst", "signalen:signaal_lijst", None, None, ROLLEN),
    (
        "signalenlijst buurt+thema",
        "signalen:signaal_lijst",
        None,
        lambda k: f"?buurt={k.buurt}&thema={k.thema}",
        ROLLEN,
    ),
    ("signaal detail", "signalen:signaal_detail", lambda k: [k.signaal], None, ROLLEN),
    ("triage", "acties:triage", None, None, ["teamleider"]),
    ("verbeterpuntenlijst", "acties:verbeterpunt_lijst", None, None, ROLLEN),
    ("verbeterpunt detail", "acties:verbeterpunt_detail", lambda k: [k.punt], None, ROLLEN),
    ("actielijst", "acties:actie_lijst", None, None, ROLLEN),
    ("actie detail", "acties:actie_detail", lambda k: [k.actie], None, ROLLEN),
    ("activiteitenlijst", "signalen:activiteit_lijst", None, None, ROLLEN),
    ("dashboard", "inzicht:dashboard", None, None, ROLLEN),
    ("dashboard kaart signalen", "inzicht:dashboard", None, lambda k: "?kaart=signalen", ROLLEN),
    ("buurtrapport", "inzicht:buurtrapport", lambda k: [k.buurt], None, ROLLEN),
    (
        "export signalen",
        "signalen:signaal_export",
        None,
        lambda k: f"?formaat=csv&buurt={k.buurt}&thema={k.thema}",
        ["medewerker", "teamleider"],
    ),
]


GEVALLEN = [
    pytest.param(naam, url_naam, args, query, rol, id=f"{naam}-{rol}")
    for naam, url_naam, args, query, rollen in PAGINAS
    for rol in rollen
]


def _keuze() -> Keuze:
    """Objects in the bench medewerker's team, so every role may open them."""
    team = Medewerker.objects.get(username=bench.BENCH_MEDEWERKER).teams.get()
    punt = Verbeterpunt.objects.filter(team=team).order_by("pk").first()
    signaal = Signaal.objects.filter(team=team, status=SignaalStatus.VERBETERPUNT).first()
    return Keuze(
        signaal=signaal.pk,
        punt=punt.pk,
        actie=Actie.objects.filter(verbeterpunt=punt).order_by("pk").first().pk,
        buurt=signaal.buurt_id,
        thema=signaal.thema_id,
    )


def _tel(client, url) -> tuple[int, list[str]]:
    client.get(url)  # the first request of a session may renew it
    # The cold path: the dashboard keeps its figures in the cache (inzicht/cijfers.py), and the
    # budget is about computing them; a cached answer would also hide new data.
    cache.clear()
    with CaptureQueriesContext(connection) as vastgelegd:
        antwoord = client.get(url)
    assert antwoord.status_code == 200, url
    return len(vastgelegd), [q["sql"] for q in vastgelegd.captured_queries]


def test_elke_pagina_van_het_budget_bestaat():
    """A page renamed or removed must be updated here, not silently measured no more."""
    for _naam, url_naam, args, _query, _rollen in PAGINAS:
        reverse(url_naam, args=[1] if args else None)  # NoReverseMatch fails the test


@pytest.mark.parametrize(("naam", "url_naam", "args", "query", "rol"), GEVALLEN)
def test_vast_aantal_queries_binnen_budget(client, db, naam, url_naam, args, query, rol):
    call_command("seed_bench", signalen=60, seed=1, verbosity=0)
    keuze = _keuze()
    # Something in the triage queue from the start: an empty page skips its queries.
    signaal = Signaal.objects.get(pk=keuze.signaal)
    services.signaal_registreren(
        door=Medewerker.objects.get(username=bench.BENCH_MEDEWERKER),
        buurt=signaal.buurt,
        subgebied=signaal.subgebied,
        thema=signaal.thema,
        omschrijving="Kapotte lantaarnpaal",
        kanaal=Kanaal.SPREEKUUR,
    )
    url = reverse(url_naam, args=args(keuze) if args else None) + (query(keuze) if query else "")
    client.force_login(Medewerker.objects.get(username=ROLLEN[rol]))
    klein, sql = _tel(client, url)
    assert klein <= MAX_QUERIES, "\n".join(sql)

    bench.vullen(signalen=400, seed=2, uitvoer=lambda _tekst: None)
    groot, sql = _tel(client, url)
    assert Signaal.objects.count() >= 460
    assert groot == klein, "\n".join(sql)
