"""Realistic demo signals, supports, points and activities, written through the services so the
event log and counts are genuine. Runs once: a second seed finds them and leaves them alone."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from buurten.models import Buurt, Subgebied, Team
from partners.models import Medewerker, Partner
from signalen import services
from signalen.constants import ActiviteitSoort
from signalen.demo import themas_laden
from signalen.models import Signaal
from signalen.services import BewonerInvoer

from . import services as punt_services
from .constants import VerbeterpuntStatus
from .models import Verbeterpunt


def _bewoners(start: int, aantal: int, postcode: str, meedoen: int = 0) -> list[BewonerInvoer]:
    return [
        BewonerInvoer(
            postcode=postcode,
            huisnummer=str(start + i),
            naam=f"bewoner-{start + i}",
            wil_meedoen=i < meedoen,
        )
        for i in range(aantal)
    ]


def _terugzetten(signaal: Signaal, dagen: int) -> None:
    """Place a demo signal in the past, so lists and expiry look like a living system."""
    moment = timezone.now() - timedelta(days=dagen)
    Signaal.objects.filter(pk=signaal.pk).update(
        geregistreerd_op=moment, verloopt_op=moment + timedelta(weeks=signaal.termijn_weken)
    )


@transaction.atomic
def signalen_laden(gebruikers: dict[str, Medewerker]) -> None:
    if Signaal.objects.exists():
        return
    themas = themas_laden()
    oost = Team.objects.get(naam="VBT Oost")
    west = Team.objects.get(naam="VBT West")
    leider = gebruikers["teamleider"]
    gemeente, trajekt, politie = (
        gebruikers["gemeente"],
        gebruikers["trajekt"],
        gebruikers["politie"],
    )
    corporatie = gebruikers["corporatie"]
    wvv = Buurt.objects.get(naam="Wittevrouwenveld")
    nolensplein = Subgebied.objects.get(buurt=wvv, naam="Mgr. Nolensplein")
    meerssenerweg = Subgebied.objects.get(buurt=wvv, naam="Meerssenerweg")
    nazareth = Buurt.objects.get(naam="Nazareth")
    limmel = Buurt.objects.get(naam="Limmel")
    mariaberg = Buurt.objects.get(naam="Mariaberg")
    brusselseweg = Subgebied.objects.get(buurt=mariaberg, naam="Brusselseweg")
    malberg = Buurt.objects.get(naam="Malberg")

    hoek = services.activiteit_registreren(
        door=gemeente,
        team=oost,
        subgebied=nolensplein,
        soort=ActiviteitSoort.STRAATHOEKBIJEENKOMST,
        datum=timezone.localdate() - timedelta(days=12),
        aantal_deelnemers=18,
        verslag="Straathoekbijeenkomst op het Nolensplein met koffie; veel reacties over afval.",
    )
    schouw = services.activiteit_registreren(
        door=trajekt,
        team=west,
        subgebied=brusselseweg,
        soort=ActiviteitSoort.BUURTSCHOUW,
        datum=timezone.localdate() - timedelta(days=30),
        aantal_deelnemers=9,
        verslag="Buurtschouw langs de Brusselseweg met bewonerscommissie en Servatius.",
    )

    def signaal(door, buurt, subgebied, thema, tekst, kanaal, activiteit=None, melder=None):
        return services.signaal_registreren(
            door=door,
            buurt=buurt,
            subgebied=subgebied or buurt.subgebieden.get(soort="hele_buurt"),
            thema=themas[thema],
            omschrijving=tekst,
            kanaal=kanaal,
            activiteit=activiteit,
            melder=melder,
        )

    def steun(s, door, bewoners, kanaal, activiteit=None):
        services.steun_registreren(
            signaal=s, door=door, bewoners=bewoners, kanaal=kanaal, activiteit=activiteit
        )
        s.refresh_from_db()
        return s

    # 1. Zwerfvuil rond de flats: broad support, committed residents, a point in uitvoering.
    zwerfvuil = signaal(
        gemeente,
        wvv,
        nolensplein,
        "Zwerfvuil",
        "Rond de flats aan het Nolensplein ligt elke week zwerfvuil; bewoners ergeren zich "
        "en het trekt ongedierte.",
        "straathoekbijeenkomst",
        hoek,
        _bewoners(1, 1, "6224 AB")[0],
    )
    steun(zwerfvuil, gemeente, _bewoners(2, 4, "6224 AB", meedoen=2), "straathoekbijeenkomst", hoek)
    punt = punt_services.signaal_promoveren(
        signaal=zwerfvuil,
        door=leider,
        titel="Schoon Nolensplein",
        trekker_partner=Partner.objects.get(naam="Gemeente Maastricht"),
    )
    punt.betrokken_partners.add(gemeente.partner, corporatie.partner, politie.partner)
    punt_services.verbeterpunt_status_wijzigen(
        verbeterpunt=punt, naar=VerbeterpuntStatus.PLAN_VAN_AANPAK, door=leider
    )
    punt_services.verbeterpunt_status_wijzigen(
        verbeterpunt=punt, naar=VerbeterpuntStatus.IN_UITVOERING, door=leider
    )
    # A second signal on the same theme merged into that point.
    tweede = signaal(
        corporatie,
        wvv,
        nolensplein,
        "Zwerfvuil",
        "Afval naast de ondergrondse containers bij portiek 12-20.",
        "deur_tot_deur",
    )
    steun(tweede, corporatie, _bewoners(4, 3, "6224 AB"), "deur_tot_deur")
    punt_services.signaal_promoveren(signaal=tweede, door=leider, verbeterpunt=punt)

    # 2. Hard rijden: support reached, waiting in the triage queue.
    hardrijden = signaal(
        politie,
        wvv,
        meerssenerweg,
        "Verkeersveiligheid",
        "Auto's rijden 's avonds veel te hard over de Meerssenerweg bij de school.",
        "telefoon",
    )
    steun(hardrijden, politie, _bewoners(40, 3, "6224 BC"), "buurtbijeenkomst")

    # 3. Donkere brandgang: two of three, close to the threshold.
    donker = signaal(
        trajekt,
        nazareth,
        None,
        "Verlichting",
        "De brandgang achter de Nazarethweg is 's avonds aardedonker; ouderen durven er niet "
        "meer langs.",
        "spreekuur",
    )
    steun(donker, trajekt, _bewoners(60, 2, "6222 AA"), "spreekuur")

    # 4. Dumping of household waste: the gemeente's own task, referred.
    dumping = signaal(
        gemeente,
        limmel,
        None,
        "Illegale dumping huisvuil",
        "Er is een bankstel en huisraad gedumpt bij de glasbak aan de Limmelerweg.",
        "email",
    )
    services.signaal_doorverwijzen(
        signaal=dumping,
        partner=Partner.objects.get(naam="Gemeente Maastricht"),
        door=leider,
        reden="Primaire taak van de gemeente: melding doorgezet naar afvalinzameling.",
    )

    # 5. A single complaint declined; 6. one that expired.
    afgewezen = signaal(
        corporatie,
        wvv,
        None,
        "Woonoverlast",
        "Buurman laat zijn hond de hele dag blaffen.",
        "telefoon",
    )
    services.signaal_afwijzen(
        signaal=afgewezen,
        door=leider,
        reden="Burenkwestie van één huishouden: doorverwezen naar buurtbemiddeling.",
    )
    verlopen = signaal(
        trajekt,
        limmel,
        None,
        "Groen en speelplekken",
        "Het speeltoestel op het pleintje is verouderd.",
        "vragenlijst",
    )
    _terugzetten(verlopen, dagen=80)
    services.signalen_verlopen()

    # 7. Team West: a point that stalls — broad support, nobody wants to help carry it.
    jongeren = signaal(
        trajekt,
        mariaberg,
        brusselseweg,
        "Overlast jongeren",
        "Groep jongeren hangt 's avonds bij het winkelcentrum; lawaai en vuurwerk.",
        "buurtschouw",
        schouw,
    )
    steun(jongeren, trajekt, _bewoners(80, 4, "6217 AB"), "buurtschouw", schouw)
    spaak = punt_services.signaal_promoveren(
        signaal=jongeren, door=leider, titel="Ontmoetingsplek voor jongeren Mariaberg"
    )
    Verbeterpunt.objects.filter(pk=spaak.pk).update(
        aangemaakt_op=timezone.now() - timedelta(weeks=12),
        spaak_na=timezone.now() - timedelta(weeks=2),
    )

    # 8. Limmel: a finished point (lighting placed with residents) and a stopped one.
    licht = signaal(
        gemeente,
        limmel,
        None,
        "Verlichting",
        "Het voetpad langs het spoor is 's avonds onverlicht.",
        "buurtbijeenkomst",
    )
    steun(licht, gemeente, _bewoners(100, 3, "6222 BB", meedoen=1), "buurtbijeenkomst")
    klaar = punt_services.signaal_promoveren(signaal=licht, door=leider, titel="Verlicht spoorpad")
    for naar in (
        VerbeterpuntStatus.PLAN_VAN_AANPAK,
        VerbeterpuntStatus.IN_UITVOERING,
        VerbeterpuntStatus.AFGEROND,
    ):
        punt_services.verbeterpunt_status_wijzigen(verbeterpunt=klaar, naar=naar, door=leider)
    plein = signaal(
        trajekt,
        malberg,
        None,
        "Groen en speelplekken",
        "Het grasveld aan de Malbergsingel zou een moestuin kunnen worden.",
        "vragenlijst",
    )
    steun(plein, trajekt, _bewoners(120, 3, "6215 AA"), "vragenlijst")
    gestopt = punt_services.signaal_promoveren(signaal=plein, door=leider, titel="Buurtmoestuin")
    punt_services.verbeterpunt_status_wijzigen(
        verbeterpunt=gestopt,
        naar=VerbeterpuntStatus.GESTAAKT,
        door=leider,
        reden="Grond is niet beschikbaar; opnieuw bekijken bij herinrichting.",
    )

    # 9. A new one in Malberg, just logged.
    signaal(
        politie,
        malberg,
        None,
        "Ontmoeting in de buurt",
        "Bewoners willen een buurtbarbecue om nieuwe bewoners te leren kennen.",
        "deur_tot_deur",
    )
    # Some history on the older ones.
    _terugzetten(zwerfvuil, dagen=45)
    _terugzetten(afgewezen, dagen=20)
    _terugzetten(dumping, dagen=15)
