"""The action pages: list with filters, sorting and pages; create, edit and status; notes; the
pieces the point page includes."""

import re

import pytest
from django.urls import reverse

from acties import services as punt_services
from acties.models import Actie, Notitie
from buurten.bereik import bereik_van
from tests.acties.helpers import (
    ActieFactory,
    actie,
    meedoende_steun,
    over,
    punt_via_services,
    snel_punt,
)
from tests.signalen.factories import ThemaFactory

LIJST = reverse("acties:actie_lijst")


def _rijen(antwoord) -> list[str]:
    """The action descriptions in the list, in order."""
    assert antwoord.status_code == 200
    return re.findall(r'<a href="/acties/\d+/">([^<]+)</a>', antwoord.content.decode())


@pytest.fixture
def lijstdata(wereld):
    groen = ThemaFactory(naam="Groen")
    afval = ThemaFactory(naam="Afval")
    p1 = snel_punt(wereld, thema=groen, titel="Park")
    p2 = snel_punt(wereld, thema=afval, titel="Container")
    pb = snel_punt(wereld, b=True, thema=afval, titel="West")
    maak = lambda punt, naam, **kw: ActieFactory(verbeterpunt=punt, omschrijving=naam, **kw)  # noqa: E731
    return {
        "groen": groen,
        "afval": afval,
        "a": maak(
            p1,
            "Snoeien",
            eigenaar_partner=wereld.gemeente,
            deadline=over(5),
            verantwoordelijke=wereld["medewerker_gemeente"],
        ),
        "b": maak(p1, "Lampen", eigenaar_partner=wereld.politie, deadline=over(-2)),
        "c": maak(
            p2, "Bakken", eigenaar_partner=wereld.gemeente, deadline=over(12), status="bezig"
        ),
        "d": maak(
            p2,
            "Folder",
            eigenaar_partner=wereld.trajekt,
            deadline=over(-9),
            status="gereed",
            resultaat="Verspreid",
        ),
        "west": maak(pb, "Geheim West", eigenaar_partner=wereld.gemeente, deadline=over(1)),
    }


def test_lijst_standaard_te_laat_eerst_en_alleen_eigen_teams(wereld, client_voor, lijstdata):
    rijen = _rijen(client_voor(wereld["medewerker_trajekt"]).get(LIJST))
    assert rijen == ["Lampen", "Folder", "Snoeien", "Bakken"]
    assert "Geheim West" not in rijen
    assert _rijen(client_voor(wereld["ander_team"]).get(LIJST)) == ["Geheim West"]


@pytest.mark.parametrize(
    ("parameters", "verwacht"),
    [
        ({"status": "lopend"}, {"Lampen", "Snoeien", "Bakken"}),
        ({"status": "gereed"}, {"Folder"}),
        ({"te_laat": "true"}, {"Lampen"}),
        ({"te_laat": "false"}, {"Snoeien", "Bakken", "Folder"}),
        ({"deadline_after": "{-3}", "deadline_before": "{6}"}, {"Lampen", "Snoeien"}),
        ({"deadline_after": "{0}"}, {"Snoeien", "Bakken"}),
    ],
)
def test_lijst_filters(wereld, client_voor, lijstdata, parameters, verwacht):
    data = {
        k: (over(int(v[1:-1])).isoformat() if v.startswith("{") else v)
        for k, v in parameters.items()
    }
    assert set(_rijen(client_voor(wereld["teamleider"]).get(LIJST, data))) == verwacht


def test_lijst_filters_op_partner_buurt_thema_verantwoordelijke(wereld, client_voor, lijstdata):
    client = client_voor(wereld["teamleider"])
    assert set(_rijen(client.get(LIJST, {"eigenaar_partner": wereld.gemeente.pk}))) == {
        "Snoeien",
        "Bakken",
    }
    assert set(_rijen(client.get(LIJST, {"thema": lijstdata["groen"].pk}))) == {
        "Snoeien",
        "Lampen",
    }
    assert len(_rijen(client.get(LIJST, {"buurt": wereld.buurt_a.pk}))) == 4
    assert _rijen(client.get(LIJST, {"verantwoordelijke": wereld["medewerker_gemeente"].pk})) == [
        "Snoeien"
    ]


