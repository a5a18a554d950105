"""No log line ever holds a resident's name, phone, e-mail, address or a note's text (DESIGN §5),
and refused requests are logged with who, what, when and from where.

Every record is captured at DEBUG from every logger, including django.request and
django.db.backends: the latter logs SQL *with parameters*, but only on a debug cursor
(settings.DEBUG or a query-count assertion), which production never uses and whose level the
LOGGING setting keeps at INFO (checked below). The flows run as a browser would, with
distinctive strings, so any leak is found whichever logger it comes through.
"""

import logging
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from signalen.models import Bewoner, Signaal
from tests.acties.helpers import snel_punt
from tests.inloggen import inloggen
from tests.signalen.factories import ThemaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.security]

MELDER = "Ymke Meldersma"
NAAM = "Xandrijn Logvermijder"
TELEFOON = "0699988877"
EMAIL = "xandrijn.logvermijder@example.org"
NOTITIE = "Kwartelkoning weet meer over de inbraken"
POSTCODE = "6229 XQ"
GEHEIM = [MELDER, NAAM, TELEFOON, EMAIL, NOTITIE, POSTCODE, "6229XQ", "Logvermijder", "Kwartel"]
LOGGERS = ["", "django", "django.request", "django.db.backends", "vbt", "axes", "py.warnings"]


