"""Export columns of the point and action lists (Dutch headers).

On purpose absent: the residents' trekker (a resident), every note, and the reason text of a
lapsed action; the owner of a residents' action is just "Bewoners".
"""

from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from vbt.lijsten.export import Kolom, waar_als

from .constants import ACTIE_OPEN, ActieStatus, Prioriteit, VerbeterpuntStatus
from .selectors import loopt_spaak_filter


def _naam(voornaam, achternaam, gebruikersnaam):
    return f"{voornaam} {achternaam}".strip() or gebruikersnaam


ACTIE_KOLOMMEN = [
    Kolom(_lazy("Nummer"), "pk", 9),
    Kolom(_lazy("Omschrijving"), "omschrijving", 50),
    Kolom(_lazy("Verbeterpunt (nummer)"), "verbeterpunt_id", 12),
    Kolom(_lazy("Verbeterpunt"), "verbeterpunt__titel", 35),
    Kolom(_lazy("Buurt"), "verbeterpunt__buurt__naam", 22),
    Kolom(_lazy("Thema"), "verbeterpunt__thema__naam", 18),
    Kolom(_lazy("Eigenaar"), "export_eigenaar", 20),
    Kolom(
        _lazy("Verantwoordelijke"),
        (
            "verantwoordelijke__first_name",
            "verantwoordelijke__last_name",
            "verantwoordelijke__username",
        ),
        22,
        lambda voornaam, achternaam, naam: _naam(voornaam, achternaam, naam) if naam else None,
    ),
    Kolom(_lazy("Deadline"), "deadline", 12),
    Kolom(_lazy("Status"), "status", 12, keuzes=ActieStatus.choices),
    Kolom(_lazy("Te laat"), "export_te_laat", 9),
    Kolom(_lazy("Afgerond op"), "afgerond_op", 17),
    Kolom(_lazy("Resultaat"), "resultaat", 50),
]


def acties_voor_export(qs):
    """Owner and 'te laat' computed by the database, so they cost no query per row."""
    return qs.annotate(
        export_eigenaar=Case(
            When(eigenaar_bewoners=True, then=Value(_("Bewoners"))),
            default=F("eigenaar_partner__naam"),
        ),
        export_te_laat=waar_als(Q(status__in=list(ACTIE_OPEN), deadline__lt=timezone.localdate())),
    )


VERBETERPUNT_KOLOMMEN = [
    Kolom(_lazy("Nummer"), "pk", 9),
    Kolom(_lazy("Titel"), "titel", 40),
    Kolom(_lazy("Omschrijving"), "omschrijving", 60),
    Kolom(_lazy("Team"), "team__naam", 16),
    Kolom(_lazy("Wijk"), "buurt__wijk__naam", 20),
    Kolom(_lazy("Buurt"), "buurt__naam", 22),
    Kolom(_lazy("Subgebied"), "subgebied__naam", 22),
    Kolom(_lazy("Thema"), "thema__naam", 18),
    Kolom(_lazy("Status"), "status", 16, keuzes=VerbeterpuntStatus.choices),
    Kolom(_lazy("Prioriteit"), "prioriteit", 10, keuzes=Prioriteit.choices),
    Kolom(_lazy("Trekkende partner"), "trekker_partner__naam", 20),
    Kolom(_lazy("Aantal bewoners"), "aantal_bewoners", 10),
    Kolom(_lazy("Meedoende bewoners"), "aantal_meedoeners", 10),
    Kolom(_lazy("Loopt spaak"), "export_loopt_spaak", 10),
    Kolom(_lazy("Aangemaakt op"), "aangemaakt_op", 17),
    Kolom(_lazy("Afgerond op"), "afgerond_op", 17),
]


def verbeterpunten_voor_export(qs):
    """'Loopt spaak' computed by the database, so it costs no query per row."""
    return qs.annotate(export_loopt_spaak=waar_als(loopt_spaak_filter()))
