"""A small world with numbers counted by hand, for the dashboard and the buurt report.

Today is Sunday 15 June 2025, 12:00 in Maastricht. Team A ("VBT Oost") works in Wittevrouwenveld
(buurt A) and Limmel (added here); team B ("VBT West") in Mariaberg.

Team A, signals in the 12 months July 2024 – June 2025 (the dashboard's default period):

    s1  3 Apr  Wittevrouwenveld  Zwerfvuil   support; point P1 on 13 Apr (10 days); P1 done 23 May
    s2  20 Apr Wittevrouwenveld  Verkeer     support; point P2 on 24 Apr (4 days); P2 open, spaak
    s3  1 May 00:30 Limmel       Zwerfvuil   support (30 April in UTC: must count for May)
    s4  10 May Limmel            Verlichting support, then referred to the gemeente
    s5  20 May Wittevrouwenveld  Verkeer     new
    s6  2 Jun  Wittevrouwenveld  Zwerfvuil   new
    s7  10 Jun Limmel            Verlichting declined

  -> per month: Apr 2, May 3, Jun 2, the nine months before 0; funnel 7 -> 4 -> 2 -> 1.
  Older, outside the window: s8 (May 2024) made P3 (Limmel, Zwerfvuil, open, a resident helps),
  s9 (March 2024) made P5 (done 5 Jan 2025, 306 days after it was made), s10 (Jan 2024) made
  P6 (Limmel, Zwerfvuil, open, spaak since 1 April 2024).

  -> open points: Limmel 2 (1 spaak), Wittevrouwenveld 1 (1 spaak); Zwerfvuil 2, Verkeer 1;
     spaak: P6, P2. Medians: signal -> point over P1, P2 = (10 + 4) / 2 = 7.0 days;
     point -> done over P1 (40), P5 (306) = 173.0 days.

  Actions (today 15 June): A1 P2 gemeente due 1 Jun open, A2 P2 gemeente due 10 Jun bezig,
  A3 P3 politie due 1 May open, A7 P3 residents due 1 Jun open: overdue. A4 P3 trajekt due
  1 Jul (not yet), A5 P1 trajekt done 15 May, A6 P6 gemeente lapsed: not overdue.
  -> overdue: Gemeente Maastricht 2, Politie Limburg 1, Bewoners 1.

Team B (never counted for team A; counted for the beheerder):

    t1  5 Apr  Mariaberg  Zwerfvuil  support; point PB1 on 7 Apr (2 days); done 27 Apr (20 days)
    t2  5 May  Mariaberg  Verkeer    new
    t3  Feb 2024 (outside) made PB2 (Verkeer, open, spaak since 1 Jan 2025), with action AB1
        of the politie due 1 Jun, open: overdue.
"""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from acties.constants import ActieStatus, VerbeterpuntStatus
from acties.models import Notitie
from buurten.models import Buurtgrens
from signalen.constants import SignaalStatus
from signalen.models import Bewoner, Signaal, Steun
from tests.acties.helpers import ActieFactory
from tests.buurten.factories import BuurtFactory
from tests.buurten.geojson import polygoon, vierkant
from tests.signalen.factories import (
    SignaalFactory,
    SteunFactory,
    ThemaFactory,
    VerbeterpuntFactory,
)

AMS = ZoneInfo("Europe/Amsterdam")
VANDAAG = date(2025, 6, 15)
NU = datetime(2025, 6, 15, 12, 0, tzinfo=AMS)

# Strings that must never reach the buurt report: the resident and the free texts.
GEHEIM = [
    "Jan Jansen",
    "0612345678",
    "jan.jansen@example.nl",
    "buurvrouw Pietersen op nummer 7",
    "Vertrouwelijke politie-informatie",
    "Meneer De Vries hielp mee",
    "Reden met de naam Kees",
]


def op(jaar, maand, dag, uur=10, minuut=0):
    return datetime(jaar, maand, dag, uur, minuut, tzinfo=AMS)


@dataclass
class Cijferwereld:
    wereld: object
    limmel: object
    signalen: dict
    punten: dict
    acties: dict


@pytest.fixture
def nu(time_machine):
    time_machine.move_to(NU, tick=False)
    return NU


