import pytest
from django.urls import reverse

from tests.buurten.factories import BuurtFactory, TeamFactory
from tests.inloggen import inloggen


def test_home_toont_partner_rol_teams_en_buurten(wereld, client_voor):
    antwoord = client_voor(wereld["medewerker_politie"]).get(reverse("home"))
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Politie Limburg" in inhoud
    assert "Medewerker" in inhoud
    assert "VBT Oost" in inhoud
    assert "Wittevrouwenveld" in inhoud
    assert "VBT West" not in inhoud
    assert "Mariaberg" not in inhoud


def test_home_beheerder_ziet_alle_teams(wereld, client_voor):
    inhoud = client_voor(wereld["beheerder"]).get(reverse("home")).content.decode()
    assert "VBT Oost" in inhoud and "VBT West" in inhoud
    assert 'href="/beheer/"' in inhoud


def test_home_medewerker_zonder_team(wereld, client_voor):
    from tests.partners.factories import MedewerkerFactory

    los = MedewerkerFactory(partner=wereld.gemeente)
    inhoud = client_voor(los).get(reverse("home")).content.decode()
    assert "nog geen lid van een team" in inhoud
    assert 'href="/beheer/"' not in inhoud


def test_home_vast_aantal_queries(wereld, client_voor, django_assert_num_queries):
    gebruiker = wereld["medewerker_trajekt"]
    client = client_voor(gebruiker)
    client.get(reverse("home"))  # warm the session
    # 1 session, 2 user with their partner, 3 the user's scope, 4 teams, 5 buurten of those
    # teams, 6 my partner's open actions, 7 signals referred to my partner, 8 points my partner
    # works on (with counts), 9 the map: every buurt's path with its open signals counted
    with django_assert_num_queries(9):
        client.get(reverse("home"))
    for _ in range(5):
        TeamFactory(buurten=[BuurtFactory(), BuurtFactory()], leden=[gebruiker])
    with django_assert_num_queries(9):
        antwoord = client.get(reverse("home"))
    assert antwoord.content.decode().count('class="card mb-3"') == 6


@pytest.mark.django_db
def test_inloggen_en_uitloggen(client, wereld):
    from tests.partners.factories import WACHTWOORD

    antwoord = inloggen(client, "gemeente", WACHTWOORD, follow=True)
    assert antwoord.redirect_chain[-1][0] == reverse("home")
    assert "Gemeente Maastricht" in antwoord.content.decode()
    antwoord = client.post(reverse("logout"))
    assert antwoord["Location"] == reverse("login")
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_fout_wachtwoord_geeft_nederlandse_melding(client, wereld):
    antwoord = inloggen(client, "gemeente", "fout")
    assert antwoord.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in antwoord.content.decode()


# --- The work view by role and partner (issue 4) ---------------------------------------------

from signalen import services as signalen_services  # noqa: E402
from signalen.constants import Kanaal, SignaalStatus  # noqa: E402
from tests.acties.helpers import ActieFactory, actie, over, snel_punt  # noqa: E402
from tests.signalen.factories import SignaalFactory, ThemaFactory  # noqa: E402


def _home(client_voor, gebruiker):
    antwoord = client_voor(gebruiker).get(reverse("home"))
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_mijn_acties_alleen_eigen_partner_te_laat_eerst(wereld, client_voor, punt):
    ActieFactory(
        verbeterpunt=punt, eigenaar_partner=wereld.gemeente, omschrijving="Later", deadline=over(20)
    )
    ActieFactory(
        verbeterpunt=punt,
        eigenaar_partner=wereld.gemeente,
        omschrijving="Te laat",
        deadline=over(-3),
    )
    ActieFactory(verbeterpunt=punt, eigenaar_partner=wereld.politie, omschrijving="Van de politie")
    ActieFactory(
        verbeterpunt=punt,
        eigenaar_partner=wereld.gemeente,
        omschrijving="Al gereed",
        status="gereed",
        resultaat="Klaar",
    )
    inhoud = _home(client_voor, wereld["medewerker_gemeente"])
    assert "Van de politie" not in inhoud
    assert "Al gereed" not in inhoud
    assert inhoud.index("Te laat") < inhoud.index("Later")
    assert 'name="naar" value="bezig"' in inhoud  # one-click start
    assert "Van de politie" in _home(client_voor, wereld["medewerker_politie"])


