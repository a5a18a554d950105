"""The model permissions of the beheerders group, in one list.

A beheerder manages the reference data (DESIGN §4). Signals, points and actions stay read-only for
them: those are written by the teams through the services, which log every change.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from .constants import BEHEERDERS_GROEP

BEHEER = ("view", "add", "change")
VOLLEDIG = ("view", "add", "change", "delete")

BEHEERDER_RECHTEN: dict[str, tuple[str, ...]] = {
    "partners.partner": BEHEER,  # deactivate, never delete: history refers to partners
    "partners.medewerker": BEHEER,  # deactivate, never delete: events name the author
    "buurten.wijk": VOLLEDIG,
    "buurten.buurt": VOLLEDIG,
    "buurten.subgebied": VOLLEDIG,
    "buurten.team": VOLLEDIG,
    "buurten.initiatief": VOLLEDIG,
    # Loaded only by importeer_buurtgrenzen; deleted with its buurt.
    "buurten.buurtgrens": ("view", "delete"),
    "signalen.thema": BEHEER,  # deactivate, never delete: signals refer to themes
    "signalen.signaal": ("view",),
    "acties.verbeterpunt": ("view",),
    "signalen.activiteit": ("view",),
    "signalen.gebeurtenis": ("view",),
    "signalen.contactinzage": ("view",),
    "signalen.bewoner": ("view",),  # inzage and erasure on request; contact details not shown
    "acties.notitie": ("view",),
    "acties.actie": ("view",),
}


def beheerders_groep_bijwerken(**kwargs) -> Group:
    """Create the group and give it exactly BEHEERDER_RECHTEN; safe to run after every migrate."""
    groep, _ = Group.objects.get_or_create(name=BEHEERDERS_GROEP)
    gewenst = []
    for label, acties in BEHEERDER_RECHTEN.items():
        app_label, model_naam = label.split(".")
        try:
            apps.get_model(app_label, model_naam)
        except LookupError:
            continue
        codenames = [f"{actie}_{model_naam}" for actie in acties]
        gewenst.extend(
            Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
    groep.permissions.set(gewenst)
    return groep
