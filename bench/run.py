"""`make bench`: measure the main pages against a seeded PostgreSQL database.

Starts gunicorn with the production settings, then per page and role:
(a) latency of single requests (median, p95), (b) requests per second under a concurrent load
(locust, headless), (c) queries per request (in process, Django's test client), (d) the admin
changelist of signals as baseline and the ratio page/admin, (e) logging a signal and recording a
support through the real forms. Writes a report a person can read (bench/rapport.md) and exits
non-zero when a budget is broken. (f) A mixed read and write load (bench/gemengd.py): many
staff logging signals and supports while opening pages, then every confirmed write checked in
the database and `controleer_integriteit` run.

Environment: BENCH_DATABASE_URL, BENCH_POORT (8765), BENCH_HERHALINGEN (50), BENCH_LOCUST_DUUR
(30s), BENCH_LOCUST_GEBRUIKERS (12), BENCH_GEMENGD_GEBRUIKERS (50), BENCH_GEMENGD_DUUR (60 s),
BENCH_RAPPORT (bench/rapport.md).
"""

import csv
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

import requests

BASIS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASIS))

from bench import gemengd  # noqa: E402
from bench.paginas import ADMIN, PAGINAS  # noqa: E402

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/vbt_bench")
POORT = int(os.environ.get("BENCH_POORT", "8765"))
HOST = f"http://127.0.0.1:{POORT}"
HERHALINGEN = int(os.environ.get("BENCH_HERHALINGEN", "50"))
LOCUST_DUUR = os.environ.get("BENCH_LOCUST_DUUR", "30s")
LOCUST_GEBRUIKERS = int(os.environ.get("BENCH_LOCUST_GEBRUIKERS", "12"))
GEMENGD_GEBRUIKERS = int(os.environ.get("BENCH_GEMENGD_GEBRUIKERS", "50"))
GEMENGD_DUUR = float(os.environ.get("BENCH_GEMENGD_DUUR", "60"))
RAPPORT = Path(os.environ.get("BENCH_RAPPORT", BASIS / "bench" / "rapport.md"))
# 2 workers on 2 cores: the app is CPU-bound Python with PostgreSQL on the same machine, so one
# sync worker per core keeps both busy; more workers only queue for the same cores.
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
MAX_QUERIES = 12
POST_BUDGET_MS = 50

# Production settings, made to work over plain http on 127.0.0.1 for this run only. The
# secrets are throwaway: nothing here ever reaches a real deployment.
OMGEVING = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "vbt.settings.production",
    "DATABASE_URL": DATABASE_URL,
    "SECRET_KEY": "bench-alleen-lokaal-" + "x" * 40,
    "VBT_STEUN_PEPPER": "bench-alleen-lokaal",
    "ALLOWED_HOSTS": "127.0.0.1,testserver",
    "SECURE_SSL_REDIRECT": "false",
    "SESSION_COOKIE_SECURE": "false",
    "SECURE_HSTS_SECONDS": "0",
    "VBT_2FA_VERPLICHT": "false",
}
os.environ.update(OMGEVING)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from acties import integriteit  # noqa: E402
from acties.constants import VerbeterpuntStatus  # noqa: E402
from acties.models import Actie, Verbeterpunt  # noqa: E402
from bench import dataset as seed  # noqa: E402
from buurten.bereik import bereik_van  # noqa: E402
from buurten.models import Buurt  # noqa: E402
from inzicht import cijfers  # noqa: E402
from inzicht.forms import DashboardFilter  # noqa: E402
from inzicht.selectors import Selectie  # noqa: E402
from partners.models import Medewerker  # noqa: E402
from signalen.constants import SignaalStatus  # noqa: E402
from signalen.models import Bewoner, Gebeurtenis, Signaal, Steun  # noqa: E402

GEBRUIKERS = {
    "medewerker": seed.BENCH_MEDEWERKER,
    "teamleider": seed.BENCH_TEAMLEIDER,
    "beheerder": seed.BENCH_BEHEERDER,
}