@pytest.mark.security
def test_filter_op_buurt_van_ander_team_geeft_niets(wereld, client_voor, lijstdata):
    antwoord = client_voor(wereld["teamleider"]).get(LIJST, {"buurt": wereld.buurt_b.pk})
    assert antwoord.status_code == 400  # not a valid choice: a form error, no rows
    assert re.findall(r'<a href="/acties/\d+/">', antwoord.content.decode()) == []
    assert "Geheim West" not in antwoord.content.decode()
    assert "Mariaberg" not in antwoord.content.decode()  # not even offered as a choice


def test_lijst_sorteren(wereld, client_voor, lijstdata):
    client = client_voor(wereld["teamleider"])
    assert _rijen(client.get(LIJST, {"sortering": "deadline"})) == [
        "Folder",
        "Lampen",
        "Snoeien",
        "Bakken",
    ]
    assert _rijen(client.get(LIJST, {"sortering": "-deadline"}))[0] == "Bakken"
    assert _rijen(client.get(LIJST, {"sortering": "status"}))[0] == "Bakken"  # bezig < gereed
    assert len(_rijen(client.get(LIJST, {"sortering": "buurt"}))) == 4


def test_lijst_pagineert_per_25_en_houdt_filters_vast(wereld, client_voor, punt):
    for n in range(30):
        ActieFactory(verbeterpunt=punt, eigenaar_partner=wereld.gemeente, deadline=over(n))
    client = client_voor(wereld["teamleider"])
    antwoord = client.get(LIJST, {"status": "open", "sortering": "deadline"})
    assert len(_rijen(antwoord)) == 25
    inhoud = antwoord.content.decode()
    assert "?status=open&amp;sortering=deadline&amp;pagina=2" in inhoud
    tweede = client.get(LIJST, {"status": "open", "sortering": "deadline", "pagina": 2})
    assert len(_rijen(tweede)) == 5


@pytest.mark.parametrize("aantal_extra", [0, 9])
def test_lijst_vast_aantal_queries(
    wereld, client_voor, punt, django_assert_num_queries, aantal_extra
):
    client = client_voor(wereld["teamleider"])
    for n in range(1 + aantal_extra):
        ander = snel_punt(wereld, thema=ThemaFactory(naam=f"Thema {n}"))
        ActieFactory(
            verbeterpunt=ander,
            eigenaar_partner=wereld.politie,
            verantwoordelijke=wereld["medewerker_politie"],
        )
    client.get(LIJST)
    # 1 session, 2 user, 3 the user's partner (page header), 4 partner choices,
    # 5 buurt choices, 6 theme choices, 7 responsible-person choices, 8 the page of actions
    # (one row more, no COUNT; with point, buurt, theme, owner, responsible person joined)
    with django_assert_num_queries(8):
        antwoord = client.get(LIJST, {"status": "lopend"})
    assert len(_rijen(antwoord)) == 1 + aantal_extra


# --- Create, edit, status --------------------------------------------------------------------


def test_actie_aanmaken_via_formulier(wereld, client_voor, punt):
    client = client_voor(wereld["medewerker_politie"])
    url = reverse("acties:actie_nieuw", args=[punt.pk])
    formulier = client.get(url).content.decode()
    eigenaar = re.search(r'<select name="eigenaar".*?</select>', formulier, re.S).group(0)
    assert f'<option value="{wereld.politie.pk}"' in eigenaar
    assert f'<option value="{wereld.gemeente.pk}"' not in eigenaar  # only own partner offered
    assert "Gemeente Maastricht" not in formulier.split('name="verantwoordelijke"')[1]
    assert 'for="id_deadline"' in formulier and 'type="date"' in formulier
    antwoord = client.post(
        url,
        {
            "omschrijving": "Extra surveillance",
            "eigenaar": wereld.politie.pk,
            "verantwoordelijke": wereld["medewerker_politie"].pk,
            "deadline": over(7).isoformat(),
        },
    )
    nieuw = Actie.objects.get()
    assert antwoord.status_code == 302 and antwoord["Location"] == f"/acties/{nieuw.pk}/"
    assert nieuw.eigenaar_partner == wereld.politie


