"""Helpers for the browser tests: log in, run axe-core, take screenshots.

Plain functions (not fixtures) so a test can call them on any page it has::

    from tests.browser.hulp import assert_toegankelijk, expect, inloggen, screenshot

Import ``expect`` from here, not from playwright: without playwright installed this module still
imports, so the fixtures can skip the tests (or fail them under CI) with a clear message.
"""

import os
from datetime import datetime
from pathlib import Path

from django.urls import reverse

from partners.demo import DEMO_WACHTWOORD

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixtures skip, or fail under CI, before a test gets here
    expect = None

AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ERNSTIG = {"serious", "critical"}

# Field names of Django's login form, and of django-two-factor-auth's first step.
INLOGVELDEN = [("username", "password"), ("auth-username", "auth-password")]


def url(live_server, naam, *args, **kwargs):
    """Absolute live-server URL for a URL name: ``url(live_server, "home")``."""
    return live_server.url + reverse(naam, args=args, kwargs=kwargs)


def inloggen(page, live_server, username, password=DEMO_WACHTWOORD):
    """Log in through the real login form and wait for the page that follows.

    Does not check the result: after a wrong password the page is the login form again.
    """
    page.goto(url(live_server, "login"))
    velden = next(
        (paar for paar in INLOGVELDEN if page.locator(f'input[name="{paar[0]}"]').count()), None
    )
    assert velden, f"Geen inlogvelden gevonden op {page.url}"
    gebruiker_veld, wachtwoord_veld = velden
    page.fill(f'input[name="{gebruiker_veld}"]', username)
    page.fill(f'input[name="{wachtwoord_veld}"]', password)
    knop = page.locator("main form").get_by_role("button", name="Inloggen")
    if not knop.count():
        knop = page.locator('main form [type="submit"]').first
    with page.expect_navigation():
        knop.click()


def axe(page, tags=AXE_TAGS):
    """Run axe-core on the current page; return its violations (a list of dicts).

    axe is evaluated through the DevTools protocol, which the page's Content-Security-Policy
    does not govern, so the tests run under the real CSP and notice when it breaks a page.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: tags})).violations", list(tags)
    )


def ernstige(violations):
    """Only the violations with impact serious or critical."""
    return [v for v in violations if v.get("impact") in ERNSTIG]


def beschrijf(violations):
    regels = []
    for v in violations:
        regels.append(f"- {v['id']} ({v['impact']}): {v['help']}  {v.get('helpUrl', '')}")
        for node in v["nodes"]:
            doel = ", ".join(" ".join(t) if isinstance(t, list) else t for t in node["target"])
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            uitleg = "; ".join(c["message"] for c in checks if c.get("message"))
            regels.append(f"    {doel}" + (f"  — {uitleg}" if uitleg else ""))
    return "\n".join(regels)


def assert_geen_ernstige(violations, waar=""):
    """Fail on any axe violation with impact serious or critical."""
    fout = ernstige(violations)
    assert not fout, f"axe: {len(fout)} ernstige schending(en) {waar}\n{beschrijf(fout)}"


def assert_toegankelijk(page):
    """Run axe on the page and fail on serious or critical violations."""
    assert_geen_ernstige(axe(page), f"op {page.url}")


PROJECT = Path(__file__).resolve().parents[2]


def apparaat(page):
    """ "telefoon" for a phone-sized page, else "desktop" — handy in screenshot names."""
    return "telefoon" if (page.viewport_size or {}).get("width", 1280) < 576 else "desktop"


# One folder per test run, so a run never mixes its pictures with an older run's.
RUN = datetime.now().strftime("%Y%m%d-%H%M%S")


def screenshot_map():
    """$VBT_SCREENSHOTS if set, else test-artefacten/screenshots/<start of this run>/."""
    gekozen = os.environ.get("VBT_SCREENSHOTS")
    return Path(gekozen) if gekozen else PROJECT / "test-artefacten" / "screenshots" / RUN


def screenshot(page, naam):
    """Save a full-page PNG as <screenshot_map()>/<naam>.png."""
    map_ = screenshot_map()
    map_.mkdir(parents=True, exist_ok=True)
    pad = map_ / f"{naam}.png"
    page.screenshot(path=str(pad), full_page=True)
    return pad
