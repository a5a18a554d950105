"""Flow 1 with the keyboard alone: log in, register a signal, record three residents' support.

No clicks and no ``fill``: focus moves with Tab / Shift+Tab, the skip link with Enter, choices in
selects by typing (type-ahead) or arrow keys, a checkbox with Space, a form is sent with Enter.
At every stop the focused element must show a visible focus indicator (WCAG 2.4.7).
"""

import pytest

from tests.browser.hulp import expect, screenshot, url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_TABS = 80

# What the focused element is called, and whether its focus can be seen.
FOCUS_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const stijl = getComputedStyle(el);
    const outline = stijl.outlineStyle !== "none" && parseFloat(stijl.outlineWidth) > 0;
    const schaduw = stijl.boxShadow && stijl.boxShadow !== "none";
    // Tab also stops on the calendar button inside a date field: the input is then the active
    // element without matching :focus, and Chromium rings that button itself.
    const kalender = el.matches("input[type=date]") && !el.matches(":focus");
    const label = el.labels && el.labels.length ? el.labels[0].innerText : "";
    return {
        naam: el.getAttribute("name") || "",
        label: label.replace("*", "").trim(),
        tekst: (el.innerText || el.value || "").trim(),
        tag: el.tagName.toLowerCase(),
        zichtbaar: Boolean(outline || schaduw || kalender),
    };
}"""


class Toetsenbord:
    """Moves focus with Tab and records every stop, so a test can assert focus was visible."""

    def __init__(self, page):
        self.page = page
        self.onzichtbaar = []

    def focus(self):
        return self.page.evaluate(FOCUS_JS)

    def _stap(self, toets):
        self.page.keyboard.press(toets)
        focus = self.focus()
        if focus and not focus["zichtbaar"]:
            self.onzichtbaar.append(focus)
        return focus

    def tab_naar(self, *, naam=None, label=None, tekst=None, terug=False):
        """Press Tab (Shift+Tab with ``terug``) until the focused element matches."""
        toets = "Shift+Tab" if terug else "Tab"
        bezocht = []
        for _ in range(MAX_TABS):
            focus = self._stap(toets)
            bezocht.append(focus)
            if focus and (
                (naam is not None and focus["naam"] == naam)
                or (label is not None and focus["label"] == label)
                or (tekst is not None and focus["tekst"] == tekst)
            ):
                return focus
        raise AssertionError(f"Met {toets} niet bereikt: {naam or label or tekst}; {bezocht}")

    def typ(self, tekst):
        self.page.keyboard.type(tekst)

    def druk(self, toets):
        self.page.keyboard.press(toets)


def _verstuur(page, toets="Enter"):
    with page.expect_navigation():
        page.keyboard.press(toets)


def test_signaal_en_steun_met_alleen_het_toetsenbord(pagina, live_server, demo_data):
    page = pagina
    kb = Toetsenbord(page)

    # Log in: the username field has focus on arrival.
    page.goto(url(live_server, "login"))
    expect(page.locator('input[name="auth-username"]')).to_be_focused()
    kb.typ("gemeente")
    kb.tab_naar(naam="auth-password")
    kb.typ("vbt-demo")
    _verstuur(page)
    assert page.url == url(live_server, "home")

    # The first Tab reaches the skip link, which is visible when focused.
    focus = kb.tab_naar(tekst="Direct naar de inhoud")
    assert focus["zichtbaar"], focus
    expect(page.get_by_role("link", name="Direct naar de inhoud")).to_be_in_viewport()
    kb.tab_naar(tekst="Signaal registreren")
    _verstuur(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Signaal registreren")

    # Skip the menu: skip link, Enter, and the next Tab lands on the form's first field.
    kb.tab_naar(tekst="Direct naar de inhoud")
    kb.druk("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()
    assert kb.tab_naar(label="Buurt")["label"] == "Buurt"
    kb.typ("Wittevrouwenveld")
    expect(page.get_by_label("Buurt")).to_have_value(
        page.get_by_label("Buurt")
        .locator("option", has_text="Wittevrouwenveld")
        .get_attribute("value")
    )
    # htmx has loaded the buurt's subgebieden (the whole buurt is preselected).
    subgebied = page.get_by_label("Subgebied")
    expect(subgebied.locator("option", has_text="Mgr. Nolensplein")).to_have_count(1)
    kb.tab_naar(label="Subgebied")
    kb.typ("Mgr")
    expect(subgebied.locator("option:checked")).to_have_text("Mgr. Nolensplein")
    kb.tab_naar(label="Thema")
    kb.typ("Zwerf")
    expect(page.get_by_label("Thema").locator("option:checked")).to_have_text("Zwerfvuil")
    kb.tab_naar(label="Omschrijving")
    kb.typ("Losliggende tegels bij de ingang van het winkelcentrum.")
    kb.tab_naar(label="Kanaal")
    kb.typ("Straathoek")
    kb.tab_naar(label="Activiteit")
    kb.druk("ArrowDown")  # the demo's street-corner meeting, the only recent one
    expect(page.get_by_label("Activiteit").locator("option:checked")).to_contain_text(
        "Straathoekbijeenkomst"
    )
    # Shift+Tab goes back to check the description, then on to the button.
    kb.tab_naar(label="Omschrijving", terug=True)
    expect(page.get_by_label("Omschrijving")).to_have_value(
        "Losliggende tegels bij de ingang van het winkelcentrum."
    )
    kb.tab_naar(tekst="Signaal opslaan")
    _verstuur(page)
    expect(page.locator(".meldingen")).to_contain_text("Het signaal is geregistreerd.")

    kb.tab_naar(tekst="Steun toevoegen")
    _verstuur(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Steun toevoegen")
    for rij, (postcode, huisnummer, naam) in enumerate(
        [("6224 AB", "21", "E"), ("6224 AB", "23", "Fien"), ("6224 AD", "2", "G")]
    ):
        kb.tab_naar(naam=f"bewoners-{rij}-postcode")
        kb.typ(postcode)
        kb.tab_naar(naam=f"bewoners-{rij}-huisnummer")
        kb.typ(huisnummer)
        kb.tab_naar(naam=f"bewoners-{rij}-naam")
        kb.typ(naam)
        if rij == 0:
            kb.tab_naar(naam="bewoners-0-wil_meedoen")
            kb.druk("Space")
            expect(page.locator('input[name="bewoners-0-wil_meedoen"]')).to_be_checked()
    kb.tab_naar(tekst="Steun opslaan")
    _verstuur(page)

    expect(page.locator(".meldingen")).to_contain_text("Steun van 3 bewoner(s) geregistreerd.")
    draagvlak = page.get_by_role("region", name="Draagvlak")
    expect(draagvlak).to_contain_text("Drempel bereikt: 3 van 3 bewoners")
    expect(draagvlak).to_contain_text("1 bewoner wil meedoen")
    screenshot(page, "toetsenbord-draagvlak-bereikt-desktop")
    assert not kb.onzichtbaar, f"focus niet zichtbaar op: {kb.onzichtbaar}"
