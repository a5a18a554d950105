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
    # 1 session, 2 user, 3 partner, 4 teams, 5 buurten of those teams (prefetch); the session
    # is renewed at most once a minute, not on these requests
    with django_assert_num_queries(5):
        client.get(reverse("home"))
    for _ in range(5):
        TeamFactory(buurten=[BuurtFactory(), BuurtFactory()], leden=[gebruiker])
    with django_assert_num_queries(5):
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