class Vanger(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def alle_logs():
    """Every record from every logger at DEBUG (some loggers do not propagate to the root)."""
    vanger = Vanger()
    oud = {}
    for naam in LOGGERS:
        logger = logging.getLogger(naam)
        oud[naam] = logger.level
        logger.setLevel(logging.DEBUG)
        logger.addHandler(vanger)
    yield vanger
    for naam in LOGGERS:
        logger = logging.getLogger(naam)
        logger.removeHandler(vanger)
        logger.setLevel(oud[naam])


def _tekst(record) -> str:
    delen = [record.getMessage(), repr(record.args), str(record.exc_text or "")]
    if record.exc_info:
        delen.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(delen)


def _steun_data(signaal, **rij):
    data = {
        "kanaal": "telefoon",
        "datum": timezone.localdate().isoformat(),
        "versie": signaal.versie,
        "bewoners-TOTAL_FORMS": "1",
        "bewoners-INITIAL_FORMS": "0",
    }
    data.update({f"bewoners-0-{k}": v for k, v in rij.items()})
    return data


def test_geen_persoonsgegevens_in_enig_logbericht(wereld, client, alle_logs):
    medewerker, leider = wereld["medewerker_gemeente"], wereld["teamleider"]
    thema = ThemaFactory(naam="Overlast")
    hele_buurt = wereld.buurt_a.subgebieden.get(soort="hele_buurt")

    # Log a signal with a melder.
    client.force_login(medewerker)
    antwoord = client.post(
        reverse("signalen:signaal_nieuw"),
        {
            "buurt": wereld.buurt_a.pk,
            "subgebied": hele_buurt.pk,
            "thema": thema.pk,
            "omschrijving": "Overlast bij de speeltuin",
            "kanaal": "telefoon",
            "melder_postcode": POSTCODE,
            "melder_huisnummer": "12",
            "melder_naam": MELDER,
        },
    )
    assert antwoord.status_code == 302
    signaal = Signaal.objects.get(omschrijving="Overlast bij de speeltuin")

    # Support with contact details and consent; then a refused one (bad postcode, 400).
    rij = {
        "postcode": POSTCODE,
        "huisnummer": "14",
        "naam": NAAM,
        "toestemming": "on",
        "contact_naam": NAAM,
        "telefoon": TELEFOON,
        "email": EMAIL,
        "wil_terugkoppeling": "on",
    }
    url = reverse("signalen:steun_nieuw", args=[signaal.pk])
    assert client.post(url, _steun_data(signaal, **rij)).status_code == 302
    signaal.refresh_from_db()
    fout = client.post(url, _steun_data(signaal, **{**rij, "postcode": "XX", "huisnummer": "1"}))
    assert fout.status_code == 400
    bewoner = Bewoner.objects.get(naam=NAAM)

    # The contact page, a confidential note.
    contact = reverse("signalen:bewoner_contact", args=[signaal.pk, bewoner.pk])
    assert NAAM in client.get(contact).content.decode()
    punt = snel_punt(wereld)
    client.force_login(wereld["medewerker_politie"])
    notitie = client.post(
        reverse("acties:notitie_nieuw", args=[punt.pk]), {"tekst": NOTITIE, "vertrouwelijk": "on"}
    )
    assert notitie.status_code == 302

    # Refused: 403 (triage for a medewerker), 404 (another team), 400 (a broken wizard POST).
    assert client.get(reverse("acties:triage")).status_code == 403
    client.force_login(wereld["ander_team"])
    assert client.get(contact).status_code == 404
    assert client.post(reverse("signalen:signaal_detail", args=[signaal.pk])).status_code == 405
    client.logout()
    assert client.post(reverse("login"), {"auth-username": NAAM}).status_code == 400

    # Failed logins, one with a resident's e-mail typed as the password.
    inloggen(client, "gemeente", EMAIL)
    inloggen(client, "bestaat-niet", TELEFOON)

    # Inzage and erasure by a beheerder; retention run after the signal closed.
    client.force_login(wereld["beheerder"])
    inzage = client.post(reverse("admin:signalen_bewoner_inzage", args=[bewoner.pk]))
    assert EMAIL in inzage.content.decode()
    client.force_login(leider)
    afwijzen = client.post(
        reverse("signalen:signaal_afwijzen", args=[signaal.pk]),
        {"afwijzen-reden": "Geen VBT-werk", "afwijzen-versie": signaal.versie},
    )
    assert afwijzen.status_code == 302
    with time_machine.travel(timezone.now() + timedelta(days=366 * 3)):
        call_command("bewaartermijn", "--dry-run")
        call_command("bewaartermijn")
    assert Bewoner.objects.filter(gewist_op__isnull=False).count() == 2
    client.force_login(wereld["beheerder"])
    melder = Signaal.objects.get(pk=signaal.pk).melder
    wissen = client.post(
        reverse("admin:signalen_bewoner_wissen", args=[melder.pk]), {"bevestig": "on"}
    )
    assert wissen.status_code == 302

    berichten = [_tekst(r) for r in alle_logs.records]
    assert any("Toegang geweigerd" in b for b in berichten)  # the capture does work
    assert any("Inloggen mislukt" in b for b in berichten)
    assert any("Bewaartermijn" in b for b in berichten)
    lekken = [(geheim, b) for b in berichten for geheim in GEHEIM if geheim.lower() in b.lower()]
    assert not lekken, lekken


def test_sql_met_parameters_wordt_niet_gelogd():
    """django.db.backends logs SQL with its parameters at DEBUG on a debug cursor only."""
    assert settings.DEBUG is False
    assert settings.LOGGING["loggers"]["django"]["level"] == "INFO"
    assert logging.getLogger("django.db.backends").getEffectiveLevel() > logging.DEBUG


# --- Refused requests are logged: who, what, when, from where --------------------------------


def _geweigerd(beveiligingslog, begin):
    return [
        r
        for r in beveiligingslog.records
        if r.name == "vbt.beveiliging" and r.getMessage().startswith(begin)
    ]


def test_403_wordt_gelogd_met_wie_wat_wanneer_waarvandaan(wereld, client_voor, beveiligingslog):
    gebruiker = wereld["medewerker_politie"]
    voor = timezone.now().timestamp()
    antwoord = client_voor(gebruiker).get(reverse("acties:triage"), REMOTE_ADDR="10.9.8.7")
    assert antwoord.status_code == 403
    (record,) = _geweigerd(beveiligingslog, "Toegang geweigerd")
    assert record.levelno == logging.WARNING
    assert record.getMessage() == (
        f"Toegang geweigerd: gebruiker=politie id={gebruiker.pk} methode=GET "
        f"pad={reverse('acties:triage')} ip=10.9.8.7"
    )
    assert record.created >= voor - 1  # when: the record's own time stamp


def test_404_buiten_bereik_wordt_gelogd(wereld, client_voor, beveiligingslog):
    from tests.signalen.helpers import signaal_in

    signaal = signaal_in(wereld)
    gebruiker = wereld["ander_team"]
    pad = reverse("signalen:signaal_detail", args=[signaal.pk])
    antwoord = client_voor(gebruiker).post(
        reverse("signalen:steun_nieuw", args=[signaal.pk]), {"bewoners-0-naam": NAAM}
    )
    assert antwoord.status_code == 404
    assert client_voor(gebruiker).get(pad).status_code == 404
    berichten = [r.getMessage() for r in _geweigerd(beveiligingslog, "Niet gevonden")]
    assert berichten == [
        f"Niet gevonden of buiten bereik: gebruiker=anderteam id={gebruiker.pk} methode=POST "
        f"pad={reverse('signalen:steun_nieuw', args=[signaal.pk])} ip=127.0.0.1",
        f"Niet gevonden of buiten bereik: gebruiker=anderteam id={gebruiker.pk} methode=GET "
        f"pad={pad} ip=127.0.0.1",
    ]
    assert NAAM not in beveiligingslog.text  # never the request body


def test_anonieme_404_wordt_niet_gelogd(client, beveiligingslog):
    assert client.get(reverse("login") + "bestaat-niet/").status_code in (302, 404)
    assert not _geweigerd(beveiligingslog, "Niet gevonden")
