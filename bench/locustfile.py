"""Concurrent load for `make bench` (run by bench/run.py, locust headless).

Users of the three roles log in through the real login page and open every page their role
measures, in random order, without think time. The pages come from BENCH_PAGINAS (a JSON file
written by run.py: role -> {page name: URL}), so this file never lists pages itself.
"""

import itertools
import json
import os
import random

from locust import HttpUser, task

WACHTWOORD = "bench-alleen-lokaal"
PAGINAS = json.loads(open(os.environ["BENCH_PAGINAS"]).read())  # noqa: SIM115
GEBRUIKERS = {
    "medewerker": "bench-medewerker",
    "teamleider": "bench-teamleider",
    "beheerder": "bench-beheerder",
}
_rollen = itertools.cycle(GEBRUIKERS)


class Gebruiker(HttpUser):
    def on_start(self):
        self.rol = next(_rollen)
        self.client.get("/inloggen/", name="inloggen")
        self.client.post(
            "/inloggen/",
            data={
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
                "inlog_view-current_step": "auth",
                "auth-username": GEBRUIKERS[self.rol],
                "auth-password": WACHTWOORD,
            },
            name="inloggen",
        )

    @task
    def pagina(self):
        naam, url = random.choice(list(PAGINAS[self.rol].items()))
        self.client.get(url, name=f"{self.rol}: {naam}")
