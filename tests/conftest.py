"""Shared fixtures: a small world of two teams and a user for every role the rules name."""

import logging
from dataclasses import dataclass

import pytest
from django.core.cache import caches

from partners.constants import PartnerSoort
from tests.buurten.factories import BuurtFactory, TeamFactory
from tests.partners.factories import MedewerkerFactory, PartnerFactory


@dataclass
class Wereld:
    """Team A works in buurt A; team B (another team) in buurt B."""

    gemeente: object
    trajekt: object
    politie: object
    corporatie: object
    buurt_a: object
    buurt_b: object
    team_a: object
    team_b: object
    gebruikers: dict

    def __getitem__(self, rol):
        return self.gebruikers[rol]


# Every role the access rules name (DESIGN §4). "anoniem" is None.
ROLLEN = [
    "anoniem",
    "medewerker_gemeente",
    "medewerker_trajekt",
    "medewerker_politie",
    "medewerker_corporatie",
    "teamleider",
    "beheerder",
    "ander_team",
    "inactief",
]


@pytest.fixture(autouse=True)
def lege_cache():
    """Every test starts with empty caches: the dashboard keeps its figures there (per scope,
    by buurt ids) and the forms their HTML, and SQLite reuses primary keys after a rollback, so
    an entry from an earlier test could otherwise answer for this one's data."""
    for alias in caches:
        caches[alias].clear()
    yield
    for alias in caches:
        caches[alias].clear()


@pytest.fixture
def wereld(db):
    gemeente = PartnerFactory(naam="Gemeente Maastricht", soort=PartnerSoort.GEMEENTE)
    trajekt = PartnerFactory(naam="Trajekt", soort=PartnerSoort.TRAJEKT)
    politie = PartnerFactory(naam="Politie Limburg", soort=PartnerSoort.POLITIE)
    corporatie = PartnerFactory(naam="Servatius", soort=PartnerSoort.CORPORATIE)
    buurt_a = BuurtFactory(naam="Wittevrouwenveld")
    buurt_b = BuurtFactory(naam="Mariaberg")
    gebruikers = {
        "anoniem": None,
        "medewerker_gemeente": MedewerkerFactory(username="gemeente", partner=gemeente),
        "medewerker_trajekt": MedewerkerFactory(username="trajekt", partner=trajekt),
        "medewerker_politie": MedewerkerFactory(username="politie", partner=politie),
        "medewerker_corporatie": MedewerkerFactory(username="corporatie", partner=corporatie),
        "teamleider": MedewerkerFactory(username="teamleider", partner=gemeente, teamleider=True),
        "beheerder": MedewerkerFactory(username="beheerder", partner=gemeente, beheerder=True),
        "ander_team": MedewerkerFactory(username="anderteam", partner=gemeente),
        "inactief": MedewerkerFactory(username="inactief", partner=gemeente, inactief=True),
    }
    team_a = TeamFactory(
        naam="VBT Oost",
        buurten=[buurt_a],
        leden=[
            gebruikers[naam]
            for naam in (
                "medewerker_gemeente",
                "medewerker_trajekt",
                "medewerker_politie",
                "medewerker_corporatie",
                "teamleider",
                "inactief",
            )
        ],
    )
    team_b = TeamFactory(naam="VBT West", buurten=[buurt_b], leden=[gebruikers["ander_team"]])
    return Wereld(
        gemeente, trajekt, politie, corporatie, buurt_a, buurt_b, team_a, team_b, gebruikers
    )


@pytest.fixture
def client_voor(client):
    """Return a test client logged in as the given user (or anonymous for None)."""

    def maak(gebruiker):
        client.logout()
        if gebruiker is not None:
            client.force_login(gebruiker)
        return client

    return maak


def _bereikt(logger, handler) -> bool:
    while logger is not None:
        if handler in logger.handlers:
            return True
        if not logger.propagate:
            return False
        logger = logger.parent
    return False


@pytest.fixture
def beveiligingslog(caplog):
    """caplog for logger `vbt.beveiliging`, whose parent `vbt` does not propagate to the root."""
    logger = logging.getLogger("vbt.beveiliging")
    caplog.set_level(logging.INFO, logger="vbt.beveiliging")
    toevoegen = not _bereikt(logger, caplog.handler)
    if toevoegen:
        logger.addHandler(caplog.handler)
    yield caplog
    if toevoegen:
        logger.removeHandler(caplog.handler)
