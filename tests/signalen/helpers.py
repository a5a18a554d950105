"""Build signals through the services, as the application does."""

from signalen import services
from signalen.services import BewonerInvoer
from tests.signalen.factories import ThemaFactory


def bewoner(n: int, *, meedoen: bool = False, postcode: str = "6221 AB", **extra) -> BewonerInvoer:
    return BewonerInvoer(
        postcode=postcode, huisnummer=str(n), naam=f"Bewoner {n}", wil_meedoen=meedoen, **extra
    )


def signaal_in(wereld, *, door=None, melder=None, thema=None, omschrijving="Zwerfvuil bij de flat"):
    return services.signaal_registreren(
        door=door or wereld["medewerker_gemeente"],
        buurt=wereld.buurt_a,
        subgebied=wereld.buurt_a.subgebieden.get(soort="hele_buurt"),
        thema=thema or ThemaFactory(naam="Zwerfvuil"),
        omschrijving=omschrijving,
        kanaal="straathoekbijeenkomst",
        melder=melder,
    )


def steun(wereld, signaal, *nummers, meedoen=False, door=None):
    return services.steun_registreren(
        signaal=signaal,
        door=door or wereld["medewerker_trajekt"],
        bewoners=[bewoner(n, meedoen=meedoen) for n in nummers],
        kanaal="deur_tot_deur",
    )


def gesteund_signaal(wereld, aantal=3, **kwargs):
    signaal = signaal_in(wereld, **kwargs)
    steun(wereld, signaal, *range(1, aantal + 1))
    signaal.refresh_from_db()
    return signaal
