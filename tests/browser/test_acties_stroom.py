"""Issue 4 in the browser, as the demo users do it: the teamleider assigns actions to the
gemeente and the corporatie; the gemeente sees only its own to update and marks it done; the
politie cannot change it; the point's timeline shows every step."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.hulp import assert_toegankelijk, expect, inloggen, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _uitloggen(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


def test_teamleider_wijst_acties_toe_gemeente_rondt_af(pagina, live_server, demo_data):
    from acties.models import Actie, Verbeterpunt

    page = pagina
    punt = Verbeterpunt.objects.get(titel="Schoon Nolensplein")
    punt_url = f"{live_server.url}/verbeterpunten/{punt.pk}/"
    deadline = (timezone.localdate() + timedelta(days=14)).isoformat()

    inloggen(page, live_server, "teamleider")
    for partner, tekst in [
        ("Gemeente Maastricht", "Extra veegronde rond de flats"),
        ("Servatius", "Containerplaatsen bij portiek 12-20 opknappen"),
    ]:
        page.goto(punt_url)
        page.locator("summary", has_text="Actie toevoegen").click()
        page.get_by_label("Omschrijving").fill(tekst)
        page.get_by_label("Eigenaar").select_option(label=partner)
        page.get_by_label("Deadline").fill(deadline)
        page.get_by_role("button", name="Actie toevoegen").click()
        page.wait_for_load_state()
        expect(page.locator("main")).to_contain_text(tekst)
    screenshot(page, "verbeterpunt-met-acties-desktop")
    assert_toegankelijk(page)
    _uitloggen(page)

    gemeente_actie = Actie.objects.get(omschrijving="Extra veegronde rond de flats")
    corporatie_actie = Actie.objects.get(omschrijving__startswith="Containerplaatsen")

    inloggen(page, live_server, "gemeente")
    mijn = page.locator("main")
    expect(mijn).to_contain_text("Extra veegronde rond de flats")
    # One-click start on the home page, only for its own action.
    page.get_by_role("button", name=f"Start actie {gemeente_actie.pk}").click()
    page.wait_for_load_state()
    expect(page.get_by_role("button", name=f"Start actie {corporatie_actie.pk}")).to_have_count(0)
    page.get_by_role("link", name=f"Gereed melden actie {gemeente_actie.pk}").click()
    page.get_by_label("Resultaat").fill("Twee extra veegrondes per week ingepland.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    gemeente_actie.refresh_from_db()
    assert gemeente_actie.status == "gereed"
    assert gemeente_actie.resultaat == "Twee extra veegrondes per week ingepland."

    # The gemeente may not change the corporatie's action.
    antwoord = page.goto(f"{live_server.url}/acties/{corporatie_actie.pk}/status/?naar=bezig")
    assert antwoord.status == 403
    _uitloggen(page)

    inloggen(page, live_server, "politie")
    antwoord = page.goto(f"{live_server.url}/acties/{corporatie_actie.pk}/bewerken/")
    assert antwoord.status == 403
    corporatie_actie.refresh_from_db()
    assert corporatie_actie.status == "open"

    # The timeline shows every step.
    page.goto(punt_url)
    tijdlijn = page.locator("main")
    expect(tijdlijn).to_contain_text("Actie aangemaakt")
    expect(tijdlijn).to_contain_text("Status actie gewijzigd")
