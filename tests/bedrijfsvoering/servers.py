"""Real servers for the operations tests: gunicorn with production-like settings
(`tests.server_instellingen`) on a free port, against a database the test process also sees.

`gunicorn_server()` starts one and stops it; `ServerDatabase` hands the test database to a
server: on PostgreSQL the server opens the test database itself; SQLite's test database lives
in this process's memory, so it is copied to a file with SQLite's online backup before the
server starts and copied back after it stopped (`naar_server()` / `terug()`).
"""

import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests
from django.db import connection

BASIS = Path(__file__).resolve().parent.parent.parent
WACHTWOORD = "test-wachtwoord-123"  # tests.partners.factories.WACHTWOORD

# Production settings over plain http on 127.0.0.1; throwaway secrets, the test pepper.
OMGEVING = {
    "DJANGO_SETTINGS_MODULE": "tests.server_instellingen",
    "SECRET_KEY": "test-server-alleen-lokaal-" + "z" * 40,
    "VBT_STEUN_PEPPER": "test-pepper",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "SESSION_COOKIE_SECURE": "false",
    "SECURE_HSTS_SECONDS": "0",
    "VBT_2FA_VERPLICHT": "false",
}


def vrije_poort() -> int:
    with socket.socket() as sok:
        sok.bind(("127.0.0.1", 0))
        return sok.getsockname()[1]


@dataclass
class Server:
    url: str
    proces: subprocess.Popen
    log: Path

    def logtekst(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def _wacht_tot_gezond(server: Server, seconden: float = 60) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if server.proces.poll() is not None:
            break
        try:
            if requests.get(f"{server.url}/gezond/", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn kwam niet op:\n{server.logtekst()[-4000:]}")


@contextmanager
def gunicorn_server(
    database_url: str,
    map_: Path,
    *,
    workers: int = 2,
    threads: int = 4,
    timeout: int = 30,
    omgeving: dict | None = None,
):
    """A gunicorn on a free port of 127.0.0.1; yields a Server. Its log (production logging,
    gunicorn's own) is in `map_`; a test that fails prints it."""
    poort = vrije_poort()
    log = map_ / f"gunicorn-{poort}.log"
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env.update(OMGEVING, DATABASE_URL=database_url, **(omgeving or {}))
    with open(log, "wb") as uit:
        proces = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "vbt.wsgi",
                "--bind",
                f"127.0.0.1:{poort}",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--timeout",
                str(timeout),
                "--graceful-timeout",
                "5",
                "--access-logfile",
                "-",
            ],
            cwd=BASIS,
            env=env,
            stdout=uit,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(url=f"http://127.0.0.1:{poort}", proces=proces, log=log)
    try:
        _wacht_tot_gezond(server)
        yield server
    except BaseException:
        print(f"--- log van {server.url} ---\n{server.logtekst()[-8000:]}")  # on failure
        raise
    finally:
        stop(server)


def stop(server: Server) -> None:
    if server.proces.poll() is None:
        server.proces.send_signal(signal.SIGTERM)
        try:
            server.proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.proces.pid, signal.SIGKILL)
            server.proces.wait(timeout=10)


# --- The database the server uses ---------------------------------------------------------------


class ServerDatabase:
    """The test database, as a URL a server process can open."""

    def __init__(self, map_: Path):
        instellingen = connection.settings_dict
        self.sqlite = connection.vendor == "sqlite"
        if self.sqlite:
            self.bestand = map_ / "server.sqlite3"
            self.url = f"sqlite:///{self.bestand}"
        else:
            gebruiker = instellingen["USER"] or ""
            wachtwoord = f":{instellingen['PASSWORD']}" if instellingen["PASSWORD"] else ""
            host = instellingen["HOST"] or "127.0.0.1"
            poort = instellingen["PORT"] or 5432
            self.url = f"postgres://{gebruiker}{wachtwoord}@{host}:{poort}/{instellingen['NAME']}"

    def naar_server(self) -> None:
        """SQLite: copy what the test made so far to the server's file (WAL, like a server's)."""
        if not self.sqlite:
            return
        connection.ensure_connection()
        doel = sqlite3.connect(self.bestand)
        try:
            connection.connection.backup(doel)
            doel.execute("PRAGMA journal_mode=WAL")
        finally:
            doel.close()

    def wacht_tot_los(self, seconden: float = 15) -> None:
        """PostgreSQL: wait until the servers' sessions on the test database have ended (a
        stopped server's backends exit a moment later), so the database can be dropped."""
        if self.sqlite:
            return
        einde = time.monotonic() + seconden
        with connection.cursor() as cursor:
            while time.monotonic() < einde:
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                if cursor.fetchone()[0] == 0:
                    return
                time.sleep(0.2)

    def terug(self) -> None:
        """SQLite: copy what the server wrote back into the test database."""
        if not self.sqlite:
            return
        connection.ensure_connection()
        bron = sqlite3.connect(self.bestand)
        try:
            bron.backup(connection.connection)
        finally:
            bron.close()


# --- A browser-like client -------------------------------------------------------------------


def csrf(sessie: requests.Session, html: str = "") -> str:
    gevonden = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return gevonden.group(1) if gevonden else sessie.cookies.get("csrftoken", "")


def inloggen(url: str, username: str, wachtwoord: str = WACHTWOORD) -> requests.Session:
    """Log in through the real login page; returns the session (cookies) of a browser."""
    sessie = requests.Session()
    pagina = sessie.get(f"{url}/inloggen/", timeout=30)
    antwoord = sessie.post(
        f"{url}/inloggen/",
        data={
            "csrfmiddlewaretoken": csrf(sessie, pagina.text),
            "inlog_view-current_step": "auth",
            "auth-username": username,
            "auth-password": wachtwoord,
        },
        allow_redirects=False,
        timeout=30,
    )
    if antwoord.status_code != 302:
        raise AssertionError(f"inloggen als {username}: HTTP {antwoord.status_code}")
    return sessie


def versie(html: str, prefix: str = "") -> str:
    naam = f"{prefix}-versie" if prefix else "versie"
    gevonden = re.search(rf'name="{re.escape(naam)}" value="(\d+)"', html)
    if not gevonden:
        raise AssertionError(f"geen {naam} in het formulier")
    return gevonden.group(1)