@pytest.fixture
def cijfers(wereld, nu):
    w = wereld
    limmel = BuurtFactory(naam="Limmel")
    w.team_a.buurten.add(limmel)
    zwerfvuil = ThemaFactory(naam="Zwerfvuil")
    verkeer = ThemaFactory(naam="Verkeer")
    verlichting = ThemaFactory(naam="Verlichting")
    door = w["medewerker_gemeente"]

    def signaal(team, buurt, thema, moment, **kwargs):
        return SignaalFactory(
            team=team,
            buurt=buurt,
            thema=thema,
            geregistreerd_op=moment,
            geregistreerd_door=door,
            **kwargs,
        )

    def punt(bron, moment, titel, *, status=VerbeterpuntStatus.PLAN_VAN_AANPAK, **kwargs):
        kwargs.setdefault("spaak_na", op(2025, 12, 1))
        kwargs.setdefault("status_sinds", kwargs.get("afgerond_op") or moment)
        p = VerbeterpuntFactory(
            bron_signaal=bron,
            titel=titel,
            aangemaakt_op=moment,
            aangemaakt_door=w["teamleider"],
            status=status,
            **kwargs,
        )
        Signaal.objects.filter(pk=bron.pk).update(status=SignaalStatus.VERBETERPUNT, verbeterpunt=p)
        return p

    A, B = w.team_a, w.team_b
    wv, mb = w.buurt_a, w.buurt_b
    bereikt = {"status": SignaalStatus.DRAAGVLAK_BEREIKT}

    melder = Bewoner.objects.create(
        sleutel="a" * 64,
        naam="Jan Jansen",
        telefoon="0612345678",
        email="jan.jansen@example.nl",
        wil_terugkoppeling=True,
        toestemming_op=op(2025, 4, 3),
        toestemming_kanaal="straathoekbijeenkomst",
    )
    s = {
        "s1": signaal(
            A,
            wv,
            zwerfvuil,
            op(2025, 4, 3),
            draagvlak_bereikt_op=op(2025, 4, 10),
            melder=melder,
            omschrijving="Zwerfvuil, zegt de buurvrouw Pietersen op nummer 7",
            **bereikt,
        ),
        "s2": signaal(A, wv, verkeer, op(2025, 4, 20), draagvlak_bereikt_op=op(2025, 4, 22)),
        "s3": signaal(
            A,
            limmel,
            zwerfvuil,
            op(2025, 5, 1, 0, 30),
            draagvlak_bereikt_op=op(2025, 5, 8),
            **bereikt,
        ),
        "s4": signaal(
            A,
            limmel,
            verlichting,
            op(2025, 5, 10),
            draagvlak_bereikt_op=op(2025, 5, 12),
            status=SignaalStatus.DOORVERWEZEN,
            doorverwezen_naar=w.gemeente,
            reden="Reden met de naam Kees",
        ),
        "s5": signaal(A, wv, verkeer, op(2025, 5, 20)),
        "s6": signaal(A, wv, zwerfvuil, op(2025, 6, 2)),
        "s7": signaal(
            A, limmel, verlichting, op(2025, 6, 10), status=SignaalStatus.AFGEWEZEN, reden="Dubbel"
        ),
        "s8": signaal(A, limmel, zwerfvuil, op(2024, 5, 20), draagvlak_bereikt_op=op(2024, 5, 25)),
        "s9": signaal(A, wv, verlichting, op(2024, 3, 1), draagvlak_bereikt_op=op(2024, 3, 2)),
        "s10": signaal(A, limmel, zwerfvuil, op(2024, 1, 10), draagvlak_bereikt_op=op(2024, 1, 12)),
        "t1": signaal(B, mb, zwerfvuil, op(2025, 4, 5), draagvlak_bereikt_op=op(2025, 4, 6)),
        "t2": signaal(B, mb, verkeer, op(2025, 5, 5)),
        "t3": signaal(B, mb, verkeer, op(2024, 2, 1), draagvlak_bereikt_op=op(2024, 2, 3)),
    }
    klaar = {"status": VerbeterpuntStatus.AFGEROND}
    p = {
        "P1": punt(
            s["s1"],
            op(2025, 4, 13),
            "Afvalbakken bij het speelveld",
            afgerond_op=op(2025, 5, 23),
            **klaar,
        ),
        "P2": punt(
            s["s2"], op(2025, 4, 24), "Hardrijders in de Hoofdstraat", spaak_na=op(2025, 6, 1)
        ),
        "P3": punt(
            s["s8"],
            op(2024, 6, 1),
            "Zwerfvuil langs de Maas",
            status=VerbeterpuntStatus.IN_UITVOERING,
            aantal_meedoeners=1,
            spaak_na=op(2024, 8, 1),
        ),
        "P5": punt(
            s["s9"], op(2024, 3, 5), "Donkere brandgang", afgerond_op=op(2025, 1, 5), **klaar
        ),
        "P6": punt(s["s10"], op(2024, 1, 15), "Vuil bij de flats", spaak_na=op(2024, 4, 1)),
        "PB1": punt(
            s["t1"], op(2025, 4, 7), "Geheim punt van West", afgerond_op=op(2025, 4, 27), **klaar
        ),
        "PB2": punt(s["t3"], op(2024, 2, 5), "Parkeren Mariaberg", spaak_na=op(2025, 1, 1)),
    }
    Notitie.objects.create(
        verbeterpunt=p["P1"],
        tekst="Vertrouwelijke politie-informatie",
        auteur=w["medewerker_politie"],
        partner=w.politie,
        vertrouwelijk=True,
    )
    Notitie.objects.create(
        signaal=s["s1"], tekst="Jan Jansen belt terug", auteur=door, partner=w.gemeente
    )
    trekker = SteunFactory(signaal=s["s8"], wil_meedoen=True, geregistreerd_door=door)

    def actie(punt_, deadline, **kwargs):
        kwargs.setdefault("eigenaar_partner", w.gemeente)
        return ActieFactory(verbeterpunt=punt_, deadline=deadline, **kwargs)

    a = {
        "A1": actie(p["P2"], date(2025, 6, 1), omschrijving="Snelheidsbord ophangen"),
        "A2": actie(
            p["P2"], date(2025, 6, 10), omschrijving="Drempels bespreken", status=ActieStatus.BEZIG
        ),
        "A3": actie(p["P3"], date(2025, 5, 1), eigenaar_partner=w.politie),
        "A4": actie(p["P3"], date(2025, 7, 1), eigenaar_partner=w.trajekt),
        "A5": actie(
            p["P1"],
            date(2025, 5, 1),
            eigenaar_partner=w.trajekt,
            omschrijving="Extra afvalbakken plaatsen",
            status=ActieStatus.GEREED,
            afgerond_op=op(2025, 5, 15),
            resultaat="Meneer De Vries hielp mee",
        ),
        "A6": actie(
            p["P6"], date(2025, 6, 14), status=ActieStatus.VERVALLEN, reden="Niet meer nodig"
        ),
        "A7": actie(
            p["P3"],
            date(2025, 6, 1),
            eigenaar_partner=None,
            eigenaar_bewoners=True,
            trekker=trekker,
        ),
        "AB1": actie(p["PB2"], date(2025, 6, 1), eigenaar_partner=w.politie),
    }
    assert Steun.objects.count() == 1
    return Cijferwereld(wereld=w, limmel=limmel, signalen=s, punten=p, acties=a)


@dataclass
class Kaartwereld:
    cijfers: Cijferwereld
    nazareth: object


@pytest.fixture
def grenzen(cijfers):
    """Boundaries for the buurten of the small world: Wittevrouwenveld, Limmel and Nazareth
    (no team) side by side in one wijk, Mariaberg (team B) in another."""
    w = cijfers.wereld
    limmel = cijfers.limmel
    limmel.wijk = w.buurt_a.wijk
    limmel.save()
    nazareth = BuurtFactory(naam="Nazareth", wijk=w.buurt_a.wijk)
    for buurt, lengte, breedte in (
        (w.buurt_a, 5.70, 50.855),
        (limmel, 5.71, 50.865),
        (nazareth, 5.71, 50.855),
        (w.buurt_b, 5.66, 50.855),
    ):
        Buurtgrens.objects.create(buurt=buurt, geometrie=polygoon(vierkant(lengte, breedte)))
    return Kaartwereld(cijfers=cijfers, nazareth=nazareth)