def test_formulierfouten_in_het_nederlands_bij_het_veld(wereld, client_voor, punt):
    client = client_voor(wereld["teamleider"])
    antwoord = client.post(
        reverse("acties:actie_nieuw", args=[punt.pk]),
        {
            "omschrijving": "Iets",
            "eigenaar": wereld.gemeente.pk,
            "verantwoordelijke": wereld["medewerker_politie"].pk,
            "deadline": over(-1).isoformat(),
        },
    )
    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert "De deadline ligt in het verleden." in inhoud
    assert not Actie.objects.exists()


def test_teamleider_maakt_bewonersactie_via_formulier(wereld, client_voor):
    punt = punt_via_services(wereld)
    client = client_voor(wereld["teamleider"])
    url = reverse("acties:actie_nieuw", args=[punt.pk])
    assert 'value="bewoners"' in client.get(url).content.decode()
    antwoord = client.post(
        url, {"omschrijving": "Buurtschoonmaak", "eigenaar": "bewoners", "deadline": over(9)}
    )
    assert antwoord.status_code == 400
    assert "Kies een meedoende bewoner als trekker." in antwoord.content.decode()
    antwoord = client.post(
        url,
        {
            "omschrijving": "Buurtschoonmaak",
            "eigenaar": "bewoners",
            "trekker": meedoende_steun(punt).pk,
            "deadline": over(9),
        },
    )
    assert antwoord.status_code == 302
    assert Actie.objects.get().eigenaar_bewoners


def test_actie_bewerken(wereld, client_voor, punt):
    a = actie(wereld, punt, door="medewerker_gemeente")
    client = client_voor(wereld["medewerker_gemeente"])
    url = reverse("acties:actie_bewerken", args=[a.pk])
    assert "Extra afvalbakken plaatsen" in client.get(url).content.decode()
    data = {
        "omschrijving": "Nieuwe tekst",
        "eigenaar": wereld.gemeente.pk,
        "deadline": over(3).isoformat(),
        "versie": 1,
    }
    assert client.post(url, data).status_code == 302
    a.refresh_from_db()
    assert a.omschrijving == "Nieuwe tekst" and a.versie == 2
    antwoord = client.post(url, {**data, "omschrijving": "Verouderd"})  # stale version
    assert antwoord.status_code == 409
    assert "Iemand anders heeft deze actie intussen gewijzigd" in antwoord.content.decode()


def test_status_gereed_vraagt_resultaat(wereld, client_voor, punt):
    a = actie(wereld, punt, door="medewerker_gemeente")
    client = client_voor(wereld["medewerker_gemeente"])
    url = reverse("acties:actie_status", args=[a.pk])
    assert client.post(url, {"naar": "bezig"}).status_code == 302
    assert "Resultaat" in client.get(url, {"naar": "gereed"}).content.decode()
    antwoord = client.post(url, {"naar": "gereed"})
    assert antwoord.status_code == 400
    assert "Beschrijf het resultaat" in antwoord.content.decode()
    assert client.post(url, {"naar": "gereed", "resultaat": "Geplaatst"}).status_code == 302
    a.refresh_from_db()
    assert a.status == "gereed"
    # a closed action has no status form and cannot be edited any more
    assert (
        "Status wijzigen"
        not in client.get(reverse("acties:actie_detail", args=[a.pk])).content.decode()
    )
    assert client.get(reverse("acties:actie_bewerken", args=[a.pk])).status_code == 302


