import pytest

from tests.acties.helpers import snel_punt


@pytest.fixture
def punt(wereld):
    """A fast open point of team A in buurt A."""
    return snel_punt(wereld, titel="Donkere brandgang")


@pytest.fixture
def punt_b(wereld):
    """A point of the other team (team B, buurt B)."""
    return snel_punt(wereld, b=True, titel="Geheim punt van West")
