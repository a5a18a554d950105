"""Every write on signals, supports and activities, and the support check loaded from the
database.

Each service is atomic, checks who may do it, and appends an event (signalen.logboek).
Validation order: database constraints, `full_clean()` for one model, cross-model rules here.
Points are acties' (to the right): a signal's point is reached only through
`Signaal.verbeterpunt`, to have it recount its residents when support changes.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from buurten.bereik import bereik_van
from buurten.models import Buurt, Subgebied, Team
from partners.models import Medewerker, Partner
from vbt.versie import controleer_versie, opslaan, vergrendeld

from . import identiteit, logboek
from .constants import SIGNAAL_OPEN, SIGNAAL_OVERGANGEN, SignaalStatus
from .models import Activiteit, Bewoner, ContactInzage, Signaal, Steun, Thema
from .steun import Draagvlak, SteunRegel, beoordeel_draagvlak, tel_bewoners
from .toegang import eis_registreren, eis_teamleider, is_teamleider_van


@dataclass(frozen=True)
class BewonerInvoer:
    """What a form gives about one resident. Contact details only count with consent."""

    postcode: str
    huisnummer: str | int
    naam: str
    toevoeging: str = ""
    wil_meedoen: bool = False
    toestemming: bool = False
    contact_naam: str = ""
    telefoon: str = ""
    email: str = ""
    wil_terugkoppeling: bool = False
    # The row of the form it came from (1-based, as the page numbers them): an error names that
    # row, also when an empty row before it was skipped. None: its place in the batch.
    rij: int | None = None


def _overgang(signaal: Signaal, naar: str) -> None:
    if naar not in SIGNAAL_OVERGANGEN[signaal.status]:
        raise ValidationError(
            _("Een signaal met status '%(van)s' kan niet naar '%(naar)s'.")
            % {"van": signaal.get_status_display(), "naar": SignaalStatus(naar).label},
            code="overgang",
        )


# --- Residents -------------------------------------------------------------------------------


def bewoner_vinden_of_maken(*, invoer: BewonerInvoer, kanaal: str) -> Bewoner:
    """The resident behind this identity; the same person by any channel is one Bewoner."""
    try:
        sleutel = identiteit.bewoner_sleutel_uit_settings(
            postcode=invoer.postcode,
            huisnummer=invoer.huisnummer,
            toevoeging=invoer.toevoeging,
            naam=invoer.naam,
        )
    except identiteit.OngeldigeIdentiteit as fout:
        raise ValidationError(str(fout), code="identiteit") from fout
    bewoner, _nieuw = Bewoner.objects.get_or_create(sleutel=sleutel)
    if invoer.toestemming and (
        invoer.contact_naam or invoer.telefoon or invoer.email or invoer.wil_terugkoppeling
    ):
        bewoner.naam = invoer.contact_naam.strip()
        bewoner.telefoon = invoer.telefoon.strip()
        bewoner.email = invoer.email.strip()
        bewoner.wil_terugkoppeling = invoer.wil_terugkoppeling
        bewoner.toestemming_op = timezone.now()
        bewoner.toestemming_kanaal = kanaal
        bewoner.full_clean()
        bewoner.save()
    return bewoner


# --- The support check, loaded from the database ---------------------------------------------


def _bewoner_id(bewoner_id) -> str | None:
    # The primary key identifies a resident as well as the hash does, and survives erasure.
    return None if bewoner_id is None else str(bewoner_id)


def draagvlak_van_signaal(signaal: Signaal) -> Draagvlak:
    steun = [
        SteunRegel(bewoner=str(b), ingetrokken=ingetrokken is not None, wil_meedoen=meedoen)
        for b, ingetrokken, meedoen in signaal.steun.values_list(
            "bewoner_id", "ingetrokken_op", "wil_meedoen"
        )
    ]
    primaire = signaal.doorverwezen_naar.naam if signaal.doorverwezen_naar_id else None
    return beoordeel_draagvlak(
        status=signaal.status,
        steundrempel=signaal.steundrempel,
        melders=[_bewoner_id(signaal.melder_id)],
        steun=steun,
        primaire_partner=primaire,
    )


def _herbereken_signaal(signaal: Signaal, *, door) -> Draagvlak:
    """Store the count; mark the first pass; flag (never demote) when support falls back."""
    oordeel = draagvlak_van_signaal(signaal)
    velden = ["aantal_bewoners"]
    signaal.aantal_bewoners = oordeel.aantal
    if oordeel.voldoet:
        if signaal.draagvlak_bereikt_op is None:
            signaal.draagvlak_bereikt_op = timezone.now()
            velden.append("draagvlak_bereikt_op")
            logboek.draagvlak_bereikt(
                door=door, signaal=signaal, aantal=oordeel.aantal, drempel=oordeel.drempel
            )
        if signaal.status == SignaalStatus.NIEUW:
            signaal.status = SignaalStatus.DRAAGVLAK_BEREIKT
            velden.append("status")
        if signaal.herbeoordelen:
            signaal.herbeoordelen = False
            velden.append("herbeoordelen")
    elif signaal.status == SignaalStatus.DRAAGVLAK_BEREIKT and not signaal.herbeoordelen:
        signaal.herbeoordelen = True
        velden.append("herbeoordelen")
        logboek.herbeoordelen(
            door=door, signaal=signaal, aantal=oordeel.aantal, drempel=oordeel.drempel
        )
    opslaan(signaal, velden)
    if signaal.verbeterpunt_id:
        signaal.verbeterpunt.tel_bewoners_opnieuw()
    return oordeel


def tel_bewoners_van(signalen: QuerySet[Signaal]) -> tuple[int, int]:
    """Distinct residents (and committed ones) over a set of signals, as the support check
    counts them: a point's count over all its signals."""
    melders = signalen.values_list("melder_id", flat=True)
    steun = Steun.objects.filter(signaal__in=signalen).values_list(
        "bewoner_id", "ingetrokken_op", "wil_meedoen"
    )
    return tel_bewoners(
        melders=[_bewoner_id(m) for m in melders],
        steun=[
            SteunRegel(bewoner=str(b), ingetrokken=i is not None, wil_meedoen=w)
            for b, i, w in steun
        ],
    )


