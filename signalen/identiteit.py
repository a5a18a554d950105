"""Resident identity: normalise postcode, house number and name, and derive a keyed hash.

Pure functions over plain values: no ORM, no database. Only `bewoner_sleutel_uit_settings`
reads Django settings (the pepper). The hash, not the inputs, is what identifies a resident
for the support check, so "the same resident" means "the same normalised identity".
"""

from __future__ import annotations

import hmac
import re
import unicodedata
from hashlib import sha256

from django.utils.translation import gettext

__all__ = [
    "OngeldigeIdentiteit",
    "bewoner_sleutel",
    "bewoner_sleutel_uit_settings",
    "normaliseer_huisnummer",
    "normaliseer_naam",
    "normaliseer_postcode",
]

# Dutch postcode: 4 digits (no leading 0) + 2 letters. Explicit ASCII classes, so that
# non-Latin digits or letters never pass.
_POSTCODE = re.compile(r"[1-9][0-9]{3}[A-Z]{2}")
# PostNL does not issue these letter combinations (historical associations).
_NIET_UITGEGEVEN_LETTERS = frozenset({"SA", "SD", "SS"})
_HUISNUMMER_MAX = 99999
# A house number given as one string: leading digits, then optionally an addition ("12a").
_HUISNUMMER_MET_TOEVOEGING = re.compile(r"([0-9]+)(.*)", re.DOTALL)
# Separators people type between number and addition, or inside an addition ("12 - 1 hg").
_TOEVOEGING_SCHEIDERS = re.compile(r"[\s\-/._]+")
_TOEVOEGING_MAX = 6
# Unit separator: can never occur in a normalised part (postcode and house number are
# [0-9A-Z-], names keep only alphanumerics), so joining is unambiguous.
_SCHEIDER = "\x1f"
# Domain tag: lets a future change of the recipe produce new keys instead of colliding ones.
_SLEUTEL_VERSIE = "vbt-bewoner-v1"


class OngeldigeIdentiteit(ValueError):
    """Identity input a resident or staff member can correct; the message is Dutch."""


def normaliseer_postcode(waarde: str) -> str:
    """Return the postcode as ``1234AB``; raise `OngeldigeIdentiteit` when it is not valid."""
    fout = OngeldigeIdentiteit(gettext("Vul een geldige postcode in, bijvoorbeeld 6221 AB."))
    if not isinstance(waarde, str):
        raise fout
    compact = "".join(waarde.split())
    # Check ASCII before upper(): some characters upper-case to ASCII ("ﬀ" -> "FF").
    if not compact.isascii():
        raise fout
    compact = compact.upper()
    if not _POSTCODE.fullmatch(compact) or compact[4:] in _NIET_UITGEGEVEN_LETTERS:
        raise fout
    return compact


def _normaliseer_toevoeging(toevoeging: str) -> str:
    if not isinstance(toevoeging, str):
        raise OngeldigeIdentiteit(gettext("Vul een geldige toevoeging in, bijvoorbeeld A of 2."))
    compact = _TOEVOEGING_SCHEIDERS.sub("", toevoeging)
    if not compact:
        return ""
    # isascii first: "²".isalnum() is True and some letters upper-case to ASCII.
    if not (compact.isascii() and compact.isalnum()):
        raise OngeldigeIdentiteit(
            gettext("De toevoeging mag alleen letters en cijfers bevatten, bijvoorbeeld A of 2.")
        )
    if len(compact) > _TOEVOEGING_MAX:
        raise OngeldigeIdentiteit(
            gettext("De toevoeging mag hoogstens %(max)d tekens hebben.") % {"max": _TOEVOEGING_MAX}
        )
    return compact.upper()


