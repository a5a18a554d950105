"""More than one server (issue 14): two gunicorn servers on different ports, one PostgreSQL
database and one Redis (REDIS_URL). A user logs in on one and carries on on the other, a lockout
on one holds on the other, and the dashboard's figures are computed once for both.

Redis: 127.0.0.1:6379 (VBT_TEST_REDIS_URL to use another), a database number of its own and a
key prefix per run, so parallel runs never meet; only this run's keys are removed.
"""

import os
import re
import uuid

import pytest
from django.db import connection
from django.urls import reverse

from signalen.models import Signaal
from tests.bedrijfsvoering.servers import csrf, gunicorn_server, inloggen
from tests.signalen.factories import ThemaFactory
from tests.signalen.helpers import gesteund_signaal, signaal_in

pytestmark = [
    pytest.mark.meerdere_servers,
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="two servers share one PostgreSQL database"
    ),
]

REDIS_URL = os.environ.get("VBT_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


@pytest.fixture
def redis_prefix():
    """A key prefix of this run; afterwards its keys, and only those, are deleted."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as fout:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis op {REDIS_URL} antwoordt niet en CI=true: {fout}")
        pytest.skip(f"Redis op {REDIS_URL} antwoordt niet ({fout}); start redis-server")
    prefix = f"vbt-test-{uuid.uuid4().hex[:12]}"
    yield client, prefix
    for sleutel in client.scan_iter(match=f"{prefix}:*", count=500):
        client.delete(sleutel)
    client.close()


@pytest.fixture
def twee_servers(server_db, redis_prefix, tmp_path):
    _client, prefix = redis_prefix
    omgeving = {"REDIS_URL": REDIS_URL, "VBT_CACHE_PREFIX": prefix}
    with (
        gunicorn_server(server_db.url, tmp_path, workers=1, threads=4, omgeving=omgeving) as a,
        gunicorn_server(server_db.url, tmp_path, workers=1, threads=4, omgeving=omgeving) as b,
    ):
        assert a.url != b.url
        yield a, b


def _sleutels(redis_prefix, deel: str) -> list[bytes]:
    client, prefix = redis_prefix
    return list(client.scan_iter(match=f"{prefix}:*{deel}*", count=500))


def test_inloggen_op_de_een_verder_op_de_ander(wereld, twee_servers, redis_prefix):
    a, b = twee_servers
    sessie = inloggen(a.url, "gemeente")
    assert _sleutels(redis_prefix, "sessions")  # the session is in Redis (and the database)

    thuis = sessie.get(b.url + reverse("home"), allow_redirects=False, timeout=30)
    assert thuis.status_code == 200
    thema = ThemaFactory(naam="Verlichting")
    antwoord = sessie.post(
        b.url + reverse("signalen:signaal_nieuw"),
        data={
            "csrfmiddlewaretoken": csrf(sessie),
            "buurt": wereld.buurt_a.pk,
            "subgebied": wereld.buurt_a.subgebieden.get(soort="hele_buurt").pk,
            "thema": thema.pk,
            "omschrijving": "Lantaarnpaal kapot, gemeld op server B",
            "kanaal": "straathoekbijeenkomst",
        },
        allow_redirects=False,
        timeout=30,
    )
    assert antwoord.status_code == 302
    assert Signaal.objects.filter(omschrijving__contains="server B").count() == 1

    # Logged out on B: the session is gone on A as well.
    sessie.post(b.url + reverse("logout"), data={"csrfmiddlewaretoken": csrf(sessie)}, timeout=30)
    terug = sessie.get(a.url + reverse("home"), allow_redirects=False, timeout=30)
    assert terug.status_code == 302 and reverse("login") in terug.headers["Location"]


def test_blokkade_op_de_een_geldt_op_de_ander(wereld, twee_servers):
    import requests

    a, b = twee_servers
    for _poging in range(5):
        fout = requests.Session()
        pagina = fout.get(a.url + reverse("login"), timeout=30)
        antwoord = fout.post(
            a.url + reverse("login"),
            data={
                "csrfmiddlewaretoken": csrf(fout, pagina.text),
                "inlog_view-current_step": "auth",
                "auth-username": "trajekt",
                "auth-password": "fout-wachtwoord-123",
            },
            timeout=30,
        )
        assert antwoord.status_code in (200, 429)
    with pytest.raises(AssertionError, match="HTTP 429"):
        inloggen(b.url, "trajekt")  # the right password, on the other server: still locked
    inloggen(b.url, "politie")  # another user is not affected


def _hoofdinhoud(html: str) -> str:
    inhoud = re.search(r"<main.*?</main>", html, re.S).group(0)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", inhoud)


def test_dashboardcijfers_een_keer_voor_beide(wereld, twee_servers, redis_prefix):
    a, b = twee_servers
    gesteund_signaal(wereld, aantal=3)
    url = reverse("inzicht:dashboard")
    op_a = inloggen(a.url, "gemeente").get(a.url + url, timeout=30)
    assert op_a.status_code == 200
    assert len(_sleutels(redis_prefix, "dashboard")) == 1

    # A new signal after A computed the figures: B shows A's figures (from Redis), not its own.
    signaal_in(wereld, omschrijving="Nog een signaal, na de berekening")
    sessie_b = inloggen(b.url, "trajekt")  # another member of the same team: the same scope
    op_b = sessie_b.get(b.url + url, timeout=30)
    assert op_b.status_code == 200
    assert _hoofdinhoud(op_b.text) == _hoofdinhoud(op_a.text)
    assert len(_sleutels(redis_prefix, "dashboard")) == 1

    # Without the shared entry B computes them itself and counts the new signal.
    client, _prefix = redis_prefix
    client.delete(*_sleutels(redis_prefix, "dashboard"))
    vers = sessie_b.get(b.url + url, timeout=30)
    assert _hoofdinhoud(vers.text) != _hoofdinhoud(op_a.text)
