"""axe-core (WCAG 2.1 AA) on every main page, at desktop and at phone size, with screenshots.

Each page is opened as the demo user who uses it, once at each size; a serious or critical axe
finding fails the test, as do a missing ``lang="nl"``, a page wider than the phone's screen, and
an input marked invalid whose error message is not linked to it. Screenshots of every page at
both sizes land in the run's folder (see ``tests.browser.hulp.screenshot_map``).
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse

from tests.browser import verhaal
from tests.browser.hulp import axe, beschrijf, ernstige, expect, inloggen, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@dataclass(frozen=True)
class Pagina:
    naam: str  # test id and screenshot name
    gebruiker: str | None
    adres: Callable[[], str]  # builds what the page needs, returns its path
    titel: str  # the page's own part of <title>
    status: int = 200
    daarna: Callable | None = None  # e.g. submit the form to show its errors


def _pk(model_qs):
    return model_qs.values_list("pk", flat=True).get()


def _signaal_met_steun():
    return verhaal.signaal("Losliggende stoeptegels bij de bushalte", steun=2).pk


def _actie_van_gemeente():
    punt = verhaal.verbeterpunt("Veilige oversteek Meerssenerweg")
    verhaal.actie(punt, "Servatius", "Portiekverlichting vervangen")
    return verhaal.actie(punt, "Gemeente Maastricht", "Zebrapad laten schilderen").pk


def _contact():
    from signalen import services
    from signalen.constants import Kanaal
    from signalen.services import BewonerInvoer

    signaal = verhaal.signaal("Bankje bij het speelveld is kapot")
    services.steun_registreren(
        signaal=signaal,
        door=verhaal.gebruiker("gemeente"),
        kanaal=Kanaal.STRAATHOEKBIJEENKOMST,
        bewoners=[
            BewonerInvoer(
                postcode="6224 CD",
                huisnummer="9",
                naam="Jansen",
                toestemming=True,
                contact_naam="Mevr. Jansen",
                telefoon="043 123 45 67",
                wil_terugkoppeling=True,
            )
        ],
    )
    bewoner = signaal.steun.get().bewoner_id
    return reverse("signalen:bewoner_contact", args=[signaal.pk, bewoner])


def _verstuur(knop: str):
    def daarna(page):
        with page.expect_navigation() as nav:
            page.locator("main form").get_by_role("button", name=knop).click()
        assert nav.value.status == 400, nav.value.status
        expect(page.locator(".invalid-feedback, .alert-danger").first).to_be_visible()

    return daarna


def _steun_met_fouten(page):
    page.get_by_label("Postcode").first.fill("12")
    page.get_by_label("Huisnummer").first.fill("3")
    _verstuur("Steun opslaan")(page)


def _punt():
    from acties.models import Verbeterpunt

    punt = Verbeterpunt.objects.get(titel="Schoon Nolensplein")
    verhaal.actie(punt, "Servatius", "Containerplaatsen opknappen")
    return reverse("acties:verbeterpunt_detail", args=[punt.pk])


def _activiteit():
    from signalen.models import Activiteit

    return reverse(
        "signalen:activiteit_detail",
        args=[_pk(Activiteit.objects.filter(soort="straathoekbijeenkomst"))],
    )


PAGINAS = [
    *[
        Pagina(f"start-{rol}", rol, lambda: reverse("home"), "Start")
        for rol in ("beheerder", "teamleider", "gemeente", "trajekt", "politie", "corporatie")
    ],
    Pagina(
        "signaal-nieuw",
        "gemeente",
        lambda: reverse("signalen:signaal_nieuw"),
        "Signaal registreren",
    ),
    Pagina(
        "signaal-nieuw-fouten",
        "gemeente",
        lambda: reverse("signalen:signaal_nieuw"),
        "Signaal registreren",
        daarna=_verstuur("Signaal opslaan"),
    ),
    Pagina(
        "signaal-detail",
        "teamleider",
        lambda: reverse("signalen:signaal_detail", args=[_signaal_met_steun()]),
        "Signaal ",
    ),
    Pagina(
        "steun-nieuw",
        "gemeente",
        lambda: reverse("signalen:steun_nieuw", args=[_signaal_met_steun()]),
        "Steun toevoegen",
    ),
    Pagina(
        "steun-nieuw-fouten",
        "gemeente",
        lambda: reverse("signalen:steun_nieuw", args=[_signaal_met_steun()]),
        "Steun toevoegen",
        daarna=_steun_met_fouten,
    ),
    Pagina("triage", "teamleider", lambda: reverse("acties:triage"), "Triage"),
    Pagina("verbeterpunt-detail", "teamleider", _punt, "Schoon Nolensplein"),
    Pagina("signalen", "gemeente", lambda: reverse("signalen:signaal_lijst"), "Signalen"),
    Pagina(
        "verbeterpunten",
        "gemeente",
        lambda: reverse("acties:verbeterpunt_lijst"),
        "Verbeterpunten",
    ),
    Pagina("activiteiten", "gemeente", lambda: reverse("signalen:activiteit_lijst"), "Activiteit"),
    Pagina(
        "activiteit-nieuw",
        "gemeente",
        lambda: reverse("signalen:activiteit_nieuw"),
        "Activiteit registreren",
    ),
    Pagina("activiteit-detail", "gemeente", _activiteit, "Straathoekbijeenkomst"),
    Pagina(
        "acties",
        "gemeente",
        lambda: (_actie_van_gemeente(), reverse("acties:actie_lijst"))[1],
        "Acties",
    ),
    Pagina(
        "actie-detail",
        "gemeente",
        lambda: reverse("acties:actie_detail", args=[_actie_van_gemeente()]),
        "Actie ",
    ),
    Pagina(
        "actie-status",
        "gemeente",
        lambda: reverse("acties:actie_status", args=[_actie_van_gemeente()]) + "?naar=vervallen",
        "Status van de actie",
    ),
    Pagina(
        "actie-status-fouten",
        "gemeente",
        lambda: reverse("acties:actie_status", args=[_actie_van_gemeente()]) + "?naar=vervallen",
        "Status van de actie",
        daarna=_verstuur("Opslaan"),
    ),
    Pagina(
        "actie-bewerken",
        "gemeente",
        lambda: reverse("acties:actie_bewerken", args=[_actie_van_gemeente()]),
        "Actie",
    ),
    Pagina("contactgegevens", "gemeente", _contact, "Contactgegevens bewoner"),
    Pagina(
        "tweefactor-instellen",
        "teamleider",
        lambda: reverse("two_factor:setup"),
        "Tweestapsauthenticatie inschakelen",
    ),
    Pagina(
        "tweefactor-profiel",
        "teamleider",
        lambda: reverse("two_factor:profile"),
        "Accountbeveiliging",
    ),
    Pagina("fout-404", "gemeente", lambda: "/bestaat-niet/", "Pagina niet gevonden", status=404),
    Pagina(
        "fout-403",
        "politie",
        lambda: reverse("acties:actie_bewerken", args=[_actie_van_gemeente()]),
        "Geen toegang",
        status=403,
    ),
    Pagina(
        "dashboard",
        "teamleider",
        lambda: reverse("inzicht:dashboard"),
        "Inzicht",
    ),
    Pagina(
        "buurtrapport",
        "teamleider",
        lambda: reverse("inzicht:buurtrapport_kiezen"),
        "Buurtagenda maken",
    ),
]


def _controleer_pagina(page, apparaat):
    """What axe does not check, or not strictly enough; returns a list of problems."""
    problemen = []
    if page.title().startswith("VBT casusregistratie –"):
        problemen.append(f"{apparaat}: de pagina heeft geen eigen titel: {page.title()}")
    if page.get_attribute("html", "lang") != "nl":
        problemen.append(f"{apparaat}: <html lang> is niet 'nl'")
    breedte = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    if breedte > 1:
        problemen.append(f"{apparaat}: de pagina is {breedte}px breder dan het scherm")
    # Every field marked invalid names, via aria-describedby, an element holding its error.
    ongelinkt = page.evaluate(
        """() => [...document.querySelectorAll('[aria-invalid="true"]')].filter(el => {
            const ids = (el.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
            return !ids.some(id => {
                const doel = document.getElementById(id);
                return doel && doel.textContent.trim() && doel.offsetParent !== null;
            });
        }).map(el => el.name || el.id)"""
    )
    if ongelinkt:
        problemen.append(f"{apparaat}: foutmelding niet gekoppeld aan veld(en) {ongelinkt}")
    return problemen


@pytest.mark.parametrize("pagina_", PAGINAS, ids=[p.naam for p in PAGINAS])
def test_pagina_toegankelijk(pagina_, nieuwe_pagina, live_server, demo_data):
    adres = live_server.url + pagina_.adres()
    problemen, schendingen, sessie = [], [], None
    for apparaat in ("desktop", "telefoon"):
        # One login per test: the phone reuses the desktop's session cookie.
        page = nieuwe_pagina(apparaat, storage_state=sessie)
        if pagina_.gebruiker and sessie is None:
            inloggen(page, live_server, pagina_.gebruiker)
            sessie = page.context.storage_state()
        antwoord = page.goto(adres)
        assert antwoord.status == pagina_.status, (apparaat, antwoord.status, page.url)
        if pagina_.daarna:
            pagina_.daarna(page)
        expect(page.get_by_role("main").get_by_role("heading", level=1)).to_be_visible()
        assert pagina_.titel in page.title(), (pagina_.titel, page.title())
        screenshot(page, f"{pagina_.naam}-{apparaat}")
        problemen += _controleer_pagina(page, apparaat)
        schendingen += [(apparaat, v) for v in ernstige(axe(page))]

    meldingen = problemen + [f"{a}: {beschrijf([v])}" for a, v in schendingen]
    assert not meldingen, f"{pagina_.naam} ({adres}):\n" + "\n".join(meldingen)
