"""Every write on signals, supports, points and activities.

Each service is atomic, checks who may do it, and appends a `Gebeurtenis`. Validation order:
database constraints, `full_clean()` for one model, cross-model rules here.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from buurten.models import Buurt, Subgebied, Team
from partners.models import Medewerker, Partner

from . import identiteit
from .constants import (
    SIGNAAL_OPEN,
    SIGNAAL_OVERGANGEN,
    VERBETERPUNT_OPEN,
    VERBETERPUNT_OVERGANGEN,
    GebeurtenisSoort,
    Prioriteit,
    SignaalStatus,
    VerbeterpuntStatus,
    reden_verplicht_voor_verbeterpunt,
)
from .models import Activiteit, Bewoner, Gebeurtenis, Signaal, Steun, Thema, Verbeterpunt
from .steun import Draagvlak, SteunRegel, beoordeel_draagvlak, tel_bewoners
from .toegang import eis_registreren, eis_teamleider, is_teamleider_van

# Checks later apps add (acties: "no open actions") before a point may close as afgerond.
# Each takes the point and returns Dutch reasons that block; signalen cannot import acties.
AFRONDEN_CONTROLES: list = []


class VerouderdFormulier(ValidationError):
    """The object changed since the form was shown: refuse rather than overwrite."""


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


def _log(wat, *, door, signaal=None, verbeterpunt=None, activiteit=None, **details):
    return Gebeurtenis.objects.create(
        wat=wat,
        wie=door,
        signaal=signaal,
        verbeterpunt=verbeterpunt,
        activiteit=activiteit,
        details=details,
    )


def controleer_versie(obj, versie: int | None, bericht: str | None = None) -> None:
    """Refuse a form based on an older state of `obj` (its `versie` moved on since)."""
    if versie is not None and int(versie) != obj.versie:
        raise VerouderdFormulier(
            bericht
            or _(
                "Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe stand en probeer "
                "het opnieuw."
            ),
            code="verouderd",
        )


def _opslaan(obj, velden: list[str]) -> None:
    obj.versie += 1
    obj.save(update_fields=[*velden, "versie"])


def _vergrendeld(model, pk):
    """Re-read the row under a lock so concurrent writes on it run one after the other."""
    return model.objects.select_for_update().get(pk=pk)


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
            _log(
                GebeurtenisSoort.DRAAGVLAK_BEREIKT,
                door=door,
                signaal=signaal,
                aantal=oordeel.aantal,
                drempel=oordeel.drempel,
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
        _log(
            GebeurtenisSoort.HERBEOORDELEN,
            door=door,
            signaal=signaal,
            aantal=oordeel.aantal,
            drempel=oordeel.drempel,
        )
    _opslaan(signaal, velden)
    if signaal.verbeterpunt_id:
        _herbereken_verbeterpunt(signaal.verbeterpunt)
    return oordeel


def tel_verbeterpunt(verbeterpunt: Verbeterpunt) -> tuple[int, int]:
    """Distinct residents (and committed ones) over every signal of the point."""
    melders = Signaal.objects.filter(verbeterpunt=verbeterpunt).values_list("melder_id", flat=True)
    steun = Steun.objects.filter(signaal__verbeterpunt=verbeterpunt).values_list(
        "bewoner_id", "ingetrokken_op", "wil_meedoen"
    )
    return tel_bewoners(
        melders=[_bewoner_id(m) for m in melders],
        steun=[
            SteunRegel(bewoner=str(b), ingetrokken=i is not None, wil_meedoen=w)
            for b, i, w in steun
        ],
    )


def _herbereken_verbeterpunt(verbeterpunt: Verbeterpunt) -> None:
    aantal, meedoeners = tel_verbeterpunt(verbeterpunt)
    Verbeterpunt.objects.filter(pk=verbeterpunt.pk).update(
        aantal_bewoners=aantal, aantal_meedoeners=meedoeners
    )
    verbeterpunt.aantal_bewoners, verbeterpunt.aantal_meedoeners = aantal, meedoeners


# --- Signals ---------------------------------------------------------------------------------


def team_voor_registratie(user: Medewerker, buurt: Buurt) -> Team:
    """The user's team that works in this buurt (the first, if several do)."""
    team = Team.objects.filter(buurten=buurt, leden=user).order_by("pk").first()
    if team is None:
        raise PermissionDenied(_("U zit niet in een team dat in deze buurt werkt."))
    eis_registreren(user, team)
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
    _log(
        GebeurtenisSoort.SIGNAAL_GEREGISTREERD,
        door=door,
        signaal=signaal,
        kanaal=kanaal,
        met_melder=melder is not None,
    )
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
    eis_registreren(door, signaal.team)
    signaal = _vergrendeld(Signaal, signaal.pk)
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
    _log(
        GebeurtenisSoort.STEUN_GEREGISTREERD,
        door=door,
        signaal=signaal,
        aantal=len(nieuw),
        kanaal=kanaal,
        meedoen=sum(s.wil_meedoen for s in nieuw),
    )
    _herbereken_signaal(signaal, door=door)
    return nieuw


