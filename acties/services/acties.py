"""Every write on actions. Each service is atomic, checks who may do it (acties.toegang), and
appends an event to the point's timeline (signalen.logboek). Mail goes out only after the
transaction commits."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buurten.bereik import bereik_van
from partners.models import Medewerker, Partner
from signalen import logboek
from signalen.models import Steun
from vbt.versie import controleer_versie

from .. import meldingen
from ..constants import (
    ACTIE_OPEN,
    ACTIE_OVERGANGEN,
    VERBETERPUNT_OPEN,
    ActieStatus,
    reden_verplicht,
    resultaat_verplicht,
)
from ..models import Actie, Verbeterpunt
from ..toegang import eis_actie_bijwerken, eis_acties_beheren, eis_eigenaar

__all__ = [
    "ONGEWIJZIGD",
    "actie_aanmaken",
    "actie_bijwerken",
    "actie_laten_vervallen",
    "actie_status_wijzigen",
]


class _Ongewijzigd:
    def __repr__(self):
        return "ONGEWIJZIGD"


# Default of the optional fields of actie_bijwerken: "leave as it is" (None means "empty").
ONGEWIJZIGD = _Ongewijzigd()


def _controleer_versie(actie: Actie, versie) -> None:
    controleer_versie(
        actie,
        versie,
        _(
            "Iemand anders heeft deze actie intussen gewijzigd. Bekijk de nieuwe stand en "
            "probeer het opnieuw."
        ),
    )


def _controleer_deadline(deadline: date) -> None:
    if deadline < timezone.localdate():
        raise ValidationError({"deadline": _("De deadline ligt in het verleden.")}, code="deadline")


def _meld_toewijzing_na_commit(actie: Actie, door: Medewerker) -> None:
    # Assigning yourself needs no mail.
    if actie.verantwoordelijke_id is None or actie.verantwoordelijke_id == door.pk:
        return
    actie_id = actie.pk
    transaction.on_commit(lambda: meldingen.toewijzing_melden(actie_id=actie_id))


@transaction.atomic
def actie_aanmaken(
    *,
    door: Medewerker,
    verbeterpunt: Verbeterpunt,
    omschrijving: str,
    deadline: date,
    eigenaar_partner: Partner | None = None,
    eigenaar_bewoners: bool = False,
    trekker: Steun | None = None,
    verantwoordelijke: Medewerker | None = None,
) -> Actie:
    team = verbeterpunt.team
    bereik = bereik_van(door)
    eis_acties_beheren(bereik, team)
    eis_eigenaar(bereik, team, partner=eigenaar_partner, bewoners=eigenaar_bewoners)
    # Lock the point: an action cannot slip in while a teamleider closes it.
    verbeterpunt = Verbeterpunt.objects.select_for_update().get(pk=verbeterpunt.pk)
    if verbeterpunt.status not in VERBETERPUNT_OPEN:
        raise ValidationError(
            _("Dit verbeterpunt is gesloten; er komen geen acties meer bij."), code="gesloten"
        )
    _controleer_deadline(deadline)
    actie = Actie(
        verbeterpunt=verbeterpunt,
        eigenaar_partner=None if eigenaar_bewoners else eigenaar_partner,
        eigenaar_bewoners=eigenaar_bewoners,
        trekker=trekker if eigenaar_bewoners else None,
        verantwoordelijke=verantwoordelijke,
        omschrijving=omschrijving.strip(),
        deadline=deadline,
        aangemaakt_door=door,
    )
    actie.full_clean()
    actie.save()
    logboek.actie_aangemaakt(door=door, actie=actie)
    _meld_toewijzing_na_commit(actie, door)
    return actie


@transaction.atomic
def actie_bijwerken(
    *,
    actie: Actie,
    door: Medewerker,
    omschrijving=ONGEWIJZIGD,
    deadline=ONGEWIJZIGD,
    eigenaar_partner=ONGEWIJZIGD,
    eigenaar_bewoners=ONGEWIJZIGD,
    trekker=ONGEWIJZIGD,
    verantwoordelijke=ONGEWIJZIGD,
    versie: int | None = None,
) -> Actie:
    """Change what an action is, who owns it or who is responsible; never its status."""
    bereik = bereik_van(door)
    eis_actie_bijwerken(bereik, actie)
    actie = Actie.objects.select_for_update().select_related("verbeterpunt__team").get(pk=actie.pk)
    eis_actie_bijwerken(bereik, actie)  # the owner may have changed while we waited for the lock
    _controleer_versie(actie, versie)
    if not actie.is_open:
        raise ValidationError(
            _("Een %(status)s actie wijzigt u niet meer.")
            % {"status": actie.get_status_display().lower()},
            code="gesloten",
        )
    oud_verantwoordelijke = actie.verantwoordelijke_id
    wijzigingen = {
        "omschrijving": omschrijving if omschrijving is ONGEWIJZIGD else omschrijving.strip(),
        "deadline": deadline,
        "eigenaar_partner": eigenaar_partner,
        "eigenaar_bewoners": eigenaar_bewoners,
        "trekker": trekker,
        "verantwoordelijke": verantwoordelijke,
    }
    velden = []
    for veld, waarde in wijzigingen.items():
        if waarde is ONGEWIJZIGD:
            continue
        if veld in ("eigenaar_partner", "trekker", "verantwoordelijke"):
            huidig = getattr(actie, f"{veld}_id")
            nieuw = waarde.pk if waarde is not None else None
        else:
            huidig, nieuw = getattr(actie, veld), waarde
        if huidig != nieuw:
            setattr(actie, veld, waarde)
            velden.append(veld)
    if not velden:
        return actie
    if "eigenaar_bewoners" in velden or "eigenaar_partner" in velden:
        if actie.eigenaar_bewoners:
            actie.eigenaar_partner = None
        else:
            actie.trekker = None
        eis_eigenaar(
            bereik,
            actie.verbeterpunt.team,
            partner=actie.eigenaar_partner,
            bewoners=actie.eigenaar_bewoners,
        )
        velden = sorted({*velden, "eigenaar_partner", "eigenaar_bewoners", "trekker"})
    if "deadline" in velden:
        _controleer_deadline(actie.deadline)
    actie.full_clean()
    actie.versie += 1
    actie.save(update_fields=[*velden, "versie"])
    logboek.actie_bijgewerkt(door=door, actie=actie, velden=velden)
    if actie.verantwoordelijke_id != oud_verantwoordelijke:
        _meld_toewijzing_na_commit(actie, door)
    return actie


def _overgang(actie: Actie, naar: str, *, door, resultaat: str = "", reden: str = "") -> str:
    """Apply one transition from the table to a locked action; returns the old status."""
    if naar not in ActieStatus.values or naar not in ACTIE_OVERGANGEN[actie.status]:
        raise ValidationError(
            _("Een actie met status '%(van)s' kan niet naar '%(naar)s'.")
            % {
                "van": actie.get_status_display(),
                "naar": ActieStatus(naar).label if naar in ActieStatus.values else naar,
            },
            code="overgang",
        )
    if resultaat_verplicht(naar) and not resultaat.strip():
        raise ValidationError(
            {"resultaat": _("Beschrijf het resultaat om de actie gereed te melden.")},
            code="resultaat",
        )
    if reden_verplicht(naar) and not reden.strip():
        raise ValidationError(
            {"reden": _("Geef een reden op om de actie te laten vervallen.")}, code="reden"
        )
    van = actie.status
    actie.status = naar
    velden = ["status"]
    if naar == ActieStatus.GEREED:
        actie.resultaat = resultaat.strip()
        velden.append("resultaat")
    if naar == ActieStatus.VERVALLEN:
        actie.reden = reden.strip()
        velden.append("reden")
    if naar not in ACTIE_OPEN:
        actie.afgerond_op = timezone.now()
        velden.append("afgerond_op")
    actie.versie += 1
    actie.save(update_fields=[*velden, "versie"])
    return van


@transaction.atomic
def actie_status_wijzigen(
    *,
    actie: Actie,
    naar: str,
    door: Medewerker,
    resultaat: str = "",
    reden: str = "",
    versie: int | None = None,
) -> Actie:
    bereik = bereik_van(door)
    eis_actie_bijwerken(bereik, actie)
    actie = Actie.objects.select_for_update().select_related("verbeterpunt__team").get(pk=actie.pk)
    eis_actie_bijwerken(bereik, actie)
    _controleer_versie(actie, versie)
    van = _overgang(actie, naar, door=door, resultaat=resultaat, reden=reden)
    logboek.actie_status_gewijzigd(door=door, actie=actie, van=van, naar=naar)
    return actie


def actie_laten_vervallen(actie: Actie, *, door: Medewerker, reden: str) -> Actie:
    """Let a locked open action lapse because its point is being closed (the closing service
    checks who may and holds the transaction)."""
    van = _overgang(actie, ActieStatus.VERVALLEN, door=door, reden=reden)
    logboek.actie_status_gewijzigd(
        door=door, actie=actie, van=van, naar=ActieStatus.VERVALLEN, bij_afronden=True
    )
    return actie
