"""Resident identity: normalisation and the keyed hash. Pure, no database."""

import os
import re

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.utils import translation

from signalen.identiteit import (
    OngeldigeIdentiteit,
    bewoner_sleutel,
    bewoner_sleutel_uit_settings,
    normaliseer_huisnummer,
    normaliseer_naam,
    normaliseer_postcode,
)

# Standalone run (before the project's settings exist): gettext needs configured settings.
if not os.environ.get("DJANGO_SETTINGS_MODULE") and not settings.configured:
    settings.configure(USE_I18N=False)

PEPPER = b"test-pepper-niet-geheim"


@pytest.fixture(autouse=True)
def nederlands():
    # Messages are asserted in Dutch whatever the project's default language becomes.
    with translation.override("nl"):
        yield


def sleutel(**overrides):
    waarden = {
        "postcode": "6221 AB",
        "huisnummer": 12,
        "toevoeging": "",
        "naam": "J. de Vries",
        "pepper": PEPPER,
    }
    waarden.update(overrides)
    return bewoner_sleutel(**waarden)


# --- postcode -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "invoer",
    ["6221AB", "6221 AB", "6221 ab", "6221ab", " 6221  aB ", "6221\tAB", "62 21 AB", "6221AB\n"],
)
def test_postcode_normalised(invoer):
    assert normaliseer_postcode(invoer) == "6221AB"


@pytest.mark.parametrize("invoer", ["1000AA", "9999ZZ", "6211SB", "6211DS", "6211AS"])
def test_postcode_edges_valid(invoer):
    assert normaliseer_postcode(invoer) == invoer


@pytest.mark.parametrize(
    "invoer",
    [
        "",  # empty
        "   ",  # only whitespace
        "622AB",  # too short
        "6221A",  # one letter
        "62211AB",  # five digits
        "6221ABC",  # three letters
        "0221AB",  # leading 0
        "6221",  # digits only
        "622100",  # digits only, six
        "AB6221",  # letters first
        "6221SA",  # not issued
        "6221sd",  # not issued, lower case
        "6221 SS",  # not issued, with space
        "6221-AB",  # separator
        "6221ÄB",  # non-ASCII letter
        "６２２１AB",  # full-width digits
        "6221ﬀ",  # ligature that upper-cases to "FF"
        None,  # not a string
        6221,  # not a string
    ],
)
def test_postcode_invalid(invoer):
    with pytest.raises(OngeldigeIdentiteit) as fout:
        normaliseer_postcode(invoer)
    assert str(fout.value) == "Vul een geldige postcode in, bijvoorbeeld 6221 AB."


def test_ongeldige_identiteit_is_value_error():
    assert issubclass(OngeldigeIdentiteit, ValueError)


# --- huisnummer -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nummer", "toevoeging", "verwacht"),
    [
        (12, "", "12"),
        ("12", "", "12"),
        (" 12 ", "", "12"),
        ("012", "", "12"),
        (1, "", "1"),
        (99999, "", "99999"),
        ("99999", "", "99999"),
        (12, "a", "12-A"),
        (12, "A", "12-A"),
        (12, " a ", "12-A"),
        (12, "-a", "12-A"),
        ("12", "bis", "12-BIS"),
        (12, "1 hg", "12-1HG"),
        (12, "2", "12-2"),
        (12, "abcdef", "12-ABCDEF"),
        (12, "a-b-c-d-e-f", "12-ABCDEF"),
        (12, "   ", "12"),
        (12, "-", "12"),
    ],
)
def test_huisnummer_normalised(nummer, toevoeging, verwacht):
    assert normaliseer_huisnummer(nummer, toevoeging) == verwacht


@pytest.mark.parametrize(
    ("nummer", "toevoeging"),
    [
        ("12a", ""),
        ("12A", ""),
        ("12 A", ""),
        ("12 a", ""),
        ("12-a", ""),
        ("12 - A", ""),
        ("12/a", ""),
        (" 12a ", ""),
        (12, "a"),
        ("12", "A"),
        ("12", "-a"),
    ],
)
def test_huisnummer_addition_spellings_equal(nummer, toevoeging):
    assert normaliseer_huisnummer(nummer, toevoeging) == "12-A"


def test_huisnummer_default_toevoeging_is_empty():
    assert normaliseer_huisnummer(7) == "7"


@pytest.mark.parametrize(
    "nummer",
    [
        0,
        "0",
        "000",
        -1,
        "-1",
        -12,
        100000,
        "100000",
        "",
        "   ",
        "abc",
        "a12",
        "twaalf",
        12.0,
        None,
        True,
        False,
        "9" * 5000,
        "0" * 10 + "100000",
        "١٢",
    ],
)
def test_huisnummer_invalid(nummer):
    with pytest.raises(OngeldigeIdentiteit, match="Vul een geldig huisnummer in"):
        normaliseer_huisnummer(nummer)


def test_huisnummer_leading_zeros_not_shifted_into_addition():
    assert normaliseer_huisnummer("0000012") == "12"


@pytest.mark.parametrize("toevoeging", ["abcdefg", "1234567", "a-b-c-d-e-f-g"])
def test_toevoeging_too_long(toevoeging):
    with pytest.raises(OngeldigeIdentiteit, match="hoogstens 6 tekens"):
        normaliseer_huisnummer(12, toevoeging)


@pytest.mark.parametrize("toevoeging", ["a!", "ä", "²", "#3", "a+b"])
def test_toevoeging_invalid_characters(toevoeging):
    with pytest.raises(OngeldigeIdentiteit, match="alleen letters en cijfers"):
        normaliseer_huisnummer(12, toevoeging)