def test_een_klik_start_vanaf_home(wereld, client_voor, punt):
    a = actie(wereld, punt, door="medewerker_gemeente")
    client = client_voor(wereld["medewerker_gemeente"])
    antwoord = client.post(
        reverse("acties:actie_status", args=[a.pk]),
        {"naar": "bezig", "versie": a.versie, "next": reverse("home")},
    )
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("home")
    a.refresh_from_db()
    assert a.status == "bezig"
    assert "Gereed melden" in client.get(reverse("home")).content.decode()


def test_home_toont_doorverwezen_signalen_van_eigen_partner(wereld, client_voor):
    thema = ThemaFactory(naam="Huisvuil")
    buurt = wereld.buurt_a
    signaal = signalen_services.signaal_registreren(
        door=wereld["medewerker_politie"],
        buurt=buurt,
        subgebied=buurt.subgebieden.get(soort="hele_buurt"),
        thema=thema,
        omschrijving="Vuilniszakken naast de container",
        kanaal=Kanaal.TELEFOON,
    )
    signalen_services.signaal_doorverwijzen(
        signaal=signaal, partner=wereld.gemeente, door=wereld["teamleider"], reden="Primaire taak"
    )
    # referred to the gemeente in the other team's buurt: not visible to team A
    SignaalFactory(
        team=wereld.team_b,
        buurt=wereld.buurt_b,
        status=SignaalStatus.DOORVERWEZEN,
        doorverwezen_naar=wereld.gemeente,
        omschrijving="Signaal uit Mariaberg",
    )
    inhoud = _home(client_voor, wereld["medewerker_gemeente"])
    assert "Vuilniszakken naast de container" in inhoud
    assert "Signaal uit Mariaberg" not in inhoud
    assert "Vuilniszakken" not in _home(client_voor, wereld["medewerker_politie"])
    assert "Signaal uit Mariaberg" in _home(client_voor, wereld["ander_team"])


def test_home_toont_punten_van_partner_en_integraal(wereld, client_voor):
    getrokken = snel_punt(wereld, titel="Trekker gemeente", trekker_partner=wereld.gemeente)
    betrokken = snel_punt(wereld, titel="Betrokken trajekt")
    betrokken.betrokken_partners.add(wereld.trajekt)
    met_acties = snel_punt(wereld, titel="Met acties")
    ActieFactory(verbeterpunt=met_acties, eigenaar_partner=wereld.trajekt)
    ActieFactory(verbeterpunt=met_acties, eigenaar_partner=wereld.politie)
    snel_punt(wereld, titel="Niet van trajekt")
    snel_punt(wereld, b=True, titel="Ander team", trekker_partner=wereld.trajekt)
    inhoud = _home(client_voor, wereld["medewerker_trajekt"])
    assert "Betrokken trajekt" in inhoud and "Met acties" in inhoud
    assert "Trekker gemeente" not in inhoud and "Niet van trajekt" not in inhoud
    assert "Ander team" not in inhoud
    assert inhoud.count("Integraal") == 1
    assert getrokken.titel in _home(client_voor, wereld["medewerker_gemeente"])


def test_teamleider_ziet_triage_en_te_late_acties_van_het_team(wereld, client_voor, punt):
    SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a)
    SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a)
    SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a, status="draagvlak_bereikt")
    SignaalFactory(
        team=wereld.team_a, buurt=wereld.buurt_a, status="draagvlak_bereikt", herbeoordelen=True
    )
    SignaalFactory(team=wereld.team_b, buurt=wereld.buurt_b)  # another team
    ActieFactory(
        verbeterpunt=punt,
        eigenaar_partner=wereld.politie,
        omschrijving="Politie te laat",
        deadline=over(-1),
    )
    ActieFactory(
        verbeterpunt=punt,
        eigenaar_partner=wereld.politie,
        omschrijving="Politie op tijd",
        deadline=over(1),
    )
    punt_b = snel_punt(wereld, b=True)
    ActieFactory(
        verbeterpunt=punt_b,
        eigenaar_partner=wereld.gemeente,
        omschrijving="West te laat",
        deadline=over(-1),
    )
    inhoud = _home(client_voor, wereld["teamleider"])
    assert 'id="triage-nieuw">2<' in inhoud
    assert 'id="triage-draagvlak">1<' in inhoud
    assert 'id="triage-herbeoordelen">1<' in inhoud
    assert "Politie te laat" in inhoud
    assert "Politie op tijd" not in inhoud
    assert "West te laat" not in inhoud
    medewerker = _home(client_voor, wereld["medewerker_politie"])
    assert "triage-nieuw" not in medewerker


