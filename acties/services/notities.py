"""Notes on a point or a signal, by team members. A confidential note stays with the author's
partner, as a note and as an event on the timeline."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from buurten.bereik import bereik_van
from partners.models import Medewerker
from signalen import logboek
from signalen.models import Signaal
from signalen.toegang import eis_registreren

from ..models import Notitie, Verbeterpunt

__all__ = ["notitie_plaatsen"]


@transaction.atomic
def notitie_plaatsen(
    *,
    door: Medewerker,
    tekst: str,
    vertrouwelijk: bool = False,
    verbeterpunt: Verbeterpunt | None = None,
    signaal: Signaal | None = None,
) -> Notitie:
    if (verbeterpunt is None) == (signaal is None):
        raise ValueError("A note belongs to exactly one point or signal")
    eis_registreren(bereik_van(door), (verbeterpunt or signaal).team)
    if not tekst.strip():
        raise ValidationError({"tekst": _("Schrijf een notitie.")}, code="leeg")
    notitie = Notitie(
        verbeterpunt=verbeterpunt,
        signaal=signaal,
        tekst=tekst.strip(),
        auteur=door,
        partner=door.partner,
        vertrouwelijk=vertrouwelijk,
    )
    notitie.full_clean()
    notitie.save()
    logboek.notitie_geplaatst(door=door, notitie=notitie)
    return notitie