@transaction.atomic
def steun_intrekken(
    *, steun: Steun, door: Medewerker, reden: str, versie: int | None = None
) -> Steun:
    eis_registreren(door, steun.signaal.team)
    if not reden.strip():
        raise ValidationError({"reden": _("Geef een reden op.")}, code="reden")
    signaal = _vergrendeld(Signaal, steun.signaal_id)
    controleer_versie(signaal, versie)
    steun = _vergrendeld(Steun, steun.pk)
    if steun.ingetrokken_op is not None:
        raise ValidationError(_("Deze steun is al ingetrokken."), code="ingetrokken")
    steun.ingetrokken_op = timezone.now()
    steun.ingetrokken_door = door
    steun.reden_intrekking = reden.strip()
    steun.save(update_fields=["ingetrokken_op", "ingetrokken_door", "reden_intrekking"])
    _log(GebeurtenisSoort.STEUN_INGETROKKEN, door=door, signaal=signaal, steun=steun.pk)
    _herbereken_signaal(signaal, door=door)
    return steun


@transaction.atomic
def signaal_doorverwijzen(
    *, signaal: Signaal, partner: Partner, door: Medewerker, reden: str = "", versie=None
) -> Signaal:
    """Primary task of one partner: close as referred. The logging medewerker may do it too;
    it is then flagged for the teamleider to review."""
    signaal = _vergrendeld(Signaal, signaal.pk)
    teamleider = is_teamleider_van(door, signaal.team)
    if not teamleider and not (signaal.geregistreerd_door_id == door.pk and door.is_authenticated):
        eis_teamleider(door, signaal.team)
    eis_registreren(door, signaal.team)
    controleer_versie(signaal, versie)
    _overgang(signaal, SignaalStatus.DOORVERWEZEN)
    if not partner.actief:
        raise ValidationError({"partner": _("Deze partner is niet actief.")}, code="partner")
    signaal.status = SignaalStatus.DOORVERWEZEN
    signaal.doorverwezen_naar = partner
    signaal.reden = reden.strip()
    signaal.herbeoordelen = not teamleider
    _opslaan(signaal, ["status", "doorverwezen_naar", "reden", "herbeoordelen"])
    _log(
        GebeurtenisSoort.SIGNAAL_DOORVERWEZEN,
        door=door,
        signaal=signaal,
        partner=partner.pk,
        ter_beoordeling=not teamleider,
    )
    return signaal


@transaction.atomic
def signaal_afwijzen(*, signaal: Signaal, door: Medewerker, reden: str, versie=None) -> Signaal:
    eis_teamleider(door, signaal.team)
    if not reden.strip():
        raise ValidationError({"reden": _("Geef een reden op om af te wijzen.")}, code="reden")
    signaal = _vergrendeld(Signaal, signaal.pk)
    controleer_versie(signaal, versie)
    _overgang(signaal, SignaalStatus.AFGEWEZEN)
    signaal.status = SignaalStatus.AFGEWEZEN
    signaal.reden = reden.strip()
    signaal.herbeoordelen = False
    _opslaan(signaal, ["status", "reden", "herbeoordelen"])
    _log(GebeurtenisSoort.SIGNAAL_AFGEWEZEN, door=door, signaal=signaal)
    return signaal


@transaction.atomic
def signaal_heropenen(*, signaal: Signaal, door: Medewerker, reden: str, versie=None) -> Signaal:
    """Back to nieuw with a fresh window; support already recorded still counts."""
    eis_teamleider(door, signaal.team)
    if not reden.strip():
        raise ValidationError({"reden": _("Geef een reden op om te heropenen.")}, code="reden")
    signaal = _vergrendeld(Signaal, signaal.pk)
    controleer_versie(signaal, versie)
    _overgang(signaal, SignaalStatus.NIEUW)
    signaal.status = SignaalStatus.NIEUW
    signaal.reden = reden.strip()
    signaal.verloopt_op = timezone.now() + timedelta(weeks=signaal.termijn_weken)
    _opslaan(signaal, ["status", "reden", "verloopt_op"])
    _log(GebeurtenisSoort.SIGNAAL_HEROPEND, door=door, signaal=signaal)
    _herbereken_signaal(signaal, door=door)
    return signaal


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
            Gebeurtenis.objects.bulk_create(
                Gebeurtenis(wat=GebeurtenisSoort.SIGNAAL_VERLOPEN, signaal_id=pk, wanneer=nu)
                for pk in ids
            )
            totaal += len(ids)


