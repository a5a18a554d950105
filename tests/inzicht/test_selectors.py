"""Every dashboard figure against the hand count of the world in conftest.py."""

from datetime import date

import pytest

from buurten.bereik import bereik_van
from inzicht import selectors
from inzicht.selectors import Selectie
from tests.inzicht.conftest import VANDAAG
from vbt.datums import maanden_terug

STANDAARD_VAN = date(2024, 7, 1)  # the first day of the oldest of the 12 months

TEAM_A_MAANDEN = [0] * 9 + [2, 3, 2]  # July 2024 .. March 2025 empty; April, May, June
ALLE_MAANDEN = [0] * 9 + [3, 4, 2]


def bereik(gebruiker, **kwargs):
    kwargs.setdefault("van", STANDAARD_VAN)
    kwargs.setdefault("tot", VANDAAG)
    return Selectie(bereik=bereik_van(gebruiker), **kwargs)


def trechter(b):
    return [
        (r["stap"], r["aantal"], r["van_vorige"], r["van_totaal"]) for r in selectors.trechter(b)
    ]


def per_buurt(b):
    return [
        (r["naam"], r["aantal"], r["spaak"]) for r in selectors.open_verbeterpunten_per_buurt(b)
    ]


def per_thema(b):
    return [(r["naam"], r["aantal"]) for r in selectors.open_verbeterpunten_per_thema(b)]


def te_laat(b):
    return [(r["partner"], r["aantal"]) for r in selectors.te_late_acties_per_partner(b)]


def test_maanden_terug():
    assert maanden_terug(date(2025, 6, 1), 11) == date(2024, 7, 1)
    assert maanden_terug(date(2025, 5, 31), 3) == date(2025, 2, 28)
    assert maanden_terug(date(2024, 1, 15), 1) == date(2023, 12, 15)


@pytest.mark.parametrize("rol", ["teamleider", "medewerker_politie"])
def test_alle_cijfers_van_team_a(cijfers, rol):
    b = bereik(cijfers.wereld[rol])

    reeks = selectors.signalen_per_maand(b)
    assert [r["maand"] for r in reeks] == [
        maanden_terug(date(2025, 6, 1), n) for n in range(11, -1, -1)
    ]
    assert [r["aantal"] for r in reeks] == TEAM_A_MAANDEN

    assert trechter(b) == [
        ("signalen", 7, None, 100.0),
        ("draagvlak", 4, 57.1, 57.1),
        ("verbeterpunt", 2, 50.0, 28.6),
        ("afgerond", 1, 50.0, 14.3),
    ]
    assert per_buurt(b) == [("Limmel", 2, 1), ("Wittevrouwenveld", 1, 1)]
    assert per_thema(b) == [("Zwerfvuil", 2), ("Verkeer", 1)]
    assert te_laat(b) == [("Gemeente Maastricht", 2), ("Politie Limburg", 1), (None, 1)]
    assert selectors.mediaan_dagen_signaal_tot_verbeterpunt(b) == pytest.approx(7.0)
    assert selectors.mediaan_dagen_verbeterpunt_tot_afgerond(b) == pytest.approx(173.0)
    spaak = selectors.verbeterpunten_die_spaak_lopen(b)
    assert [p.titel for p in spaak] == ["Vuil bij de flats", "Hardrijders in de Hoofdstraat"]


def test_een_signaal_net_na_middernacht_telt_voor_de_maand_in_maastricht(cijfers):
    # s3 is 1 May 00:30 in Maastricht, 30 April 22:30 in UTC.
    b = bereik(cijfers.wereld["teamleider"], tot=date(2025, 5, 31))
    reeks = {r["maand"]: r["aantal"] for r in selectors.signalen_per_maand(b)}
    assert reeks[date(2025, 4, 1)] == 2
    assert reeks[date(2025, 5, 1)] == 3


