"""The dashboard's figures, computed once per scope and kept a short while in Django's cache.

Eight aggregate queries over every signal, point and action in the user's scope take tens of
milliseconds on a large data set; a management dashboard does not need them to the second. So
the figures are kept for `VBT_DASHBOARD_CACHE_SECONDEN` (0: computed on every request) under a
key that holds everything they depend on and nothing that names a person:

- the scope: "alle" for a beheerder, else the ids of the buurten the user may see (the selectors
  scope on buurten, not on teams or partner: users who see the same buurten see the same
  figures and share one entry; a buurt moved to another team is a new key at once);
- the team filter, the period (van, tot; the 12 months end at tot) and today's date (overdue
  actions are counted as of today). "Loopt spaak" is as of the moment of computing, like every
  figure: at most the lifetime old, which the page says.

The cached value is plain data (lists, dicts, dates, numbers, names from the database): no model
instances, and no translated text. The view adds the labels in the user's language, so a cached
entry cannot carry one user's language to another.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from buurten.bereik import Bereik

from . import selectors
from .selectors import Selectie

# Raise when the shape of the cached value changes, so old entries are never read as new ones.
VERSIE = 2


def bewaartijd() -> int:
    """Seconds the figures are kept; 0 = not cached."""
    return max(0, settings.VBT_DASHBOARD_CACHE_SECONDEN)


def bereken(selectie: Selectie) -> dict:
    """Every figure of the dashboard, computed now (no cache)."""
    per_buurt = selectors.open_verbeterpunten_per_buurt(selectie)
    # One query for the month chart, the funnel and the signals per buurt on the map.
    tellingen = selectors.signaaltellingen(selectie)
    return {
        "per_maand": selectors.signalen_per_maand(selectie, tellingen),
        "trechter": selectors.trechter(selectie, tellingen),
        "signalen_per_buurt": selectors.signalen_per_buurt(selectie, tellingen),
        "per_buurt": per_buurt,
        "per_thema": selectors.open_verbeterpunten_per_thema(selectie),
        "te_laat": selectors.te_late_acties_per_partner(selectie),
        "mediaan_signaal_punt": selectors.mediaan_dagen_signaal_tot_verbeterpunt(selectie),
        "mediaan_punt_afgerond": selectors.mediaan_dagen_verbeterpunt_tot_afgerond(selectie),
        # Summed over the per-buurt rows already fetched (one per buurt): no extra query.
        "aantal_spaak": sum(r["spaak"] for r in per_buurt),
        "spaak": [
            {
                "pk": punt.pk,
                "titel": punt.titel,
                "buurt_naam": punt.buurt.naam,
                "thema_naam": punt.thema.naam,
                "spaak_na": punt.spaak_na,
            }
            for punt in selectors.verbeterpunten_die_spaak_lopen(selectie)
        ],
        "berekend_op": timezone.now(),
    }


def _bereik_sleutel(bereik: Bereik) -> str:
    """Whose data the figures are made of, as the selectors scope it (signalen_voor & co.)."""
    if bereik.is_leeg:
        return "niemand"
    if bereik.is_beheerder:
        return "alle"
    ids = ",".join(str(pk) for pk in bereik.buurt_ids)
    # Hashed only to keep the key short (memcached allows 250 characters); ids name no one.
    return "buurten-" + hashlib.sha256(ids.encode()).hexdigest()[:32]


def sleutel(selectie: Selectie) -> str:
    delen = (
        f"vbt:dashboard:v{VERSIE}",
        _bereik_sleutel(selectie.bereik),
        f"team-{selectie.team_id or 'alle'}",
        selectie.van.isoformat(),
        selectie.tot.isoformat(),
        timezone.localdate().isoformat(),
    )
    return ":".join(delen)


def dashboard_cijfers(selectie: Selectie) -> dict:
    """The figures for `selectie`, from the cache when computed less than `bewaartijd()` seconds
    ago."""
    seconden = bewaartijd()
    if not seconden:
        return bereken(selectie)
    sleutel_ = sleutel(selectie)
    cijfers = cache.get(sleutel_)
    if cijfers is None:
        cijfers = bereken(selectie)
        cache.set(sleutel_, cijfers, seconden)
    return cijfers