def test_statusformulier_vanaf_home_met_next_keert_terug(wereld, client_voor, punt):
    """The "Gereed melden" link from the home page carries ?next=; it once gave a 500."""
    a = actie(wereld, punt, door="medewerker_gemeente")
    client = client_voor(wereld["medewerker_gemeente"])
    url = reverse("acties:actie_status", args=[a.pk])
    antwoord = client.get(url, {"naar": "vervallen", "next": reverse("home")})
    assert antwoord.status_code == 200
    assert f'name="next" value="{reverse("home")}"' in antwoord.content.decode()
    antwoord = client.post(url, {"naar": "vervallen", "reden": "Dubbel", "next": reverse("home")})
    assert antwoord["Location"] == reverse("home")


def test_status_vervallen_vraagt_reden(wereld, client_voor, punt):
    a = actie(wereld, punt)
    client = client_voor(wereld["teamleider"])
    url = reverse("acties:actie_status", args=[a.pk])
    assert client.post(url, {"naar": "vervallen"}).status_code == 400
    a.refresh_from_db()
    assert a.status == "open"


def test_next_buiten_de_site_wordt_genegeerd(wereld, client_voor, punt):
    a = actie(wereld, punt)
    antwoord = client_voor(wereld["teamleider"]).post(
        reverse("acties:actie_status", args=[a.pk]),
        {"naar": "bezig", "next": "https://kwaadaardig.example/"},
    )
    assert antwoord["Location"] == f"/acties/{a.pk}/"


def test_detail_toont_geschiedenis(wereld, client_voor, punt):
    a = actie(wereld, punt)
    inhoud = (
        client_voor(wereld["medewerker_trajekt"])
        .get(reverse("acties:actie_detail", args=[a.pk]))
        .content.decode()
    )
    assert "Actie aangemaakt" in inhoud
    assert "Bewerken" not in inhoud  # trajekt may not change the gemeente's action


# --- Notes and the point's pieces ------------------------------------------------------------


def test_notitie_plaatsen(wereld, client_voor, punt):
    client = client_voor(wereld["medewerker_politie"])
    antwoord = client.post(
        reverse("acties:notitie_nieuw", args=[punt.pk]),
        {"tekst": "Melding via wijkagent", "vertrouwelijk": "on", "next": "/"},
    )
    assert antwoord.status_code == 302 and antwoord["Location"] == "/"
    notitie = Notitie.objects.get()
    assert notitie.vertrouwelijk and notitie.partner == wereld.politie
    leeg = client.post(reverse("acties:notitie_nieuw", args=[punt.pk]), {"tekst": ""})
    assert leeg.status_code == 400
    assert Notitie.objects.count() == 1


def _punt_pagina(client_voor, user, punt) -> str:
    """The point's page as this user sees it (its actions and notes sections included)."""
    antwoord = client_voor(user).get(reverse("acties:verbeterpunt_detail", args=[punt.pk]))
    assert antwoord.status_code == 200
    return antwoord.content.decode()


@pytest.mark.security
def test_notities_verbergen_vertrouwelijke_notities_van_andere_partners(wereld, punt, client_voor):
    punt_services.notitie_plaatsen(
        door=wereld["medewerker_politie"],
        verbeterpunt=punt,
        tekst="Politie-info",
        vertrouwelijk=True,
    )
    punt_services.notitie_plaatsen(
        door=wereld["medewerker_gemeente"], verbeterpunt=punt, tekst="Open notitie"
    )
    voor_gemeente = _punt_pagina(client_voor, wereld["medewerker_gemeente"], punt)
    assert "Open notitie" in voor_gemeente and "Politie-info" not in voor_gemeente
    assert 'name="tekst"' in voor_gemeente  # a team member may write
    voor_politie = _punt_pagina(client_voor, wereld["medewerker_politie"], punt)
    assert "Politie-info" in voor_politie and "Vertrouwelijk" in voor_politie
    voor_beheerder = _punt_pagina(client_voor, wereld["beheerder"], punt)
    assert "Politie-info" not in voor_beheerder and 'name="tekst"' not in voor_beheerder