@dataclass
class Keuze:
    """The bench data the pages are opened with: the worst realistic case of the busiest team."""

    buurt: int
    thema: int
    signaal: int
    punt: int
    subgebied: int


def kies() -> Keuze:
    user = Medewerker.objects.get(username=seed.BENCH_MEDEWERKER)
    team = user.teams.first()
    buurten = list(team.buurten.values_list("pk", flat=True))
    drukste = (
        Signaal.objects.filter(buurt_id__in=buurten)
        .values("buurt_id", "thema_id")
        .order_by()
        .annotate(n=django.db.models.Count("pk"))
        .order_by("-n")
        .first()
    )
    # A point with actions and a long timeline, and the signal with the most supports.
    punt = (
        Verbeterpunt.objects.filter(team=team, status=VerbeterpuntStatus.IN_UITVOERING)
        .order_by("-aantal_bewoners", "-pk")
        .first()
    )
    signaal = (
        Signaal.objects.filter(team=team, status=SignaalStatus.VERBETERPUNT)
        .order_by("-aantal_bewoners", "-pk")
        .first()
    )
    subgebied = Buurt.objects.get(pk=drukste["buurt_id"]).subgebieden.first()
    return Keuze(drukste["buurt_id"], drukste["thema_id"], signaal.pk, punt.pk, subgebied.pk)


def url_van(pagina, keuze) -> str:
    url = reverse(pagina.url_naam, args=pagina.args(keuze) if pagina.args else None)
    if pagina.query:
        url += "?" + urlencode(pagina.query(keuze))
    return url


# --- gunicorn and login --------------------------------------------------------------------


def start_gunicorn():
    # Another server on the port would answer the health check and be measured instead.
    with socket.socket() as sok:
        if sok.connect_ex(("127.0.0.1", POORT)) == 0:
            raise SystemExit(f"poort {POORT} is al in gebruik: kies een andere met BENCH_POORT")
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "vbt.wsgi",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{POORT}",
            "--log-level",
            "warning",
        ],
        cwd=BASIS,
        env=OMGEVING,
    )
    for _i in range(120):
        if proces.poll() is not None:
            raise SystemExit("gunicorn stopte meteen")
        try:
            if requests.get(f"{HOST}/gezond/", timeout=5).status_code == 200:
                return proces
        except requests.RequestException:
            pass
        time.sleep(0.5)
    proces.terminate()
    raise SystemExit("gunicorn kwam niet op")


def inloggen(username) -> requests.Session:
    sessie = requests.Session()
    sessie.get(f"{HOST}/inloggen/")
    antwoord = sessie.post(
        f"{HOST}/inloggen/",
        data={
            "csrfmiddlewaretoken": sessie.cookies["csrftoken"],
            "inlog_view-current_step": "auth",
            "auth-username": username,
            "auth-password": seed.BENCH_WACHTWOORD,
        },
        allow_redirects=False,
    )
    if antwoord.status_code != 302 or "sessionid" not in sessie.cookies:
        raise SystemExit(f"inloggen als {username} mislukt ({antwoord.status_code})")
    return sessie


# --- measurements --------------------------------------------------------------------------


def p95(tijden):
    tijden = sorted(tijden)
    return tijden[min(len(tijden) - 1, int(round(0.95 * (len(tijden) - 1))))]


def latentie(sessie, url, n=HERHALINGEN):
    for _i in range(3):  # warm up: worker caches, PostgreSQL buffers
        sessie.get(HOST + url)
    tijden, status = [], None
    for _i in range(n):
        begin = time.perf_counter()
        antwoord = sessie.get(HOST + url)
        tijden.append((time.perf_counter() - begin) * 1000)
        status = antwoord.status_code
    return statistics.median(tijden), p95(tijden), status


def queries(username, url) -> int:
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(Medewerker.objects.get(username=username))
    client.get(url)  # the first request of a session may differ (session renewal)
    cache.clear()  # the dashboard's figures computed, not taken from the cache: the worst case
    with CaptureQueriesContext(connection) as vastgelegd:
        client.get(url)
    return len(vastgelegd)


KOUD_HERHALINGEN = 10


