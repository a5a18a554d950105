"""The main flows of issue 6 in a real browser, each as its demo user does it.

The flows tell one story — a signal from a street-corner meeting becomes a point, its actions
get done, the point is finished — but every test sets up its own starting point through the
services (``tests.browser.verhaal``), so each runs alone and in any order.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tests.browser import verhaal
from tests.browser.hulp import (
    apparaat,
    assert_toegankelijk,
    expect,
    inloggen,
    screenshot,
    url,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MELDING = ".meldingen"


def _klik_en_wacht(page, locator):
    """Click something that loads a new page and return that page's response."""
    with page.expect_navigation() as navigatie:
        locator.click()
    return navigatie.value


def _menu(page, naam):
    """Follow a main-menu link; on a phone the menu opens behind its toggler first."""
    if apparaat(page) == "telefoon":
        page.get_by_role("button", name="Menu openen of sluiten").click()
    _klik_en_wacht(
        page, page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name=naam)
    )


def _bewoner(page, nummer, postcode, huisnummer, naam, *, meedoen=False):
    rij = page.locator("fieldset").filter(has=page.get_by_text(f"Bewoner {nummer}", exact=True))
    rij.get_by_label("Postcode").fill(postcode)
    rij.get_by_label("Huisnummer").fill(huisnummer)
    rij.get_by_label("Naam of voorletter").fill(naam)
    if meedoen:
        rij.get_by_label("Wil meedoen").check()


# --- 1. gemeente, on a phone: a signal from a street-corner meeting, three residents back it ---


