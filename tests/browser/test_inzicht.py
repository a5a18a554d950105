"""The dashboard in the browser under the real CSP: Chart.js draws every chart from the page's
JSON, nothing is refused by the Content-Security-Policy, and axe finds nothing serious; the buurt
report too."""

import re

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


# What the focused element on a map is, and how its buurt is drawn (WCAG 2.4.7: focus visible).
KAART_FOCUS_JS = """() => {
    const a = document.activeElement;
    if (!a || !a.closest || !a.closest('.kaart-svg')) return null;
    const stijl = getComputedStyle(a.querySelector('path'));
    return {buurt: a.dataset.buurt, titel: a.querySelector('title').textContent,
            vulling: stijl.fill, rand: stijl.stroke, dikte: stijl.strokeWidth};
}"""


def _tab_door_de_kaart(page, voor_de_kaart) -> list[dict]:
    """Focus the link before the map, then Tab through every buurt on it."""
    voor_de_kaart.focus()
    buurten = page.locator(".kaart-svg a")
    gezien = []
    for _ in range(buurten.count()):
        page.keyboard.press("Tab")
        gezien.append(page.evaluate(KAART_FOCUS_JS))
    return gezien


def test_kaart_op_het_dashboard_toegankelijk_en_met_toetsenbord(pagina, live_server, demo_data):
    page = pagina
    inloggen(page, live_server, "beheerder")
    page.goto(url(live_server, "inzicht:dashboard"))
    buurten = page.locator(".kaart-svg a")
    assert buurten.count() == 44
    expect(page.get_by_text("Bron: CBS, Kadaster")).to_be_visible()
    # Each buurt is a link named by its title, for a screen reader as for a mouse.
    expect(page.get_by_role("link", name="Wittevrouwenveld: 1 open verbeterpunt")).to_have_count(1)
    assert_toegankelijk(page)

    # Tab reaches every buurt, in the order of the table, and shows which one has focus.
    gezien = _tab_door_de_kaart(page, page.get_by_role("link", name="Loopt spaak"))
    volgorde = [a.get_attribute("data-buurt") for a in buurten.all()]
    assert [g and g["buurt"] for g in gezien] == volgorde
    tabel = page.locator("#kaart-buurten-tabel tbody th").all_inner_texts()
    assert [g["titel"].split(":")[0] for g in gezien] == tabel
    for focus in gezien:
        assert focus["vulling"] == "rgb(255, 221, 0)" and focus["rand"] == "rgb(11, 12, 12)"
        assert focus["dikte"] == "4px", focus
    screenshot(page, "inzicht-dashboard-kaart-focus")

    # Enter on a buurt opens its filtered list; the other figures keep their own lists.
    page.get_by_role("link", name="Signalen in de periode").click()
    page.wait_for_load_state()
    assert_toegankelijk(page)
    page.get_by_role("link", name=re.compile(r"^Wittevrouwenveld: \d+ signal")).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(url(live_server, "signalen:signaal_lijst"))
    assert "geregistreerd_after=" in page.url
    expect(page.get_by_label("Buurt", exact=True)).to_have_value(re.compile(r"^\d+$"), timeout=5000)


def test_kaart_op_telefoon_toegankelijk(telefoon, live_server, demo_data):
    inloggen(telefoon, live_server, "teamleider")
    telefoon.goto(url(live_server, "inzicht:dashboard"))
    expect(telefoon.locator(".kaart-svg")).to_be_visible()
    screenshot(telefoon, "inzicht-dashboard-kaart-telefoon")
    assert_toegankelijk(telefoon)


def test_kaart_in_de_buurtagenda_toegankelijk_en_met_toetsenbord(pagina, live_server, demo_data):
    page = pagina
    inloggen(page, live_server, "teamleider")
    page.goto(url(live_server, "inzicht:buurtrapport_kiezen"))
    page.get_by_label("Buurt").select_option(label="Wittevrouwenveld")
    page.get_by_role("button", name="Buurtagenda tonen").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Waar")).to_be_visible()
    expect(page.locator(".kaart-svg")).to_be_visible()
    deze = page.get_by_role("link", name="Wittevrouwenveld: Deze buurt")
    expect(deze).to_have_attribute("aria-current", "true")
    screenshot(page, "inzicht-buurtagenda-kaart")
    assert_toegankelijk(page)
    gezien = _tab_door_de_kaart(page, page.get_by_role("link", name="Downloaden als pdf"))
    assert sorted(g["titel"] for g in gezien) == [
        "Limmel: Andere buurt in de wijk",
        "Nazareth: Andere buurt in de wijk",
        "Wittevrouwenveld: Deze buurt",
    ]
    assert all(g["vulling"] == "rgb(255, 221, 0)" for g in gezien)