def dashboard_koud(n=KOUD_HERHALINGEN) -> dict:
    """The dashboard's figures computed without the cache (`inzicht.cijfers.bereken`, in process,
    default filter), per role: what a view pays on top of the warm page once the cached figures
    have expired. Returns role -> (median ms, p95 ms)."""
    resultaat = {}
    for rol, naam in GEBRUIKERS.items():
        bereik = bereik_van(Medewerker.objects.get(username=naam))
        form = DashboardFilter({}, bereik=bereik)
        if not form.is_valid():
            raise SystemExit(f"dashboardfilter van {naam}: {form.errors}")
        selectie = Selectie(
            bereik=bereik, van=form.cleaned_data["van"], tot=form.cleaned_data["tot"]
        )
        cijfers.bereken(selectie)  # warm up: PostgreSQL buffers
        tijden = []
        for _i in range(n):
            begin = time.perf_counter()
            cijfers.bereken(selectie)
            tijden.append((time.perf_counter() - begin) * 1000)
        resultaat[rol] = (statistics.median(tijden), p95(tijden))
        print(
            f"{'dashboard, cijfers zonder cache':<36} {rol:<11} "
            f"{resultaat[rol][0]:7.1f} ms {resultaat[rol][1]:7.1f} ms",
            flush=True,
        )
    return resultaat


def locust(urls: dict) -> dict:
    """Concurrent load: every role's users open every page; returns name -> requests/s."""
    with tempfile.TemporaryDirectory() as map_:
        paginas = Path(map_) / "paginas.json"
        paginas.write_text(json.dumps(urls))
        prefix = Path(map_) / "stats"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(BASIS / "bench" / "locustfile.py"),
                "--headless",
                "--host",
                HOST,
                "-u",
                str(LOCUST_GEBRUIKERS),
                "-r",
                str(LOCUST_GEBRUIKERS),
                "-t",
                LOCUST_DUUR,
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env={**os.environ, "BENCH_PAGINAS": str(paginas)},
            check=False,
        )
        resultaat = {}
        with open(f"{prefix}_stats.csv", newline="") as bestand:
            for rij in csv.DictReader(bestand):
                resultaat[rij["Name"]] = {
                    "rps": float(rij["Requests/s"]),
                    "mediaan": float(rij["Median Response Time"] or 0),
                    "p95": float(rij["95%"] or 0),
                    "fouten": int(rij["Failure Count"]),
                    "aantal": int(rij["Request Count"]),
                }
        return resultaat


def versie_uit(html: str) -> str:
    gevonden = re.search(r'name="versie" value="(\d+)"', html)
    return gevonden.group(1) if gevonden else "1"


def schrijven(sessie, keuze, n=20):
    """(e) Logging a signal and recording a support: POST through the real forms."""
    signaal_tijden, steun_tijden = [], []
    nieuw = f"{HOST}/signalen/nieuw/"
    laatste = None
    for i in range(n):
        sessie.get(nieuw)
        begin = time.perf_counter()
        antwoord = sessie.post(
            nieuw,
            data={
                "csrfmiddlewaretoken": sessie.cookies["csrftoken"],
                "buurt": keuze.buurt,
                "subgebied": keuze.subgebied,
                "thema": keuze.thema,
                "omschrijving": f"Benchmark: kapotte lantaarnpaal nummer {i}",
                "kanaal": "straathoekbijeenkomst",
            },
            allow_redirects=False,
        )
        signaal_tijden.append((time.perf_counter() - begin) * 1000)
        if antwoord.status_code != 302:
            raise SystemExit(f"signaal registreren gaf {antwoord.status_code}")
        laatste = antwoord.headers["Location"]
    steun_url = f"{HOST}{laatste}steun/"
    basis = int(time.time())
    for i in range(n):
        formulier = sessie.get(steun_url).text
        begin = time.perf_counter()
        antwoord = sessie.post(
            steun_url,
            data={
                "csrfmiddlewaretoken": sessie.cookies["csrftoken"],
                "kanaal": "deur_tot_deur",
                "datum": datetime.now().date().isoformat(),
                "versie": versie_uit(formulier),
                "bewoners-TOTAL_FORMS": "1",
                "bewoners-INITIAL_FORMS": "0",
                "bewoners-MIN_NUM_FORMS": "0",
                "bewoners-MAX_NUM_FORMS": "20",
                "bewoners-0-postcode": "6221 AB",
                "bewoners-0-huisnummer": str(basis % 100000 + i),
                "bewoners-0-naam": f"Bench {i}",
            },
            allow_redirects=False,
        )
        steun_tijden.append((time.perf_counter() - begin) * 1000)
        if antwoord.status_code != 302:
            raise SystemExit(f"steun registreren gaf {antwoord.status_code}")
    return signaal_tijden, steun_tijden


