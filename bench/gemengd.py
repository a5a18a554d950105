"""A mixed read and write load (issue 14): many staff at once, each logged in through the real
login page, without think time, over and over: open two list pages, log a signal (and see its
page), record the support of one to three residents on it (and see the page again). Used by
`make bench` (bench/run.py, the report) and by tests/bedrijfsvoering/test_belasting.py.

Threads and `requests` rather than locust: it runs in `make test` without the bench tools, and
it keeps every confirmed write (the signal's id, the residents recorded on it), so the caller can
check the database holds exactly those: a lost or a doubled write is found, not only a slow one.

`werkplekken(n)` reads from the database who works where (Django set up by the caller);
`belasting(url, werkplekken, ...)` needs only HTTP.
"""

import random
import re
import statistics
import threading
import time
from dataclasses import dataclass, field

import requests

POSTCODE = "6221 AB"
SOORTEN = ("pagina", "signaal", "steunformulier", "steun")


@dataclass(frozen=True)
class Werkplek:
    """One member of staff: who, and where they log signals."""

    username: str
    wachtwoord: str
    buurt: int
    subgebied: int
    thema: int
    nieuw: str  # the URL of the form that logs a signal
    paginas: tuple[str, ...]  # list pages, opened at random


@dataclass
class Uitslag:
    duur: float = 0.0
    tijden: dict = field(default_factory=lambda: {soort: [] for soort in SOORTEN})
    fouten: list = field(default_factory=list)  # (kind, status or exception), never a body
    signalen: dict = field(default_factory=dict)  # confirmed signal id -> residents confirmed

    @property
    def aantal(self) -> int:
        return sum(len(t) for t in self.tijden.values())

    @property
    def per_seconde(self) -> float:
        return self.aantal / self.duur if self.duur else 0.0

    @property
    def schrijvend_per_seconde(self) -> float:
        schrijvend = len(self.tijden["signaal"]) + len(self.tijden["steun"])
        return schrijvend / self.duur if self.duur else 0.0

    def mediaan_p95(self, soort: str) -> tuple[float, float]:
        tijden = sorted(self.tijden[soort])
        if not tijden:
            return 0.0, 0.0
        p95 = tijden[min(len(tijden) - 1, int(round(0.95 * (len(tijden) - 1))))]
        return statistics.median(tijden), p95


def werkplekken(n: int, *, wachtwoord: str, gebruikers=None) -> list[Werkplek]:
    """`n` medewerkers (of `gebruikers`, a queryset of Medewerker, else every medewerker) who
    are in a team, each with a buurt of their team, its whole-buurt subgebied, a theme, and the
    pages they open. Needs Django set up."""
    from django.urls import reverse

    from buurten.constants import SubgebiedSoort
    from buurten.models import Subgebied
    from partners.constants import Rol
    from partners.models import Medewerker
    from signalen.models import Thema

    if gebruikers is None:
        gebruikers = Medewerker.objects.filter(rol=Rol.MEDEWERKER, is_active=True)
    mensen = list(gebruikers.filter(teams__isnull=False).distinct().order_by("pk")[:n])
    themas = list(Thema.objects.filter(actief=True).order_by("pk").values_list("pk", flat=True))
    paginas = (
        reverse("home"),
        reverse("signalen:signaal_lijst"),
        reverse("acties:verbeterpunt_lijst"),
        reverse("acties:actie_lijst"),
        reverse("inzicht:dashboard"),
    )
    plekken = []
    for i, mens in enumerate(mensen):
        buurt = mens.teams.order_by("pk").first().buurten.order_by("pk").first()
        hele = Subgebied.objects.get(buurt=buurt, soort=SubgebiedSoort.HELE_BUURT)
        plekken.append(
            Werkplek(
                username=mens.username,
                wachtwoord=wachtwoord,
                buurt=buurt.pk,
                subgebied=hele.pk,
                thema=themas[i % len(themas)],
                nieuw=reverse("signalen:signaal_nieuw"),
                paginas=paginas,
            )
        )
    if len(plekken) < n:
        raise ValueError(f"only {len(plekken)} medewerkers in a team, {n} needed")
    return plekken


def _csrf(sessie: requests.Session, html: str = "") -> str:
    gevonden = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return gevonden.group(1) if gevonden else sessie.cookies.get("csrftoken", "")


def _versie(html: str) -> str:
    gevonden = re.search(r'name="versie" value="(\d+)"', html)
    return gevonden.group(1) if gevonden else "0"


def inloggen(url: str, plek: Werkplek, timeout: float = 60) -> requests.Session:
    sessie = requests.Session()
    pagina = sessie.get(f"{url}/inloggen/", timeout=timeout)
    antwoord = sessie.post(
        f"{url}/inloggen/",
        data={
            "csrfmiddlewaretoken": _csrf(sessie, pagina.text),
            "inlog_view-current_step": "auth",
            "auth-username": plek.username,
            "auth-password": plek.wachtwoord,
        },
        allow_redirects=False,
        timeout=timeout,
    )
    if antwoord.status_code != 302:
        raise RuntimeError(f"inloggen als {plek.username}: HTTP {antwoord.status_code}")
    return sessie