# --- Signals ---------------------------------------------------------------------------------


def team_voor_registratie(user: Medewerker, buurt: Buurt) -> Team:
    """The user's team that works in this buurt (the first, if several do)."""
    bereik = bereik_van(user)
    team = Team.objects.filter(buurten=buurt, pk__in=bereik.team_ids).order_by("pk").first()
    if team is None:
        raise PermissionDenied(_("U zit niet in een team dat in deze buurt werkt."))
    eis_registreren(bereik, team)
    return team


@transaction.atomic
def signaal_registreren(
    *,
    door: Medewerker,
    buurt: Buurt,
    subgebied: Subgebied,
    thema: Thema,
    omschrijving: str,
    kanaal: str,
    activiteit: Activiteit | None = None,
    melder: BewonerInvoer | None = None,
) -> Signaal:
    team = team_voor_registratie(door, buurt)
    if subgebied.buurt_id != buurt.pk:
        raise ValidationError(
            {"subgebied": _("Dit subgebied hoort niet bij de gekozen buurt.")}, code="subgebied"
        )
    if activiteit is not None and activiteit.team_id != team.pk:
        raise ValidationError(
            {"activiteit": _("Deze activiteit is van een ander team.")}, code="activiteit"
        )
    if not thema.actief:
        raise ValidationError({"thema": _("Dit thema is niet meer actief.")}, code="thema")
    nu = timezone.now()
    signaal = Signaal(
        team=team,
        buurt=buurt,
        subgebied=subgebied,
        thema=thema,
        omschrijving=omschrijving.strip(),
        kanaal=kanaal,
        activiteit=activiteit,
        geregistreerd_door=door,
        geregistreerd_op=nu,
        steundrempel=team.steundrempel,
        termijn_weken=team.termijn_weken,
        verloopt_op=nu + timedelta(weeks=team.termijn_weken),
    )
    if melder is not None:
        signaal.melder = bewoner_vinden_of_maken(invoer=melder, kanaal=kanaal)
    signaal.full_clean()
    signaal.save()
    logboek.signaal_geregistreerd(door=door, signaal=signaal, met_melder=melder is not None)
    _herbereken_signaal(signaal, door=door)
    return signaal


