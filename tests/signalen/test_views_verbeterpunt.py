"""Improvement points: list, detail, state changes, and the whole flow from street to point."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from acties.constants import VerbeterpuntStatus
from acties.models import Verbeterpunt
from signalen.models import Signaal, Steun
from tests.buurten.factories import InitiatiefFactory
from tests.signalen.test_views_signaal import (
    controleer,
    hele_buurt,
    inhoud,
    per_rol,
    promoveer,
    signaal_met_steun,
    steun,
)
from tests.signalen.test_views_steun import rij, steun_post

V = VerbeterpuntStatus


def status_post(punt, naar, reden=""):
    punt.refresh_from_db()
    return {"status-naar": naar, "status-reden": reden, "status-versie": punt.versie}


@pytest.fixture
def punt(wereld):
    return promoveer(wereld, signaal_met_steun(wereld, 3), titel="Speelveld schoon")


# --- Access ------------------------------------------------------------------------------------


@pytest.mark.parametrize("rol,verwacht", per_rol(200, beheerder=200, ander_team=200))
def test_verbeterpunt_lijst_per_rol(wereld, client_voor, punt, rol, verwacht):
    antwoord = controleer(
        client_voor, wereld, rol, "get", reverse("acties:verbeterpunt_lijst"), verwacht
    )
    if rol not in ("anoniem", "inactief"):
        assert ("Speelveld schoon" in inhoud(antwoord)) is (rol != "ander_team")


@pytest.mark.parametrize("rol,verwacht", per_rol(200, beheerder=200, ander_team=404))
def test_verbeterpunt_detail_per_rol(wereld, client_voor, punt, rol, verwacht):
    url = reverse("acties:verbeterpunt_detail", args=[punt.pk])
    controleer(client_voor, wereld, rol, "get", url, verwacht)


@pytest.mark.parametrize(
    "rol,verwacht", per_rol(403, teamleider=302, beheerder=403, ander_team=404)
)
def test_verbeterpunt_status_per_rol(wereld, client_voor, punt, rol, verwacht):
    url = reverse("acties:verbeterpunt_status", args=[punt.pk])
    controleer(
        client_voor, wereld, rol, "post", url, verwacht, status_post(punt, V.PLAN_VAN_AANPAK)
    )
    punt.refresh_from_db()
    gelukt = verwacht == 302 and rol not in ("anoniem", "inactief")
    assert punt.status == (V.PLAN_VAN_AANPAK if gelukt else V.VASTGESTELD)
    if rol not in ("anoniem", "inactief"):
        controleer(client_voor, wereld, rol, "get", url, 405)


# --- The whole flow ----------------------------------------------------------------------------


def test_van_straat_tot_verbeterpunt(wereld, client_voor):
    medewerker = client_voor(wereld["medewerker_gemeente"])
    # A medewerker logs a signal on the phone.
    antwoord = medewerker.post(
        reverse("signalen:signaal_nieuw"),
        {
            "buurt": wereld.buurt_a.pk,
            "subgebied": hele_buurt(wereld.buurt_a).pk,
            "thema": wereld_thema(),
            "omschrijving": "Zwerfafval rond het speelveld",
            "kanaal": "straathoekbijeenkomst",
        },
    )
    eerste = Signaal.objects.get()
    assert antwoord["Location"] == reverse("signalen:signaal_detail", args=[eerste.pk])
    # ... and three residents' support in one POST.
    antwoord = medewerker.post(
        reverse("signalen:steun_nieuw", args=[eerste.pk]),
        steun_post(eerste, [rij(1), rij(2), rij(3)]),
        follow=True,
    )
    assert "3 van 3 bewoners" in inhoud(antwoord)
    eerste.refresh_from_db()

    # A medewerker may not promote: 403 and nothing changes.
    promoveren = reverse("acties:signaal_promoveren", args=[eerste.pk])
    data = {"promoveren-versie": eerste.versie, "promoveren-titel": "Schoon speelveld"}
    data["promoveren-prioriteit"] = "normaal"
    controleer(client_voor, wereld, "medewerker_gemeente", "post", promoveren, 403, data)

    # The teamleider promotes it from the triage queue.
    leider = client_voor(wereld["teamleider"])
    assert "Zwerfafval rond het speelveld" in inhoud(leider.get("/triage/"))
    antwoord = leider.post(promoveren + "?next=/triage/", data)
    assert antwoord["Location"] == "/triage/"
    punt = Verbeterpunt.objects.get()
    assert punt.aantal_bewoners == 3

    # A second signal, backed by resident 3 (again) and two new ones: first short ...
    tweede = signaal_met_steun(wereld, 2, start=3, omschrijving="Afval bij de bushalte")
    koppelen = reverse("acties:signaal_promoveren", args=[tweede.pk])
    data = {"promoveren-versie": tweede.versie, "promoveren-verbeterpunt": punt.pk}
    data["promoveren-prioriteit"] = "normaal"
    antwoord = controleer(client_voor, wereld, "teamleider", "post", koppelen, 400, data)
    assert "2 van 3 bewoners steunen dit signaal" in inhoud(antwoord)
    # ... then enough, and attached to the existing point.
    steun(tweede, wereld["medewerker_trajekt"], [5])
    tweede.refresh_from_db()
    data["promoveren-versie"] = tweede.versie
    assert leider.post(koppelen, data).status_code == 302
    punt.refresh_from_db()
    assert Verbeterpunt.objects.count() == 1
    assert punt.signalen.count() == 2
    # Residents 1-3 and 3-5: resident 3 backed both and counts once.
    assert punt.aantal_bewoners == 5
    html = inhoud(leider.get(reverse("acties:verbeterpunt_detail", args=[punt.pk])))
    assert "5 verschillende bewoners steunen dit punt" in html
    assert "Afval bij de bushalte" in html and "Zwerfafval rond het speelveld" in html
    assert "Signaal gekoppeld aan verbeterpunt" in html

    # State changes: in_uitvoering is refused without a committed resident.
    status = reverse("acties:verbeterpunt_status", args=[punt.pk])
    assert leider.post(status, status_post(punt, V.PLAN_VAN_AANPAK)).status_code == 302
    antwoord = controleer(
        client_voor, wereld, "teamleider", "post", status, 400, status_post(punt, V.IN_UITVOERING)
    )
    assert "Nog geen bewoner wil meedoen." in inhoud(antwoord)
    # A resident who wants to help joins through the support form of a linked signal.
    eerste.refresh_from_db()
    medewerker = client_voor(wereld["medewerker_gemeente"])
    antwoord = medewerker.post(
        reverse("signalen:steun_nieuw", args=[eerste.pk]),
        steun_post(eerste, [rij(6, wil_meedoen=True)]),
    )
    assert antwoord.status_code == 302
    leider = client_voor(wereld["teamleider"])
    html = inhoud(leider.get(reverse("acties:verbeterpunt_detail", args=[punt.pk])))
    assert "1 bewoner wil meedoen" in html and "Toegezegd op" in html
    assert "Bewoner6" not in html
    assert leider.post(status, status_post(punt, V.IN_UITVOERING)).status_code == 302
    assert leider.post(status, status_post(punt, V.AFGEROND)).status_code == 302
    punt.refresh_from_db()
    assert punt.status == V.AFGEROND and punt.afgerond_op is not None


def wereld_thema():
    from tests.signalen.factories import ThemaFactory

    return ThemaFactory(naam="Zwerfafval").pk


# --- State changes -----------------------------------------------------------------------------


def test_illegale_overgang_400_met_nederlandse_melding(wereld, client_voor, punt):
    punt.status = V.AFGEROND
    punt.save()
    url = reverse("acties:verbeterpunt_status", args=[punt.pk])
    data = status_post(punt, V.IN_UITVOERING)
    antwoord = controleer(client_voor, wereld, "teamleider", "post", url, 400, data)
    assert "Een verbeterpunt met status &#x27;Afgerond&#x27; kan niet naar" in inhoud(antwoord)


def test_onbekende_status_400(wereld, client_voor, punt):
    url = reverse("acties:verbeterpunt_status", args=[punt.pk])
    data = status_post(punt, "weg")
    antwoord = controleer(client_voor, wereld, "teamleider", "post", url, 400, data)
    assert "Selecteer een geldige keuze" in inhoud(antwoord)


def test_staken_en_heropenen_vragen_een_reden(wereld, client_voor, punt):
    url = reverse("acties:verbeterpunt_status", args=[punt.pk])
    antwoord = controleer(
        client_voor, wereld, "teamleider", "post", url, 400, status_post(punt, V.GESTAAKT)
    )
    assert "Geef een reden op." in inhoud(antwoord)
    client = client_voor(wereld["teamleider"])
    assert client.post(url, status_post(punt, V.GESTAAKT, "Geen trekker")).status_code == 302
    antwoord = controleer(
        client_voor, wereld, "teamleider", "post", url, 400, status_post(punt, V.PLAN_VAN_AANPAK)
    )
    assert "Geef een reden op." in inhoud(antwoord)
    data = status_post(punt, V.PLAN_VAN_AANPAK, "Nieuwe trekker")
    assert client_voor(wereld["teamleider"]).post(url, data).status_code == 302


def test_verouderd_statusformulier_409(wereld, client_voor, punt):
    url = reverse("acties:verbeterpunt_status", args=[punt.pk])
    oud = status_post(punt, V.PLAN_VAN_AANPAK)
    client_voor(wereld["teamleider"]).post(url, status_post(punt, V.GESTAAKT, "Stop"))
    antwoord = controleer(client_voor, wereld, "teamleider", "post", url, 409, oud)
    html = inhoud(antwoord)
    assert "Iemand anders heeft dit intussen gewijzigd" in html
    punt.refresh_from_db()
    assert punt.status == V.GESTAAKT
    assert f'name="status-versie" value="{punt.versie}"' in html


def test_detail_toont_alleen_toegestane_overgangen(wereld, client_voor, punt):
    html = inhoud(
        client_voor(wereld["teamleider"]).get(reverse("acties:verbeterpunt_detail", args=[punt.pk]))
    )
    assert 'value="plan_van_aanpak"' in html and 'value="gestaakt"' in html
    assert 'value="in_uitvoering"' not in html and 'value="afgerond"' not in html
    medewerker = inhoud(
        client_voor(wereld["medewerker_politie"]).get(
            reverse("acties:verbeterpunt_detail", args=[punt.pk])
        )
    )
    assert "status-versie" not in medewerker


def test_loopt_spaak_badge_en_filter(wereld, client_voor, punt):
    Verbeterpunt.objects.filter(pk=punt.pk).update(spaak_na=timezone.now() - timedelta(days=1))
    client = client_voor(wereld["medewerker_gemeente"])
    assert "Loopt spaak" in inhoud(client.get(reverse("acties:verbeterpunt_lijst")))
    detail = inhoud(client.get(reverse("acties:verbeterpunt_detail", args=[punt.pk])))
    assert "Loopt spaak" in detail
    lijst = reverse("acties:verbeterpunt_lijst")
    assert "Speelveld schoon" not in inhoud(client.get(lijst + "?status=afgerond"))
    assert "Speelveld schoon" in inhoud(client.get(lijst + "?status=vastgesteld"))
    # An unknown status is a form error (400) with no rows, not silently the whole list.
    onzin = client.get(lijst + "?status=onzin")
    assert onzin.status_code == 400 and "Speelveld schoon" not in inhoud(onzin)


# --- Query counts ------------------------------------------------------------------------------


def test_verbeterpunt_lijst_vast_aantal_queries(
    wereld, client_voor, punt, django_assert_num_queries
):
    client = client_voor(wereld["medewerker_trajekt"])
    url = reverse("acties:verbeterpunt_lijst")
    client.get(url)
    # 1 session, 2 user, 3 buurt choices (with wijk), 4 theme choices, 5 partner choices,
    # 6 the page of points (one row more, no COUNT) with buurt, subgebied, thema, team and
    # trekker joined, 7 the user's partner (navigation bar)
    with django_assert_num_queries(7):
        client.get(url)
    for nummer in range(9):
        promoveer(wereld, signaal_met_steun(wereld, 3, start=10 * nummer + 10))
    with django_assert_num_queries(7):
        antwoord = client.get(url)
    assert len(re.findall(r'href="/verbeterpunten/\d+/"', inhoud(antwoord))) == 10


def test_verbeterpunt_detail_vast_aantal_queries(
    wereld, client_voor, punt, django_assert_num_queries
):
    punt.initiatieven.add(InitiatiefFactory(buurt=wereld.buurt_a))
    punt.betrokken_partners.add(wereld.politie)
    client = client_voor(wereld["teamleider"])
    url = reverse("acties:verbeterpunt_detail", args=[punt.pk])
    client.get(url)
    # 1 session, 2 user, 3 point with its joins and the user's team membership,
    # 4 betrokken partners, 5 initiatives, 6 linked signals with subgebied, 7 committed
    # residents (also the add-action form's trekkers), 8 the user's partner (navigation bar),
    # 9 timeline with who, 10 actions with owner, 11 team staff for the add-action form (its
    # responsible staff and owner partners), 12 notes with author
    with django_assert_num_queries(12):
        client.get(url)
    from acties.services import actie_aanmaken, notitie_plaatsen

    for nummer in range(9):
        signaal = signaal_met_steun(wereld, 3, start=10 * nummer + 10)
        promoveer(wereld, signaal, verbeterpunt=punt)
        steun(signaal, wereld["medewerker_gemeente"], [10 * nummer + 15], wil_meedoen=True)
        punt.initiatieven.add(InitiatiefFactory(buurt=wereld.buurt_a))
        actie_aanmaken(
            verbeterpunt=punt,
            door=wereld["teamleider"],
            eigenaar_partner=wereld.corporatie,
            omschrijving=f"Actie {nummer}",
            deadline=timezone.localdate() + timedelta(days=nummer + 1),
        )
        notitie_plaatsen(door=wereld["teamleider"], tekst=f"Notitie {nummer}", verbeterpunt=punt)
    with django_assert_num_queries(12):
        antwoord = client.get(url)
    html = inhoud(antwoord)
    assert html.count("Toegezegd op") == 9
    assert Steun.objects.filter(signaal__verbeterpunt=punt).count() == 3 + 9 * 4
