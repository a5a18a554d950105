"""A large, realistic data set for measuring (`manage.py seed_bench`): N signals over 44 buurten
and 12 teams with a Zipf-like skew, about 3 supports per signal, N/10 points with 3 actions each,
300 users and the event log the detail pages read.

Written with bulk inserts and with counters computed here rather than through the services: the
services do one resident at a time (correct, but hours for 100 000 signals). The rules the
services keep are kept here too, so the pages see a consistent database: a point's source signal
has status `verbeterpunt`, `aantal_bewoners` is the number of supports, `draagvlak_bereikt_op` is
set exactly when the threshold was reached, open signals have not expired.
"""

import csv
import hashlib
import hmac
import io
import json
import random
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from acties.constants import ACTIE_GESLOTEN, ActieStatus, Prioriteit, VerbeterpuntStatus
from acties.models import Actie, Verbeterpunt
from buurten.models import Buurt, Subgebied, Team
from partners.constants import Rol
from partners.models import Medewerker, Partner
from partners.services import medewerker_aanmaken
from signalen.constants import ActiviteitSoort, GebeurtenisSoort, Kanaal, SignaalStatus
from signalen.models import Activiteit, Bewoner, Gebeurtenis, Signaal, Steun, Thema

# Bench-only accounts: they exist only in a database filled by seed_bench.
BENCH_WACHTWOORD = "bench-alleen-lokaal"
BENCH_MEDEWERKER = "bench-medewerker"
BENCH_TEAMLEIDER = "bench-teamleider"
BENCH_BEHEERDER = "bench-beheerder"
AANTAL_TEAMS = 12
AANTAL_GEBRUIKERS = 300
BATCH = 5000
JAREN = 3
DREMPEL = 3
TERMIJN_WEKEN = 10

# Supports per signal and their weights: mean about 3, many with too little support.
STEUN_VERDELING = ([0, 1, 2, 3, 4, 5, 6, 8], [10, 14, 18, 20, 15, 10, 8, 5])

ZINNEN = {
    "Zwerfvuil": ["zwerfvuil rond de containers", "afval in het groen", "blikjes langs de route"],
    "Illegale dumping huisvuil": ["vuilniszakken naast de container", "grofvuil op de stoep"],
    "Verkeersveiligheid": [
        "er wordt te hard gereden",
        "onoverzichtelijke kruising",
        "foutparkeren",
    ],
    "Overlast jongeren": [
        "hangjongeren 's avonds",
        "lawaai bij het bankje",
        "brommers op het plein",
    ],
    "Verlichting": [
        "lantaarnpaal kapot",
        "donkere steeg naar de garages",
        "geen licht bij de halte",
    ],
    "Groen en speelplekken": ["speeltoestel kapot", "heg overwoekert het pad", "te weinig bankjes"],
    "Woonoverlast": ["geluidsoverlast van de buren", "stankoverlast in de portiek"],
    "Ontmoeting in de buurt": ["geen plek om elkaar te ontmoeten", "wens voor een buurtfeest"],
}
PLEKKEN = [
    "bij de flat",
    "op het plein",
    "in de straat",
    "bij de school",
    "achter de winkels",
    "bij de speeltuin",
    "langs de Maas",
    "bij het buurthuis",
]


@dataclass
class Telling:
    """What was written, and how long each part took (printed by the command)."""

    rijen: dict = field(default_factory=dict)
    tijden: dict = field(default_factory=dict)


def is_gevuld() -> bool:
    return Medewerker.objects.filter(username=BENCH_MEDEWERKER).exists()


def _bulk(model, objecten, telling: Telling, naam: str | None = None):
    model.objects.bulk_create(objecten, batch_size=BATCH)
    naam = naam or model._meta.model_name
    telling.rijen[naam] = telling.rijen.get(naam, 0) + len(objecten)
    return objecten


