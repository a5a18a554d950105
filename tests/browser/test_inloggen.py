"""Logging in, in a real browser: every demo user, the error, keyboard use and axe."""

import pytest

from partners.demo import DEMO_GEBRUIKERS
from tests.browser.hulp import apparaat, assert_toegankelijk, expect, inloggen, screenshot, url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# username -> partner name, straight from the demo data.
PARTNER_VAN = {username: partner for username, partner, *_ in DEMO_GEBRUIKERS}


@pytest.mark.parametrize("username", list(PARTNER_VAN))
def test_demogebruiker_logt_in_en_ziet_partner(pagina, live_server, demo_data, username):
    inloggen(pagina, live_server, username)

    assert pagina.url == url(live_server, "home")
    hoofd = pagina.get_by_role("main")
    expect(hoofd.get_by_role("heading", level=1)).to_contain_text("Welkom")
    expect(hoofd).to_contain_text(PARTNER_VAN[username])
    expect(pagina.get_by_role("button", name="Uitloggen")).to_be_visible()


def test_verkeerd_wachtwoord_geeft_nederlandse_foutmelding(pagina, live_server, demo_data):
    inloggen(pagina, live_server, "gemeente", password="fout-wachtwoord")

    assert pagina.url.startswith(url(live_server, "login"))
    expect(pagina.get_by_role("main")).to_contain_text(
        "Voer een juiste gebruikersnaam en wachtwoord in"
    )
    expect(pagina.get_by_role("button", name="Uitloggen")).to_have_count(0)


def test_inlogpagina_toegankelijk(elk_apparaat, live_server):
    page = elk_apparaat
    page.goto(url(live_server, "login"))

    assert_toegankelijk(page)
    screenshot(page, f"inloggen-{apparaat(page)}")


def test_inlogpagina_met_fout_toegankelijk(elk_apparaat, live_server, demo_data):
    page = elk_apparaat
    inloggen(page, live_server, "gemeente", password="fout-wachtwoord")

    assert_toegankelijk(page)


def test_startpagina_toegankelijk(elk_apparaat, live_server, demo_data):
    page = elk_apparaat
    inloggen(page, live_server, "teamleider")
    assert page.url == url(live_server, "home")
    screenshot(page, f"start-{apparaat(page)}")

    if apparaat(page) == "telefoon":
        # The menu sits behind the toggler on a phone; check it opened as well.
        page.get_by_role("button", name="Menu openen of sluiten").click()
        expect(page.locator("#hoofdmenu")).to_be_visible()
        expect(page.locator("#hoofdmenu.collapsing")).to_have_count(0)
        screenshot(page, "start-telefoon-menu")
    assert_toegankelijk(page)


def _focus(page):
    """A short description of the focused element: its name attribute, else its text."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const naam = el && el.getAttribute("name");
            // The two-factor login wizard prefixes its fields ("auth-username").
            if (naam) return naam.replace(/^auth-/, "");
            return el ? (el.textContent.trim() || el.tagName) : null;
        }"""
    )


def test_inloggen_met_alleen_toetsenbord(pagina, live_server, demo_data):
    pagina.goto(url(live_server, "login"))
    # autofocus: a phone user can type the username straight away.
    expect(pagina.locator('input[name$="username"]')).to_be_focused()

    # From the top of the page (the skip link), Tab reaches the fields and the button in order.
    pagina.focus("a.skip-link")
    volgorde = []
    for _ in range(6):
        pagina.keyboard.press("Tab")
        volgorde.append(_focus(pagina))
        if volgorde[-1] == "Inloggen":
            break
    assert "username" in volgorde, volgorde
    gebruiker = volgorde.index("username")
    assert volgorde[gebruiker : gebruiker + 3] == ["username", "password", "Inloggen"], volgorde

    # Now type: Tab to the username, fill both fields, Enter on the button submits.
    pagina.focus("a.skip-link")
    for _ in range(gebruiker + 1):
        pagina.keyboard.press("Tab")
    pagina.keyboard.type("politie")
    pagina.keyboard.press("Tab")
    pagina.keyboard.type("vbt-demo")
    pagina.keyboard.press("Tab")
    assert _focus(pagina) == "Inloggen"
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")

    assert pagina.url == url(live_server, "home")
    expect(pagina.get_by_role("main")).to_contain_text("Politie Limburg")


def test_enter_in_wachtwoordveld_verstuurt(pagina, live_server, demo_data):
    pagina.goto(url(live_server, "login"))
    pagina.keyboard.type("trajekt")
    pagina.keyboard.press("Tab")
    pagina.keyboard.type("vbt-demo")
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")

    assert pagina.url == url(live_server, "home")


def test_skiplink_zichtbaar_bij_focus_en_springt_naar_inhoud(elk_apparaat, live_server, demo_data):
    page = elk_apparaat
    # The start page: no autofocus, so the first Tab goes to the skip link.
    inloggen(page, live_server, "gemeente")
    skiplink = page.get_by_role("link", name="Direct naar de inhoud")
    voor = skiplink.bounding_box()
    assert voor is None or voor["width"] <= 1, "de skiplink is zichtbaar zonder focus"

    page.keyboard.press("Tab")
    expect(skiplink).to_be_focused()
    na = skiplink.bounding_box()
    assert na is not None and na["width"] > 20 and na["height"] > 10, na
    screenshot(page, f"skiplink-{apparaat(page)}")

    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()
    assert page.url.endswith("#inhoud")
