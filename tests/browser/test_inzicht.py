"""The dashboard in the browser under the real CSP: Chart.js draws every chart from the page's
JSON, nothing is refused by the Content-Security-Policy, and axe finds nothing serious; the buurt
report too."""

import pytest

from tests.browser.hulp import assert_toegankelijk, expect, inloggen, screenshot, url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_dashboard_tekent_grafieken_zonder_csp_fouten(pagina, live_server, demo_data):
    page = pagina
    meldingen = []
    page.on("console", lambda bericht: meldingen.append(bericht.text))
    page.on("pageerror", lambda fout: meldingen.append(str(fout)))

    inloggen(page, live_server, "teamleider")
    page.get_by_role("link", name="Inzicht").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Signalen per maand")).to_be_visible()

    canvassen = page.locator("canvas[data-grafiek]")
    assert canvassen.count() >= 2
    getekend = page.evaluate(
        "() => [...document.querySelectorAll('canvas[data-grafiek]')]"
        ".map(c => Boolean(window.Chart && window.Chart.getChart(c)) && c.width > 0)"
    )
    assert getekend and all(getekend), getekend
    assert not [m for m in meldingen if "Content Security Policy" in m or "Error" in m], meldingen
    screenshot(page, "inzicht-dashboard-desktop")
    assert_toegankelijk(page)

    page.get_by_role("link", name="Buurtagenda maken").click()
    page.get_by_label("Buurt").select_option(index=1)
    page.get_by_role("button", name="Buurtagenda tonen").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Wat bewoners inbrachten")).to_be_visible()
    assert page.url.startswith(url(live_server, "inzicht:buurtrapport_kiezen"))
    screenshot(page, "inzicht-buurtagenda-desktop")
    assert_toegankelijk(page)
    assert not [m for m in meldingen if "Content Security Policy" in m], meldingen