@transaction.atomic
def steun_registreren(
    *,
    signaal: Signaal,
    door: Medewerker,
    bewoners: Iterable[BewonerInvoer],
    kanaal: str,
    activiteit: Activiteit | None = None,
    datum: date | None = None,
    versie: int | None = None,
) -> list[Steun]:
    """Record support of one or several residents at once (e.g. a street-corner meeting).

    All or nothing: one invalid or duplicate resident refuses the whole batch, naming the row.
    """
    eis_registreren(bereik_van(door), signaal.team)
    signaal = vergrendeld(Signaal, signaal.pk)
    controleer_versie(signaal, versie)
    if signaal.status not in SIGNAAL_OPEN and signaal.status != SignaalStatus.VERBETERPUNT:
        raise ValidationError(
            _("Een %(status)s signaal krijgt geen nieuwe steun.")
            % {"status": signaal.get_status_display().lower()},
            code="gesloten",
        )
    if activiteit is not None and activiteit.team_id != signaal.team_id:
        raise ValidationError(_("Deze activiteit is van een ander team."), code="activiteit")
    if datum is not None and datum > timezone.localdate():
        raise ValidationError(_("De datum van de steun ligt in de toekomst."), code="datum")
    bewoners = list(bewoners)
    if not bewoners:
        raise ValidationError(_("Vul minstens één bewoner in."), code="leeg")
    al_steunend = set(
        signaal.steun.filter(ingetrokken_op__isnull=True).values_list("bewoner_id", flat=True)
    )
    nieuw: list[Steun] = []
    for plaats, invoer in enumerate(bewoners, start=1):
        nummer = invoer.rij or plaats
        try:
            bewoner = bewoner_vinden_of_maken(invoer=invoer, kanaal=kanaal)
        except ValidationError as fout:
            raise ValidationError(
                _("Bewoner %(nummer)s: %(fout)s") % {"nummer": nummer, "fout": fout.messages[0]},
                code="identiteit",
            ) from fout
        if bewoner.pk in al_steunend:
            raise ValidationError(
                _("Bewoner %(nummer)s steunt dit signaal al.") % {"nummer": nummer},
                code="dubbel",
            )
        al_steunend.add(bewoner.pk)
        nieuw.append(
            Steun(
                signaal=signaal,
                bewoner=bewoner,
                kanaal=kanaal,
                activiteit=activiteit,
                datum=datum or timezone.localdate(),
                wil_meedoen=invoer.wil_meedoen,
                geregistreerd_door=door,
            )
        )
    try:
        with transaction.atomic():
            Steun.objects.bulk_create(nieuw)
    except IntegrityError as fout:  # a concurrent request recorded the same resident
        raise ValidationError(_("Deze bewoner steunt dit signaal al."), code="dubbel") from fout
    logboek.steun_geregistreerd(
        door=door,
        signaal=signaal,
        kanaal=kanaal,
        aantal=len(nieuw),
        meedoen=sum(s.wil_meedoen for s in nieuw),
    )
    _herbereken_signaal(signaal, door=door)
    return nieuw


@transaction.atomic
def steun_intrekken(
    *, steun: Steun, door: Medewerker, reden: str, versie: int | None = None
) -> Steun:
    eis_registreren(bereik_van(door), steun.signaal.team)
    if not reden.strip():
        raise ValidationError({"reden": _("Geef een reden op.")}, code="reden")
    signaal = vergrendeld(Signaal, steun.signaal_id)
    controleer_versie(signaal, versie)
    steun = vergrendeld(Steun, steun.pk)
    if steun.ingetrokken_op is not None:
        raise ValidationError(_("Deze steun is al ingetrokken."), code="ingetrokken")
    steun.ingetrokken_op = timezone.now()
    steun.ingetrokken_door = door
    steun.reden_intrekking = reden.strip()
    steun.save(update_fields=["ingetrokken_op", "ingetrokken_door", "reden_intrekking"])
    logboek.steun_ingetrokken(door=door, steun=steun)
    _herbereken_signaal(signaal, door=door)
    return steun


@transaction.atomic
def signaal_doorverwijzen(
    *, signaal: Signaal, partner: Partner, door: Medewerker, reden: str = "", versie=None
) -> Signaal:
    """Primary task of one partner: close as referred. The logging medewerker may do it too;
    it is then flagged for the teamleider to review."""
    signaal = vergrendeld(Signaal, signaal.pk)
    bereik = bereik_van(door)
    teamleider = is_teamleider_van(bereik, signaal.team)
    if not teamleider and signaal.geregistreerd_door_id != bereik.medewerker_id:
        eis_teamleider(bereik, signaal.team)
    eis_registreren(bereik, signaal.team)
    controleer_versie(signaal, versie)
    _overgang(signaal, SignaalStatus.DOORVERWEZEN)
    if not partner.actief:
        raise ValidationError({"partner": _("Deze partner is niet actief.")}, code="partner")
    signaal.status = SignaalStatus.DOORVERWEZEN
    signaal.doorverwezen_naar = partner
    signaal.reden = reden.strip()
    signaal.herbeoordelen = not teamleider
    opslaan(signaal, ["status", "doorverwezen_naar", "reden", "herbeoordelen"])
    logboek.signaal_doorverwezen(door=door, signaal=signaal, ter_beoordeling=not teamleider)
    return signaal