def test_beheerder_ziet_teams_en_beheer_maar_geen_werklijsten(wereld, client_voor, punt):
    ActieFactory(verbeterpunt=punt, eigenaar_partner=wereld.gemeente, omschrijving="Gemeente-actie")
    inhoud = _home(client_voor, wereld["beheerder"])
    assert "VBT Oost" in inhoud and "VBT West" in inhoud
    assert 'href="/beheer/"' in inhoud
    assert "Gemeente-actie" not in inhoud


def _veel_data(wereld, aantal):
    for n in range(aantal):
        punt = snel_punt(wereld, titel=f"Punt {n}", trekker_partner=wereld.gemeente)
        ActieFactory(verbeterpunt=punt, eigenaar_partner=wereld.gemeente, deadline=over(n - 5))
        ActieFactory(verbeterpunt=punt, eigenaar_partner=wereld.politie, deadline=over(-n - 1))
        SignaalFactory(
            team=wereld.team_a,
            buurt=wereld.buurt_a,
            status=SignaalStatus.DOORVERWEZEN,
            doorverwezen_naar=wereld.gemeente,
        )


@pytest.mark.parametrize(
    ("rol", "aantal"),
    [
        # 1 session, 2 user with their partner, 3 the user's scope, 4 teams, 5 buurten of those
        # teams (prefetch), 6 my partner's open actions, 7 signals referred to my partner,
        # 8 points my partner works on (integral and open counts as subqueries), 9 the map
        ("medewerker_gemeente", 9),
        # the same, plus: 10 overdue actions across my teams, 11 triage counts (one aggregate)
        ("teamleider", 11),
        # 1 session, 2 user with their partner, 3 the user's scope, 4 all teams, 5 their buurten
        ("beheerder", 5),
    ],
)
def test_home_vast_aantal_queries_bij_1_en_10(
    wereld, client_voor, django_assert_num_queries, rol, aantal
):
    client = client_voor(wereld[rol])
    _veel_data(wereld, 1)
    client.get(reverse("home"))
    with django_assert_num_queries(aantal):
        weinig = client.get(reverse("home")).content.decode()
    _veel_data(wereld, 9)
    with django_assert_num_queries(aantal):
        veel = client.get(reverse("home")).content.decode()
    if rol != "beheerder":
        assert veel.count("actie-rij") > weinig.count("actie-rij")


def test_home_toont_de_eerste_tien_en_verwijst_naar_de_hele_lijst(wereld, client_voor):
    """Each list on the start page stops at ten rows; the rest is one link away, in the list
    filtered to exactly those rows."""
    gebruiker = wereld["medewerker_politie"]
    for nummer in range(11):
        SignaalFactory(
            team=wereld.team_a,
            buurt=wereld.buurt_a,
            omschrijving=f"Doorverwezen nummer {nummer}",
            status=SignaalStatus.DOORVERWEZEN,
            doorverwezen_naar=wereld.politie,
        )
    punt = snel_punt(wereld, trekker_partner=wereld.politie)
    for nummer in range(11):
        ActieFactory(verbeterpunt=punt, eigenaar_partner=wereld.politie, omschrijving=f"A{nummer}")
    html = _home(client_voor, gebruiker)
    assert html.count('class="list-group-item doorverwezen-signaal"') == 10
    assert html.count('class="actie-rij') == 10
    link = f"/signalen/?status=doorverwezen&amp;doorverwezen_naar={wereld.politie.pk}"
    assert link in html
    assert f"/acties/?status=lopend&amp;eigenaar_partner={wereld.politie.pk}" in html
    # The link leads to all eleven, and only those.
    lijst = client_voor(gebruiker).get(link.replace("&amp;", "&")).content.decode()
    assert lijst.count("Doorverwezen nummer") == 11


def test_home_zonder_meer_geen_verwijzing(wereld, client_voor):
    gebruiker = wereld["medewerker_politie"]
    SignaalFactory(
        team=wereld.team_a,
        buurt=wereld.buurt_a,
        status=SignaalStatus.DOORVERWEZEN,
        doorverwezen_naar=wereld.politie,
    )
    html = _home(client_voor, gebruiker)
    assert html.count('class="list-group-item doorverwezen-signaal"') == 1
    assert "Alle signalen doorverwezen naar mijn organisatie" not in html
