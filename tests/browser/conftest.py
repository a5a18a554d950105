"""Browser tests: Playwright's sync API driving Debian's Chromium against the live server.

Fixtures: ``playwright_instantie`` and ``browser`` (session), ``pagina`` (desktop 1280x900) and
``telefoon`` (390x844, touch) — a fresh browser context per test —, ``elk_apparaat`` (the test
runs once with each) and ``demo_data``. Helpers to log in, run axe and take screenshots are in
``tests.browser.hulp``. Set ``VBT_CHROMIUM`` to use a Chromium elsewhere than /usr/bin/chromium.

Without Chromium or the playwright package the tests skip, except under ``CI=true``: there they
fail, so CI cannot go green without having run them.
"""

import io
import os
import shutil

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; Django would refuse ORM calls
# (fixtures, factories) from it as "async unsafe" without this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("VBT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    # The network is closed; without these Chromium keeps trying to reach Google.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OVERGESLAGEN = (
    "Browsertests overgeslagen: installeer Debian's chromium (apt-get install chromium) en "
    "`pip install -r requirements-dev.txt` om ze te draaien."
)
TIMEOUT_MS = 10_000


def _ontbreekt():
    """What is missing to run the browser tests, or None."""
    redenen = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        redenen.append("het Python-pakket playwright is niet te importeren")
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)) and not shutil.which(
        CHROMIUM
    ):
        redenen.append(f"Chromium ontbreekt op {CHROMIUM}")
    return "; ".join(redenen) or None


@pytest.fixture(scope="session")
def playwright_instantie():
    reden = _ontbreekt()
    if reden:
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"Browsertests kunnen niet draaien en CI=true: {reden}. Installeer Debian's "
                "chromium (apt-get install chromium) en `pip install -r requirements-dev.txt`."
            )
        pytest.skip(OVERGESLAGEN)
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    yield pw
    pw.stop()


@pytest.fixture(scope="session")
def browser(playwright_instantie):
    browser = playwright_instantie.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


# The two sizes every page is checked at: a desk and a phone in the street.
APPARATEN = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "telefoon": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}


def _nieuwe_pagina(browser, **opties):
    context = browser.new_context(locale="nl-NL", **opties)
    context.set_default_timeout(TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture
def pagina(browser):
    """A desktop page (1280x900) in its own browser context."""
    context, page = _nieuwe_pagina(browser, **APPARATEN["desktop"])
    yield page
    context.close()


@pytest.fixture
def telefoon(browser):
    """A phone-sized page (390x844, touch) in its own browser context."""
    context, page = _nieuwe_pagina(browser, **APPARATEN["telefoon"])
    yield page
    context.close()


@pytest.fixture
def nieuwe_pagina(browser):
    """Open more pages in one test: ``nieuwe_pagina("telefoon")``, each in its own context
    (its own cookies, so a second user can log in); all are closed after the test. Extra
    options go to ``browser.new_context``, e.g. ``storage_state`` to reuse a login."""
    contexten = []

    def maak(apparaat="desktop", **opties):
        context, page = _nieuwe_pagina(browser, **APPARATEN[apparaat], **opties)
        contexten.append(context)
        return page

    yield maak
    for context in contexten:
        context.close()


@pytest.fixture(params=["desktop", "telefoon"])
def elk_apparaat(request):
    """The test runs twice: once with ``pagina`` (desktop), once with ``telefoon``."""
    return request.getfixturevalue({"desktop": "pagina", "telefoon": "telefoon"}[request.param])


@pytest.fixture
def demo_data(transactional_db):
    """The Maastricht demo data: partners, teams, buurten, signals and the demo users."""
    call_command("seed_demo", stdout=io.StringIO())


def pytest_terminal_summary(terminalreporter):
    from tests.browser.hulp import screenshot_map

    if screenshot_map().is_dir():
        terminalreporter.write_line(f"Screenshots van de browsertests: {screenshot_map()}")