def test_beheerder_telt_alle_teams(cijfers):
    b = bereik(cijfers.wereld["beheerder"])
    assert [r["aantal"] for r in selectors.signalen_per_maand(b)] == ALLE_MAANDEN
    assert trechter(b) == [
        ("signalen", 9, None, 100.0),
        ("draagvlak", 5, 55.6, 55.6),
        ("verbeterpunt", 3, 60.0, 33.3),
        ("afgerond", 2, 66.7, 22.2),
    ]
    assert per_buurt(b) == [("Limmel", 2, 1), ("Mariaberg", 1, 1), ("Wittevrouwenveld", 1, 1)]
    assert per_thema(b) == [("Verkeer", 2), ("Zwerfvuil", 2)]
    assert te_laat(b) == [("Gemeente Maastricht", 2), ("Politie Limburg", 2), (None, 1)]
    # signal -> point: 10, 4 and 2 days; point -> done: 40, 306 and 20 days
    assert selectors.mediaan_dagen_signaal_tot_verbeterpunt(b) == pytest.approx(4.0)
    assert selectors.mediaan_dagen_verbeterpunt_tot_afgerond(b) == pytest.approx(40.0)
    assert [p.titel for p in selectors.verbeterpunten_die_spaak_lopen(b)] == [
        "Vuil bij de flats",
        "Parkeren Mariaberg",
        "Hardrijders in de Hoofdstraat",
    ]


def test_ander_team_ziet_alleen_het_eigen_team(cijfers):
    b = bereik(cijfers.wereld["ander_team"])
    assert [r["aantal"] for r in selectors.signalen_per_maand(b)] == [0] * 9 + [1, 1, 0]
    assert trechter(b) == [
        ("signalen", 2, None, 100.0),
        ("draagvlak", 1, 50.0, 50.0),
        ("verbeterpunt", 1, 100.0, 50.0),
        ("afgerond", 1, 100.0, 50.0),
    ]
    assert per_buurt(b) == [("Mariaberg", 1, 1)]
    assert per_thema(b) == [("Verkeer", 1)]
    assert te_laat(b) == [("Politie Limburg", 1)]
    assert selectors.mediaan_dagen_signaal_tot_verbeterpunt(b) == pytest.approx(2.0)
    assert selectors.mediaan_dagen_verbeterpunt_tot_afgerond(b) == pytest.approx(20.0)


def test_teamfilter_van_de_beheerder(cijfers):
    b = bereik(cijfers.wereld["beheerder"], team_id=cijfers.wereld.team_b.pk)
    assert [r["aantal"] for r in selectors.signalen_per_maand(b)] == [0] * 9 + [1, 1, 0]
    assert per_buurt(b) == [("Mariaberg", 1, 1)]
    assert te_laat(b) == [("Politie Limburg", 1)]


def test_periode_bepaalt_trechter_en_mediaan(cijfers):
    # Only May 2025: s3, s4, s5; none became a point; no point was made or finished in May
    # except P1 (done 23 May, 40 days).
    b = bereik(cijfers.wereld["teamleider"], van=date(2025, 5, 1), tot=date(2025, 5, 31))
    assert trechter(b) == [
        ("signalen", 3, None, 100.0),
        ("draagvlak", 2, 66.7, 66.7),
        ("verbeterpunt", 0, 0.0, 0.0),
        ("afgerond", 0, None, 0.0),
    ]
    assert selectors.mediaan_dagen_signaal_tot_verbeterpunt(b) is None
    assert selectors.mediaan_dagen_verbeterpunt_tot_afgerond(b) == pytest.approx(40.0)


def test_zonder_scope_niets(cijfers):
    b = bereik(cijfers.wereld["inactief"])
    assert sum(r["aantal"] for r in selectors.signalen_per_maand(b)) == 0
    assert trechter(b)[0] == ("signalen", 0, None, None)
    assert per_buurt(b) == [] and te_laat(b) == []
    assert selectors.mediaan_dagen_verbeterpunt_tot_afgerond(b) is None


def test_mediaan_oneven_en_later_gekoppeld_signaal(cijfers):
    """An odd count takes the middle value; a signal merged into a point that already existed
    is left out of signal -> point (its span would be negative)."""
    from signalen.models import Signaal
    from tests.inzicht.conftest import op
    from tests.signalen.factories import SignaalFactory

    w = cijfers.wereld
    p1 = cijfers.punten["P1"]
    SignaalFactory(
        team=w.team_a,
        buurt=w.buurt_a,
        thema=p1.thema,
        geregistreerd_op=op(2025, 5, 1),
        status="verbeterpunt",
        verbeterpunt=p1,
    )
    # A third span of 30 days: s11 on 14 Mar, point on 13 Apr.
    s11 = SignaalFactory(
        team=w.team_a, buurt=w.buurt_a, thema=p1.thema, geregistreerd_op=op(2025, 3, 14)
    )
    Signaal.objects.filter(pk=s11.pk).update(status="verbeterpunt", verbeterpunt=p1)
    b = bereik(w["teamleider"])
    assert selectors.mediaan_dagen_signaal_tot_verbeterpunt(b) == pytest.approx(10.0)
