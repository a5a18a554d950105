"""Export columns of the signal and activity lists (Dutch headers).

On purpose absent: everything about residents (melder, supports, contact details) and every
note, confidential or not. Only the team's own registration data leaves the application.
"""

from django.utils.translation import gettext_lazy as _

from vbt.lijsten.export import Kolom

from .constants import ActiviteitSoort, Kanaal, SignaalStatus

SIGNAAL_KOLOMMEN = [
    Kolom(_("Nummer"), "pk", 9),
    Kolom(_("Geregistreerd op"), "geregistreerd_op", 17),
    Kolom(_("Team"), "team__naam", 16),
    Kolom(_("Wijk"), "buurt__wijk__naam", 20),
    Kolom(_("Buurt"), "buurt__naam", 22),
    Kolom(_("Subgebied"), "subgebied__naam", 22),
    Kolom(_("Thema"), "thema__naam", 18),
    Kolom(_("Omschrijving"), "omschrijving", 60),
    Kolom(_("Kanaal"), "kanaal", 20, keuzes=Kanaal.choices),
    Kolom(_("Status"), "status", 17, keuzes=SignaalStatus.choices),
    Kolom(_("Aantal bewoners"), "aantal_bewoners", 10),
    Kolom(_("Steundrempel"), "steundrempel", 10),
    Kolom(_("Draagvlak bereikt op"), "draagvlak_bereikt_op", 17),
    Kolom(_("Verloopt op"), "verloopt_op", 17),
    Kolom(_("Doorverwezen naar"), "doorverwezen_naar__naam", 20),
    Kolom(_("Verbeterpunt (nummer)"), "verbeterpunt_id", 12),
    Kolom(_("Geregistreerd door (partner)"), "geregistreerd_door__partner__naam", 20),
]

ACTIVITEIT_KOLOMMEN = [
    Kolom(_("Nummer"), "pk", 9),
    Kolom(_("Datum"), "datum", 12),
    Kolom(_("Soort"), "soort", 20, keuzes=ActiviteitSoort.choices),
    Kolom(_("Team"), "team__naam", 16),
    Kolom(_("Wijk"), "subgebied__buurt__wijk__naam", 20),
    Kolom(_("Buurt"), "subgebied__buurt__naam", 22),
    Kolom(_("Subgebied"), "subgebied__naam", 22),
    Kolom(_("Aantal deelnemers"), "aantal_deelnemers", 10),
    Kolom(_("Verslag"), "verslag", 60),
    Kolom(_("Door (partner)"), "door__partner__naam", 20),
]
