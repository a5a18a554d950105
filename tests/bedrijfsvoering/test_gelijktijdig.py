"""Concurrent writers through real HTTP (issue 14): eight team leads promote one signal at the
same moment while twenty staff record the support of twenty distinct residents on another, all
released at once by a barrier, against gunicorn (2 processes x 8 threads) with production
settings. Runs on whichever database the suite runs on: SQLite (WAL, IMMEDIATE transactions, a
busy timeout: writers queue) and PostgreSQL (row locks). No answer is a 5xx, exactly one point,
the exact count, and `controleer_integriteit` is clean afterwards.

A support form carries the signal's version, so of twenty forms opened at the same version one
is accepted and the others are refused as stale (409, the form shown again with the current
version): each client then sends again, as a person would after reading the message.
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from acties.models import Verbeterpunt
from signalen.constants import GebeurtenisSoort, SignaalStatus
from signalen.models import Gebeurtenis, Signaal, Steun
from tests.bedrijfsvoering.servers import csrf, gunicorn_server, inloggen, versie
from tests.partners.factories import MedewerkerFactory
from tests.signalen.helpers import gesteund_signaal, signaal_in

LEIDERS = 8
STEUNERS = 20
MAX_POGINGEN = 3 * STEUNERS


def _promoveren(server, sessie, signaal_pk, start):
    url = server.url + reverse("acties:signaal_promoveren", args=[signaal_pk])
    html = sessie.get(url, timeout=30).text
    data = {
        "csrfmiddlewaretoken": csrf(sessie, html),
        "promoveren-titel": "Zwerfvuil bij de flat aanpakken",
        "promoveren-prioriteit": "normaal",
        "promoveren-versie": versie(html, "promoveren"),
    }
    start.wait(timeout=60)
    return sessie.post(url, data=data, allow_redirects=False, timeout=60).status_code


def _steunen(server, sessie, signaal_pk, nummer, start):
    """Record one resident's support; send again after a 409 (stale form). Returns statuses."""
    url = server.url + reverse("signalen:steun_nieuw", args=[signaal_pk])
    html = sessie.get(url, timeout=30).text
    start.wait(timeout=60)
    statussen = []
    for _poging in range(MAX_POGINGEN):
        antwoord = sessie.post(
            url,
            data={
                "csrfmiddlewaretoken": csrf(sessie, html),
                "kanaal": "deur_tot_deur",
                "datum": date.today().isoformat(),
                "versie": versie(html),
                "bewoners-TOTAL_FORMS": "1",
                "bewoners-INITIAL_FORMS": "0",
                "bewoners-MIN_NUM_FORMS": "0",
                "bewoners-MAX_NUM_FORMS": "20",
                "bewoners-0-postcode": "6221 AB",
                "bewoners-0-huisnummer": str(100 + nummer),
                "bewoners-0-naam": f"Bewoner {nummer}",
                **({"bewoners-0-wil_meedoen": "on"} if nummer % 5 == 0 else {}),
            },
            allow_redirects=False,
            timeout=60,
        )
        statussen.append(antwoord.status_code)
        if antwoord.status_code != 409:
            break
        html = antwoord.text  # the form again, with the signal's current version
    return statussen


def test_gelijktijdig_promoveren_en_steunen(wereld, server_db, tmp_path):
    leiders = [
        MedewerkerFactory(username=f"leider{i}", partner=wereld.gemeente, teamleider=True)
        for i in range(LEIDERS)
    ]
    steuners = [
        MedewerkerFactory(username=f"steuner{i}", partner=wereld.trajekt) for i in range(STEUNERS)
    ]
    wereld.team_a.leden.add(*leiders, *steuners)
    te_promoveren = gesteund_signaal(wereld, aantal=3)
    te_steunen = signaal_in(wereld, omschrijving="Kapotte verlichting in de steeg")
    assert te_promoveren.status == SignaalStatus.DRAAGVLAK_BEREIKT
    server_db.naar_server()

    with gunicorn_server(server_db.url, tmp_path, workers=2, threads=8) as server:
        with ThreadPoolExecutor(LEIDERS + STEUNERS) as pool:
            sessies = list(pool.map(lambda m: inloggen(server.url, m.username), leiders + steuners))
            start = threading.Barrier(LEIDERS + STEUNERS)
            promoties = [
                pool.submit(_promoveren, server, sessie, te_promoveren.pk, start)
                for sessie in sessies[:LEIDERS]
            ]
            steun = [
                pool.submit(_steunen, server, sessie, te_steunen.pk, nummer, start)
                for nummer, sessie in enumerate(sessies[LEIDERS:], start=1)
            ]
            promotie_statussen = [f.result() for f in promoties]
            steun_statussen = [f.result() for f in steun]
        log = server.logtekst()
    server_db.terug()

    alle = promotie_statussen + [s for reeks in steun_statussen for s in reeks]
    assert all(status < 500 for status in alle), (alle, log[-4000:])
    assert "database is locked" not in log and "Traceback" not in log

    # Eight team leads at once: one point, the others told it changed (409) or is done (400).
    assert sorted(promotie_statussen).count(302) == 1, promotie_statussen
    assert set(promotie_statussen) <= {302, 400, 409}
    te_promoveren.refresh_from_db()
    assert te_promoveren.status == SignaalStatus.VERBETERPUNT
    assert Verbeterpunt.objects.count() == 1
    assert Verbeterpunt.objects.get().bron_signaal_id == te_promoveren.pk
    assert (
        Gebeurtenis.objects.filter(
            signaal=te_promoveren, wat=GebeurtenisSoort.SIGNAAL_GEPROMOVEERD
        ).count()
        == 1
    )

    # Twenty residents at once: every one recorded, each once, and counted exactly.
    assert [reeks[-1] for reeks in steun_statussen] == [302] * STEUNERS, steun_statussen
    assert all(set(reeks[:-1]) <= {409} for reeks in steun_statussen)
    te_steunen = Signaal.objects.get(pk=te_steunen.pk)
    assert Steun.objects.filter(signaal=te_steunen).count() == STEUNERS
    assert te_steunen.aantal_bewoners == STEUNERS
    assert te_steunen.status == SignaalStatus.DRAAGVLAK_BEREIKT
    gebeurtenissen = Gebeurtenis.objects.filter(signaal=te_steunen)
    assert gebeurtenissen.filter(wat=GebeurtenisSoort.STEUN_GEREGISTREERD).count() == STEUNERS
    assert gebeurtenissen.filter(wat=GebeurtenisSoort.DRAAGVLAK_BEREIKT).count() == 1

    uit = StringIO()
    call_command("controleer_integriteit", stdout=uit)
    assert "kloppen" in uit.getvalue()