# --- Promotion and points --------------------------------------------------------------------


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
    eis_teamleider(door, signaal.team)
    signaal = _vergrendeld(Signaal, signaal.pk)
    controleer_versie(signaal, versie)
    if signaal.status == SignaalStatus.VERBETERPUNT:
        raise ValidationError(_("Dit signaal is al een verbeterpunt."), code="al_gepromoveerd")
    oordeel = draagvlak_van_signaal(signaal)
    if not oordeel.voldoet or signaal.status != SignaalStatus.DRAAGVLAK_BEREIKT:
        raise ValidationError(
            [_("Dit signaal kan nog geen verbeterpunt worden.")] + list(oordeel.redenen),
            code="geen_draagvlak",
        )
    nu = timezone.now()
    if verbeterpunt is None:
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
        except IntegrityError as fout:
            raise ValidationError(
                _("Dit signaal is al een verbeterpunt."), code="al_gepromoveerd"
            ) from fout
        if trekker_partner is not None:
            verbeterpunt.betrokken_partners.add(trekker_partner)
        _log(
            GebeurtenisSoort.VERBETERPUNT_AANGEMAAKT,
            door=door,
            verbeterpunt=verbeterpunt,
            signaal=signaal,
        )
        soort = GebeurtenisSoort.SIGNAAL_GEPROMOVEERD
    else:
        verbeterpunt = _vergrendeld(Verbeterpunt, verbeterpunt.pk)
        if verbeterpunt.buurt_id != signaal.buurt_id or verbeterpunt.team_id != signaal.team_id:
            raise ValidationError(
                _("Koppel alleen aan een verbeterpunt van hetzelfde team en dezelfde buurt."),
                code="andere_buurt",
            )
        if verbeterpunt.status not in VERBETERPUNT_OPEN:
            raise ValidationError(
                _("Dit verbeterpunt is gesloten; heropen het eerst."), code="gesloten"
            )
        soort = GebeurtenisSoort.SIGNAAL_GEKOPPELD
    signaal.status = SignaalStatus.VERBETERPUNT
    signaal.verbeterpunt = verbeterpunt
    signaal.herbeoordelen = False
    _opslaan(signaal, ["status", "verbeterpunt", "herbeoordelen"])
    _log(soort, door=door, signaal=signaal, verbeterpunt=verbeterpunt)
    _herbereken_verbeterpunt(verbeterpunt)
    return verbeterpunt


@transaction.atomic
def verbeterpunt_status_wijzigen(
    *,
    verbeterpunt: Verbeterpunt,
    naar: str,
    door: Medewerker,
    reden: str = "",
    versie: int | None = None,
) -> Verbeterpunt:
    eis_teamleider(door, verbeterpunt.team)
    verbeterpunt = _vergrendeld(Verbeterpunt, verbeterpunt.pk)
    controleer_versie(verbeterpunt, versie)
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
        _herbereken_verbeterpunt(verbeterpunt)
        if verbeterpunt.aantal_meedoeners == 0:
            raise ValidationError(
                _(
                    "Nog geen bewoner wil meedoen. Een verbeterpunt gaat pas in uitvoering met "
                    "minstens één betrokken bewoner (trekker)."
                ),
                code="geen_trekker",
            )
    if naar == VerbeterpuntStatus.AFGEROND:
        bezwaren = [reden for controle in AFRONDEN_CONTROLES for reden in controle(verbeterpunt)]
        if bezwaren:
            raise ValidationError(bezwaren, code="niet_af")
    nu = timezone.now()
    verbeterpunt.status = naar
    verbeterpunt.status_sinds = nu
    verbeterpunt.reden = reden.strip()
    verbeterpunt.afgerond_op = nu if naar == VerbeterpuntStatus.AFGEROND else None
    _opslaan(verbeterpunt, ["status", "status_sinds", "reden", "afgerond_op"])
    _log(
        GebeurtenisSoort.VERBETERPUNT_STATUS,
        door=door,
        verbeterpunt=verbeterpunt,
        van=van,
        naar=naar,
    )
    return verbeterpunt


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
    eis_registreren(door, team)
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
    _log(GebeurtenisSoort.ACTIVITEIT_GEREGISTREERD, door=door, activiteit=activiteit)
    return activiteit


@transaction.atomic
def contact_inzien(*, bewoner: Bewoner, door: Medewerker, pagina: str, reden: str = ""):
    """Record that someone looked at a resident's contact details, before showing them."""
    from .models import ContactInzage

    return ContactInzage.objects.create(
        wie=door, bewoner=bewoner, pagina=pagina[:200], reden=reden[:200]
    )


@transaction.atomic
def notitie_plaatsen(
    *,
    door: Medewerker,
    tekst: str,
    vertrouwelijk: bool = False,
    verbeterpunt: Verbeterpunt | None = None,
    signaal: Signaal | None = None,
):
    """A note by a team member on a point or signal; confidential stays with their partner."""
    from .models import Notitie

    if (verbeterpunt is None) == (signaal is None):
        raise ValueError("A note belongs to exactly one point or signal")
    eis_registreren(door, (verbeterpunt or signaal).team)
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
    # The event names the note, never its text.
    _log(
        GebeurtenisSoort.NOTITIE_GEPLAATST,
        door=door,
        verbeterpunt=verbeterpunt,
        signaal=signaal,
        notitie=notitie.pk,
        vertrouwelijk=vertrouwelijk,
        partner=door.partner_id,
    )
    return notitie
