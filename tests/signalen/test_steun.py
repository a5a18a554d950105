"""The support check (draagvlak). Pure, no database."""

import dataclasses
import os

import pytest
from django.conf import settings
from django.utils import translation

from signalen.identiteit import bewoner_sleutel
from signalen.steun import (
    STATUS_GESLOTEN_VOOR_DRAAGVLAK,
    STATUSSEN,
    Draagvlak,
    SteunRegel,
    beoordeel_draagvlak,
    tel_bewoners,
)

# Standalone run (before the project's settings exist): gettext needs configured settings.
if not os.environ.get("DJANGO_SETTINGS_MODULE") and not settings.configured:
    settings.configure(USE_I18N=False)

OPEN_STATUSSEN = ("nieuw", "draagvlak_bereikt", "verbeterpunt")
PEPPER = b"test-pepper"
NIET_MEEDOEN = "Nog geen bewoner wil meedoen (betrokkenheid)"


@pytest.fixture(autouse=True)
def nederlands():
    # Reasons are asserted in Dutch whatever the project's default language becomes.
    with translation.override("nl"):
        yield


def steun(*bewoners, ingetrokken=False, wil_meedoen=False):
    return [SteunRegel(b, ingetrokken=ingetrokken, wil_meedoen=wil_meedoen) for b in bewoners]


def beoordeel(**kwargs):
    kwargs.setdefault("status", "nieuw")
    kwargs.setdefault("steundrempel", 3)
    return beoordeel_draagvlak(**kwargs)


# --- constants and data classes -------------------------------------------------------------


def test_gesloten_statussen():
    assert frozenset({"doorverwezen", "afgewezen", "verlopen"}) == STATUS_GESLOTEN_VOOR_DRAAGVLAK
    assert isinstance(STATUS_GESLOTEN_VOOR_DRAAGVLAK, frozenset)
    assert STATUS_GESLOTEN_VOOR_DRAAGVLAK < STATUSSEN
    assert {*OPEN_STATUSSEN, *STATUS_GESLOTEN_VOOR_DRAAGVLAK} == STATUSSEN