def normaliseer_huisnummer(nummer: int | str, toevoeging: str = "") -> str:
    """Return ``"12"`` or ``"12-A"``.

    `nummer` may be an int or a string; a string may carry the addition itself ("12a",
    "12 A", "12-a"), so a resident's spelling does not change their identity. Giving an
    addition both inside `nummer` and in `toevoeging` is refused as ambiguous.
    """
    ongeldig = OngeldigeIdentiteit(
        gettext("Vul een geldig huisnummer in: een heel getal van 1 tot en met %(max)d.")
        % {"max": _HUISNUMMER_MAX}
    )
    # bool is an int subclass; True must not silently become house number 1.
    if isinstance(nummer, bool):
        raise ongeldig
    if isinstance(nummer, int):
        getal, rest = nummer, ""
    elif isinstance(nummer, str):
        match = _HUISNUMMER_MET_TOEVOEGING.fullmatch(nummer.strip())
        if not match:
            raise ongeldig
        cijfers, rest = match.group(1).lstrip("0") or "0", match.group(2)
        # Length check before int(): Python refuses int() of very long digit strings.
        if len(cijfers) > len(str(_HUISNUMMER_MAX)):
            raise ongeldig
        getal = int(cijfers)
    else:
        raise ongeldig
    if not 1 <= getal <= _HUISNUMMER_MAX:
        raise ongeldig

    uit_nummer = _normaliseer_toevoeging(rest)
    los = _normaliseer_toevoeging(toevoeging)
    if uit_nummer and los:
        raise OngeldigeIdentiteit(
            gettext("Vul de toevoeging niet twee keer in: bij het huisnummer en apart.")
        )
    toevoeging_norm = uit_nummer or los
    return f"{getal}-{toevoeging_norm}" if toevoeging_norm else str(getal)


def normaliseer_naam(naam: str) -> str:
    """Return a comparison form of a name or initial: "J. de Vries" -> "jdevries"."""
    if not isinstance(naam, str):
        naam = ""
    # NFKD + casefold + NFKD (Unicode caseless matching), then drop the combining marks so
    # "é" == "e"; keep only letters and digits so dots, spaces and hyphens do not matter.
    ontleed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", naam).casefold())
    genormaliseerd = "".join(
        teken for teken in ontleed if not unicodedata.combining(teken) and teken.isalnum()
    )
    if not genormaliseerd:
        raise OngeldigeIdentiteit(gettext("Vul een naam of voorletter in."))
    return genormaliseerd


def bewoner_sleutel(
    *,
    postcode: str,
    huisnummer: int | str,
    toevoeging: str = "",
    naam: str,
    pepper: bytes | str,
) -> str:
    """Return the resident key: hex HMAC-SHA256 (64 chars) of the normalised identity.

    Keyed with a secret pepper that is never stored in the database, so the key cannot be
    reversed by hashing all addresses of a buurt.
    """
    if isinstance(pepper, str):
        # A whitespace-only pepper is as good as none (typically an unset env variable).
        pepper = pepper.encode("utf-8") if pepper.strip() else b""
    if not isinstance(pepper, bytes):
        raise TypeError("pepper must be bytes or str")
    if not pepper:
        raise ValueError("An empty pepper is refused: never hash a resident without a secret.")

    delen = (
        _SLEUTEL_VERSIE,
        normaliseer_postcode(postcode),
        normaliseer_huisnummer(huisnummer, toevoeging),
        normaliseer_naam(naam),
    )
    bericht = _SCHEIDER.join(delen).encode("utf-8")
    return hmac.new(pepper, bericht, sha256).hexdigest()


# --- Thin settings wrapper: the only place that touches Django settings. -------------------


def bewoner_sleutel_uit_settings(
    *, postcode: str, huisnummer: int | str, toevoeging: str = "", naam: str
) -> str:
    """`bewoner_sleutel` with the pepper from ``settings.VBT_STEUN_PEPPER``."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    pepper = getattr(settings, "VBT_STEUN_PEPPER", None)
    if not pepper or (isinstance(pepper, str) and not pepper.strip()):
        raise ImproperlyConfigured("VBT_STEUN_PEPPER is not set; resident keys need a secret.")
    return bewoner_sleutel(
        postcode=postcode, huisnummer=huisnummer, toevoeging=toevoeging, naam=naam, pepper=pepper
    )