def test_acties_groeperen_per_eigenaar_met_formulier(wereld, client_voor):
    punt = punt_via_services(wereld, in_uitvoering=True)
    actie(wereld, punt, partner=wereld.politie, omschrijving="Surveilleren")
    actie(wereld, punt, partner=wereld.gemeente, omschrijving="Bakken")
    actie(
        wereld,
        punt,
        eigenaar_bewoners=True,
        trekker=meedoende_steun(punt),
        omschrijving="Opruimdag",
    )
    inhoud = _punt_pagina(client_voor, wereld["teamleider"], punt)
    koppen = re.findall(r'class="h6 mt-3 eigenaar-groep">([^<]+)<', inhoud)
    assert koppen == ["Gemeente Maastricht", "Politie Limburg", "Bewoners"]
    assert "Integraal" in inhoud
    assert 'action="/acties/verbeterpunt/' in inhoud  # add form
    assert "Verbeterpunt afronden" in inhoud  # teamleider, point in uitvoering
    medewerker = _punt_pagina(client_voor, wereld["medewerker_trajekt"], punt)
    assert "Actie toevoegen" in medewerker and "Verbeterpunt afronden" not in medewerker
    beheerder = _punt_pagina(client_voor, wereld["beheerder"], punt)
    assert "Surveilleren" in beheerder and "Actie toevoegen" not in beheerder


def test_afronden_via_view_met_vervallen(wereld, client_voor):
    punt = punt_via_services(wereld, in_uitvoering=True)
    a = actie(wereld, punt)
    client = client_voor(wereld["teamleider"])
    url = reverse("acties:verbeterpunt_afronden", args=[punt.pk])
    antwoord = client.post(url, {"reden": "Klaar"})
    assert antwoord.status_code == 400
    assert "Er staat nog 1 open actie" in antwoord.content.decode()
    antwoord = client.post(url, {"reden": "Klaar", "open_acties_vervallen": "on"})
    assert antwoord.status_code == 302
    a.refresh_from_db()
    punt.refresh_from_db()
    assert a.status == "vervallen" and punt.status == "afgerond"


@pytest.mark.parametrize("sortering", ["", "deadline", "-deadline"])
def test_pagina_s_volgen_de_volgorde_van_de_hele_lijst(wereld, client_voor, sortering):
    """A page's ids are cut from the sorted, filtered set first and then fetched with their joins
    (vbt.lijsten.paginering, ids_eerst): pages together are the whole list, in its order."""
    punt = snel_punt(wereld, titel="Veel")
    for i in range(30):
        ActieFactory(
            verbeterpunt=punt,
            omschrijving=f"Stap {i:02d}",
            eigenaar_partner=wereld.gemeente,
            deadline=over(i - 10),
            status="gereed" if i % 7 == 0 else "open",
            resultaat="Klaar" if i % 7 == 0 else "",
        )
    client = client_voor(wereld["medewerker_trajekt"])
    parameters = {"sortering": sortering} if sortering else {}
    pagina_1 = _rijen(client.get(LIJST, parameters))
    pagina_2 = _rijen(client.get(LIJST, {**parameters, "pagina": 2}))
    assert len(pagina_1) == 25
    assert len(pagina_2) == 5
    from acties.filters import ActieFilter
    from acties.selectors import acties_voor

    user = wereld["medewerker_trajekt"]
    verwacht = [
        a.omschrijving
        for a in ActieFilter(
            parameters, queryset=acties_voor(bereik_van(user)), bereik=bereik_van(user)
        ).qs
    ]
    assert pagina_1 + pagina_2 == verwacht