def _gewichten(buurten, rnd) -> list[float]:
    """Zipf-like: the buurt ranked r gets 1/r of the busiest's signals, scaled by residents."""
    volgorde = list(buurten)
    rnd.shuffle(volgorde)
    rang = {b.pk: r for r, b in enumerate(volgorde, start=1)}
    return [((b.inwoners or 3000) / 3000) / rang[b.pk] ** 0.9 for b in buurten]


def _teams(buurten, gewichten, rnd) -> dict[int, Team]:
    """12 teams over the 44 buurten: the demo's two teams plus ten more, by wijk, so that every
    buurt has one team. Returns buurt pk -> team."""
    team_van: dict[int, Team] = {}
    for team in Team.objects.prefetch_related("buurten"):
        for buurt in team.buurten.all():
            team_van.setdefault(buurt.pk, team)
    vrij = sorted((b for b in buurten if b.pk not in team_van), key=lambda b: (b.wijk_id, b.naam))
    nieuw = AANTAL_TEAMS - Team.objects.count()
    for i in range(nieuw):
        deel = vrij[i::nieuw]
        if not deel:
            continue
        team = Team.objects.create(
            naam=f"VBT {deel[0].wijk.naam} {i + 1}",
            steundrempel=DREMPEL,
            termijn_weken=TERMIJN_WEKEN,
        )
        team.buurten.add(*deel)
        for buurt in deel:
            team_van[buurt.pk] = team
    return team_van


def _gebruikers(teams: list[Team], zwaarste: Team, partners: list[Partner], telling: Telling):
    """300 users: a teamleider per team, medewerkers of every partner over the teams, a
    beheerder; the named bench users work in the busiest team (the worst case for pages)."""
    wachtwoord = make_password(BENCH_WACHTWOORD)  # hashed once: hashing 300 times takes minutes
    medewerkers = []
    for i, team in enumerate(teams):
        naam = BENCH_TEAMLEIDER if team == zwaarste else f"bench-tl-{i:02d}"
        medewerkers.append(
            Medewerker(
                username=naam,
                password=wachtwoord,
                partner=partners[0],
                rol=Rol.TEAMLEIDER,
                first_name="Teamleider",
                last_name=team.naam,
            )
        )
    for i in range(AANTAL_GEBRUIKERS - len(teams) - 1):
        naam = BENCH_MEDEWERKER if i == 0 else f"bench-m-{i:03d}"
        medewerkers.append(
            Medewerker(
                username=naam,
                password=wachtwoord,
                partner=partners[i % len(partners)],
                rol=Rol.MEDEWERKER,
                first_name="Medewerker",
                last_name=str(i),
            )
        )
    _bulk(Medewerker, medewerkers, telling)
    medewerkers = list(Medewerker.objects.filter(username__startswith="bench-").order_by("pk"))
    leiders = [m for m in medewerkers if m.rol == Rol.TEAMLEIDER]
    gewoon = [m for m in medewerkers if m.rol == Rol.MEDEWERKER]
    lid = Team.leden.through
    leden = [lid(team_id=t.pk, medewerker_id=m.pk) for t, m in zip(teams, leiders, strict=True)]
    leden_per_team: dict[int, list[Medewerker]] = {t.pk: [] for t in teams}
    for i, m in enumerate(gewoon):
        team = zwaarste if m.username == BENCH_MEDEWERKER else teams[i % len(teams)]
        leden.append(lid(team_id=team.pk, medewerker_id=m.pk))
        leden_per_team[team.pk].append(m)
    _bulk(lid, leden, telling, "teamlid")
    beheerder = medewerker_aanmaken(
        username=BENCH_BEHEERDER,
        partner=partners[0],
        rol=Rol.BEHEERDER,
        password=BENCH_WACHTWOORD,
        first_name="Beheerder",
        last_name="Bench",
    )
    telling.rijen["medewerker"] += 1
    return leden_per_team, beheerder


