"""The signal, point and activity lists: every filter, every sort, the links that keep them, the
scope (another team's rows never appear, whatever the filter) and a fixed number of queries."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from acties.constants import VerbeterpuntStatus
from signalen.constants import ActiviteitSoort, Kanaal, SignaalStatus
from tests.acties.helpers import ActieFactory
from tests.buurten.factories import BuurtFactory, SubgebiedFactory, WijkFactory
from tests.signalen.factories import (
    ActiviteitFactory,
    SignaalFactory,
    ThemaFactory,
    VerbeterpuntFactory,
)

SIGNALEN = reverse("signalen:signaal_lijst")
PUNTEN = reverse("acties:verbeterpunt_lijst")
ACTIVITEITEN = reverse("signalen:activiteit_lijst")


def dagen(n):
    """Noon (Amsterdam) n days from today: the date filters work on local dates, and a moment
    computed from "now" lands on another local date late in the evening (UTC, DST)."""
    dag = timezone.localdate() + timedelta(days=n)
    return timezone.make_aware(datetime.combine(dag, time(12)))


def pks(antwoord, pad) -> list[int]:
    """The pks of the rows (detail links) in the list, in order."""
    return [
        int(pk) for pk in re.findall(rf'<td><a href="/{pad}/(\d+)/">', antwoord.content.decode())
    ]


@pytest.fixture
def gebied(wereld):
    """Team A works in buurt A and in Limmel (another wijk); buurt A has a street."""
    limmel = BuurtFactory(naam="Limmel", wijk=WijkFactory(naam="Noordoost"))
    wereld.team_a.buurten.add(limmel)
    return {
        "limmel": limmel,
        "straat": SubgebiedFactory(buurt=wereld.buurt_a, naam="Hoofdstraat"),
        "hele_a": wereld.buurt_a.subgebieden.get(soort="hele_buurt"),
        "hele_b": wereld.buurt_b.subgebieden.get(soort="hele_buurt"),
        "straat_b": SubgebiedFactory(buurt=wereld.buurt_b, naam="Geheime steeg"),
        "zwerf": ThemaFactory(naam="Zwerfvuil"),
        "verkeer": ThemaFactory(naam="Verkeer"),
    }


# --- Signals -------------------------------------------------------------------------------


@pytest.fixture
def sig(wereld, gebied):
    g = gebied

    def maak(buurt, subgebied, thema, door, op, omschrijving, **kw):
        team = wereld.team_b if buurt == wereld.buurt_b else wereld.team_a
        return SignaalFactory(
            team=team,
            buurt=buurt,
            subgebied=subgebied,
            thema=thema,
            geregistreerd_door=wereld[door],
            geregistreerd_op=dagen(op),
            omschrijving=omschrijving,
            **kw,
        )

    return {
        "s1": maak(
            wereld.buurt_a,
            g["hele_a"],
            g["zwerf"],
            "medewerker_gemeente",
            -10,
            "Fietsen gestolen bij het station",
            verloopt_op=dagen(5),
        ),
        "s2": maak(
            wereld.buurt_a,
            g["straat"],
            g["verkeer"],
            "medewerker_politie",
            -40,
            "Te hard rijden op de Hoofdstraat",
            kanaal=Kanaal.TELEFOON,
            status=SignaalStatus.DRAAGVLAK_BEREIKT,
            draagvlak_bereikt_op=dagen(-20),
            aantal_bewoners=4,
            verloopt_op=dagen(30),
        ),
        "s3": maak(
            g["limmel"],
            g["limmel"].subgebieden.get(),
            g["zwerf"],
            "medewerker_trajekt",
            -3,
            "Grofvuil naast de container",
            kanaal=Kanaal.EMAIL,
            status=SignaalStatus.DOORVERWEZEN,
            doorverwezen_naar=wereld.gemeente,
            aantal_bewoners=1,
        ),
        "s4": maak(
            wereld.buurt_a,
            g["hele_a"],
            g["verkeer"],
            "medewerker_corporatie",
            -80,
            "Lantaarnpaal kapot",
            verloopt_op=dagen(-1),
            aantal_bewoners=2,
        ),
        "west": maak(
            wereld.buurt_b,
            g["straat_b"],
            g["zwerf"],
            "ander_team",
            -10,
            "Geheim signaal van West",
            verloopt_op=dagen(5),
        ),
    }


@pytest.mark.parametrize(
    ("parameters", "verwacht"),
    [
        ({}, {"s1", "s2", "s3", "s4"}),
        ({"wijk": "{noordoost}"}, {"s3"}),
        ({"buurt": "{limmel}"}, {"s3"}),
        ({"buurt": "{buurt_a}", "subgebied": "{straat}"}, {"s2"}),
        ({"thema": "{verkeer}"}, {"s2", "s4"}),
        ({"status": "open"}, {"s1", "s2", "s4"}),
        ({"status": "draagvlak_bereikt"}, {"s2"}),
        ({"status": "doorverwezen"}, {"s3"}),
        ({"kanaal": "telefoon"}, {"s2"}),
        ({"partner": "{politie}"}, {"s2"}),
        ({"doorverwezen_naar": "{gemeente}"}, {"s3"}),
        ({"geregistreerd_after": "{-15}", "geregistreerd_before": "{-2}"}, {"s1", "s3"}),
        ({"geregistreerd_before": "{-40}"}, {"s2", "s4"}),
        ({"draagvlak": "true"}, {"s2"}),
        ({"draagvlak": "false"}, {"s1", "s3", "s4"}),
        ({"termijn": "bijna"}, {"s1"}),
        ({"termijn": "verstreken"}, {"s4"}),
        ({"q": "hoofdstraat"}, {"s2"}),
        ({"thema": "{zwerf}", "status": "open"}, {"s1"}),
    ],
)
def test_signaal_filters(wereld, gebied, sig, client_voor, parameters, verwacht):
    antwoord = client_voor(wereld["teamleider"]).get(
        SIGNALEN, _invullen(wereld, gebied, parameters)
    )
    assert antwoord.status_code == 200
    assert set(pks(antwoord, "signalen")) == {sig[n].pk for n in verwacht}


def _invullen(wereld, gebied, parameters):
    """Replace {name} by the pk of that object, {-n} by the date n days from today."""
    waarden = {
        "noordoost": gebied["limmel"].wijk_id,
        "limmel": gebied["limmel"].pk,
        "buurt_a": wereld.buurt_a.pk,
        "buurt_b": wereld.buurt_b.pk,
        "buurt_b_wijk": wereld.buurt_b.wijk_id,
        "straat": gebied["straat"].pk,
        "straat_b": gebied["straat_b"].pk,
        "verkeer": gebied["verkeer"].pk,
        "zwerf": gebied["zwerf"].pk,
        "politie": wereld.politie.pk,
        "gemeente": wereld.gemeente.pk,
        "trajekt": wereld.trajekt.pk,
    }
    uit = {}
    for sleutel, waarde in parameters.items():
        if waarde.startswith("{-") or waarde.startswith("{0"):
            waarde = (timezone.localdate() + timedelta(days=int(waarde[1:-1]))).isoformat()
        elif waarde.startswith("{"):
            waarde = str(waarden[waarde[1:-1]])
        uit[sleutel] = waarde
    return uit


ALLE_SIGNAAL_FILTERS = [
    {},
    {"q": "geheim"},
    {"thema": "{zwerf}"},
    {"status": "open"},
    {"kanaal": "straathoekbijeenkomst"},
    {"partner": "{gemeente}"},
    {"geregistreerd_after": "{-15}"},
    {"draagvlak": "false"},
    {"termijn": "bijna"},
    {"sortering": "-buurt"},
]


@pytest.mark.security
@pytest.mark.parametrize("parameters", ALLE_SIGNAAL_FILTERS)
def test_signaal_filters_tonen_nooit_een_ander_team(wereld, gebied, sig, client_voor, parameters):
    data = _invullen(wereld, gebied, parameters)
    a = client_voor(wereld["teamleider"]).get(SIGNALEN, data)
    assert sig["west"].pk not in pks(a, "signalen") and "Geheim signaal" not in a.content.decode()
    b = client_voor(wereld["ander_team"]).get(SIGNALEN, data)
    assert set(pks(b, "signalen")) <= {sig["west"].pk}
    if parameters in ({}, {"q": "geheim"}, {"thema": "{zwerf}"}, {"termijn": "bijna"}):
        assert pks(b, "signalen") == [sig["west"].pk]


def test_beheerder_ziet_alle_signalen(wereld, gebied, sig, client_voor):
    antwoord = client_voor(wereld["beheerder"]).get(SIGNALEN)
    assert set(pks(antwoord, "signalen")) == {s.pk for s in sig.values()}


@pytest.mark.security
@pytest.mark.parametrize(
    "parameters",
    [
        {"buurt": "{buurt_b}"},
        {"wijk": "{buurt_b_wijk}"},
        {"buurt": "{buurt_b}", "subgebied": "{straat_b}"},
        {"buurt": "{buurt_a}", "subgebied": "{straat_b}"},
        {"subgebied": "{straat}"},
        {"status": "onzin"},
        {"buurt": "abc"},
        {"geregistreerd_after": "gisteren"},
        {"sortering": "wachtwoord"},
    ],
)
@pytest.mark.parametrize("lijst", [SIGNALEN, PUNTEN, ACTIVITEITEN])
def test_ongeldig_filter_geeft_formulierfout_en_geen_rijen(
    wereld, gebied, sig, client_voor, parameters, lijst
):
    if "geregistreerd_after" in parameters and lijst != SIGNALEN:
        parameters = {"datum_after" if lijst == ACTIVITEITEN else "aangemaakt_after": "gisteren"}
    if "status" in parameters and lijst == ACTIVITEITEN:
        parameters = {"soort": "onzin"}
    data = _invullen(wereld, gebied, parameters)
    antwoord = client_voor(wereld["teamleider"]).get(lijst, data)
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Een filter is ongeldig" in html
    assert re.search(r"invalid-feedback|Selecteer een geldige keuze|Voer een geldige", html)
    assert re.findall(r'<td><a href="/(signalen|verbeterpunten|activiteiten)/\d+/">', html) == []
    assert "Geheim" not in html and "Mariaberg" not in html


def test_subgebieden_alleen_van_de_gekozen_buurt(wereld, gebied, sig, client_voor):
    client = client_voor(wereld["teamleider"])
    zonder = client.get(SIGNALEN).content.decode()
    kiezer = re.search(r'<select name="subgebied".*?</select>', zonder, re.S).group(0)
    assert "Kies eerst een buurt" in kiezer and "Hoofdstraat" not in kiezer
    met = client.get(SIGNALEN, {"buurt": wereld.buurt_a.pk}).content.decode()
    kiezer = re.search(r'<select name="subgebied".*?</select>', met, re.S).group(0)
    assert "Hoofdstraat" in kiezer and "Hele buurt" in kiezer
    assert "Geheime steeg" not in kiezer and "Limmel" not in kiezer


def test_buurten_gegroepeerd_per_wijk_en_alleen_eigen(wereld, gebied, sig, client_voor):
    html = client_voor(wereld["teamleider"]).get(SIGNALEN).content.decode()
    kiezer = re.search(r'<select name="buurt".*?</select>', html, re.S).group(0)
    assert '<optgroup label="Noordoost">' in kiezer and "Limmel" in kiezer
    assert "Wittevrouwenveld" in kiezer and "Mariaberg" not in kiezer


def test_filterformulier_toegankelijk(wereld, gebied, sig, client_voor):
    html = client_voor(wereld["teamleider"]).get(SIGNALEN).content.decode()
    for veld in (
        "q",
        "wijk",
        "buurt",
        "subgebied",
        "thema",
        "status",
        "kanaal",
        "partner",
        "doorverwezen_naar",
        "draagvlak",
        "termijn",
        "sortering",
    ):
        assert f'for="id_{veld}"' in html, veld
    assert 'aria-label="Geregistreerd vanaf"' in html
    assert 'aria-label="Geregistreerd tot en met"' in html
    assert ">Filteren</button>" in html and ">Wis filters</a>" in html
    assert 'data-bs-toggle="collapse"' in html
    assert '<th scope="col"' in html
    assert "style=" not in html and "<script>" not in html


# --- Sorting -----------------------------------------------------------------------------------


def test_signalen_standaard_nieuwste_eerst_met_pk_als_laatste_sleutel(wereld, gebied, client_voor):
    moment = dagen(-1)
    eerste = SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a, geregistreerd_op=moment)
    tweede = SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a, geregistreerd_op=moment)
    nieuw = SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a)
    antwoord = client_voor(wereld["teamleider"]).get(SIGNALEN)
    assert pks(antwoord, "signalen") == [nieuw.pk, tweede.pk, eerste.pk]
    oplopend = pks(
        client_voor(wereld["teamleider"]).get(SIGNALEN, {"sortering": "geregistreerd"}), "signalen"
    )
    assert oplopend == [eerste.pk, tweede.pk, nieuw.pk]


@pytest.mark.parametrize(
    ("sortering", "verwacht"),
    [
        ("buurt", ["s3", "s1", "s2", "s4"]),  # Limmel, then Wittevrouwenveld; ties by pk
        ("-buurt", ["s4", "s2", "s1", "s3"]),  # descending: ties by pk descending too
        ("steun", ["s1", "s3", "s4", "s2"]),
        ("-steun", ["s2", "s4", "s3", "s1"]),
        ("thema", ["s2", "s4", "s1", "s3"]),  # Verkeer < Zwerfvuil
        ("status", ["s3", "s2", "s1", "s4"]),  # doorverwezen < draagvlak_bereikt < nieuw
        ("geregistreerd", ["s4", "s2", "s1", "s3"]),
        ("-geregistreerd", ["s3", "s1", "s2", "s4"]),
        ("verloopt", ["s4", "s1", "s2", "s3"]),
    ],
)
def test_signalen_sorteren(wereld, gebied, sig, client_voor, sortering, verwacht):
    antwoord = client_voor(wereld["teamleider"]).get(SIGNALEN, {"sortering": sortering})
    assert pks(antwoord, "signalen") == [sig[n].pk for n in verwacht]


def test_kolomkoppen_sorteren_en_houden_filters_vast(wereld, gebied, sig, client_voor):
    client = client_voor(wereld["teamleider"])
    thema = gebied["zwerf"].pk
    html = client.get(
        SIGNALEN, {"thema": thema, "sortering": "buurt", "pagina": 2}
    ).content.decode()
    koppen = re.findall(r"<th scope=\"col\"[^>]*>.*?</th>", html, re.S)
    buurt = next(k for k in koppen if ">Buurt" in k)
    assert 'aria-sort="ascending"' in buurt
    assert f'href="?thema={thema}&amp;sortering=-buurt"' in buurt  # flips; back to page 1
    steun = next(k for k in koppen if ">Steun" in k)
    assert "aria-sort" not in steun and f'href="?thema={thema}&amp;sortering=steun"' in steun
    assert sum("aria-sort" in k for k in koppen) == 1
    # Without a choice the default column says so.
    html = client.get(SIGNALEN).content.decode()
    koppen = re.findall(r"<th scope=\"col\"[^>]*>.*?</th>", html, re.S)
    geregistreerd = next(k for k in koppen if ">Geregistreerd" in k)
    assert 'aria-sort="descending"' in geregistreerd
    assert 'href="?sortering=geregistreerd"' in geregistreerd


def test_punten_en_activiteiten_sorteren(wereld, gebied, punten, activiteiten, client_voor):
    client = client_voor(wereld["teamleider"])
    assert pks(client.get(PUNTEN, {"sortering": "-titel"}), "verbeterpunten") == [
        punten[n].pk for n in ("p2", "p1", "p3")
    ]
    assert pks(client.get(PUNTEN), "verbeterpunten") == [punten[n].pk for n in ("p3", "p1", "p2")]
    assert (
        pks(client.get(PUNTEN, {"sortering": "-bewoners"}), "verbeterpunten")[0] == punten["p2"].pk
    )
    assert pks(client.get(ACTIVITEITEN), "activiteiten") == [
        activiteiten[n].pk for n in ("a1", "a3", "a2")
    ]
    assert pks(client.get(ACTIVITEITEN, {"sortering": "soort"}), "activiteiten") == [
        activiteiten[n].pk for n in ("a2", "a1", "a3")
    ]
    assert pks(client.get(ACTIVITEITEN, {"sortering": "-deelnemers"}), "activiteiten")[0] == (
        activiteiten["a2"].pk
    )


# --- Points --------------------------------------------------------------------------------


@pytest.fixture
def punten(wereld, gebied):
    g = gebied

    def maak(buurt, subgebied, thema, titel, op, **kw):
        team = wereld.team_b if buurt == wereld.buurt_b else wereld.team_a
        bron = SignaalFactory(team=team, buurt=buurt, subgebied=subgebied, thema=thema)
        betrokken = kw.pop("betrokken", [])
        punt = VerbeterpuntFactory(bron_signaal=bron, titel=titel, aangemaakt_op=dagen(op), **kw)
        punt.betrokken_partners.set(betrokken)
        return punt

    p1 = maak(
        wereld.buurt_a,
        g["hele_a"],
        g["zwerf"],
        "Speeltuin opknappen",
        -10,
        omschrijving="Overal fietswrakken",
        trekker_partner=wereld.gemeente,
        spaak_na=dagen(-1),
    )
    p2 = maak(
        wereld.buurt_a,
        g["straat"],
        g["verkeer"],
        "Verkeersdrempels Hoofdstraat",
        -40,
        status=VerbeterpuntStatus.IN_UITVOERING,
        betrokken=[wereld.politie],
        aantal_meedoeners=2,
        aantal_bewoners=6,
        spaak_na=dagen(-1),
    )
    p3 = maak(
        g["limmel"],
        g["limmel"].subgebieden.get(),
        g["zwerf"],
        "Container schoon",
        -3,
        status=VerbeterpuntStatus.AFGEROND,
        trekker_partner=wereld.trajekt,
    )
    west = maak(wereld.buurt_b, g["hele_b"], g["zwerf"], "Geheim punt van West", -5)
    vandaag = timezone.localdate()
    # p2 has an action past its deadline; p1 only a finished one (not overdue).
    ActieFactory(verbeterpunt=p2, eigenaar_partner=wereld.politie, deadline=vandaag - timedelta(1))
    ActieFactory(
        verbeterpunt=p1,
        eigenaar_partner=wereld.gemeente,
        deadline=vandaag - timedelta(5),
        status="gereed",
        resultaat="Klaar",
    )
    ActieFactory(
        verbeterpunt=west, eigenaar_partner=wereld.gemeente, deadline=vandaag - timedelta(5)
    )
    return {"p1": p1, "p2": p2, "p3": p3, "west": west}


@pytest.mark.parametrize(
    ("parameters", "verwacht"),
    [
        ({}, {"p1", "p2", "p3"}),
        ({"q": "verkeersdrempels"}, {"p2"}),
        ({"q": "fietswrakken"}, {"p1"}),  # in the description, not the title
        ({"wijk": "{noordoost}"}, {"p3"}),
        ({"buurt": "{buurt_a}"}, {"p1", "p2"}),
        ({"buurt": "{buurt_a}", "subgebied": "{straat}"}, {"p2"}),
        ({"thema": "{zwerf}"}, {"p1", "p3"}),
        ({"status": "open"}, {"p1", "p2"}),
        ({"status": "afgerond"}, {"p3"}),
        ({"partner": "{gemeente}"}, {"p1"}),  # trekker
        ({"partner": "{politie}"}, {"p2"}),  # betrokken
        ({"partner": "{trajekt}"}, {"p3"}),
        ({"aangemaakt_after": "{-15}"}, {"p1", "p3"}),
        ({"aangemaakt_before": "{-10}"}, {"p1", "p2"}),
        ({"loopt_spaak": "true"}, {"p1"}),
        ({"loopt_spaak": "false"}, {"p2", "p3"}),
        ({"acties_te_laat": "true"}, {"p2"}),
        ({"acties_te_laat": "false"}, {"p1", "p3"}),
    ],
)
def test_verbeterpunt_filters(wereld, gebied, punten, client_voor, parameters, verwacht):
    antwoord = client_voor(wereld["medewerker_trajekt"]).get(
        PUNTEN, _invullen(wereld, gebied, parameters)
    )
    assert antwoord.status_code == 200
    assert set(pks(antwoord, "verbeterpunten")) == {punten[n].pk for n in verwacht}


@pytest.mark.security
@pytest.mark.parametrize(
    "parameters",
    [
        {},
        {"q": "geheim"},
        {"acties_te_laat": "true"},
        {"loopt_spaak": "false"},
        {"thema": "{zwerf}"},
    ],
)
def test_verbeterpunt_filters_tonen_nooit_een_ander_team(
    wereld, gebied, punten, client_voor, parameters
):
    data = _invullen(wereld, gebied, parameters)
    a = client_voor(wereld["teamleider"]).get(PUNTEN, data)
    assert punten["west"].pk not in pks(a, "verbeterpunten")
    assert "Geheim punt" not in a.content.decode()
    b = client_voor(wereld["ander_team"]).get(PUNTEN, data)
    assert pks(b, "verbeterpunten") == [punten["west"].pk]
    beheerder = client_voor(wereld["beheerder"]).get(PUNTEN, data)
    assert punten["west"].pk in pks(beheerder, "verbeterpunten")


# --- Activities ----------------------------------------------------------------------------


@pytest.fixture
def activiteiten(wereld, gebied):
    g = gebied
    vandaag = timezone.localdate()

    def maak(subgebied, soort, door, dag, **kw):
        team = wereld.team_b if subgebied.buurt_id == wereld.buurt_b.pk else wereld.team_a
        return ActiviteitFactory(
            team=team,
            subgebied=subgebied,
            soort=soort,
            door=wereld[door],
            datum=vandaag + timedelta(days=dag),
            **kw,
        )

    return {
        "a1": maak(
            g["hele_a"],
            ActiviteitSoort.STRAATHOEKBIJEENKOMST,
            "medewerker_gemeente",
            -1,
            verslag="Veel klachten over fietsen",
            aantal_deelnemers=12,
        ),
        "a2": maak(
            g["straat"],
            ActiviteitSoort.DEUR_TOT_DEUR,
            "medewerker_politie",
            -20,
            verslag="Hoofdstraat rond",
            aantal_deelnemers=30,
        ),
        "a3": maak(
            g["limmel"].subgebieden.get(),
            ActiviteitSoort.VRAGENLIJST,
            "medewerker_trajekt",
            -5,
        ),
        "west": maak(
            g["hele_b"],
            ActiviteitSoort.STRAATHOEKBIJEENKOMST,
            "ander_team",
            -1,
            verslag="Geheim verslag van West",
        ),
    }


@pytest.mark.parametrize(
    ("parameters", "verwacht"),
    [
        ({}, {"a1", "a2", "a3"}),
        ({"q": "klachten"}, {"a1"}),
        ({"wijk": "{noordoost}"}, {"a3"}),
        ({"buurt": "{buurt_a}"}, {"a1", "a2"}),
        ({"buurt": "{buurt_a}", "subgebied": "{straat}"}, {"a2"}),
        ({"soort": "vragenlijst"}, {"a3"}),
        ({"partner": "{politie}"}, {"a2"}),
        ({"datum_after": "{-6}"}, {"a1", "a3"}),
        ({"datum_after": "{-20}", "datum_before": "{-5}"}, {"a2", "a3"}),
    ],
)
def test_activiteit_filters(wereld, gebied, activiteiten, client_voor, parameters, verwacht):
    antwoord = client_voor(wereld["medewerker_politie"]).get(
        ACTIVITEITEN, _invullen(wereld, gebied, parameters)
    )
    assert antwoord.status_code == 200
    assert set(pks(antwoord, "activiteiten")) == {activiteiten[n].pk for n in verwacht}


@pytest.mark.security
@pytest.mark.parametrize("parameters", [{}, {"q": "geheim"}, {"soort": "straathoekbijeenkomst"}])
def test_activiteit_filters_tonen_nooit_een_ander_team(
    wereld, gebied, activiteiten, client_voor, parameters
):
    a = client_voor(wereld["teamleider"]).get(ACTIVITEITEN, parameters)
    assert activiteiten["west"].pk not in pks(a, "activiteiten")
    b = client_voor(wereld["ander_team"]).get(ACTIVITEITEN, parameters)
    assert pks(b, "activiteiten") == [activiteiten["west"].pk]


# --- Search ----------------------------------------------------------------------------------


@pytest.mark.postgres
def test_zoeken_op_postgresql_met_nederlandse_stam(
    wereld, gebied, sig, punten, activiteiten, client_voor
):
    if connection.vendor != "postgresql":
        pytest.skip("full-text search with the Dutch configuration needs PostgreSQL")
    from django.test.utils import CaptureQueriesContext

    client = client_voor(wereld["teamleider"])
    with CaptureQueriesContext(connection) as vastgelegd:
        # Plural finds singular: the text says "Lantaarnpaal". (The Dutch snowball stemmer
        # does not join every pair: "fiets" stems to "fiet", "fietsen" to "fiets".)
        antwoord = client.get(SIGNALEN, {"q": "lantaarnpalen"})
    assert pks(antwoord, "signalen") == [sig["s4"].pk]
    sql = " ".join(q["sql"] for q in vastgelegd.captured_queries)
    assert "to_tsvector" in sql and "websearch_to_tsquery" in sql and "dutch" in sql
    assert pks(client.get(SIGNALEN, {"q": "containers"}), "signalen") == [sig["s3"].pk]
    # websearch syntax: a phrase and an exclusion.
    assert pks(client.get(SIGNALEN, {"q": '"hard rijden"'}), "signalen") == [sig["s2"].pk]
    assert set(pks(client.get(SIGNALEN, {"q": "gestolen OR kapot"}), "signalen")) == {
        sig["s1"].pk,
        sig["s4"].pk,
    }
    assert pks(client.get(PUNTEN, {"q": "fietswrak"}), "verbeterpunten") == [punten["p1"].pk]
    assert pks(client.get(ACTIVITEITEN, {"q": "klacht"}), "activiteiten") == [activiteiten["a1"].pk]


def test_zoeken_op_sqlite_bevat_elk_woord(wereld, gebied, sig, client_voor):
    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL uses full-text search (test above)")
    client = client_voor(wereld["teamleider"])
    assert pks(client.get(SIGNALEN, {"q": "FIETS"}), "signalen") == [sig["s1"].pk]
    assert pks(client.get(SIGNALEN, {"q": "hard hoofdstraat"}), "signalen") == [sig["s2"].pk]
    assert pks(client.get(SIGNALEN, {"q": "hard kapot"}), "signalen") == []


def test_zoeken_vindt_hele_woorden_op_elke_database(wereld, gebied, sig, client_voor):
    client = client_voor(wereld["teamleider"])
    assert pks(client.get(SIGNALEN, {"q": "container"}), "signalen") == [sig["s3"].pk]
    assert pks(client.get(SIGNALEN, {"q": "  "}), "signalen") != []  # empty: no search


# --- Query counts ----------------------------------------------------------------------------


@pytest.mark.parametrize("extra", [0, 11])
def test_signaal_lijst_met_filters_vast_aantal_queries(
    wereld, gebied, client_voor, django_assert_num_queries, extra
):
    for _ in range(1 + extra):
        SignaalFactory(
            team=wereld.team_a,
            buurt=wereld.buurt_a,
            subgebied=gebied["straat"],
            thema=gebied["zwerf"],
            geregistreerd_door=wereld["medewerker_politie"],
            omschrijving="Zwerfvuil in de straat",
        )
    client = client_voor(wereld["teamleider"])
    data = {
        "q": "zwerfvuil",
        "buurt": wereld.buurt_a.pk,
        "subgebied": gebied["straat"].pk,
        "wijk": wereld.buurt_a.wijk_id,
        "thema": gebied["zwerf"].pk,
        "status": "open",
        "kanaal": "straathoekbijeenkomst",
        "partner": wereld.politie.pk,
        "geregistreerd_after": "2000-01-01",
        "draagvlak": "false",
        "sortering": "-steun",
    }
    client.get(SIGNALEN)
    # 1 session, 2 user with their partner (navigation bar), 3 the user's scope (may they log
    # signals is read from it), 4 buurt choices (with wijk), 5 subgebied choices of the chosen
    # buurt, 6 theme choices, 7 partner choices, 8 the page of signals, 9 the map to choose a
    # buurt
    with django_assert_num_queries(9):
        antwoord = client.get(SIGNALEN, data)
    assert len(pks(antwoord, "signalen")) == 1 + extra


@pytest.mark.parametrize("extra", [0, 11])
def test_verbeterpunt_lijst_met_filters_vast_aantal_queries(
    wereld, gebied, client_voor, django_assert_num_queries, extra
):
    for _ in range(1 + extra):
        bron = SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a, thema=gebied["zwerf"])
        punt = VerbeterpuntFactory(
            bron_signaal=bron,
            titel="Zwerfvuil",
            trekker_partner=wereld.gemeente,
            spaak_na=dagen(-1),
        )
        ActieFactory(
            verbeterpunt=punt,
            eigenaar_partner=wereld.gemeente,
            deadline=timezone.localdate() - timedelta(1),
        )
    client = client_voor(wereld["teamleider"])
    data = {
        "q": "zwerfvuil",
        "buurt": wereld.buurt_a.pk,
        "subgebied": gebied["hele_a"].pk,
        "thema": gebied["zwerf"].pk,
        "status": "open",
        "partner": wereld.gemeente.pk,
        "aangemaakt_after": "2000-01-01",
        "loopt_spaak": "true",
        "acties_te_laat": "true",
        "sortering": "titel",
    }
    client.get(PUNTEN)
    # 1 session, 2 user with their partner (navigation bar), 3 the user's scope, 4 buurt
    # choices, 5 subgebied choices, 6 theme choices, 7 partner choices, 8 the page of points
    with django_assert_num_queries(8):
        antwoord = client.get(PUNTEN, data)
    assert len(pks(antwoord, "verbeterpunten")) == 1 + extra


@pytest.mark.parametrize("extra", [0, 11])
def test_activiteit_lijst_met_filters_vast_aantal_queries(
    wereld, gebied, client_voor, django_assert_num_queries, extra
):
    for _ in range(1 + extra):
        ActiviteitFactory(
            team=wereld.team_a,
            subgebied=gebied["straat"],
            verslag="Zwerfvuil",
            door=wereld["medewerker_politie"],
        )
    client = client_voor(wereld["teamleider"])
    data = {
        "q": "zwerfvuil",
        "buurt": wereld.buurt_a.pk,
        "subgebied": gebied["straat"].pk,
        "soort": "straathoekbijeenkomst",
        "partner": wereld.politie.pk,
        "datum_after": "2000-01-01",
        "sortering": "buurt",
    }
    client.get(ACTIVITEITEN)
    # 1 session, 2 user with their partner (navigation bar), 3 the user's scope (may they log
    # is read from it), 4 buurt choices, 5 subgebied choices, 6 partner choices, 7 the page
    with django_assert_num_queries(7):
        antwoord = client.get(ACTIVITEITEN, data)
    assert len(pks(antwoord, "activiteiten")) == 1 + extra