@dataclass
class Gemengd:
    uitslag: gemengd.Uitslag
    afwijkingen: list  # confirmed writes not stored as confirmed
    bevindingen: list  # controleer_integriteit's findings afterwards
    controle_s: float  # how long controleer_integriteit took


def gemengde_belasting() -> Gemengd:
    """(f) Staff logging signals and supports while opening pages, all at once; then the
    database against every confirmed write, and the integrity check over everything."""
    plekken = gemengd.werkplekken(
        GEMENGD_GEBRUIKERS,
        wachtwoord=seed.BENCH_WACHTWOORD,
        gebruikers=Medewerker.objects.filter(username__startswith="bench-m"),
    )
    uitslag = gemengd.belasting(HOST, plekken, duur=GEMENGD_DUUR)
    afwijkingen = gemengd.nagaan(uitslag)
    begin = time.perf_counter()
    bevindingen = integriteit.controleer()
    controle_s = time.perf_counter() - begin
    print(
        f"gemengde belasting: {uitslag.per_seconde:.1f} req/s, {len(uitslag.fouten)} fouten, "
        f"{len(afwijkingen)} afwijkingen, integriteit {len(bevindingen)} bevindingen "
        f"({controle_s:.1f} s)",
        flush=True,
    )
    return Gemengd(uitslag, afwijkingen, bevindingen, controle_s)


# --- report --------------------------------------------------------------------------------


def machine() -> list[str]:
    cpu = "?"
    for regel in Path("/proc/cpuinfo").read_text().splitlines():
        if regel.startswith("model name"):
            cpu = regel.split(":", 1)[1].strip()
            break
    geheugen = "?"
    for regel in Path("/proc/meminfo").read_text().splitlines():
        if regel.startswith("MemTotal"):
            geheugen = f"{int(regel.split()[1]) / 1024 / 1024:.1f} GB"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    return [
        f"- Machine: {os.cpu_count()} cores ({cpu}), {geheugen} RAM, "
        f"{platform.system()} {platform.release()}",
        f"- PostgreSQL {pg} on the same machine; gunicorn {WORKERS} sync workers, "
        f"Python {platform.python_version()}, settings vbt.settings.production",
        f"- Date: {datetime.now():%Y-%m-%d %H:%M}",
    ]


def omvang() -> list[str]:
    tellingen = {
        "signalen": Signaal.objects.count(),
        "steunbetuigingen": Steun.objects.count(),
        "bewoners": Bewoner.objects.count(),
        "verbeterpunten": Verbeterpunt.objects.count(),
        "acties": Actie.objects.count(),
        "gebeurtenissen": Gebeurtenis.objects.count(),
        "gebruikers": Medewerker.objects.count(),
        "buurten": Buurt.objects.count(),
    }
    return [
        "- Data: " + ", ".join(f"{n:,} {naam}".replace(",", ".") for naam, n in tellingen.items())
    ]


def ja(ok) -> str:
    return "ja" if ok else "**NEE**"