def test_steunregel_defaults_and_frozen():
    regel = SteunRegel("a")
    assert (regel.ingetrokken, regel.wil_meedoen) == (False, False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        regel.ingetrokken = True


def test_steunregel_empty_key_refused():
    with pytest.raises(ValueError):
        SteunRegel("")


def test_draagvlak_frozen():
    uitkomst = beoordeel(melders=["a"])
    assert isinstance(uitkomst, Draagvlak)
    with pytest.raises(dataclasses.FrozenInstanceError):
        uitkomst.voldoet = True


# --- tel_bewoners ---------------------------------------------------------------------------


def test_tel_nothing():
    assert tel_bewoners(melders=[], steun=[]) == (0, 0)


def test_tel_unknown_reporter_not_counted():
    assert tel_bewoners(melders=[None, ""], steun=[]) == (0, 0)


def test_tel_reporter_counted():
    assert tel_bewoners(melders=["a"], steun=steun("b")) == (2, 0)


def test_tel_reporter_also_supporting_counts_once():
    assert tel_bewoners(melders=["a"], steun=steun("a", "b")) == (2, 0)


def test_tel_same_resident_twice_counts_once():
    assert tel_bewoners(melders=[], steun=steun("a", "a", "b")) == (2, 0)


def test_tel_withdrawn_not_counted():
    regels = steun("a") + steun("b", ingetrokken=True)
    assert tel_bewoners(melders=[], steun=regels) == (1, 0)


@pytest.mark.parametrize("volgorde", [1, -1])
def test_tel_withdrawn_then_resupported_counts_once(volgorde):
    regels = (steun("a", ingetrokken=True) + steun("a"))[::volgorde]
    assert tel_bewoners(melders=[], steun=regels) == (1, 0)


def test_tel_meedoeners_distinct_and_not_withdrawn():
    regels = (
        steun("a", "a", wil_meedoen=True)  # same committed resident twice
        + steun("b", wil_meedoen=True, ingetrokken=True)  # withdrawn commitment
        + steun("b")  # b still supports, but no longer commits
        + steun("c")
    )
    assert tel_bewoners(melders=[], steun=regels) == (3, 1)


def test_tel_accepts_generators():
    assert tel_bewoners(melders=(m for m in ["a", "b"]), steun=iter(steun("c"))) == (3, 0)


def test_tel_several_melders_of_merged_point():
    assert tel_bewoners(melders=["a", "b", None, "a"], steun=steun("b", "c")) == (3, 0)


# --- beoordeel_draagvlak: counting ----------------------------------------------------------


def test_threshold_reached_exactly():
    uitkomst = beoordeel(melders=["a"], steun=steun("b", "c"))
    assert uitkomst.voldoet
    assert (uitkomst.aantal, uitkomst.drempel) == (3, 3)
    assert uitkomst.redenen[0] == "Drempel bereikt: 3 van 3 bewoners"


def test_threshold_exceeded():
    uitkomst = beoordeel(steun=steun("a", "b", "c", "d"))
    assert uitkomst.voldoet
    assert uitkomst.aantal == 4


def test_one_short():
    uitkomst = beoordeel(melders=["a"], steun=steun("b"))
    assert not uitkomst.voldoet
    assert uitkomst.aantal == 2
    assert uitkomst.redenen == (
        "2 van 3 bewoners steunen dit signaal",
        "Nog 1 bewoner nodig",
        NIET_MEEDOEN,
    )


def test_two_short_plural():
    uitkomst = beoordeel(melders=["a"])
    assert uitkomst.redenen[:2] == ("1 van 3 bewoners steunt dit signaal", "Nog 2 bewoners nodig")


def test_nobody_yet():
    uitkomst = beoordeel()
    assert not uitkomst.voldoet
    assert uitkomst.aantal == 0
    assert uitkomst.redenen[:2] == ("0 van 3 bewoners steunen dit signaal", "Nog 3 bewoners nodig")


def test_duplicate_resident_through_two_channels_counts_once():
    # Same resident at a street-corner meeting and at the door: same key, typed differently.
    via_straathoek = bewoner_sleutel(
        postcode="6221 ab", huisnummer="12a", naam="J. de Vries", pepper=PEPPER
    )
    aan_de_deur = bewoner_sleutel(
        postcode="6221AB", huisnummer=12, toevoeging="A", naam="j de vries", pepper=PEPPER
    )
    uitkomst = beoordeel(steundrempel=2, steun=steun(via_straathoek, aan_de_deur))
    assert uitkomst.aantal == 1
    assert not uitkomst.voldoet


def test_two_residents_one_address_count_twice():
    jan = bewoner_sleutel(postcode="6221AB", huisnummer=12, naam="J. de Vries", pepper=PEPPER)
    anna = bewoner_sleutel(postcode="6221AB", huisnummer=12, naam="A. de Vries", pepper=PEPPER)
    uitkomst = beoordeel(steundrempel=2, steun=steun(jan, anna))
    assert uitkomst.aantal == 2
    assert uitkomst.voldoet


def test_withdrawn_supports_do_not_count():
    regels = steun("a", "b") + steun("c", ingetrokken=True)
    uitkomst = beoordeel(steun=regels)
    assert uitkomst.aantal == 2
    assert not uitkomst.voldoet


def test_withdrawn_then_resupported_counts_once():
    regels = steun("a", ingetrokken=True) + steun("a", "b")
    uitkomst = beoordeel(steundrempel=2, steun=regels)
    assert uitkomst.aantal == 2
    assert uitkomst.voldoet


def test_reporter_counted():
    uitkomst = beoordeel(steundrempel=2, melders=["melder"], steun=steun("b"))
    assert uitkomst.aantal == 2
    assert uitkomst.voldoet


def test_unknown_reporter_not_counted():
    uitkomst = beoordeel(steundrempel=2, melders=[None], steun=steun("b"))
    assert uitkomst.aantal == 1
    assert not uitkomst.voldoet


def test_reporter_also_supporting_counts_once():
    uitkomst = beoordeel(steundrempel=2, melders=["a"], steun=steun("a"))
    assert uitkomst.aantal == 1
    assert not uitkomst.voldoet


def test_merged_point_with_several_melders():
    # Three signals merged into one point: two known reporters (one also supports), one unknown.
    uitkomst = beoordeel(
        status="verbeterpunt", melders=["a", "b", None], steun=steun("b", "c", "d")
    )
    assert uitkomst.aantal == 4
    assert uitkomst.voldoet


@pytest.mark.parametrize(("drempel", "voldoet"), [(2, True), (3, True), (4, False), (5, False)])
def test_threshold_snapshot_is_used(drempel, voldoet):
    # Same support, the signal's own (snapshot) threshold decides.
    uitkomst = beoordeel(steundrempel=drempel, steun=steun("a", "b", "c"))
    assert uitkomst.voldoet is voldoet
    assert uitkomst.drempel == drempel


def test_threshold_5_vs_3_reasons():
    regels = steun("a", "b", "c")
    assert beoordeel(steundrempel=3, steun=regels).redenen[0] == "Drempel bereikt: 3 van 3 bewoners"
    bij_vijf = beoordeel(steundrempel=5, steun=regels).redenen
    assert bij_vijf[:2] == ("3 van 5 bewoners steunen dit signaal", "Nog 2 bewoners nodig")


@pytest.mark.parametrize("drempel", [1, 0, -3])
def test_threshold_below_two_raises(drempel):
    with pytest.raises(ValueError):
        beoordeel(steundrempel=drempel, steun=steun("a", "b", "c"))


@pytest.mark.parametrize("drempel", [True, 2.0, "3", None])
def test_threshold_must_be_int(drempel):
    with pytest.raises(TypeError):
        beoordeel(steundrempel=drempel)


@pytest.mark.parametrize("status", ["", "NIEUW", "in_uitvoering", "onbekend"])
def test_unknown_status_raises(status):
    with pytest.raises(ValueError):
        beoordeel(status=status)


# --- beoordeel_draagvlak: status and primary task -------------------------------------------


GENOEG = {"melders": ["a"], "steun": steun("b", "c", wil_meedoen=True)}


@pytest.mark.parametrize("status", OPEN_STATUSSEN)
def test_open_statuses_pass_with_enough_support(status):
    assert beoordeel(status=status, **GENOEG).voldoet


def test_referred_never_passes():
    uitkomst = beoordeel(status="doorverwezen", primaire_partner="Gemeente Maastricht", **GENOEG)
    assert not uitkomst.voldoet
    assert uitkomst.aantal == 3
    assert uitkomst.redenen == (
        "Drempel bereikt: 3 van 3 bewoners",
        "Primaire taak van Gemeente Maastricht: doorverwezen, geen integraal verbeterpunt",
    )


def test_referred_without_partner_name_never_passes():
    uitkomst = beoordeel(status="doorverwezen", **GENOEG)
    assert not uitkomst.voldoet
    assert uitkomst.redenen[1] == (
        "Signaal is doorverwezen: primaire taak van één partner, geen integraal verbeterpunt"
    )


@pytest.mark.parametrize("status", OPEN_STATUSSEN)
def test_primary_partner_blocks_open_status(status):
    uitkomst = beoordeel(status=status, primaire_partner="Politie", **GENOEG)
    assert not uitkomst.voldoet
    assert "Primaire taak van Politie: doorverwezen, geen integraal verbeterpunt" in (
        uitkomst.redenen
    )


@pytest.mark.parametrize("partner", ["", "   "])
def test_blank_primary_partner_is_none(partner):
    assert beoordeel(primaire_partner=partner, **GENOEG).voldoet


def test_expired_never_passes():
    uitkomst = beoordeel(status="verlopen", **GENOEG)
    assert not uitkomst.voldoet
    assert uitkomst.redenen == (
        "Drempel bereikt: 3 van 3 bewoners",
        "Signaal is verlopen: de drempel is niet binnen de termijn gehaald",
    )


def test_expired_short_reasons():
    uitkomst = beoordeel(status="verlopen", melders=["a"])
    assert not uitkomst.voldoet
    assert uitkomst.redenen == (
        "1 van 3 bewoners steunt dit signaal",
        "Signaal is verlopen: de drempel is niet binnen de termijn gehaald",
    )


def test_declined_never_passes():
    uitkomst = beoordeel(status="afgewezen", **GENOEG)
    assert not uitkomst.voldoet
    assert uitkomst.redenen == ("Drempel bereikt: 3 van 3 bewoners", "Signaal is afgewezen")


@pytest.mark.parametrize("status", sorted(STATUS_GESLOTEN_VOOR_DRAAGVLAK))
def test_closed_statuses_never_pass_even_with_a_crowd(status):
    veel = steun(*(f"bewoner-{i}" for i in range(50)), wil_meedoen=True)
    uitkomst = beoordeel(status=status, steundrempel=2, steun=veel)
    assert uitkomst.aantal == 50
    assert not uitkomst.voldoet


def test_status_accepts_text_choices():
    from django.db.models import TextChoices

    class Status(TextChoices):
        NIEUW = "nieuw"
        VERLOPEN = "verlopen"

    assert beoordeel(status=Status.NIEUW, **GENOEG).voldoet
    assert not beoordeel(status=Status.VERLOPEN, **GENOEG).voldoet


# --- commitment (betrokkenheid) -------------------------------------------------------------


def test_no_committed_resident_is_informational_only():
    uitkomst = beoordeel(steun=steun("a", "b", "c"))
    assert uitkomst.voldoet
    assert uitkomst.meedoeners == 0
    assert uitkomst.redenen == ("Drempel bereikt: 3 van 3 bewoners", NIET_MEEDOEN)


def test_committed_resident_removes_commitment_reason():
    uitkomst = beoordeel(steun=steun("a", "b") + steun("c", wil_meedoen=True))
    assert uitkomst.voldoet
    assert uitkomst.meedoeners == 1
    assert uitkomst.redenen == ("Drempel bereikt: 3 van 3 bewoners",)


def test_meedoeners_withdrawn_commitment_not_counted():
    regels = steun("a", "b", "c") + steun("d", wil_meedoen=True, ingetrokken=True)
    uitkomst = beoordeel(steun=regels)
    assert uitkomst.meedoeners == 0
    assert uitkomst.aantal == 3
    assert NIET_MEEDOEN in uitkomst.redenen


def test_meedoeners_distinct():
    regels = steun("a", "a", "b", wil_meedoen=True) + steun("c")
    uitkomst = beoordeel(steun=regels)
    assert (uitkomst.aantal, uitkomst.meedoeners) == (3, 2)


def test_commitment_reason_not_shown_on_blocked_signal():
    uitkomst = beoordeel(status="afgewezen", steun=steun("a", "b", "c"))
    assert uitkomst.meedoeners == 0
    assert NIET_MEEDOEN not in uitkomst.redenen


def test_redenen_is_tuple_of_str():
    uitkomst = beoordeel(melders=["a"])
    assert isinstance(uitkomst.redenen, tuple)
    assert all(isinstance(reden, str) for reden in uitkomst.redenen)