@transaction.atomic
def signaal_afwijzen(*, signaal: Signaal, door: Medewerker, reden: str, versie=None) -> Signaal:
    eis_teamleider(bereik_van(door), signaal.team)
    if not reden.strip():
        raise ValidationError({"reden": _("Geef een reden op om af te wijzen.")}, code="reden")
    signaal = vergrendeld(Signaal, signaal.pk)
    controleer_versie(signaal, versie)
    _overgang(signaal, SignaalStatus.AFGEWEZEN)
    signaal.status = SignaalStatus.AFGEWEZEN
    signaal.reden = reden.strip()
    signaal.herbeoordelen = False
    opslaan(signaal, ["status", "reden", "herbeoordelen"])
    logboek.signaal_afgewezen(door=door, signaal=signaal)
    return signaal


@transaction.atomic
def signaal_heropenen(*, signaal: Signaal, door: Medewerker, reden: str, versie=None) -> Signaal:
    """Back to nieuw with a fresh window; support already recorded still counts."""
    eis_teamleider(bereik_van(door), signaal.team)
    if not reden.strip():
        raise ValidationError({"reden": _("Geef een reden op om te heropenen.")}, code="reden")
    signaal = vergrendeld(Signaal, signaal.pk)
    controleer_versie(signaal, versie)
    _overgang(signaal, SignaalStatus.NIEUW)
    signaal.status = SignaalStatus.NIEUW
    signaal.reden = reden.strip()
    signaal.verloopt_op = timezone.now() + timedelta(weeks=signaal.termijn_weken)
    opslaan(signaal, ["status", "reden", "verloopt_op"])
    logboek.signaal_heropend(door=door, signaal=signaal)
    _herbereken_signaal(signaal, door=door)
    return signaal


def signaal_opnemen_in_verbeterpunt(*, signaal: Signaal, verbeterpunt) -> None:
    """Mark a locked signal as part of a point. Promotion (acties) decides and logs; this keeps
    the signal's own rule, its transition table."""
    _overgang(signaal, SignaalStatus.VERBETERPUNT)
    signaal.status = SignaalStatus.VERBETERPUNT
    signaal.verbeterpunt = verbeterpunt
    signaal.herbeoordelen = False
    opslaan(signaal, ["status", "verbeterpunt", "herbeoordelen"])


def signalen_verlopen(*, nu: datetime | None = None, batch: int = 500) -> int:
    """Expire new signals past their window. Safe to run from cron at any time: each batch is
    its own transaction and a signal already handled is skipped."""
    nu = nu or timezone.now()
    totaal = 0
    while True:
        with transaction.atomic():
            ids = list(
                Signaal.objects.select_for_update(skip_locked=True)
                .filter(status=SignaalStatus.NIEUW, verloopt_op__lte=nu)
                .order_by("pk")
                .values_list("pk", flat=True)[:batch]
            )
            if not ids:
                return totaal
            Signaal.objects.filter(pk__in=ids, status=SignaalStatus.NIEUW).update(
                status=SignaalStatus.VERLOPEN,
                versie=F("versie") + 1,
            )
            logboek.signalen_verlopen(signaal_ids=ids, wanneer=nu)
            totaal += len(ids)


# --- Activities and contact details --------------------------------------------------------


@transaction.atomic
def activiteit_registreren(
    *,
    door: Medewerker,
    team: Team,
    subgebied: Subgebied,
    soort: str,
    datum: date,
    aantal_deelnemers: int | None = None,
    verslag: str = "",
) -> Activiteit:
    eis_registreren(bereik_van(door), team)
    if not team.buurten.filter(pk=subgebied.buurt_id).exists():
        raise ValidationError(
            {"subgebied": _("Dit subgebied ligt niet in een buurt van dit team.")},
            code="subgebied",
        )
    if datum > timezone.localdate():
        raise ValidationError({"datum": _("De datum ligt in de toekomst.")}, code="datum")
    activiteit = Activiteit(
        door=door,
        team=team,
        subgebied=subgebied,
        soort=soort,
        datum=datum,
        aantal_deelnemers=aantal_deelnemers,
        verslag=verslag.strip(),
    )
    activiteit.full_clean()
    activiteit.save()
    logboek.activiteit_geregistreerd(door=door, activiteit=activiteit)
    return activiteit


@transaction.atomic
def contact_inzien(*, bewoner: Bewoner, door: Medewerker, pagina: str, reden: str = ""):
    """Record that someone looked at a resident's contact details, before showing them."""
    return ContactInzage.objects.create(
        wie=door, bewoner=bewoner, pagina=pagina[:200], reden=reden[:200]
    )