def main():
    keuze = kies()
    urls = {p.naam: url_van(p, keuze) for p in PAGINAS}
    koud = dashboard_koud()
    proces = start_gunicorn()
    try:
        # Warm up both workers: imports, template and URL caches, connections.
        for _i in range(10):
            requests.get(f"{HOST}/inloggen/", timeout=30)
        sessies = {rol: inloggen(naam) for rol, naam in GEBRUIKERS.items()}
        rijen = []
        admin_mediaan = None
        for pagina in PAGINAS:
            for rol in pagina.rollen:
                url = urls[pagina.naam]
                mediaan, p95_, status = latentie(sessies[rol], url)
                rij = {
                    "pagina": pagina,
                    "rol": rol,
                    "url": url,
                    "status": status,
                    "mediaan": mediaan,
                    "p95": p95_,
                    "queries": queries(GEBRUIKERS[rol], url),
                }
                rijen.append(rij)
                print(
                    f"{pagina.naam:<36} {rol:<11} {mediaan:7.1f} ms {p95_:7.1f} ms "
                    f"{rij['queries']:3d} q  ({status})",
                    flush=True,
                )
                if pagina.naam == ADMIN:
                    admin_mediaan = mediaan
        signaal_tijden, steun_tijden = schrijven(sessies["medewerker"], keuze)
        belasting = locust(
            {rol: {p.naam: urls[p.naam] for p in PAGINAS if rol in p.rollen} for rol in GEBRUIKERS}
        )
        gemengd_ = gemengde_belasting()
    finally:
        proces.terminate()
        proces.wait(timeout=30)
    return rapport(rijen, admin_mediaan, signaal_tijden, steun_tijden, belasting, koud, gemengd_)


def gemengd_rapport(g: Gemengd) -> tuple[list[str], bool]:
    """(f) in the report: throughput, latency per kind, errors, and whether the database holds
    exactly the confirmed writes and passes the integrity check. Returns (lines, budget met)."""
    u = g.uitslag
    ok = not u.fouten and not g.afwijkingen and not g.bevindingen
    fouten = ", ".join(f"{soort} {status}" for soort, status in u.fouten[:10]) or "geen"
    regels = [
        "## Gemengde belasting: lezen en schrijven",
        "",
        f"{GEMENGD_GEBRUIKERS} medewerkers tegelijk, {u.duur:.0f} s, zonder denktijd "
        "(bench/gemengd.py): elk opent twee lijsten, registreert een signaal, opent het, "
        "registreert de steun van 1-3 bewoners en opent het weer.",
        "",
        f"**{u.per_seconde:.1f} requests/s** in totaal, waarvan "
        f"**{u.schrijvend_per_seconde:.1f} schrijvend/s** (signalen en steun); "
        f"{u.aantal} verzoeken, {len(u.signalen)} signalen met "
        f"{sum(u.signalen.values())} steunbetuigingen.",
        "",
        "| soort | aantal | mediaan ms | p95 ms |",
        "| --- | ---: | ---: | ---: |",
    ]
    for soort in gemengd.SOORTEN:
        mediaan, p95_ = u.mediaan_p95(soort)
        regels.append(f"| {soort} | {len(u.tijden[soort])} | {mediaan:.0f} | {p95_:.0f} |")
    regels += [
        "",
        f"- Fouten (status of uitzondering): {len(u.fouten)} ({fouten}).",
        f"- Elke bevestigde schrijfactie precies zo opgeslagen: {ja(not g.afwijkingen)}"
        + (f" ({'; '.join(g.afwijkingen[:5])})" if g.afwijkingen else "")
        + ".",
        f"- `controleer_integriteit` daarna: {ja(not g.bevindingen)} "
        f"({len(g.bevindingen)} bevindingen, {g.controle_s:.1f} s over de hele database).",
        f"- Budget gehaald (geen fout, alles opgeslagen, integriteit schoon): {ja(ok)}",
        "",
    ]
    return regels, ok


