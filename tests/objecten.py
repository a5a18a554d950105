"""One of every kind of object in team A and the same in team B, for the tests that walk every
URL (the permission matrix, XSS). Built through the services where the application does so."""

from dataclasses import dataclass

from acties import services as acties_services
from acties.constants import VerbeterpuntStatus
from signalen import services
from signalen.constants import SignaalStatus
from signalen.models import Bewoner
from signalen.services import BewonerInvoer
from tests.acties.helpers import over, snel_punt
from tests.signalen.factories import ActiviteitFactory, SignaalFactory, ThemaFactory


@dataclass
class Objecten:
    team: object
    buurt: object
    subgebied: object
    thema: object
    signaal: object  # draagvlak bereikt, logged by the gemeente's medewerker
    steun: object  # a support on `signaal` by the resident with contact details
    bewoner: object  # with contact details and consent
    gesloten: object  # an afgewezen signal
    punt: object  # in uitvoering
    actie: object  # the gemeente's, with a verantwoordelijke
    notitie: object  # the police's confidential note on `punt`
    activiteit: object


def maak_objecten(
    wereld,
    *,
    b: bool = False,
    omschrijving: str = "Zwerfvuil bij de flat",
    contact_naam: str = "Jan Janssen",
    telefoon: str = "0612345678",
    email: str = "jan@example.org",
    titel: str = "Zwerfafval speelveld",
    punt_omschrijving: str = "",
    actie_omschrijving: str = "Extra afvalbakken plaatsen",
    notitie_tekst: str = "Vertrouwelijke politie-informatie",
    verslag: str = "Goede opkomst",
    reden: str = "Geen VBT-werk",
    thema_naam: str | None = None,
) -> Objecten:
    team, buurt = (wereld.team_b, wereld.buurt_b) if b else (wereld.team_a, wereld.buurt_a)
    registreerder = wereld["ander_team"] if b else wereld["medewerker_gemeente"]
    tweede = wereld["ander_team"] if b else wereld["medewerker_trajekt"]
    schrijver = wereld["ander_team"] if b else wereld["medewerker_politie"]
    subgebied = buurt.subgebieden.get(soort="hele_buurt")
    thema = ThemaFactory(naam=thema_naam or ("Zwerfvuil B" if b else "Zwerfvuil"))
    postcode = "6222 BB" if b else "6221 AB"

    signaal = services.signaal_registreren(
        door=registreerder,
        buurt=buurt,
        subgebied=subgebied,
        thema=thema,
        omschrijving=omschrijving,
        kanaal="straathoekbijeenkomst",
        melder=BewonerInvoer(postcode=postcode, huisnummer="1", naam="Melder"),
    )
    steun = services.steun_registreren(
        signaal=signaal,
        door=tweede,
        kanaal="deur_tot_deur",
        bewoners=[
            BewonerInvoer(
                postcode=postcode,
                huisnummer="2",
                naam="J",
                wil_meedoen=True,
                toestemming=True,
                contact_naam=contact_naam,
                telefoon=telefoon,
                email=email,
                wil_terugkoppeling=True,
            ),
            BewonerInvoer(postcode=postcode, huisnummer="3", naam="K"),
        ],
    )[0]
    signaal.refresh_from_db()
    assert signaal.status == SignaalStatus.DRAAGVLAK_BEREIKT

    gesloten = SignaalFactory(
        team=team, buurt=buurt, thema=thema, geregistreerd_door=registreerder, afgewezen=True
    )
    gesloten.reden = reden
    gesloten.save(update_fields=["reden"])

    punt = snel_punt(
        wereld,
        b=b,
        thema=thema,
        status=VerbeterpuntStatus.IN_UITVOERING,
        titel=titel,
        omschrijving=punt_omschrijving,
        trekker_partner=wereld.gemeente,
    )
    actie = acties_services.actie_aanmaken(
        door=registreerder,
        verbeterpunt=punt,
        eigenaar_partner=wereld.gemeente,
        verantwoordelijke=registreerder,
        omschrijving=actie_omschrijving,
        deadline=over(14),
    )
    notitie = acties_services.notitie_plaatsen(
        door=schrijver, verbeterpunt=punt, tekst=notitie_tekst, vertrouwelijk=True
    )
    activiteit = ActiviteitFactory(
        team=team, subgebied=subgebied, door=registreerder, verslag=verslag
    )
    return Objecten(
        team=team,
        buurt=buurt,
        subgebied=subgebied,
        thema=thema,
        signaal=signaal,
        steun=steun,
        bewoner=Bewoner.objects.get(pk=steun.bewoner_id),
        gesloten=gesloten,
        punt=punt,
        actie=actie,
        notitie=notitie,
        activiteit=activiteit,
    )
