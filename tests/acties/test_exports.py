"""CSV and XLSX export of the action list: the filtered list in its order, the scope, no
resident (a residents' action names no trekker), no notes, and a fixed number of queries."""

import re

import pytest
from django.urls import reverse

from acties.models import Actie
from tests.acties.helpers import ActieFactory, actie, meedoende_steun, over, snel_punt
from tests.signalen.factories import ThemaFactory
from tests.signalen.test_exports import (  # noqa: F401 - met_bewoners is a fixture
    GEHEIM,
    alle_tekst,
    csv_rijen,
    met_bewoners,
    xlsx_rijen,
)

EXPORT = reverse("acties:actie_export")
LIJST = reverse("acties:actie_lijst")

ACTIE_KOP = [
    "Nummer",
    "Omschrijving",
    "Verbeterpunt (nummer)",
    "Verbeterpunt",
    "Buurt",
    "Thema",
    "Eigenaar",
    "Verantwoordelijke",
    "Deadline",
    "Status",
    "Te laat",
    "Afgerond op",
    "Resultaat",
]


@pytest.fixture
def acties(wereld, met_bewoners):  # noqa: F811
    punt = met_bewoners["punt"]
    bewoners = actie(
        wereld,
        punt,
        omschrijving="Bewoners vegen de stoep",
        eigenaar_bewoners=True,
        trekker=meedoende_steun(punt),
    )
    politie = actie(
        wereld,
        punt,
        omschrijving="Extra surveillance",
        partner=wereld.politie,
        verantwoordelijke=wereld["medewerker_politie"],
        deadline=over(3),
    )
    te_laat = ActieFactory(
        verbeterpunt=punt,
        eigenaar_partner=wereld.gemeente,
        omschrijving="Container legen",
        deadline=over(-2),
    )
    west = ActieFactory(
        verbeterpunt=met_bewoners["west_punt"],
        eigenaar_partner=wereld.gemeente,
        omschrijving="Geheime actie van West",
    )
    return {"bewoners": bewoners, "politie": politie, "te_laat": te_laat, "west": west}


def rij_van(rijen, pk):
    return dict(zip(ACTIE_KOP, next(r for r in rijen[1:] if str(r[0]) == str(pk)), strict=True))


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_acties_export_kop_en_inhoud(wereld, client_voor, acties, formaat):
    antwoord = client_voor(wereld["teamleider"]).get(EXPORT, {"formaat": formaat})
    assert f".{formaat}" in antwoord["Content-Disposition"]
    assert "acties-" in antwoord["Content-Disposition"]
    rijen = csv_rijen(antwoord) if formaat == "csv" else xlsx_rijen(antwoord)
    assert rijen[0] == ACTIE_KOP
    bewoners = rij_van(rijen, acties["bewoners"].pk)
    assert bewoners["Eigenaar"] == "Bewoners" and bewoners["Verantwoordelijke"] in ("", None)
    politie = rij_van(rijen, acties["politie"].pk)
    mens = wereld["medewerker_politie"]
    assert politie["Eigenaar"] == "Politie Limburg"
    assert politie["Verantwoordelijke"] == f"{mens.first_name} {mens.last_name}"
    assert politie["Te laat"] == "nee"
    assert rij_van(rijen, acties["te_laat"].pk)["Te laat"] == "ja"
    assert politie["Verbeterpunt"] == "Schone flat"


def test_acties_export_is_de_gefilterde_lijst_in_dezelfde_volgorde(wereld, client_voor, punt):
    for n in range(30):
        ActieFactory(verbeterpunt=punt, eigenaar_partner=wereld.gemeente, deadline=over(n - 10))
    ActieFactory(
        verbeterpunt=punt,
        eigenaar_partner=wereld.trajekt,
        deadline=over(1),
        status="gereed",
        resultaat="Klaar",
    )
    client = client_voor(wereld["teamleider"])
    filters = {"status": "lopend", "eigenaar_partner": wereld.gemeente.pk}
    lijst = []
    for pagina in (1, 2):
        html = client.get(LIJST, {**filters, "pagina": pagina}).content.decode()
        lijst += [int(pk) for pk in re.findall(r'<td><a href="/acties/(\d+)/">', html)]
    assert len(lijst) == 30
    export = csv_rijen(client.get(EXPORT, {**filters, "formaat": "csv"}))
    assert [int(r[0]) for r in export[1:]] == lijst
    assert [r[ACTIE_KOP.index("Te laat")] for r in export[1:]] == ["ja"] * 10 + ["nee"] * 20


