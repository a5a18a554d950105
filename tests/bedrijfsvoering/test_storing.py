"""The database goes away in the middle of a run of mixed requests (issue 14), and comes back.

gunicorn (production-like settings, persistent connections with health checks) reaches the
shared PostgreSQL server only through a TCP relay this test controls (tests/bedrijfsvoering/
proxy.py); the server itself is never touched. While staff open pages, log signals and record
support, the relay first resets every connection and refuses new ones, then swallows new ones
(only the connect timeout ends the wait), then relays again. Then:

- every answer is a page, a redirect, a stale-form 409 or the Dutch 503 without internals:
  never a 500, never a dropped connection, none slower than the timeouts allow;
- `/gezond/` says 503 while the database is away and 200 after;
- the same processes serve every page again by themselves;
- no write is half-done: every confirmed write is there, every stored one is whole, and
  `controleer_integriteit` is clean.
"""

import threading
import time
from dataclasses import dataclass
from io import StringIO

import pytest
import requests
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from signalen.constants import GebeurtenisSoort
from signalen.identiteit import bewoner_sleutel_uit_settings
from signalen.models import Bewoner, Gebeurtenis, Signaal, Steun
from tests.bedrijfsvoering.proxy import HANGEN, OPEN, WEIGEREN, Proxy
from tests.bedrijfsvoering.servers import csrf, gunicorn_server, inloggen, versie
from tests.signalen.factories import ThemaFactory
from tests.signalen.helpers import gesteund_signaal

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="a TCP relay in front of PostgreSQL"
    ),
]

CONNECT_TIMEOUT = 2
STATEMENT_TIMEOUT = 5
GUNICORN_TIMEOUT = 20
# The longest a request may take: waiting for a connection, then one statement, plus slack for
# a busy machine; still well below gunicorn's timeout, which would drop the request unanswered.
MAX_DUUR = CONNECT_TIMEOUT + STATEMENT_TIMEOUT + 8
assert MAX_DUUR < GUNICORN_TIMEOUT
KLANTEN = 4
POSTCODE = "6221 AB"


@dataclass
class Verzoek:
    soort: str
    status: int | str  # HTTP status, or the client's exception
    duur: float
    moment: float
    locatie: str = ""
    tekst: str = ""
    bewoner: int | None = None


class Klant(threading.Thread):
    """One member of staff: opens pages, logs a signal, records a support, over and over."""

    def __init__(self, url, sessie, nummer, signaal_pk, nieuw, stop):
        super().__init__(daemon=True)
        self.url, self.sessie, self.nummer = url, sessie, nummer
        self.signaal_pk, self.nieuw, self.stop = signaal_pk, nieuw, stop
        self.verzoeken: list[Verzoek] = []

    def _doe(self, soort, methode, pad, **kwargs) -> tuple[Verzoek, str]:
        begin = time.monotonic()
        try:
            antwoord = self.sessie.request(
                methode,
                self.url + pad,
                allow_redirects=False,
                timeout=GUNICORN_TIMEOUT + 10,
                **kwargs,
            )
        except requests.RequestException as fout:
            verzoek, tekst = (
                Verzoek(soort, type(fout).__name__, time.monotonic() - begin, begin),
                "",
            )
        else:
            tekst = antwoord.text
            verzoek = Verzoek(
                soort,
                antwoord.status_code,
                time.monotonic() - begin,
                begin,
                locatie=antwoord.headers.get("Location", ""),
                tekst=tekst if antwoord.status_code >= 400 else "",
            )
        self.verzoeken.append(verzoek)
        return verzoek, tekst

    def _signaal(self, i):
        self._doe(
            "signaal",
            "POST",
            reverse("signalen:signaal_nieuw"),
            data={
                "csrfmiddlewaretoken": csrf(self.sessie),
                **self.nieuw,
                "omschrijving": f"Storingstest {self.nummer}-{i}",
            },
        )

    def _steun(self, i):
        pad = reverse("signalen:steun_nieuw", args=[self.signaal_pk])
        formulier, html = self._doe("steunformulier", "GET", pad)
        if formulier.status != 200:
            return
        bewoner = self.nummer * 1000 + i
        verzoek, _html = self._doe(
            "steun",
            "POST",
            pad,
            data={
                "csrfmiddlewaretoken": csrf(self.sessie),
                "kanaal": "deur_tot_deur",
                "versie": versie(html),  # a stale one gives 409
                "datum": time.strftime("%Y-%m-%d"),
                "bewoners-TOTAL_FORMS": "1",
                "bewoners-INITIAL_FORMS": "0",
                "bewoners-MIN_NUM_FORMS": "0",
                "bewoners-MAX_NUM_FORMS": "20",
                "bewoners-0-postcode": POSTCODE,
                "bewoners-0-huisnummer": str(bewoner),
                "bewoners-0-naam": f"Bewoner {bewoner}",
            },
        )
        verzoek.bewoner = bewoner

    def run(self):
        paginas = [
            reverse("home"),
            reverse("signalen:signaal_lijst"),
            reverse("signalen:signaal_detail", args=[self.signaal_pk]),
            reverse("acties:verbeterpunt_lijst"),
            reverse("inzicht:dashboard"),
        ]
        i = 0
        while not self.stop.is_set():
            i += 1
            if i % 4 == 0:
                self._signaal(i)
            elif i % 4 == 2:
                self._steun(i)
            else:
                self._doe("pagina", "GET", paginas[i % len(paginas)])


def _sleutel(nummer: int) -> str:
    return bewoner_sleutel_uit_settings(
        postcode=POSTCODE, huisnummer=nummer, naam=f"Bewoner {nummer}"
    )