def _bestaande_leden(teams: list[Team]) -> dict[int, list[Medewerker]]:
    leden: dict[int, list[Medewerker]] = {t.pk: [] for t in teams}
    rijen = Team.leden.through.objects.filter(
        team__in=teams, medewerker__rol=Rol.MEDEWERKER, medewerker__username__startswith="bench-"
    ).select_related("medewerker")
    for rij in rijen:
        leden[rij.team_id].append(rij.medewerker)
    return leden


def _sleutel(nummer: int) -> str:
    # Distinct and fast: an HMAC over the index, like the real identity hash but without the
    # normalisation (these residents have no address).
    pepper = (settings.VBT_STEUN_PEPPER or "bench").encode()
    return hmac.new(pepper, b"bench-bewoner-%d" % nummer, hashlib.sha256).hexdigest()


@transaction.atomic
def vullen(*, signalen: int, seed: int = 1, uitvoer=print) -> Telling:
    telling = Telling()
    rnd = random.Random(seed)
    nu = timezone.now()
    vandaag = timezone.localdate()
    start = time.monotonic()

    def klaar(stap):
        nonlocal start
        telling.tijden[stap] = time.monotonic() - start
        uitvoer(f"  {stap}: {telling.tijden[stap]:.1f} s")
        start = time.monotonic()

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Only this transaction: a crash loses at most the seed, never committed data.
            cursor.execute("SET LOCAL synchronous_commit = off")
            # One COPY of 600 000 events takes ~40 s: longer than a web request's statement
            # timeout (DATABASE_STATEMENT_TIMEOUT), which is not meant for this.
            cursor.execute("SET LOCAL statement_timeout = 0")

    buurten = list(Buurt.objects.select_related("wijk").order_by("pk"))
    gewichten = _gewichten(buurten, rnd)
    team_van = _teams(buurten, gewichten, rnd)
    teams = sorted({t.pk: t for t in team_van.values()}.values(), key=lambda t: t.pk)
    team_gewicht: dict[int, float] = {}
    for buurt, gewicht in zip(buurten, gewichten, strict=True):
        team_gewicht[team_van[buurt.pk].pk] = team_gewicht.get(team_van[buurt.pk].pk, 0) + gewicht
    zwaarste = max(teams, key=lambda t: team_gewicht[t.pk])
    partners = list(Partner.objects.filter(actief=True).order_by("pk"))
    if is_gevuld():  # adding to a bench set: the same users and teams work on more signals
        leden_per_team = _bestaande_leden(teams)
        beheerder = Medewerker.objects.get(username=BENCH_BEHEERDER)
    else:
        leden_per_team, beheerder = _gebruikers(teams, zwaarste, partners, telling)
    klaar("teams en gebruikers")

    subgebieden: dict[int, list[int]] = {}
    for pk, buurt_id in Subgebied.objects.values_list("pk", "buurt_id"):
        subgebieden.setdefault(buurt_id, []).append(pk)
    themas = list(Thema.objects.filter(actief=True).order_by("pk"))
    kanalen = [k.value for k in Kanaal]

    # Activities: about one per 50 signals, in the same buurten and years.
    soorten = [s.value for s in ActiviteitSoort if s != ActiviteitSoort.ANDERS]
    activiteit_tabel = Tabel(Activiteit)
    activiteiten_per_team: dict[int, list[int]] = {}
    for _i in range(max(signalen // 50, 1)):
        buurt = rnd.choices(buurten, gewichten)[0]
        team = team_van[buurt.pk]
        datum = vandaag - timedelta(days=rnd.randrange(JAREN * 365))
        pk = activiteit_tabel.nieuw(
            soort=rnd.choice(soorten),
            team_id=team.pk,
            subgebied_id=rnd.choice(subgebieden[buurt.pk]),
            datum=datum,
            aantal_deelnemers=rnd.randrange(4, 40),
            verslag=f"{rnd.choice(['Koffie op het plein', 'Ronde langs de deuren'])}: "
            f"{rnd.choice(ZINNEN[rnd.choice(themas).naam])}.",
            door_id=rnd.choice(leden_per_team[team.pk]).pk,
            aangemaakt_op=nu,
        )
        activiteiten_per_team.setdefault(team.pk, []).append(pk)
    activiteit_tabel.schrijven(telling)
    klaar("activiteiten")

    # Signals are decided in memory first (supports, status, point), so every counter is right
    # when the row is written and no row is updated afterwards.
    signaal_tabel = Tabel(Signaal)
    punt_tabel = Tabel(Verbeterpunt)
    bewoner_tabel = Tabel(Bewoner)
    steun_tabel = Tabel(Steun)
    gebeurtenis_tabel = Tabel(Gebeurtenis)
    actie_tabel = Tabel(Actie)
    betrokken_tabel = Tabel(Verbeterpunt.betrokken_partners.through)

    # Residents: a pool a little smaller than the supports, so some back several signals.
    gemiddeld = sum(a * g for a, g in zip(*STEUN_VERDELING, strict=True)) / sum(STEUN_VERDELING[1])
    bewoner_ids = [
        bewoner_tabel.nieuw(sleutel=_sleutel(bewoner_tabel.volgend), aangemaakt_op=nu)
        for _n in range(max(int(signalen * gemiddeld * 0.8), 10))
    ]
    bewoner_tabel.schrijven(telling)
    klaar("bewoners")

    periode = JAREN * 365 * 24 * 3600
    zes_weken = 6 * 7 * 24 * 3600
    aantal_punten = signalen // 10
    punt_kans = aantal_punten / max(signalen * 0.45, 1)  # about 45% reach the threshold
    leiders = {t.pk: m for t, m in leiders_per_team(teams).items()}
    for buurt in rnd.choices(buurten, gewichten, k=signalen):
        team = team_van[buurt.pk]
        thema = rnd.choice(themas)
        # More recent years are busier (the method spreads): skew towards now.
        moment = nu - timedelta(seconds=int(periode * rnd.random() ** 1.3))
        verloopt_op = moment + timedelta(weeks=TERMIJN_WEKEN)
        aantal = rnd.choices(*STEUN_VERDELING)[0]
        leden = leden_per_team[team.pk]
        door = rnd.choice(leden)
        kanaal = rnd.choice(kanalen)
        activiteit_id = None
        if rnd.random() < 0.3 and activiteiten_per_team.get(team.pk):
            activiteit_id = rnd.choice(activiteiten_per_team[team.pk])
        ruimte = max(min((nu - moment).total_seconds(), zes_weken), 60)
        momenten = sorted(
            moment + timedelta(seconds=rnd.uniform(30, ruimte)) for _n in range(aantal)
        )
        bereikt = momenten[DREMPEL - 1] if aantal >= DREMPEL else None
        signaal_id = signaal_tabel.volgend
        velden = {}
        punt_id = None
        if (
            bereikt is not None
            and punt_tabel.aantal < aantal_punten
            and bereikt < nu - timedelta(days=14)
            and rnd.random() < punt_kans
        ):
            status = SignaalStatus.VERBETERPUNT
            punt_id = punt_tabel.volgend
            velden["verbeterpunt_id"] = punt_id
        elif verloopt_op > nu:
            status = SignaalStatus.DRAAGVLAK_BEREIKT if bereikt else SignaalStatus.NIEUW
        else:
            lot = rnd.random()
            if bereikt is None and lot < 0.7:
                status = SignaalStatus.VERLOPEN
            elif lot < 0.85:
                status = SignaalStatus.DOORVERWEZEN
                velden["doorverwezen_naar_id"] = rnd.choice(partners).pk
                velden["reden"] = "Primaire taak van deze partner."
            else:
                status = SignaalStatus.AFGEWEZEN
                velden["reden"] = "Geen integraal vraagstuk."
        omschrijving = f"{rnd.choice(ZINNEN[thema.naam]).capitalize()} {rnd.choice(PLEKKEN)}."
        signaal_tabel.nieuw(
            team_id=team.pk,
            buurt_id=buurt.pk,
            subgebied_id=rnd.choice(subgebieden[buurt.pk]),
            thema_id=thema.pk,
            omschrijving=omschrijving,
            kanaal=kanaal,
            activiteit_id=activiteit_id,
            geregistreerd_door_id=door.pk,
            geregistreerd_op=moment,
            status=status,
            steundrempel=DREMPEL,
            termijn_weken=TERMIJN_WEKEN,
            verloopt_op=verloopt_op,
            aantal_bewoners=aantal,
            draagvlak_bereikt_op=bereikt,
            **velden,
        )
        gebeurtenis_tabel.nieuw(
            wat=GebeurtenisSoort.SIGNAAL_GEREGISTREERD,
            wie_id=door.pk,
            signaal_id=signaal_id,
            wanneer=moment,
            details={"kanaal": kanaal, "met_melder": False},
        )
        meedoeners = 0
        for bewoner_id, steun_moment in zip(rnd.sample(bewoner_ids, aantal), momenten, strict=True):
            meedoen = rnd.random() < 0.15
            meedoeners += meedoen
            steun_door = rnd.choice(leden).pk
            steun_kanaal = rnd.choice(kanalen)
            steun_tabel.nieuw(
                signaal_id=signaal_id,
                bewoner_id=bewoner_id,
                kanaal=steun_kanaal,
                datum=steun_moment.date(),
                wil_meedoen=meedoen,
                geregistreerd_door_id=steun_door,
                geregistreerd_op=steun_moment,
            )
            gebeurtenis_tabel.nieuw(
                wat=GebeurtenisSoort.STEUN_GEREGISTREERD,
                wie_id=steun_door,
                signaal_id=signaal_id,
                wanneer=steun_moment,
                details={"aantal": 1, "kanaal": steun_kanaal, "meedoen": int(meedoen)},
            )
        if bereikt is not None:
            gebeurtenis_tabel.nieuw(
                wat=GebeurtenisSoort.DRAAGVLAK_BEREIKT,
                signaal_id=signaal_id,
                wanneer=bereikt,
                details={"aantal": DREMPEL, "drempel": DREMPEL},
            )
        if status in SLOT_GEBEURTENIS:
            gebeurtenis_tabel.nieuw(
                wat=SLOT_GEBEURTENIS[status], signaal_id=signaal_id, wanneer=verloopt_op
            )
        if punt_id is not None:
            _punt(
                rnd,
                nu=nu,
                punt_id=punt_id,
                signaal_id=signaal_id,
                team_id=team.pk,
                buurt_id=buurt.pk,
                subgebied_id=signaal_tabel.laatste("subgebied_id"),
                thema_id=thema.pk,
                omschrijving=omschrijving,
                bereikt=bereikt,
                aantal=aantal,
                meedoeners=meedoeners,
                leider_id=leiders[team.pk].pk,
                leden=leden,
                partners=partners,
                tabellen=(punt_tabel, betrokken_tabel, actie_tabel, gebeurtenis_tabel),
            )
    klaar("in het geheugen opgebouwd")
    for tabel in (
        signaal_tabel,
        punt_tabel,
        betrokken_tabel,
        steun_tabel,
        actie_tabel,
        gebeurtenis_tabel,
    ):
        tabel.schrijven(telling)
        klaar(f"{tabel.naam} geschreven")
    Tabel.reeksen_bijwerken(
        [
            Activiteit,
            Bewoner,
            Signaal,
            Verbeterpunt,
            Steun,
            Actie,
            Gebeurtenis,
            Verbeterpunt.betrokken_partners.through,
        ]
    )
    telling.rijen["beheerder"] = beheerder.username
    return telling


SLOT_GEBEURTENIS = {
    SignaalStatus.DOORVERWEZEN: GebeurtenisSoort.SIGNAAL_DOORVERWEZEN,
    SignaalStatus.AFGEWEZEN: GebeurtenisSoort.SIGNAAL_AFGEWEZEN,
    SignaalStatus.VERLOPEN: GebeurtenisSoort.SIGNAAL_VERLOPEN,
}


def leiders_per_team(teams) -> dict:
    lid = Team.leden.through.objects.filter(
        team__in=teams, medewerker__rol=Rol.TEAMLEIDER
    ).select_related("team", "medewerker")
    return {rij.team: rij.medewerker for rij in lid}


def _punt(
    rnd,
    *,
    nu,
    punt_id,
    signaal_id,
    bereikt,
    aantal,
    meedoeners,
    leider_id,
    leden,
    partners,
    tabellen,
    omschrijving,
    **plaats,
):
    """The point a signal became, with its 3 actions over 3 partners and its events."""
    punt_tabel, betrokken_tabel, actie_tabel, gebeurtenis_tabel = tabellen
    aangemaakt = min(bereikt + timedelta(days=rnd.uniform(1, 14)), nu - timedelta(hours=1))
    oud = (nu - aangemaakt).days
    V = VerbeterpuntStatus
    if oud > 365:
        status = rnd.choices([V.AFGEROND, V.GESTAAKT, V.IN_UITVOERING], [70, 15, 15])[0]
    else:
        status = rnd.choices(
            [V.VASTGESTELD, V.PLAN_VAN_AANPAK, V.IN_UITVOERING, V.AFGEROND], [25, 30, 30, 15]
        )[0]
    if status == V.IN_UITVOERING and not meedoeners:
        status = V.PLAN_VAN_AANPAK  # in uitvoering only with a committed resident
    gesloten = status in (V.AFGEROND, V.GESTAAKT)
    trekker_partner = rnd.choice(partners)
    punt_tabel.nieuw(
        titel=omschrijving[:200],
        omschrijving=omschrijving,
        status=status,
        prioriteit=rnd.choice(PRIORITEITEN),
        trekker_partner_id=trekker_partner.pk,
        bron_signaal_id=signaal_id,
        aangemaakt_door_id=leider_id,
        aangemaakt_op=aangemaakt,
        status_sinds=aangemaakt + timedelta(days=min(oud, 30) // 2),
        afgerond_op=aangemaakt + timedelta(days=min(oud, 120)) if gesloten else None,
        spaak_na=aangemaakt + timedelta(weeks=TERMIJN_WEKEN),
        aantal_bewoners=aantal,
        aantal_meedoeners=meedoeners,
        reden="Geen trekker gevonden." if status == V.GESTAAKT else "",
        **plaats,
    )
    betrokken_tabel.nieuw(verbeterpunt_id=punt_id, partner_id=trekker_partner.pk)
    for soort in (GebeurtenisSoort.VERBETERPUNT_AANGEMAAKT, GebeurtenisSoort.SIGNAAL_GEPROMOVEERD):
        gebeurtenis_tabel.nieuw(
            wat=soort,
            wie_id=leider_id,
            verbeterpunt_id=punt_id,
            signaal_id=signaal_id,
            wanneer=aangemaakt,
        )
    for eigenaar in rnd.sample(partners, 3):
        deadline = aangemaakt.date() + timedelta(days=rnd.randrange(14, 120))
        if gesloten:
            actie_status = rnd.choices([ActieStatus.GEREED, ActieStatus.VERVALLEN], [85, 15])[0]
        else:  # open points: some actions done, many open, a share of those overdue
            actie_status = rnd.choices(
                [ActieStatus.OPEN, ActieStatus.BEZIG, ActieStatus.GEREED], [45, 35, 20]
            )[0]
        kandidaten = [m.pk for m in leden if m.partner_id == eigenaar.pk]
        verantwoordelijke = rnd.choice(kandidaten) if kandidaten else None
        klaar_op = aangemaakt + timedelta(days=30)
        actie_id = actie_tabel.nieuw(
            verbeterpunt_id=punt_id,
            eigenaar_partner_id=eigenaar.pk,
            verantwoordelijke_id=verantwoordelijke,
            omschrijving=f"{eigenaar.naam}: {omschrijving[:80]}",
            deadline=deadline,
            status=actie_status,
            afgerond_op=klaar_op if actie_status in ACTIE_GESLOTEN else None,
            resultaat="Uitgevoerd." if actie_status == ActieStatus.GEREED else "",
            reden="Niet meer nodig." if actie_status == ActieStatus.VERVALLEN else "",
            aangemaakt_door_id=leider_id,
            aangemaakt_op=aangemaakt,
        )
        gebeurtenis_tabel.nieuw(
            wat=GebeurtenisSoort.ACTIE_AANGEMAAKT,
            wie_id=leider_id,
            verbeterpunt_id=punt_id,
            wanneer=aangemaakt,
            details={
                "actie": actie_id,
                "partner": eigenaar.pk,
                "bewoners": False,
                "verantwoordelijke": verantwoordelijke,
            },
        )


PRIORITEITEN = [p.value for p in Prioriteit]


class Tabel:
    """The rows of one table, written in one go: COPY on PostgreSQL (several times faster than
    INSERT, and no model instances), bulk_create elsewhere. Ids are given out here, so rows can
    point at each other before they are written (foreign keys are checked at commit)."""

    def __init__(self, model):
        self.model = model
        self.naam = model._meta.model_name
        velden = list(model._meta.concrete_fields)
        self.kolommen = [f.attname for f in velden]
        self.standaard = {f.attname: f.get_default() for f in velden}
        self.rijen: list[tuple] = []
        hoogste = model.objects.order_by("-pk").values_list("pk", flat=True).first()
        self.volgend = (hoogste or 0) + 1

    @property
    def aantal(self) -> int:
        return len(self.rijen)

    def nieuw(self, **waarden) -> int:
        pk = self.volgend
        self.volgend += 1
        waarden["id"] = pk
        self.rijen.append(tuple(waarden.get(k, self.standaard[k]) for k in self.kolommen))
        return pk

    def laatste(self, kolom):
        return self.rijen[-1][self.kolommen.index(kolom)]

    def schrijven(self, telling: Telling) -> None:
        telling.rijen[self.naam] = telling.rijen.get(self.naam, 0) + len(self.rijen)
        if connection.vendor != "postgresql":
            self.model.objects.bulk_create(
                (self.model(**dict(zip(self.kolommen, rij, strict=True))) for rij in self.rijen),
                batch_size=BATCH,
            )
            self.rijen = []
            return
        buffer = io.StringIO()
        schrijver = csv.writer(buffer)
        for rij in self.rijen:
            schrijver.writerow([_csv(waarde) for waarde in rij])
        buffer.seek(0)
        kolommen = ", ".join(connection.ops.quote_name(k) for k in self.kolommen)
        tabel = connection.ops.quote_name(self.model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.copy_expert(
                f"COPY {tabel} ({kolommen}) FROM STDIN WITH (FORMAT csv, NULL '\\N')", buffer
            )
        self.rijen = []

    @staticmethod
    def reeksen_bijwerken(modellen) -> None:
        """The ids were given out here: move each table's id sequence past them."""
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), modellen):
                cursor.execute(sql)


def _csv(waarde):
    if waarde is None:
        return "\\N"
    if isinstance(waarde, bool):
        return "t" if waarde else "f"
    if isinstance(waarde, dict | list):
        return json.dumps(waarde)
    return str(waarde)
