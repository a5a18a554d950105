"""The support check (draagvlak): does a signal have enough distinct residents behind it?

A pure function over plain values, no ORM: callers (services, selectors) collect the reporter
keys and support rows and pass them in, so the rule can be tested without a database and is
the same everywhere it is asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext

from .constants import SIGNAAL_GESLOTEN, SignaalStatus

__all__ = [
    "MINIMALE_STEUNDREMPEL",
    "STATUSSEN",
    "STATUS_GESLOTEN_VOOR_DRAAGVLAK",
    "Draagvlak",
    "SteunRegel",
    "beoordeel_draagvlak",
    "tel_bewoners",
]

# "Meerdere bewoners": one resident is never a broader wish.
MINIMALE_STEUNDREMPEL = 2

STATUSSEN = frozenset(SignaalStatus.values)
# Closed for the support check: no amount of support makes these an integral point
# (a reopen to "nieuw" is a separate, explicit step by a teamleider).
STATUS_GESLOTEN_VOOR_DRAAGVLAK = SIGNAAL_GESLOTEN


@dataclass(frozen=True)
class SteunRegel:
    """One support record: who (a stable resident key), withdrawn or not, wants to help or not."""

    bewoner: str
    ingetrokken: bool = False
    wil_meedoen: bool = False

    def __post_init__(self) -> None:
        # An empty key would merge unrelated residents into one; that is a caller bug.
        if not self.bewoner:
            raise ValueError("SteunRegel.bewoner must be a non-empty resident key.")


@dataclass(frozen=True)
class Draagvlak:
    """Outcome of the support check; `redenen` are Dutch, ready to show."""

    voldoet: bool
    aantal: int
    drempel: int
    redenen: tuple[str, ...]
    meedoeners: int


def tel_bewoners(*, melders: Iterable[str | None], steun: Iterable[SteunRegel]) -> tuple[int, int]:
    """Return (distinct residents, distinct committed residents).

    Residents are the known reporters (several when a point merges signals; None or "" means
    "no resident known") plus every non-withdrawn support. Counting keys in a set makes the
    same resident count once, whichever channel they came through.
    """
    bewoners = {melder for melder in melders if melder}
    meedoeners: set[str] = set()
    for regel in steun:
        # A withdrawn row never counts; if the resident supports again, that is a new,
        # non-withdrawn row, and the set still counts them once.
        if regel.ingetrokken:
            continue
        bewoners.add(regel.bewoner)
        if regel.wil_meedoen:
            meedoeners.add(regel.bewoner)
    return len(bewoners), len(meedoeners)


def beoordeel_draagvlak(
    *,
    status: str,
    steundrempel: int,
    melders: Iterable[str | None] = (),
    steun: Iterable[SteunRegel] = (),
    primaire_partner: str | None = None,
) -> Draagvlak:
    """Judge the support for a signal (or a merged point) against its threshold snapshot.

    `steundrempel` is the threshold copied onto the signal when it was logged, so later team
    edits do not move open signals. Passes iff enough distinct residents back it, the status
    is still open and it is not one partner's primary task (`primaire_partner`, display name).
    Commitment (`wil_meedoen`) is reported but does not block: it gates `in_uitvoering` later.
    """
    # bool is an int subclass; True must not pass as a threshold of 1.
    if isinstance(steundrempel, bool) or not isinstance(steundrempel, int):
        raise TypeError("steundrempel must be an int.")
    if steundrempel < MINIMALE_STEUNDREMPEL:
        raise ValueError(f"steundrempel must be at least {MINIMALE_STEUNDREMPEL}.")
    if status not in STATUSSEN:
        raise ValueError(f"Unknown signal status: {status!r}.")
    partner = primaire_partner.strip() if primaire_partner else ""

    aantal, meedoeners = tel_bewoners(melders=melders, steun=steun)
    genoeg = aantal >= steundrempel
    gesloten = status in STATUS_GESLOTEN_VOOR_DRAAGVLAK
    geblokkeerd = gesloten or bool(partner)

    redenen: list[str] = []
    waarden = {"aantal": aantal, "drempel": steundrempel}
    if genoeg:
        redenen.append(gettext("Drempel bereikt: %(aantal)d van %(drempel)d bewoners") % waarden)
    else:
        redenen.append(
            ngettext(
                "%(aantal)d van %(drempel)d bewoners steunt dit signaal",
                "%(aantal)d van %(drempel)d bewoners steunen dit signaal",
                aantal,
            )
            % waarden
        )

    if partner:
        redenen.append(
            gettext("Primaire taak van %(partner)s: doorverwezen, geen integraal verbeterpunt")
            % {"partner": partner}
        )
    elif status == SignaalStatus.DOORVERWEZEN:
        redenen.append(
            gettext(
                "Signaal is doorverwezen: primaire taak van één partner, geen integraal "
                "verbeterpunt"
            )
        )
    if status == SignaalStatus.VERLOPEN:
        redenen.append(gettext("Signaal is verlopen: de drempel is niet binnen de termijn gehaald"))
    elif status == SignaalStatus.AFGEWEZEN:
        redenen.append(gettext("Signaal is afgewezen"))

    # What is still needed only makes sense while the signal can still pass; on a referred,
    # declined or expired signal it would suggest more support could fix it.
    if not geblokkeerd:
        if not genoeg:
            tekort = steundrempel - aantal
            redenen.append(
                ngettext("Nog %(tekort)d bewoner nodig", "Nog %(tekort)d bewoners nodig", tekort)
                % {"tekort": tekort}
            )
        if meedoeners == 0:
            redenen.append(gettext("Nog geen bewoner wil meedoen (betrokkenheid)"))

    return Draagvlak(
        voldoet=genoeg and not geblokkeerd,
        aantal=aantal,
        drempel=steundrempel,
        redenen=tuple(redenen),
        meedoeners=meedoeners,
    )