@pytest.mark.security
@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
@pytest.mark.parametrize("rol", ["medewerker_politie", "teamleider", "beheerder"])
def test_acties_export_zonder_bewoners_en_notities(wereld, client_voor, acties, formaat, rol):
    tekst = alle_tekst(client_voor(wereld[rol]).get(EXPORT, {"formaat": formaat}), formaat)
    assert "Bewoners vegen de stoep" in tekst
    for geheim in GEHEIM:
        assert geheim not in tekst, geheim


@pytest.mark.security
def test_acties_export_alleen_eigen_scope(wereld, client_voor, acties):
    def nummers(rol, **filters):
        antwoord = client_voor(wereld[rol]).get(EXPORT, {"formaat": "csv", **filters})
        return {int(r[0]) for r in csv_rijen(antwoord)[1:]}

    oost = {acties[n].pk for n in ("bewoners", "politie", "te_laat")}
    assert nummers("teamleider") == oost
    assert nummers("ander_team") == {acties["west"].pk}
    assert nummers("beheerder") == oost | {acties["west"].pk}
    assert nummers("ander_team", te_laat="false") == {acties["west"].pk}
    antwoord = client_voor(wereld["teamleider"]).get(
        EXPORT, {"formaat": "csv", "buurt": wereld.buurt_b.pk}
    )
    assert antwoord.status_code == 400 and "Geheime actie" not in antwoord.content.decode()


def test_acties_export_formaat_en_methode(wereld, client_voor):
    client = client_voor(wereld["teamleider"])
    assert client.get(EXPORT).status_code == 400
    assert "Kies een exportformaat" in client.get(EXPORT, {"formaat": "ods"}).content.decode()
    assert client.post(EXPORT + "?formaat=csv").status_code == 405


def test_actielijst_linkt_naar_export_met_filters(wereld, client_voor, punt):
    html = client_voor(wereld["teamleider"]).get(LIJST, {"status": "open", "pagina": 2})
    inhoud = html.content.decode()
    assert f'href="{EXPORT}?status=open&amp;formaat=csv">CSV</a>' in inhoud
    assert f'href="{EXPORT}?status=open&amp;formaat=xlsx">Excel</a>' in inhoud


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
@pytest.mark.parametrize("extra", [0, 11])
def test_acties_export_vast_aantal_queries(
    wereld, client_voor, django_assert_num_queries, formaat, extra
):
    for n in range(1 + extra):
        ander = snel_punt(wereld, thema=ThemaFactory(naam=f"Thema {n}"))
        ActieFactory(
            verbeterpunt=ander,
            eigenaar_partner=wereld.politie,
            verantwoordelijke=wereld["medewerker_politie"],
        )
    client = client_voor(wereld["teamleider"])
    data = {"formaat": formaat, "status": "lopend", "buurt": wereld.buurt_a.pk}
    client.get(EXPORT, data)
    # 1 session, 2 user, 3 the user's scope (teams and buurten), 4 the chosen buurt checked
    # against the visible ones (the form is not rendered, so no other choice list is read),
    # 5 every row (one query, no per-row lookups)
    with django_assert_num_queries(5):
        antwoord = client.get(EXPORT, data)
        rijen = csv_rijen(antwoord) if formaat == "csv" else xlsx_rijen(antwoord)
    assert len(rijen) == 1 + 1 + extra
    assert Actie.objects.count() == 1 + extra