class _Gebruiker(threading.Thread):
    def __init__(self, url, plek, sessie, nummer, einde, uitslag, slot, timeout):
        super().__init__(daemon=True)
        self.url, self.plek, self.sessie, self.nummer = url, plek, sessie, nummer
        self.einde, self.uitslag, self.slot, self.timeout = einde, uitslag, slot, timeout
        self.rnd = random.Random(nummer)
        self.bewoner = 0

    def _doe(self, soort, methode, pad, verwacht, **kwargs):
        begin = time.perf_counter()
        try:
            antwoord = self.sessie.request(
                methode, self.url + pad, allow_redirects=False, timeout=self.timeout, **kwargs
            )
        except requests.RequestException as fout:
            with self.slot:
                self.uitslag.fouten.append((soort, type(fout).__name__))
            return None
        duur = (time.perf_counter() - begin) * 1000
        with self.slot:
            self.uitslag.tijden[soort].append(duur)
            if antwoord.status_code != verwacht:
                self.uitslag.fouten.append((soort, antwoord.status_code))
        return antwoord if antwoord.status_code == verwacht else None

    def _signaal_met_steun(self):
        p = self.plek
        antwoord = self._doe(
            "signaal",
            "POST",
            p.nieuw,
            302,
            data={
                "csrfmiddlewaretoken": _csrf(self.sessie),
                "buurt": p.buurt,
                "subgebied": p.subgebied,
                "thema": p.thema,
                "omschrijving": f"Belasting: losliggende stoeptegel {self.nummer}",
                "kanaal": "straathoekbijeenkomst",
            },
        )
        if antwoord is None:
            return
        detail = antwoord.headers["Location"]  # the signal's page, as a browser follows it
        pk = int(detail.rstrip("/").rsplit("/", 1)[1])
        with self.slot:
            self.uitslag.signalen[pk] = 0
        self._doe("pagina", "GET", detail, 200)
        formulier = self._doe("steunformulier", "GET", f"{detail}steun/", 200)
        if formulier is None:
            return
        aantal = self.rnd.randint(1, 3)
        data = {
            "csrfmiddlewaretoken": _csrf(self.sessie, formulier.text),
            "kanaal": "deur_tot_deur",
            "datum": time.strftime("%Y-%m-%d"),
            "versie": _versie(formulier.text),
            "bewoners-TOTAL_FORMS": str(aantal),
            "bewoners-INITIAL_FORMS": "0",
            "bewoners-MIN_NUM_FORMS": "0",
            "bewoners-MAX_NUM_FORMS": "20",
        }
        for rij in range(aantal):
            self.bewoner += 1  # a new resident each time: the name is part of the identity
            data[f"bewoners-{rij}-postcode"] = POSTCODE
            data[f"bewoners-{rij}-huisnummer"] = str(1 + self.bewoner % 99999)
            data[f"bewoners-{rij}-naam"] = f"Bewoner {self.nummer}-{self.bewoner}"
        if self._doe("steun", "POST", f"{detail}steun/", 302, data=data) is not None:
            with self.slot:
                self.uitslag.signalen[pk] = aantal
            self._doe("pagina", "GET", detail, 200)

    def run(self):
        while time.monotonic() < self.einde:
            for _i in range(2):
                self._doe("pagina", "GET", self.rnd.choice(self.plek.paginas), 200)
            self._signaal_met_steun()


def belasting(
    url: str, werkplekken: list[Werkplek], *, duur: float, timeout: float = 60
) -> Uitslag:
    """Every werkplek logs in (not timed), then all run at once for `duur` seconds. A thread
    finishes the round it is in, so the run may last a little longer; `duur` in the result is
    the time measured."""
    uitslag = Uitslag()
    slot = threading.Lock()
    sessies = [inloggen(url, plek, timeout) for plek in werkplekken]
    begin = time.monotonic()
    gebruikers = [
        _Gebruiker(url, plek, sessie, nummer, begin + duur, uitslag, slot, timeout)
        for nummer, (plek, sessie) in enumerate(zip(werkplekken, sessies, strict=True), start=1)
    ]
    for gebruiker in gebruikers:
        gebruiker.start()
    for gebruiker in gebruikers:
        gebruiker.join()
    uitslag.duur = time.monotonic() - begin
    return uitslag


def nagaan(uitslag: Uitslag) -> list[str]:
    """Compare the database with the confirmed writes (Django set up). Returns what is wrong
    (Dutch, ids only): a confirmed signal missing, or its count not the residents recorded."""
    from signalen.models import Signaal

    opgeslagen = dict(
        Signaal.objects.filter(pk__in=list(uitslag.signalen)).values_list("pk", "aantal_bewoners")
    )
    fouten = []
    for pk, bewoners in sorted(uitslag.signalen.items()):
        if pk not in opgeslagen:
            fouten.append(f"Signaal {pk}: bevestigd maar niet opgeslagen")
        elif opgeslagen[pk] != bewoners:
            fouten.append(
                f"Signaal {pk}: {opgeslagen[pk]} bewoners opgeslagen, {bewoners} bevestigd"
            )
    return fouten
