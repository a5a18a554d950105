"""Writes on improvement points: promotion of a signal, status changes, closing.

Each service is atomic, checks who may do it, locks and checks the version of what it changes,
and logs an event (signalen.logboek).
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from buurten.bereik import bereik_van
from partners.models import Medewerker, Partner
from signalen import logboek
from signalen.constants import SignaalStatus
from signalen.models import Signaal
from signalen.services import draagvlak_van_signaal, signaal_opnemen_in_verbeterpunt
from signalen.toegang import eis_teamleider
from vbt.versie import controleer_versie, opslaan, vergrendeld

from ..constants import (
    VERBETERPUNT_OPEN,
    VERBETERPUNT_OVERGANGEN,
    Prioriteit,
    VerbeterpuntStatus,
    reden_verplicht_voor_verbeterpunt,
)
from ..models import Actie, Verbeterpunt
from .acties import actie_laten_vervallen

__all__ = ["signaal_promoveren", "verbeterpunt_afronden", "verbeterpunt_status_wijzigen"]


def _nieuw_verbeterpunt(
    signaal: Signaal, *, door, titel, omschrijving, prioriteit, trekker_partner
):
    nu = timezone.now()
    verbeterpunt = Verbeterpunt(
        titel=(titel or signaal.omschrijving).strip()[:200],
        omschrijving=omschrijving.strip() or signaal.omschrijving,
        team=signaal.team,
        buurt=signaal.buurt,
        subgebied=signaal.subgebied,
        thema=signaal.thema,
        prioriteit=prioriteit,
        trekker_partner=trekker_partner,
        bron_signaal=signaal,
        aangemaakt_door=door,
        aangemaakt_op=nu,
        status_sinds=nu,
        spaak_na=Verbeterpunt.spaak_na_voor(signaal.team, nu),
    )
    verbeterpunt.full_clean(exclude=["bron_signaal"])
    try:
        with transaction.atomic():
            verbeterpunt.save()
    except IntegrityError as fout:  # bron_signaal is unique: a concurrent promotion won
        raise ValidationError(
            _("Dit signaal is al een verbeterpunt."), code="al_gepromoveerd"
        ) from fout
    if trekker_partner is not None:
        verbeterpunt.betrokken_partners.add(trekker_partner)
    logboek.verbeterpunt_aangemaakt(door=door, verbeterpunt=verbeterpunt, signaal=signaal)
    return verbeterpunt


def _bestaand_verbeterpunt(signaal: Signaal, verbeterpunt: Verbeterpunt) -> Verbeterpunt:
    verbeterpunt = vergrendeld(Verbeterpunt, verbeterpunt.pk)
    if verbeterpunt.buurt_id != signaal.buurt_id or verbeterpunt.team_id != signaal.team_id:
        raise ValidationError(
            _("Koppel alleen aan een verbeterpunt van hetzelfde team en dezelfde buurt."),
            code="andere_buurt",
        )
    if verbeterpunt.status not in VERBETERPUNT_OPEN:
        raise ValidationError(
            _("Dit verbeterpunt is gesloten; heropen het eerst."), code="gesloten"
        )
    return verbeterpunt


@transaction.atomic
def signaal_promoveren(
    *,
    signaal: Signaal,
    door: Medewerker,
    verbeterpunt: Verbeterpunt | None = None,
    titel: str = "",
    omschrijving: str = "",
    prioriteit: str = Prioriteit.NORMAAL,
    trekker_partner: Partner | None = None,
    versie: int | None = None,
) -> Verbeterpunt:
    """Make the signal an integral improvement point, new or attached to an open one of the
    same buurt. Refused with the check's reasons when support is short."""
    eis_teamleider(bereik_van(door), signaal.team)
    signaal = vergrendeld(Signaal, signaal.pk)
    controleer_versie(signaal, versie)
    if signaal.status == SignaalStatus.VERBETERPUNT:
        raise ValidationError(_("Dit signaal is al een verbeterpunt."), code="al_gepromoveerd")
    oordeel = draagvlak_van_signaal(signaal)
    if not oordeel.voldoet or signaal.status != SignaalStatus.DRAAGVLAK_BEREIKT:
        raise ValidationError(
            [_("Dit signaal kan nog geen verbeterpunt worden.")] + list(oordeel.redenen),
            code="geen_draagvlak",
        )
    if verbeterpunt is None:
        verbeterpunt = _nieuw_verbeterpunt(
            signaal,
            door=door,
            titel=titel,
            omschrijving=omschrijving,
            prioriteit=prioriteit,
            trekker_partner=trekker_partner,
        )
        log = logboek.signaal_gepromoveerd
    else:
        verbeterpunt = _bestaand_verbeterpunt(signaal, verbeterpunt)
        log = logboek.signaal_gekoppeld
    signaal_opnemen_in_verbeterpunt(signaal=signaal, verbeterpunt=verbeterpunt)
    log(door=door, signaal=signaal, verbeterpunt=verbeterpunt)
    verbeterpunt.tel_bewoners_opnieuw()
    return verbeterpunt