def rapport(rijen, admin_mediaan, signaal_tijden, steun_tijden, belasting, koud, gemengd_) -> int:
    gebroken = []
    regels = ["# Benchmark VBT casusregistratie", "", *machine(), *omvang(), ""]
    regels += [
        "Budgets (issue 7): at most 12 queries per page; median < 50 ms and p95 < 150 ms for a "
        "single request; no page slower than the admin changelist of signals (ratio <= 1); "
        "logging a signal and recording a support < 50 ms. Single requests: "
        f"{HERHALINGEN} sequential requests per page and role after 3 warm-up requests. "
        f"Load: locust, {LOCUST_GEBRUIKERS} concurrent users over the three roles, "
        f"{LOCUST_DUUR}, no think time.",
        "",
        "| pagina | rol | mediaan ms | p95 ms | req/s (belasting) | queries | / admin | "
        "budget gehaald |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for rij in rijen:
        pagina, rol = rij["pagina"], rij["rol"]
        ok = rij["queries"] <= MAX_QUERIES and rij["status"] == 200
        if pagina.mediaan_ms is not None:
            ok = ok and rij["mediaan"] < pagina.mediaan_ms and rij["p95"] < pagina.p95_ms
        verhouding = ""
        if pagina.vergelijk_met_admin and admin_mediaan:
            verhouding = rij["mediaan"] / admin_mediaan
            ok = ok and verhouding <= 1
            verhouding = f"{verhouding:.2f}"
        rps = belasting.get(f"{rol}: {pagina.naam}", {}).get("rps", 0)
        if not ok and pagina.naam != ADMIN:
            gebroken.append(f"{pagina.naam} ({rol})")
        regels.append(
            f"| {pagina.naam} | {rol} | {rij['mediaan']:.1f} | {rij['p95']:.1f} | {rps:.1f} | "
            f"{rij['queries']} | {verhouding} | {ja(ok) if pagina.naam != ADMIN else 'baseline'} |"
        )
    for naam, tijden in (
        ("signaal registreren (POST)", signaal_tijden),
        ("steun registreren (POST)", steun_tijden),
    ):
        mediaan = statistics.median(tijden)
        ok = mediaan < POST_BUDGET_MS
        if not ok:
            gebroken.append(naam)
        regels.append(
            f"| {naam} | medewerker | {mediaan:.1f} | {p95(tijden):.1f} | | | | {ja(ok)} |"
        )
    for rol, (mediaan, p95_) in koud.items():
        regels.append(
            f"| dashboard, cijfers berekend zonder cache (in proces) | {rol} | {mediaan:.1f} | "
            f"{p95_:.1f} | | | | zie onder |"
        )
    totaal = belasting.get("Aggregated", {})
    seconden = settings.VBT_DASHBOARD_CACHE_SECONDEN
    regels += [
        "",
        (
            f"The dashboard keeps its figures per scope, team filter and period for {seconden} s "
            "(`VBT_DASHBOARD_CACHE_SECONDEN`, in each worker's memory); its rows above measure "
            "the page with the figures in the cache, and its query count is that of computing "
            "them (cache cleared)."
            if seconden > 0
            else "The dashboard computes its figures on every request "
            "(`VBT_DASHBOARD_CACHE_SECONDEN=0`)."
        )
        + ' The rows "cijfers berekend zonder cache" time that computation alone '
        f"({KOUD_HERHALINGEN} runs, in process, no HTTP or rendering): the first view of a "
        "scope, and the first after the figures expired, costs that on top of the page.",
        "",
        f"Under load ({LOCUST_GEBRUIKERS} concurrent users, all pages mixed): "
        f"**{totaal.get('rps', 0):.1f} requests/s** overall, median "
        f"{totaal.get('mediaan', 0):.0f} ms, p95 {totaal.get('p95', 0):.0f} ms, "
        f"{totaal.get('fouten', 0)} failures of {totaal.get('aantal', 0)} requests.",
        "",
        f"Admin changelist of signals (baseline): median {admin_mediaan or 0:.1f} ms.",
        "",
    ]
    gemengd_regels, gemengd_ok = gemengd_rapport(gemengd_)
    regels += gemengd_regels
    if not gemengd_ok:
        gebroken.append("gemengde belasting")
    regels += [
        "**All budgets met.**" if not gebroken else "**Budget broken:** " + ", ".join(gebroken),
        "",
    ]
    RAPPORT.write_text("\n".join(regels))
    print("\n".join(regels))
    print(f"Rapport: {RAPPORT}")
    return 1 if gebroken else 0


if __name__ == "__main__":
    sys.exit(main())