def test_1_gemeente_registreert_signaal_en_steun_van_drie_bewoners_op_telefoon(
    telefoon, live_server, demo_data
):
    page = telefoon
    inloggen(page, live_server, "gemeente")
    _menu(page, "Signaal registreren")
    expect(page.get_by_role("heading", level=1)).to_have_text("Signaal registreren")

    page.get_by_label("Buurt").select_option(label="Wittevrouwenveld")
    # htmx fills the subgebieden of the chosen buurt.
    subgebied = page.get_by_label("Subgebied")
    expect(subgebied.locator("option", has_text="Mgr. Nolensplein")).to_have_count(1)
    subgebied.select_option(label="Mgr. Nolensplein")
    page.get_by_label("Thema").select_option(label="Zwerfvuil")
    page.get_by_label("Omschrijving").fill("Glasscherven rond de bankjes op het Nolensplein.")
    page.get_by_label("Kanaal").select_option(label="Straathoekbijeenkomst")
    page.get_by_label("Activiteit").select_option(index=1)  # the demo's street-corner meeting
    _klik_en_wacht(page, page.get_by_role("button", name="Signaal opslaan"))

    expect(page.locator(MELDING)).to_contain_text("Het signaal is geregistreerd.")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nieuw")
    _klik_en_wacht(page, page.get_by_role("link", name="Steun toevoegen"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Steun toevoegen")
    expect(page.get_by_label("Kanaal")).to_have_value("straathoekbijeenkomst")
    _bewoner(page, 1, "6224 AB", "12", "Ans", meedoen=True)
    _bewoner(page, 2, "6224 AB", "14", "Bram")
    _bewoner(page, 3, "6224 AC", "3", "C")
    _klik_en_wacht(page, page.get_by_role("button", name="Steun opslaan"))

    expect(page.locator(MELDING)).to_contain_text("Steun van 3 bewoner(s) geregistreerd.")
    draagvlak = page.get_by_role("region", name="Draagvlak")
    expect(draagvlak).to_contain_text("3 van 3 bewoners")
    expect(draagvlak).to_contain_text("Drempel bereikt: 3 van 3 bewoners")
    expect(draagvlak).to_contain_text("1 bewoner wil meedoen")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Draagvlak bereikt")
    expect(page.get_by_role("region", name="Steun")).to_contain_text("3 steunbetuigingen")
    screenshot(page, "stroom1-draagvlak-bereikt-telefoon")
    assert_toegankelijk(page)


# --- 2. teamleider: triage, a refusal with its reason, a promotion, two actions ---------------


def test_2_teamleider_promoveert_in_triage_en_wijst_acties_toe(pagina, live_server, demo_data):
    page = pagina
    zwak = verhaal.signaal("Hondenpoep op het grasveld aan de Kapoenstraat.", steun=1, start=300)
    sterk = verhaal.signaal(
        "Onveilige oversteek bij de Sint-Maartenspoort.", steun=3, meedoen=1, start=310
    )
    assert (zwak.status, sterk.status) == ("nieuw", "draagvlak_bereikt")

    inloggen(page, live_server, "teamleider")
    _menu(page, "Triage")
    expect(page.get_by_role("heading", level=1)).to_have_text("Triage")
    kaart_zwak = page.get_by_role("article").filter(has_text="Hondenpoep op het grasveld")
    kaart_sterk = page.get_by_role("article").filter(has_text="Sint-Maartenspoort")
    expect(kaart_zwak).to_contain_text("1 van 3 bewoners")
    expect(kaart_sterk).to_contain_text("Draagvlak bereikt")
    # The supported signal comes first in the queue.
    teksten = page.get_by_role("article").all_inner_texts()
    plek = [i for i, t in enumerate(teksten) if "Sint-Maartenspoort" in t or "Hondenpoep" in t]
    assert "Sint-Maartenspoort" in teksten[plek[0]], teksten

    # Promoting the unsupported signal is refused, and the page says why.
    kaart_zwak.locator("summary", has_text="Verbeterpunt maken").click()
    antwoord = _klik_en_wacht(page, kaart_zwak.get_by_role("button", name="Verbeterpunt maken"))
    assert antwoord.status == 400
    fout = page.get_by_role("main").locator(".alert-danger, .invalid-feedback").first
    expect(fout).to_contain_text("Dit signaal kan nog geen verbeterpunt worden.")
    expect(page.get_by_role("main")).to_contain_text("Nog 2 bewoners nodig")
    # The promotion's own page, with the signal and its status.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verbeterpunt maken")
    expect(page.get_by_role("main")).to_contain_text("Hondenpoep op het grasveld")
    expect(page.get_by_role("main").locator(".badge").first).to_contain_text("Nieuw")
    screenshot(page, "stroom2-promoveren-geweigerd-desktop")
    assert_toegankelijk(page)

    # The supported one becomes a new point.
    _menu(page, "Triage")
    kaart_sterk.locator("summary", has_text="Verbeterpunt maken").click()
    kaart_sterk.get_by_label("Titel").fill("Veilige oversteek Sint-Maartenspoort")
    kaart_sterk.get_by_label("Prioriteit").select_option(label="Hoog")
    _klik_en_wacht(page, kaart_sterk.get_by_role("button", name="Verbeterpunt maken"))
    expect(page.locator(MELDING)).to_contain_text("Het signaal is een verbeterpunt geworden.")
    expect(page.get_by_role("article").filter(has_text="Sint-Maartenspoort")).to_have_count(0)

    _menu(page, "Verbeterpunten")
    _klik_en_wacht(page, page.get_by_role("link", name="Veilige oversteek Sint-Maartenspoort"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Veilige oversteek Sint-Maartenspoort"
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vastgesteld")
    punt = page.get_by_role("region", name="Het verbeterpunt")
    expect(punt).to_contain_text("Hoog")
    expect(page.get_by_role("region", name="Gekoppelde signalen")).to_contain_text(
        "Onveilige oversteek bij de Sint-Maartenspoort."
    )

    deadline = (timezone.localdate() + timedelta(days=21)).isoformat()
    for partner, tekst in [
        ("Gemeente Maastricht", "Tijdelijke verkeersregelaar bij schooltijden"),
        ("Servatius", "Bewoners van de flat informeren over de nieuwe oversteek"),
    ]:
        acties = page.get_by_role("region", name="Acties")
        acties.locator("summary", has_text="Actie toevoegen").click()
        acties.get_by_label("Omschrijving").fill(tekst)
        acties.get_by_label("Eigenaar").select_option(label=partner)
        acties.get_by_label("Deadline").fill(deadline)
        _klik_en_wacht(page, acties.get_by_role("button", name="Actie toevoegen"))
        expect(page.locator(MELDING)).to_contain_text("De actie is toegevoegd.")

    acties = page.get_by_role("region", name="Acties")
    for partner, tekst in [
        ("Gemeente Maastricht", "Tijdelijke verkeersregelaar"),
        ("Servatius", "Bewoners van de flat informeren"),
    ]:
        groep = acties.locator("h3", has_text=partner)
        expect(groep).to_have_count(1)
        expect(groep.locator("xpath=following-sibling::ul[1]")).to_contain_text(tekst)
    expect(page.get_by_role("region", name="Tijdlijn")).to_contain_text("Actie aangemaakt")
    screenshot(page, "stroom2-verbeterpunt-met-acties-desktop")
    assert_toegankelijk(page)


# --- 3. corporatie does its own action; politie cannot touch it -------------------------------


def test_3_corporatie_rondt_eigen_actie_af_politie_niet(
    pagina, nieuwe_pagina, live_server, demo_data
):
    punt = verhaal.verbeterpunt("Opgeruimde portieken Nolensplein")
    eigen = verhaal.actie(punt, "Servatius", "Grofvuil uit de bergingen laten ophalen")
    verhaal.actie(punt, "Gemeente Maastricht", "Extra prullenbakken plaatsen")

    page = pagina
    inloggen(page, live_server, "corporatie")
    mijn = page.get_by_role("region", name="Open acties van Servatius")
    expect(mijn).to_contain_text("Grofvuil uit de bergingen")
    expect(mijn).not_to_contain_text("Extra prullenbakken")
    expect(mijn.locator("tbody tr")).to_have_count(1)

    _klik_en_wacht(page, mijn.get_by_role("button", name=f"Start actie {eigen.pk}"))
    expect(page.locator(MELDING)).to_contain_text("De status van de actie is nu 'Bezig'.")
    mijn = page.get_by_role("region", name="Open acties van Servatius")
    _klik_en_wacht(page, mijn.get_by_role("link", name=f"Gereed melden actie {eigen.pk}"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Status van de actie")
    expect(page.get_by_label("Nieuwe status")).to_have_value("gereed")
    page.get_by_label("Resultaat").fill("Veertien bergingen leeggehaald, 3 m³ grofvuil afgevoerd.")
    screenshot(page, "stroom3-actie-gereed-melden-desktop")
    _klik_en_wacht(page, page.get_by_role("button", name="Opslaan"))

    expect(page.locator(MELDING)).to_contain_text("De status van de actie is nu 'Gereed'.")
    expect(page.get_by_role("region", name="Open acties van Servatius")).to_contain_text(
        "Geen open acties voor uw organisatie."
    )
    page.goto(url(live_server, "acties:actie_detail", eigen.pk))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gereed")
    expect(page.get_by_role("main")).to_contain_text("3 m³ grofvuil afgevoerd")

    # The politie sees the point's actions, but may neither update nor edit the corporatie's.
    politie = nieuwe_pagina("desktop")
    inloggen(politie, live_server, "politie")
    expect(
        politie.get_by_role("region", name="Open acties van Politie Limburg")
    ).not_to_contain_text("Grofvuil")
    for naam in ("acties:actie_status", "acties:actie_bewerken"):
        antwoord = politie.goto(url(live_server, naam, eigen.pk))
        assert antwoord.status == 403, (naam, antwoord.status)
        expect(politie.get_by_role("heading", level=1)).to_have_text("Geen toegang")
        expect(politie.get_by_role("main")).to_contain_text("U hebt geen toestemming")
    antwoord = politie.goto(url(live_server, "acties:actie_detail", eigen.pk))
    expect(politie.get_by_role("region", name="Status wijzigen")).to_have_count(0)
    expect(politie.get_by_role("link", name="Bewerken")).to_have_count(0)
    screenshot(politie, "stroom3-politie-geen-knoppen-desktop")


# --- 4. teamleider: in uitvoering once a resident commits, then afgerond ----------------------


def test_4_teamleider_zet_punt_in_uitvoering_en_rondt_af(pagina, live_server, demo_data):
    from acties.constants import VerbeterpuntStatus

    punt = verhaal.verbeterpunt(
        "Speelplek Kapoenstraat opknappen", meedoen=0, status=VerbeterpuntStatus.PLAN_VAN_AANPAK
    )
    page = pagina
    inloggen(page, live_server, "teamleider")
    _menu(page, "Verbeterpunten")
    _klik_en_wacht(page, page.get_by_role("link", name="Speelplek Kapoenstraat opknappen"))
    kop = page.get_by_role("heading", level=1)
    expect(kop).to_contain_text("Plan van aanpak")

    # Nobody wants to help carry it yet: refused, with the reason.
    status = page.get_by_role("region", name="Status wijzigen")
    antwoord = _klik_en_wacht(page, status.get_by_role("button", name="In uitvoering"))
    assert antwoord.status == 400
    expect(page.get_by_role("main")).to_contain_text("Nog geen bewoner wil meedoen")
    expect(kop).to_contain_text("Plan van aanpak")

    # A resident commits, recorded on the point's signal.
    _klik_en_wacht(
        page,
        page.get_by_role("region", name="Gekoppelde signalen").get_by_role("link").first,
    )
    _klik_en_wacht(page, page.get_by_role("link", name="Steun toevoegen"))
    _bewoner(page, 1, "6224 CE", "7", "Dirk", meedoen=True)
    _klik_en_wacht(page, page.get_by_role("button", name="Steun opslaan"))
    expect(page.locator(MELDING)).to_contain_text("Steun van 1 bewoner(s) geregistreerd.")
    _klik_en_wacht(page, page.get_by_role("link", name="Speelplek Kapoenstraat opknappen").first)
    expect(page.get_by_role("region", name="Bewoners")).to_contain_text("1 bewoner wil meedoen")

    for naar in ("In uitvoering", "Afgerond"):
        status = page.get_by_role("region", name="Status wijzigen")
        _klik_en_wacht(page, status.get_by_role("button", name=naar, exact=True))
        expect(page.locator(MELDING)).to_contain_text(f"De status is gewijzigd in '{naar}'.")
        expect(kop).to_contain_text(naar)

    tijdlijn = page.get_by_role("region", name="Tijdlijn")
    for stap in ("Plan van aanpak", "In uitvoering", "Afgerond"):
        expect(tijdlijn).to_contain_text(f"Status verbeterpunt gewijzigd: {stap}")
    expect(page.get_by_role("region", name="Status wijzigen")).not_to_contain_text("Afgerond")
    punt.refresh_from_db()
    assert punt.status == VerbeterpuntStatus.AFGEROND
    screenshot(page, "stroom4-verbeterpunt-afgerond-desktop")
    assert_toegankelijk(page)


# --- 5. beheerder: a subgebied and a user in the admin; the new user logs in ------------------


def test_5_beheerder_voegt_subgebied_en_gebruiker_toe(
    pagina, nieuwe_pagina, live_server, demo_data
):
    from buurten.models import Subgebied
    from partners.models import Medewerker

    page = pagina
    inloggen(page, live_server, "beheerder")
    _klik_en_wacht(page, page.get_by_role("link", name="Naar het beheer"))
    expect(page.locator("#site-name")).to_contain_text("VBT casusregistratie – beheer")

    page.goto(url(live_server, "admin:buurten_subgebied_add"))
    page.get_by_label("Naam").fill("Kapoenstraat")
    # The buurt is an autocomplete (select2, under our CSP).
    page.locator("#div_id_buurt .select2-selection, .field-buurt .select2-selection").first.click()
    page.locator(".select2-search__field").fill("Wittevrouw")
    page.locator(".select2-results__option", has_text="Wittevrouwenveld").click()
    page.get_by_label("Soort").select_option(label="Straat")
    _klik_en_wacht(page, page.get_by_role("button", name="Opslaan", exact=True))
    expect(page.locator(".messagelist")).to_contain_text("Kapoenstraat")
    expect(page.locator(".messagelist")).to_contain_text("toegevoegd")
    assert Subgebied.objects.filter(naam="Kapoenstraat", buurt__naam="Wittevrouwenveld").exists()

    page.goto(url(live_server, "admin:partners_medewerker_add"))
    page.get_by_label("Gebruikersnaam").fill("wijkagent")
    page.get_by_label("Partner").select_option(label="Politie Limburg")
    page.get_by_label("Rol").select_option(label="Medewerker")
    page.locator("#id_password1").fill("Buurt-Veilig-2026!")
    page.locator("#id_password2").fill("Buurt-Veilig-2026!")
    _klik_en_wacht(page, page.get_by_role("button", name="Opslaan", exact=True))
    expect(page.locator(".messagelist")).to_contain_text("wijkagent")
    expect(page.locator(".messagelist")).to_contain_text("toegevoegd")
    screenshot(page, "stroom5-beheer-gebruiker-toegevoegd-desktop")
    assert Medewerker.objects.get(username="wijkagent").partner.naam == "Politie Limburg"

    nieuw = nieuwe_pagina("telefoon")
    inloggen(nieuw, live_server, "wijkagent", password="Buurt-Veilig-2026!")
    assert nieuw.url == url(live_server, "home")
    hoofd = nieuw.get_by_role("main")
    expect(hoofd.get_by_role("heading", level=1)).to_have_text("Welkom, wijkagent")
    expect(hoofd).to_contain_text("Politie Limburg")
    expect(hoofd).to_contain_text("U bent nog geen lid van een team.")
    screenshot(nieuw, "stroom5-nieuwe-gebruiker-start-telefoon")


# --- 6. lockout after five wrong passwords, the same for an unknown name ---------------------


def _blokkeer(page, live_server, username):
    """Five wrong passwords, then the right one (or any): returns the last response."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        inloggen(page, live_server, username, password="verkeerd-wachtwoord")
    page.goto(url(live_server, "login"))
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("vbt-demo")
    return _klik_en_wacht(page, page.get_by_role("button", name="Inloggen"))


def test_6_vijf_foute_wachtwoorden_blokkeren_zonder_te_verraden_of_account_bestaat(
    pagina, nieuwe_pagina, live_server, demo_data
):
    antwoord = _blokkeer(pagina, live_server, "gemeente")
    assert antwoord.status == 429
    hoofd = pagina.get_by_role("main")
    expect(hoofd.get_by_role("heading", level=1)).to_have_text("Inloggen tijdelijk geblokkeerd")
    expect(hoofd).to_contain_text("Er is te vaak een verkeerd wachtwoord ingevoerd.")
    expect(hoofd).to_contain_text("Probeer het over 15 minuten opnieuw.")
    expect(hoofd).not_to_contain_text("gemeente")
    expect(pagina.get_by_role("button", name="Uitloggen")).to_have_count(0)
    screenshot(pagina, "stroom6-geblokkeerd-desktop")
    assert_toegankelijk(pagina)

    onbekend = nieuwe_pagina("desktop")
    antwoord = _blokkeer(onbekend, live_server, "bestaat-niet")
    assert antwoord.status == 429
    assert onbekend.get_by_role("main").inner_text() == hoofd.inner_text()
    assert reverse("login") in onbekend.url
