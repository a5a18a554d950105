"""Pages without a COUNT: one row more than shown says whether there is a next page; links keep
every filter; an invalid page number is page 1."""

import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from signalen.models import Signaal
from tests.acties.helpers import ActieFactory, snel_punt
from tests.signalen.factories import ActiviteitFactory, SignaalFactory, ThemaFactory
from vbt.lijsten.paginering import MAX_PAGINA, paginanummer, pagineer

SIGNALEN = reverse("signalen:signaal_lijst")


@pytest.mark.parametrize(
    ("waarde", "nummer"),
    [
        (None, 1),
        ("", 1),
        ("abc", 1),
        ("0", 1),
        ("-3", 1),
        ("2.5", 1),
        ("2", 2),
        (str(MAX_PAGINA), MAX_PAGINA),
        (str(MAX_PAGINA + 1), 1),
        ("9" * 40, 1),
    ],
)
def test_paginanummer(waarde, nummer):
    assert paginanummer(waarde) == nummer


@pytest.mark.parametrize(("aantal", "volgende"), [(0, False), (3, False), (4, True)])
def test_pagina_weet_of_er_een_volgende_is_zonder_te_tellen(db, aantal, volgende):
    for _ in range(aantal):
        SignaalFactory()
    request = RequestFactory().get("/", {"thema": "7"})
    pagina = pagineer(request, Signaal.objects.order_by("pk"), per_pagina=3)
    assert len(pagina) == min(aantal, 3)
    assert pagina.has_next is volgende and not pagina.has_previous
    assert pagina.volgende_url == "?thema=7&pagina=2"


def test_vorige_naar_pagina_een_zonder_parameter(db):
    request = RequestFactory().get("/", {"thema": "7", "pagina": "2", "sortering": "-buurt"})
    pagina = pagineer(request, Signaal.objects.order_by("pk"))
    assert pagina.has_previous and pagina.vorige_url == "?thema=7&sortering=-buurt"
    request = RequestFactory().get("/", {"pagina": "3"})
    assert pagineer(request, Signaal.objects.order_by("pk")).vorige_url == "?pagina=2"


def rijen(antwoord):
    return re.findall(r'<td><a href="/signalen/(\d+)/">', antwoord.content.decode())


def test_bladeren_houdt_filters_vast_en_toont_geen_totaal(wereld, client_voor):
    groen = ThemaFactory(naam="Groen")
    for _ in range(30):
        SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a, thema=groen)
    SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a, thema=ThemaFactory(naam="Ander"))
    client = client_voor(wereld["teamleider"])
    eerste = client.get(SIGNALEN, {"thema": groen.pk, "sortering": "buurt"})
    html = eerste.content.decode()
    assert len(rijen(eerste)) == 25
    assert f'href="?thema={groen.pk}&amp;sortering=buurt&amp;pagina=2">Volgende' in html
    assert ">Vorige<" not in html
    assert "Pagina 1<" in html and " van " not in re.search(r"Pagina 1<", html).group(0)
    tweede = client.get(SIGNALEN, {"thema": groen.pk, "sortering": "buurt", "pagina": 2})
    html = tweede.content.decode()
    assert len(rijen(tweede)) == 5
    assert not set(rijen(tweede)) & set(rijen(eerste))
    assert f'href="?thema={groen.pk}&amp;sortering=buurt">Vorige' in html
    assert ">Volgende<" not in html and "Pagina 2<" in html


def test_precies_een_volle_pagina_heeft_geen_volgende(wereld, client_voor):
    for _ in range(25):
        SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a)
    html = client_voor(wereld["teamleider"]).get(SIGNALEN).content.decode()
    assert ">Volgende<" not in html and 'aria-label="Paginering"' not in html


@pytest.mark.parametrize("pagina", ["abc", "0", "-1", "1e5", "9" * 30])
def test_ongeldige_pagina_is_pagina_een(wereld, client_voor, pagina):
    for _ in range(26):
        SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a)
    antwoord = client_voor(wereld["teamleider"]).get(SIGNALEN, {"pagina": pagina})
    assert antwoord.status_code == 200 and len(rijen(antwoord)) == 25
    assert ">Vorige<" not in antwoord.content.decode()


def test_pagina_voorbij_het_einde_is_leeg_met_weg_terug(wereld, client_voor):
    SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a)
    antwoord = client_voor(wereld["teamleider"]).get(SIGNALEN, {"pagina": 50})
    assert antwoord.status_code == 200 and rijen(antwoord) == []
    assert 'href="?pagina=49">Vorige' in antwoord.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        SIGNALEN,
        reverse("acties:verbeterpunt_lijst"),
        reverse("signalen:activiteit_lijst"),
        reverse("acties:actie_lijst"),
    ],
)
def test_geen_count_query_op_een_lijst(wereld, client_voor, url):
    punt = snel_punt(wereld)
    ActieFactory(verbeterpunt=punt, eigenaar_partner=wereld.gemeente)
    ActiviteitFactory(team=wereld.team_a, subgebied=wereld.buurt_a.subgebieden.get())
    for _ in range(30):
        SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a)
    client = client_voor(wereld["teamleider"])
    with CaptureQueriesContext(connection) as vastgelegd:
        antwoord = client.get(url, {"pagina": 2})
    assert antwoord.status_code == 200
    sql = [q["sql"] for q in vastgelegd.captured_queries]
    assert sql and not [q for q in sql if "COUNT(" in q.upper()]