def test_database_weg_en_terug(wereld, server_db, tmp_path):
    gesteund = gesteund_signaal(wereld, aantal=3)
    thema = ThemaFactory(naam="Verlichting")
    nieuw = {
        "buurt": wereld.buurt_a.pk,
        "subgebied": wereld.buurt_a.subgebieden.get(soort="hele_buurt").pk,
        "thema": thema.pk,
        "kanaal": "straathoekbijeenkomst",
    }
    gebruikers = ["gemeente", "trajekt", "politie", "corporatie"][:KLANTEN]
    host, poort = connection.settings_dict["HOST"] or "127.0.0.1", connection.settings_dict["PORT"]
    proxy = Proxy(host, int(poort or 5432))
    via_proxy = server_db.url.replace(f"@{host}:{poort or 5432}/", f"@127.0.0.1:{proxy.poort}/")
    assert via_proxy != server_db.url
    omgeving = {
        "DATABASE_CONNECT_TIMEOUT": str(CONNECT_TIMEOUT),
        "DATABASE_STATEMENT_TIMEOUT": str(STATEMENT_TIMEOUT),
        "DATABASE_CONN_MAX_AGE": "600",
        "DATABASE_CONN_HEALTH_CHECKS": "true",
    }
    gezond: list[tuple[float, int]] = []
    try:
        with gunicorn_server(
            via_proxy, tmp_path, workers=2, threads=4, timeout=GUNICORN_TIMEOUT, omgeving=omgeving
        ) as server:
            stop = threading.Event()
            klanten = [
                Klant(server.url, inloggen(server.url, naam), n, gesteund.pk, nieuw, stop)
                for n, naam in enumerate(gebruikers, start=1)
            ]

            def peilen():
                while not stop.is_set():
                    try:
                        status = requests.get(f"{server.url}/gezond/", timeout=30).status_code
                    except requests.RequestException:
                        status = 0
                    gezond.append((time.monotonic(), status))
                    time.sleep(0.3)

            peiler = threading.Thread(target=peilen, daemon=True)
            for draad in (*klanten, peiler):
                draad.start()
            time.sleep(3)
            weg = time.monotonic()
            proxy.zet(WEIGEREN)
            doorgeknipt = proxy.knippen()
            time.sleep(3)
            proxy.zet(HANGEN)
            time.sleep(CONNECT_TIMEOUT + 3)
            proxy.zet(OPEN)
            terug = time.monotonic()
            time.sleep(5)
            stop.set()
            for draad in (*klanten, peiler):
                draad.join(timeout=GUNICORN_TIMEOUT + 15)

            # Recovered by itself: the same processes serve every page again.
            sessie = klanten[0].sessie
            for pad in (reverse("home"), reverse("signalen:signaal_lijst"), reverse("gezond")):
                assert sessie.get(server.url + pad, timeout=10).status_code == 200, pad
            assert server.proces.poll() is None
            log = server.logtekst()
    finally:
        proxy.stop()

    verzoeken = [v for klant in klanten for v in klant.verzoeken]
    statussen = {v.status for v in verzoeken}
    assert doorgeknipt > 0  # the server had connections through the relay to cut
    assert statussen <= {200, 302, 409, 503}, statussen
    assert max(v.duur for v in verzoeken) < MAX_DUUR
    assert "WORKER TIMEOUT" not in log

    # While away: the Dutch 503 without internals; before and after: served.
    storing = [v for v in verzoeken if v.status == 503]
    assert storing, "the cut did not reach any request"
    assert all(weg - MAX_DUUR <= v.moment <= terug for v in storing)  # in flight or started
    for v in storing:
        assert "Tijdelijk niet beschikbaar" in v.tekst
        for intern in ("Traceback", "psycopg", "OperationalError", "5432", str(proxy.poort)):
            assert intern not in v.tekst
    na_herstel = [v for v in verzoeken if v.moment > terug + 0.5]
    assert na_herstel and all(v.status != 503 for v in na_herstel)
    assert any(s == 503 for t, s in gezond if weg < t < terug)
    assert gezond[-1][1] == 200

    # No write half-done: every confirmed signal is there with its event; every stored one is
    # whole; every confirmed support is there, and nothing was stored that was not sent.
    bevestigd = {
        int(v.locatie.rstrip("/").rsplit("/", 1)[1])
        for v in verzoeken
        if v.soort == "signaal" and v.status == 302
    }
    opgeslagen = Signaal.objects.filter(omschrijving__startswith="Storingstest")
    assert bevestigd <= set(opgeslagen.values_list("pk", flat=True))
    for signaal in opgeslagen:
        assert (
            Gebeurtenis.objects.filter(
                signaal=signaal, wat=GebeurtenisSoort.SIGNAAL_GEREGISTREERD
            ).count()
            == 1
        )
    steun = [v for v in verzoeken if v.soort == "steun"]
    gesteund_door = set(
        Bewoner.objects.filter(steun__signaal=gesteund).values_list("sleutel", flat=True)
    )
    assert {_sleutel(v.bewoner) for v in steun if v.status == 302} <= gesteund_door
    assert gesteund_door - {_sleutel(n) for n in (1, 2, 3)} <= {_sleutel(v.bewoner) for v in steun}
    gesteund.refresh_from_db()
    assert gesteund.aantal_bewoners == Steun.objects.filter(signaal=gesteund).count()

    uit = StringIO()
    call_command("controleer_integriteit", stdout=uit)
    assert "kloppen" in uit.getvalue()