def _open_acties_bezwaar(verbeterpunt: Verbeterpunt) -> list[str]:
    """Open actions block closing a point as afgerond."""
    aantal = Actie.objects.filter(verbeterpunt_id=verbeterpunt.pk).open().count()
    if not aantal:
        return []
    return [
        ngettext(
            "Er staat nog %(aantal)d open actie: sluit die af of laat die vervallen.",
            "Er staan nog %(aantal)d open acties: sluit ze af of laat ze vervallen.",
            aantal,
        )
        % {"aantal": aantal}
    ]


def _controleer_overgang(verbeterpunt: Verbeterpunt, naar: str, reden: str) -> None:
    van = verbeterpunt.status
    if naar not in VERBETERPUNT_OVERGANGEN[van]:
        raise ValidationError(
            _("Een verbeterpunt met status '%(van)s' kan niet naar '%(naar)s'.")
            % {"van": verbeterpunt.get_status_display(), "naar": VerbeterpuntStatus(naar).label},
            code="overgang",
        )
    if reden_verplicht_voor_verbeterpunt(van, naar) and not reden.strip():
        raise ValidationError({"reden": _("Geef een reden op.")}, code="reden")
    if naar == VerbeterpuntStatus.IN_UITVOERING:
        verbeterpunt.tel_bewoners_opnieuw()
        if verbeterpunt.aantal_meedoeners == 0:
            raise ValidationError(
                _(
                    "Nog geen bewoner wil meedoen. Een verbeterpunt gaat pas in uitvoering met "
                    "minstens één betrokken bewoner (trekker)."
                ),
                code="geen_trekker",
            )
    if naar == VerbeterpuntStatus.AFGEROND and (bezwaren := _open_acties_bezwaar(verbeterpunt)):
        raise ValidationError(bezwaren, code="niet_af")


@transaction.atomic
def verbeterpunt_status_wijzigen(
    *,
    verbeterpunt: Verbeterpunt,
    naar: str,
    door: Medewerker,
    reden: str = "",
    versie: int | None = None,
) -> Verbeterpunt:
    eis_teamleider(bereik_van(door), verbeterpunt.team)
    verbeterpunt = vergrendeld(Verbeterpunt, verbeterpunt.pk)
    controleer_versie(verbeterpunt, versie)
    van = verbeterpunt.status
    _controleer_overgang(verbeterpunt, naar, reden)
    nu = timezone.now()
    verbeterpunt.status = naar
    verbeterpunt.status_sinds = nu
    verbeterpunt.reden = reden.strip()
    verbeterpunt.afgerond_op = nu if naar == VerbeterpuntStatus.AFGEROND else None
    opslaan(verbeterpunt, ["status", "status_sinds", "reden", "afgerond_op"])
    logboek.verbeterpunt_status_gewijzigd(door=door, verbeterpunt=verbeterpunt, van=van, naar=naar)
    return verbeterpunt


@transaction.atomic
def verbeterpunt_afronden(
    *,
    verbeterpunt: Verbeterpunt,
    door: Medewerker,
    reden: str = "",
    open_acties_vervallen: bool = False,
    versie: int | None = None,
) -> Verbeterpunt:
    """Close a point as afgerond. With `open_acties_vervallen` a teamleider lets its open actions
    lapse (with the reason) in the same transaction; otherwise open actions block."""
    eis_teamleider(bereik_van(door), verbeterpunt.team)
    verbeterpunt = vergrendeld(Verbeterpunt, verbeterpunt.pk)
    controleer_versie(verbeterpunt, versie)
    if open_acties_vervallen:
        open_acties = list(
            Actie.objects.select_for_update().filter(verbeterpunt=verbeterpunt).open()
        )
        if open_acties and not reden.strip():
            raise ValidationError(
                {"reden": _("Geef een reden op om de open acties te laten vervallen.")},
                code="reden",
            )
        for actie in open_acties:
            actie_laten_vervallen(actie, door=door, reden=reden)
    return verbeterpunt_status_wijzigen(
        verbeterpunt=verbeterpunt,
        naar=VerbeterpuntStatus.AFGEROND,
        door=door,
        reden=reden,
        versie=versie,
    )