def test_toevoeging_invalid_type():
    with pytest.raises(OngeldigeIdentiteit, match="geldige toevoeging"):
        normaliseer_huisnummer(12, None)


def test_toevoeging_twice_refused():
    with pytest.raises(OngeldigeIdentiteit, match="niet twee keer"):
        normaliseer_huisnummer("12a", "b")


def test_huisnummer_with_invalid_addition_in_string():
    with pytest.raises(OngeldigeIdentiteit):
        normaliseer_huisnummer("12 abcdefgh")


# --- naam -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "invoer",
    [
        "J. de Vries",
        "j de vries",
        "J.DE VRIES",
        "jdevries",
        " J .  de\tVries ",
        "J. de Vriës",
        "J.-de-Vries",
        "Ｊ. de Vries",
    ],
)
def test_naam_variants_equal(invoer):
    assert normaliseer_naam(invoer) == "jdevries"


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        ("Jé", "je"),
        ("je", "je"),
        ("JÉ", "je"),
        ("Ç", "c"),
        ("Müller", "muller"),
        ("Straße", "strasse"),
        ("O'Brien", "obrien"),
        ("Ñúñez", "nunez"),
        ("M", "m"),
        ("Jan2", "jan2"),
    ],
)
def test_naam_normalised(invoer, verwacht):
    assert normaliseer_naam(invoer) == verwacht


@pytest.mark.parametrize("invoer", ["", "   ", ".", " . - ", "\u0301", None])
def test_naam_empty_refused(invoer):
    with pytest.raises(OngeldigeIdentiteit) as fout:
        normaliseer_naam(invoer)
    assert str(fout.value) == "Vul een naam of voorletter in."


def test_naam_different_names_differ():
    assert normaliseer_naam("J. de Vries") != normaliseer_naam("A. de Vries")


# --- bewoner_sleutel ------------------------------------------------------------------------


def test_sleutel_is_64_hex():
    assert re.fullmatch(r"[0-9a-f]{64}", sleutel())


def test_sleutel_is_stable():
    assert sleutel() == sleutel()


def test_sleutel_stable_across_spellings():
    assert sleutel() == sleutel(
        postcode="6221ab", huisnummer=" 12 ", naam="J.DE VRIES", pepper=PEPPER.decode()
    )


def test_sleutel_addition_spellings_equal():
    basis = sleutel(huisnummer="12a")
    assert basis == sleutel(huisnummer="12 A")
    assert basis == sleutel(huisnummer="12-a")
    assert basis == sleutel(huisnummer=12, toevoeging="A")


def test_sleutel_str_and_bytes_pepper_equal():
    assert sleutel(pepper="geheim") == sleutel(pepper=b"geheim")


def test_sleutel_differs_with_pepper():
    assert sleutel(pepper=b"een") != sleutel(pepper=b"twee")


@pytest.mark.parametrize(
    "verschil",
    [
        {"naam": "A. de Vries"},  # other resident at the same address
        {"postcode": "6221 AC"},
        {"huisnummer": 13},
        {"toevoeging": "a"},
        {"huisnummer": "121"},  # "12" + "1" must not equal "121" + ""
        {"huisnummer": 1, "toevoeging": "2"},
    ],
)
def test_sleutel_differs_per_part(verschil):
    assert sleutel(**verschil) != sleutel()


def test_sleutel_parts_cannot_shift():
    # Same characters, split differently over number/addition: different residents.
    assert sleutel(huisnummer=12, toevoeging="3") != sleutel(huisnummer=123)


@pytest.mark.parametrize("pepper", [b"", "", "   "])
def test_sleutel_empty_pepper_refused(pepper):
    with pytest.raises(ValueError, match="pepper"):
        sleutel(pepper=pepper)


def test_sleutel_empty_pepper_refused_before_validating_identity():
    with pytest.raises(ValueError, match="pepper"):
        sleutel(pepper=b"", postcode="ongeldig")


def test_sleutel_pepper_type_checked():
    with pytest.raises(TypeError):
        sleutel(pepper=None)


@pytest.mark.parametrize(
    ("veld", "waarde"),
    [("postcode", "0221AB"), ("huisnummer", 0), ("naam", "."), ("toevoeging", "toolong")],
)
def test_sleutel_invalid_identity_raises(veld, waarde):
    with pytest.raises(OngeldigeIdentiteit):
        sleutel(**{veld: waarde})


def test_sleutel_is_not_plain_sha256_of_inputs():
    # A keyed hash: without the pepper one cannot recompute it from the identity alone.
    import hashlib

    for bericht in ("6221AB12jdevries", "6221AB\x1f12\x1fjdevries"):
        assert sleutel() != hashlib.sha256(bericht.encode()).hexdigest()


# --- settings wrapper -----------------------------------------------------------------------


def test_sleutel_uit_settings_uses_pepper():
    with override_settings(VBT_STEUN_PEPPER=PEPPER.decode()):
        uit_settings = bewoner_sleutel_uit_settings(
            postcode="6221 AB", huisnummer=12, naam="J. de Vries"
        )
    assert uit_settings == sleutel()


@pytest.mark.parametrize("pepper", ["", "  ", None])
def test_sleutel_uit_settings_refuses_missing_pepper(pepper):
    with override_settings(VBT_STEUN_PEPPER=pepper), pytest.raises(ImproperlyConfigured):
        bewoner_sleutel_uit_settings(postcode="6221 AB", huisnummer=12, naam="J. de Vries")
