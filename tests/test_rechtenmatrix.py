"""The permission matrix: every URL the resolver knows, every role, GET and POST (DESIGN §4).

Adding a URL is one entry in MATRIX: how to reach it with the fixture's objects (team A), what
to POST, and the expected (GET, POST) status per role. The walk fails for any URL without an
entry. Statuses: 200 shown, 302 done (or, for anonymous and inactive users, sent to the login),
400 refused with a form error, 403 forbidden on a visible object, 404 outside the user's scope,
405 wrong method. Every refused request must have changed nothing.

Each URL is one test that runs all roles, each request inside a savepoint that is rolled back,
so the roles do not see each other's writes and the world is built once per URL.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from acties.models import Actie, Notitie, Verbeterpunt
from signalen.models import Activiteit, Bewoner, ContactInzage, Gebeurtenis, Signaal, Steun
from tests.acties.helpers import over
from tests.conftest import ROLLEN
from tests.objecten import maak_objecten
from tests.url_wandeling import alle_urls

pytestmark = [pytest.mark.django_db, pytest.mark.security]

MEDEWERKERS = [
    "medewerker_gemeente",
    "medewerker_trajekt",
    "medewerker_politie",
    "medewerker_corporatie",
]
TEAM = [*MEDEWERKERS, "teamleider"]  # the members of team A
GROEPEN = {
    "medewerkers": MEDEWERKERS,
    "andere_medewerkers": MEDEWERKERS[1:],  # not the gemeente, whose signal and action it is
    "team": TEAM,
    "ingelogd": [*TEAM, "beheerder", "ander_team"],
}
NAAR_LOGIN = (302, 302)


def rij(**per_rol) -> dict[str, tuple[int, int]]:
    """Expected (GET, POST) per role; a group name sets all its roles. Anonymous and inactive
    users are sent to the login unless set otherwise."""
    uitkomst = {"anoniem": NAAR_LOGIN, "inactief": NAAR_LOGIN}
    for naam, codes in per_rol.items():
        for rol in GROEPEN.get(naam, [naam]):
            uitkomst[rol] = codes
    return uitkomst


@dataclass
class Regel:
    pad: Callable  # objects -> path (with query string if needed)
    verwacht: dict
    post: Callable = lambda o, w: {}  # (objects, wereld) -> POST data that would succeed
    openbaar: bool = False  # reached without logging in (no redirect check for anonymous)


LIJST = rij(ingelogd=(200, 405))


def _pad(naam, *args):
    return lambda o: reverse(naam, args=[arg(o) for arg in args])


def _signaal_data(o, w):
    return {
        "buurt": o.buurt.pk,
        "subgebied": o.subgebied.pk,
        "thema": o.thema.pk,
        "omschrijving": "Nieuw signaal",
        "kanaal": "telefoon",
    }


def _steun_data(o, w):
    return {
        "kanaal": "telefoon",
        "datum": over(0).isoformat(),
        "versie": o.signaal.versie,
        "bewoners-TOTAL_FORMS": "1",
        "bewoners-INITIAL_FORMS": "0",
        "bewoners-0-postcode": "6221AB",
        "bewoners-0-huisnummer": "99",
        "bewoners-0-naam": "Z",
    }


MATRIX: dict[str, Regel] = {
    # --- Public and account pages ------------------------------------------------------------
    "login": Regel(
        lambda o: reverse("login"),
        # An empty POST lacks the wizard's management form: a 400, never a 500.
        rij(anoniem=(200, 400), inactief=(200, 400), ingelogd=(200, 400)),
        openbaar=True,
    ),
    "gezond": Regel(
        lambda o: reverse("gezond"),
        rij(anoniem=(200, 405), inactief=(200, 405), ingelogd=(200, 405)),
        openbaar=True,
    ),
    "logout": Regel(lambda o: reverse("logout"), rij(ingelogd=(405, 302))),
    "home": Regel(lambda o: reverse("home"), LIJST),
    "two_factor:profile": Regel(lambda o: reverse("two_factor:profile"), LIJST),
    "two_factor:setup": Regel(lambda o: reverse("two_factor:setup"), rij(ingelogd=(200, 400))),
    "two_factor:qr": Regel(lambda o: reverse("two_factor:qr"), rij(ingelogd=(404, 405))),
    "two_factor:setup_complete": Regel(
        # Without a device: back to the set-up.
        lambda o: reverse("two_factor:setup_complete"),
        rij(ingelogd=(302, 302)),
    ),
    "two_factor:backup_tokens": Regel(
        lambda o: reverse("two_factor:backup_tokens"), rij(ingelogd=(302, 302))
    ),
    "two_factor:disable": Regel(lambda o: reverse("two_factor:disable"), rij(ingelogd=(302, 302))),
    # --- Signals -----------------------------------------------------------------------------
    "signalen:signaal_lijst": Regel(lambda o: reverse("signalen:signaal_lijst"), LIJST),
    "signalen:signaal_nieuw": Regel(
        lambda o: reverse("signalen:signaal_nieuw"),
        # Another team may log signals, but not in buurt A: a form error.
        rij(team=(200, 302), beheerder=(403, 403), ander_team=(200, 400)),
        post=_signaal_data,
    ),
    "signalen:subgebied_opties": Regel(
        lambda o: reverse("signalen:subgebied_opties") + f"?buurt={o.buurt.pk}",
        rij(team=(200, 405), beheerder=(200, 405), ander_team=(404, 405)),
    ),
    "signalen:signaal_detail": Regel(
        _pad("signalen:signaal_detail", lambda o: o.signaal.pk),
        rij(team=(200, 405), beheerder=(200, 405), ander_team=(404, 405)),
    ),
    "acties:signaal_promoveren": Regel(
        # The promotion form has its own page now (from the signal's page); triage posts to it.
        _pad("acties:signaal_promoveren", lambda o: o.signaal.pk),
        rij(
            medewerkers=(403, 403),
            teamleider=(200, 302),
            beheerder=(403, 403),
            ander_team=(404, 404),
        ),
        post=lambda o, w: {
            "promoveren-titel": "Nieuw punt",
            "promoveren-prioriteit": "normaal",
            "promoveren-versie": o.signaal.versie,
        },
    ),
    "signalen:signaal_doorverwijzen": Regel(
        _pad("signalen:signaal_doorverwijzen", lambda o: o.signaal.pk),
        # The medewerker who logged it may refer it too (reviewed by the teamleider).
        rij(
            medewerker_gemeente=(405, 302),
            andere_medewerkers=(405, 403),
            teamleider=(405, 302),
            beheerder=(405, 403),
            ander_team=(405, 404),
        ),
        post=lambda o, w: {
            "doorverwijzen-partner": w.gemeente.pk,
            "doorverwijzen-reden": "Primaire taak",
            "doorverwijzen-versie": o.signaal.versie,
        },
    ),
    "signalen:signaal_afwijzen": Regel(
        _pad("signalen:signaal_afwijzen", lambda o: o.signaal.pk),
        rij(
            medewerkers=(405, 403),
            teamleider=(405, 302),
            beheerder=(405, 403),
            ander_team=(405, 404),
        ),
        post=lambda o, w: {"afwijzen-reden": "Geen VBT-werk", "afwijzen-versie": o.signaal.versie},
    ),
    "signalen:signaal_heropenen": Regel(
        _pad("signalen:signaal_heropenen", lambda o: o.gesloten.pk),
        rij(
            medewerkers=(405, 403),
            teamleider=(405, 302),
            beheerder=(405, 403),
            ander_team=(405, 404),
        ),
        post=lambda o, w: {"heropenen-reden": "Toch", "heropenen-versie": o.gesloten.versie},
    ),
    "signalen:steun_nieuw": Regel(
        _pad("signalen:steun_nieuw", lambda o: o.signaal.pk),
        rij(team=(200, 302), beheerder=(403, 403), ander_team=(404, 404)),
        post=_steun_data,
    ),
    "signalen:steun_intrekken": Regel(
        _pad("signalen:steun_intrekken", lambda o: o.signaal.pk, lambda o: o.steun.pk),
        rij(team=(405, 302), beheerder=(405, 403), ander_team=(405, 404)),
        post=lambda o, w: {
            f"intrekken-{o.steun.pk}-reden": "Vergissing",
            f"intrekken-{o.steun.pk}-versie": o.signaal.versie,
        },
    ),
    "signalen:bewoner_contact": Regel(
        _pad("signalen:bewoner_contact", lambda o: o.signaal.pk, lambda o: o.bewoner.pk),
        rij(team=(200, 405), beheerder=(403, 405), ander_team=(404, 405)),
    ),
    "acties:triage": Regel(
        lambda o: reverse("acties:triage"),
        rij(
            medewerkers=(403, 405),
            teamleider=(200, 405),
            beheerder=(403, 405),
            ander_team=(403, 405),
        ),
    ),
    # --- Points ------------------------------------------------------------------------------
    "acties:verbeterpunt_lijst": Regel(lambda o: reverse("acties:verbeterpunt_lijst"), LIJST),
    "acties:verbeterpunt_detail": Regel(
        _pad("acties:verbeterpunt_detail", lambda o: o.punt.pk),
        rij(team=(200, 405), beheerder=(200, 405), ander_team=(404, 405)),
    ),
    "acties:verbeterpunt_status": Regel(
        _pad("acties:verbeterpunt_status", lambda o: o.punt.pk),
        rij(
            medewerkers=(405, 403),
            teamleider=(405, 302),
            beheerder=(405, 403),
            ander_team=(405, 404),
        ),
        post=lambda o, w: {
            "status-naar": "gestaakt",
            "status-reden": "Geen trekker meer",
            "status-versie": o.punt.versie,
        },
    ),
    # --- Activities --------------------------------------------------------------------------
    "signalen:activiteit_lijst": Regel(lambda o: reverse("signalen:activiteit_lijst"), LIJST),
    "signalen:activiteit_nieuw": Regel(
        lambda o: reverse("signalen:activiteit_nieuw"),
        rij(team=(200, 302), beheerder=(403, 403), ander_team=(200, 400)),
        post=lambda o, w: {
            "team": o.team.pk,
            "subgebied": o.subgebied.pk,
            "soort": "buurtschouw",
            "datum": over(0).isoformat(),
        },
    ),
    "signalen:activiteit_detail": Regel(
        _pad("signalen:activiteit_detail", lambda o: o.activiteit.pk),
        rij(team=(200, 405), beheerder=(200, 405), ander_team=(404, 405)),
    ),
    # --- Actions (the gemeente's action on team A's point) -----------------------------------
    "acties:actie_lijst": Regel(lambda o: reverse("acties:actie_lijst"), LIJST),
    "acties:actie_detail": Regel(
        _pad("acties:actie_detail", lambda o: o.actie.pk),
        rij(team=(200, 405), beheerder=(200, 405), ander_team=(404, 405)),
    ),
    "acties:actie_bewerken": Regel(
        _pad("acties:actie_bewerken", lambda o: o.actie.pk),
        rij(
            medewerker_gemeente=(200, 302),
            andere_medewerkers=(403, 403),
            teamleider=(200, 302),
            beheerder=(403, 403),
            ander_team=(404, 404),
        ),
        post=lambda o, w: {
            "omschrijving": "Gewijzigd",
            "eigenaar": w.gemeente.pk,
            "deadline": over(20).isoformat(),
            "versie": o.actie.versie,
        },
    ),
    "acties:actie_status": Regel(
        _pad("acties:actie_status", lambda o: o.actie.pk),
        rij(
            medewerker_gemeente=(200, 302),
            andere_medewerkers=(403, 403),
            teamleider=(200, 302),
            beheerder=(403, 403),
            ander_team=(404, 404),
        ),
        post=lambda o, w: {"naar": "bezig", "versie": o.actie.versie},
    ),
    # The POST names the gemeente as owner: other partners' staff are refused.
    "acties:actie_nieuw": Regel(
        _pad("acties:actie_nieuw", lambda o: o.punt.pk),
        rij(
            medewerker_gemeente=(200, 302),
            andere_medewerkers=(200, 403),
            teamleider=(200, 302),
            beheerder=(403, 403),
            ander_team=(404, 404),
        ),
        post=lambda o, w: {
            "omschrijving": "Nieuwe actie",
            "eigenaar": w.gemeente.pk,
            "deadline": over(10).isoformat(),
        },
    ),
    "acties:notitie_nieuw": Regel(
        _pad("acties:notitie_nieuw", lambda o: o.punt.pk),
        rij(team=(405, 302), beheerder=(405, 403), ander_team=(405, 404)),
        post=lambda o, w: {"tekst": "Een notitie"},
    ),
    "acties:verbeterpunt_afronden": Regel(
        _pad("acties:verbeterpunt_afronden", lambda o: o.punt.pk),
        rij(
            medewerkers=(405, 403),
            teamleider=(405, 302),
            beheerder=(405, 403),
            ander_team=(405, 404),
        ),
        post=lambda o, w: {"reden": "Klaar", "open_acties_vervallen": "on"},
    ),
    "signalen:signaal_export": Regel(
        lambda o: reverse("signalen:signaal_export") + "?formaat=csv", LIJST
    ),
    "acties:verbeterpunt_export": Regel(
        lambda o: reverse("acties:verbeterpunt_export") + "?formaat=csv", LIJST
    ),
    "signalen:activiteit_export": Regel(
        lambda o: reverse("signalen:activiteit_export") + "?formaat=csv", LIJST
    ),
    "acties:actie_export": Regel(lambda o: reverse("acties:actie_export") + "?formaat=csv", LIJST),
    "inzicht:dashboard": Regel(lambda o: reverse("inzicht:dashboard"), LIJST),
    "inzicht:buurtrapport_kiezen": Regel(lambda o: reverse("inzicht:buurtrapport_kiezen"), LIJST),
    "inzicht:buurtrapport": Regel(
        _pad("inzicht:buurtrapport", lambda o: o.buurt.pk),
        rij(team=(200, 405), beheerder=(200, 405), ander_team=(404, 405)),
    ),
    "inzicht:buurtrapport_pdf": Regel(
        _pad("inzicht:buurtrapport_pdf", lambda o: o.buurt.pk),
        rij(team=(200, 405), beheerder=(200, 405), ander_team=(404, 405)),
    ),
}


def _bestaande_urls() -> set[str]:
    return {url.naam for url in alle_urls()}


def _regels() -> dict[str, Regel]:
    return MATRIX


# --- The walk --------------------------------------------------------------------------------


def test_elke_url_staat_in_de_matrix():
    ontbreekt = sorted(
        naam
        for naam in _bestaande_urls()
        if not naam.startswith("admin:") and naam not in _regels()
    )
    assert not ontbreekt, (
        f"URL(s) zonder regel in de rechtenmatrix: {ontbreekt}. Voeg voor elke URL een regel "
        "toe aan MATRIX in tests/test_rechtenmatrix.py (verwachte GET- en POST-status per rol)."
    )


def test_matrix_noemt_alleen_bestaande_urls_en_elke_rol():
    assert not set(MATRIX) - _bestaande_urls(), "remove entries of URLs that no longer exist"
    for naam, regel in MATRIX.items():
        assert set(regel.verwacht) == set(ROLLEN), naam


@pytest.fixture
def objecten(wereld):
    return maak_objecten(wereld), maak_objecten(wereld, b=True)


def _stand(o) -> tuple:
    """What a refused request must leave as it was."""
    tellingen = tuple(
        model.objects.count()
        for model in (
            Signaal,
            Steun,
            Bewoner,
            Verbeterpunt,
            Actie,
            Notitie,
            Activiteit,
            Gebeurtenis,
            ContactInzage,
        )
    )
    signalen = tuple(
        Signaal.objects.filter(pk__in=[o.signaal.pk, o.gesloten.pk])
        .order_by("pk")
        .values_list("status", "versie", "aantal_bewoners")
    )
    punt = Verbeterpunt.objects.values_list("status", "versie").get(pk=o.punt.pk)
    actie = Actie.objects.values_list("status", "versie", "omschrijving").get(pk=o.actie.pk)
    steun = Steun.objects.values_list("ingetrokken_op").get(pk=o.steun.pk)
    return tellingen, signalen, punt, actie, steun


def _client_voor(gebruiker) -> Client:
    client = Client()
    if gebruiker is not None:
        client.force_login(gebruiker)
    return client


def _controleer(naam, regel, o, wereld, *, verwacht=None, rollen=ROLLEN, waar_extra=""):
    """Every role's GET and POST, each in a savepoint that is rolled back so the next role sees
    the same world. Returns the mismatches as readable lines."""
    verwacht = verwacht or regel.verwacht
    pad = regel.pad(o)
    data = regel.post(o, wereld)
    fouten = []
    for rol in rollen:
        for methode, code in zip(("GET", "POST"), verwacht[rol], strict=True):
            client = _client_voor(wereld[rol])
            voor = _stand(o)
            punt = transaction.savepoint()
            try:
                antwoord = client.get(pad) if methode == "GET" else client.post(pad, data)
                na = _stand(o)
            finally:
                transaction.savepoint_rollback(punt)
            waar = f"{naam} {methode} {pad}{waar_extra} als {rol}"
            if antwoord.status_code != code:
                fouten.append(f"{waar}: {antwoord.status_code}, verwacht {code}")
                continue
            naar_login = rol in ("anoniem", "inactief") and not regel.openbaar
            if naar_login and not antwoord.get("Location", "").startswith(reverse("login")):
                fouten.append(f"{waar}: naar {antwoord.get('Location')!r}, niet naar inloggen")
            geweigerd = naar_login or code in (400, 403, 404, 405)
            if geweigerd and na != voor:
                fouten.append(f"{waar}: geweigerd ({code}) maar er is iets veranderd")
            if methode == "POST" and code == 302 and not geweigerd and data and na == voor:
                fouten.append(f"{waar}: toegestaan maar er is niets gebeurd")
    return fouten


def _namen():
    return sorted(_regels())


def _regel(naam) -> Regel:
    return _regels()[naam]


@pytest.mark.parametrize("naam", _namen())
def test_rechten(wereld, objecten, naam):
    regel = _regel(naam)
    a, _b = objecten
    fouten = _controleer(naam, regel, a, wereld)
    assert not fouten, "\n".join(fouten)


@pytest.mark.parametrize("naam", _namen())
def test_object_van_ander_team_is_onvindbaar(wereld, objecten, naam):
    """Team B's object for team A's members: 404 (405 where the method is never allowed)."""
    regel = _regel(naam)
    a, b = objecten
    if regel.pad(a) == regel.pad(b):
        pytest.skip("names no object; the list tests cover what a list shows")
    verwacht = {
        rol: tuple(405 if code == 405 else 404 for code in regel.verwacht[rol]) for rol in TEAM
    }
    fouten = _controleer(naam, regel, b, wereld, verwacht=verwacht, rollen=TEAM, waar_extra=" (B)")
    assert not fouten, "\n".join(fouten)


# --- The admin: one rule for all of it -------------------------------------------------------

ADMIN_OPENBAAR = {"admin:login"}  # redirects to our own login (tests/test_toegang.py)


@pytest.mark.parametrize("rol", [r for r in ROLLEN if r != "beheerder"])
def test_beheer_is_alleen_voor_beheerders(wereld, rol):
    """Every admin URL, GET and POST: anyone but a beheerder is sent to the login."""
    client = _client_voor(wereld[rol])
    fouten = []
    for url in alle_urls():
        if not url.naam.startswith("admin:") or url.naam in ADMIN_OPENBAAR:
            continue
        for methode in ("GET", "POST"):
            antwoord = client.get(url.pad) if methode == "GET" else client.post(url.pad, {})
            doel = antwoord.get("Location", "")
            naar_inloggen = doel.startswith((reverse("admin:login"), reverse("login")))
            # The admin's logout sends someone without admin rights to the admin's index,
            # which sends them on to the login.
            if antwoord.status_code != 302 or not (naar_inloggen or doel == reverse("admin:index")):
                fouten.append(f"{url.naam} {methode} {url.pad}: {antwoord.status_code} {doel}")
    assert not fouten, "\n".join(fouten)


def test_beheerder_opent_de_beheerpaginas(wereld, objecten):
    a, _b = objecten
    client = _client_voor(wereld["beheerder"])
    for naam, args in [
        ("admin:index", []),
        ("admin:signalen_signaal_changelist", []),
        ("admin:signalen_signaal_change", [a.signaal.pk]),
        ("admin:acties_verbeterpunt_change", [a.punt.pk]),
        ("admin:acties_actie_change", [a.actie.pk]),
        ("admin:signalen_contactinzage_changelist", []),
        ("admin:signalen_gebeurtenis_changelist", []),
        ("admin:partners_medewerker_change", [wereld["teamleider"].pk]),
        ("admin:buurten_team_change", [a.team.pk]),
    ]:
        assert client.get(reverse(naam, args=args)).status_code == 200, naam


def test_beheerder_wijzigt_geen_signaal_via_het_beheer(wereld, objecten):
    a, _b = objecten
    client = _client_voor(wereld["beheerder"])
    voor = _stand(a)
    url = reverse("admin:signalen_signaal_change", args=[a.signaal.pk])
    assert client.post(url, {"status": "afgewezen", "omschrijving": "x"}).status_code == 403
    url = reverse("admin:signalen_signaal_delete", args=[a.signaal.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert _stand(a) == voor


# --- CSRF ------------------------------------------------------------------------------------


def _toegestane_rol(regel) -> str | None:
    """A role whose POST the matrix does not refuse for lack of rights."""
    for rol in ROLLEN:
        if rol != "inactief" and regel.verwacht[rol][1] in (200, 302, 400):
            if rol == "anoniem" and not regel.openbaar:
                continue
            return rol
    return None


@pytest.mark.parametrize("naam", _namen())
def test_post_zonder_csrf_token_wordt_geweigerd(wereld, objecten, naam):
    regel = _regel(naam)
    rol = _toegestane_rol(regel)
    if rol is None:
        pytest.skip("no role may POST here: nothing to forge")
    a, _b = objecten
    client = Client(enforce_csrf_checks=True)
    if wereld[rol] is not None:
        client.force_login(wereld[rol])
    voor = _stand(a)
    antwoord = client.post(regel.pad(a), regel.post(a, wereld))
    assert antwoord.status_code == 403, f"{naam} als {rol}"
    assert _stand(a) == voor
    if wereld[rol] is not None:
        assert client.get(reverse("home")).status_code == 200  # still logged in (logout too)


# --- Mass assignment: ids the form does not offer this user ----------------------------------


def _fout_en_niets_opgeslagen(antwoord, a, voor, veld=None):
    assert 400 <= antwoord.status_code < 500, antwoord.status_code
    assert _stand(a) == voor
    if antwoord.status_code == 400 and veld:
        assert veld in antwoord.context["form"].errors, antwoord.context["form"].errors


def test_signaal_in_buurt_van_ander_team_geweigerd(wereld, objecten):
    a, b = objecten
    client = _client_voor(wereld["medewerker_gemeente"])
    voor = _stand(a)
    data = _signaal_data(a, wereld)
    url = reverse("signalen:signaal_nieuw")
    _fout_en_niets_opgeslagen(client.post(url, {**data, "buurt": b.buurt.pk}), a, voor, "buurt")
    antwoord = client.post(url, {**data, "subgebied": b.subgebied.pk})
    _fout_en_niets_opgeslagen(antwoord, a, voor, "subgebied")
    antwoord = client.post(url, {**data, "activiteit": b.activiteit.pk})
    _fout_en_niets_opgeslagen(antwoord, a, voor, "activiteit")


def test_signaal_negeert_team_registreerder_en_status_uit_de_post(wereld, objecten):
    a, b = objecten
    gebruiker = wereld["medewerker_gemeente"]
    extra = {
        "team": b.team.pk,
        "geregistreerd_door": wereld["ander_team"].pk,
        "partner": wereld.politie.pk,
        "status": "verbeterpunt",
        "aantal_bewoners": 99,
        "steundrempel": 2,
    }
    antwoord = _client_voor(gebruiker).post(
        reverse("signalen:signaal_nieuw"), {**_signaal_data(a, wereld), **extra}
    )
    assert antwoord.status_code == 302
    signaal = Signaal.objects.latest("pk")
    assert signaal.team == a.team
    assert signaal.geregistreerd_door == gebruiker
    assert signaal.status == "nieuw"
    assert signaal.aantal_bewoners == 0
    assert signaal.steundrempel == a.team.steundrempel


def test_activiteit_voor_ander_team_geweigerd(wereld, objecten):
    a, b = objecten
    client = _client_voor(wereld["medewerker_gemeente"])
    voor = _stand(a)
    data = {
        "team": b.team.pk,
        "subgebied": b.subgebied.pk,
        "soort": "buurtschouw",
        "datum": over(0).isoformat(),
    }
    antwoord = client.post(reverse("signalen:activiteit_nieuw"), data)
    _fout_en_niets_opgeslagen(antwoord, a, voor, "team")


def _actie_data(wereld, **extra):
    return {
        "omschrijving": "Nieuwe actie",
        "eigenaar": wereld.gemeente.pk,
        "deadline": over(10).isoformat(),
        **extra,
    }


def test_actie_voor_andere_partner_geweigerd(wereld, objecten):
    a, _b = objecten
    voor = _stand(a)
    client = _client_voor(wereld["medewerker_gemeente"])
    for url in (
        reverse("acties:actie_nieuw", args=[a.punt.pk]),
        reverse("acties:actie_bewerken", args=[a.actie.pk]),
    ):
        antwoord = client.post(url, _actie_data(wereld, eigenaar=wereld.politie.pk))
        _fout_en_niets_opgeslagen(antwoord, a, voor)


@pytest.mark.parametrize(
    "rol, verantwoordelijke",
    [
        ("medewerker_gemeente", "medewerker_politie"),  # another partner's staff
        ("teamleider", "ander_team"),  # not in this team
        ("teamleider", "inactief"),  # switched off
    ],
)
def test_actie_met_vreemde_verantwoordelijke_geweigerd(wereld, objecten, rol, verantwoordelijke):
    a, _b = objecten
    voor = _stand(a)
    client = _client_voor(wereld[rol])
    data = _actie_data(wereld, verantwoordelijke=wereld[verantwoordelijke].pk)
    for url in (
        reverse("acties:actie_nieuw", args=[a.punt.pk]),
        reverse("acties:actie_bewerken", args=[a.actie.pk]),
    ):
        antwoord = client.post(url, {**data, "versie": a.actie.versie})
        _fout_en_niets_opgeslagen(antwoord, a, voor, "verantwoordelijke")


def test_actie_negeert_maker_status_en_punt_uit_de_post(wereld, objecten):
    a, b = objecten
    gebruiker = wereld["medewerker_gemeente"]
    extra = {
        "aangemaakt_door": wereld["ander_team"].pk,
        "status": "gereed",
        "verbeterpunt": b.punt.pk,
        "partner": wereld.politie.pk,
        "team": b.team.pk,
    }
    antwoord = _client_voor(gebruiker).post(
        reverse("acties:actie_nieuw", args=[a.punt.pk]), _actie_data(wereld, **extra)
    )
    assert antwoord.status_code == 302
    actie = Actie.objects.latest("pk")
    assert (actie.verbeterpunt, actie.aangemaakt_door, actie.status) == (a.punt, gebruiker, "open")
    assert actie.eigenaar_partner == wereld.gemeente


def test_notitie_negeert_partner_en_auteur_uit_de_post(wereld, objecten):
    a, _b = objecten
    gebruiker = wereld["medewerker_gemeente"]
    antwoord = _client_voor(gebruiker).post(
        reverse("acties:notitie_nieuw", args=[a.punt.pk]),
        {
            "tekst": "Notitie",
            "vertrouwelijk": "on",
            "partner": wereld.politie.pk,
            "auteur": wereld["medewerker_politie"].pk,
        },
    )
    assert antwoord.status_code == 302
    notitie = Notitie.objects.latest("pk")
    assert (notitie.partner, notitie.auteur) == (wereld.gemeente, gebruiker)
