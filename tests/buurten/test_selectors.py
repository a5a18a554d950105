import pytest

from buurten.bereik import bereik_van
from buurten.models import Buurt
from buurten.selectors import teams_voor, zichtbare_buurten
from tests.buurten.factories import BuurtFactory, TeamFactory


@pytest.mark.parametrize(
    ("rol", "verwacht"),
    [
        ("medewerker_gemeente", {"Wittevrouwenveld"}),
        ("medewerker_politie", {"Wittevrouwenveld"}),
        ("teamleider", {"Wittevrouwenveld"}),
        ("ander_team", {"Mariaberg"}),
        ("inactief", set()),
    ],
)
def test_zichtbare_buurten_per_rol(wereld, rol, verwacht):
    BuurtFactory(naam="Buiten elk team")
    assert {b.naam for b in zichtbare_buurten(bereik_van(wereld[rol]))} == verwacht


def test_beheerder_ziet_alle_buurten_en_teams(wereld):
    BuurtFactory(naam="Buiten elk team")
    beheerder = wereld["beheerder"]
    assert zichtbare_buurten(bereik_van(beheerder)).count() == Buurt.objects.count() == 3
    assert set(teams_voor(bereik_van(beheerder))) == {wereld.team_a, wereld.team_b}


def test_anoniem_ziet_niets(wereld):
    from django.contrib.auth.models import AnonymousUser

    assert not zichtbare_buurten(bereik_van(AnonymousUser())).exists()
    assert not teams_voor(bereik_van(AnonymousUser())).exists()


def test_lid_van_twee_teams_ziet_elke_buurt_een_keer(wereld):
    gebruiker = wereld["medewerker_trajekt"]
    TeamFactory(buurten=[wereld.buurt_a, wereld.buurt_b], leden=[gebruiker])
    namen = [b.naam for b in zichtbare_buurten(bereik_van(gebruiker))]
    assert namen == ["Mariaberg", "Wittevrouwenveld"]
