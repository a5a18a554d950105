"""CSV and XLSX exports of the signal, point and activity lists: Dutch headers, exactly the
filtered list (every page, same order), the user's scope, nothing about residents, no notes,
formulas neutralised, and a fixed number of queries."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from acties import services as punt_services
from signalen import services
from signalen.constants import Kanaal
from tests.signalen.factories import (
    ActiviteitFactory,
    SignaalFactory,
    ThemaFactory,
    VerbeterpuntFactory,
)
from tests.signalen.test_views_signaal import bewoner, registreer_signaal

SIGNALEN = reverse("signalen:signaal_export")
PUNTEN = reverse("acties:verbeterpunt_export")
ACTIVITEITEN = reverse("signalen:activiteit_export")

SIGNAAL_KOP = [
    "Nummer",
    "Geregistreerd op",
    "Team",
    "Wijk",
    "Buurt",
    "Subgebied",
    "Thema",
    "Omschrijving",
    "Kanaal",
    "Status",
    "Aantal bewoners",
    "Steundrempel",
    "Draagvlak bereikt op",
    "Verloopt op",
    "Doorverwezen naar",
    "Verbeterpunt (nummer)",
    "Geregistreerd door (partner)",
]
VERBETERPUNT_KOP = [
    "Nummer",
    "Titel",
    "Omschrijving",
    "Team",
    "Wijk",
    "Buurt",
    "Subgebied",
    "Thema",
    "Status",
    "Prioriteit",
    "Trekkende partner",
    "Aantal bewoners",
    "Meedoende bewoners",
    "Loopt spaak",
    "Aangemaakt op",
    "Afgerond op",
]
ACTIVITEIT_KOP = [
    "Nummer",
    "Datum",
    "Soort",
    "Team",
    "Wijk",
    "Buurt",
    "Subgebied",
    "Aantal deelnemers",
    "Verslag",
    "Door (partner)",
]

# What must never leave the application in an export.
GEHEIM = [
    "Maria Geurts",
    "0612345678",
    "maria@example.org",
    "Jan Peters",
    "0687654321",
    "jan@example.org",
    "Bewoner1",  # the identity inputs of the hash
    "6221 AB",
    "VERTROUWELIJK-POLITIE-DOSSIER",
    "Gewone notitie over de flat",
]


def bytes_van(antwoord) -> bytes:
    return b"".join(antwoord.streaming_content)


def csv_rijen(antwoord) -> list[list[str]]:
    assert antwoord.status_code == 200, antwoord.content
    tekst = bytes_van(antwoord).decode("utf-8")
    assert tekst.startswith("\ufeff")  # BOM: Excel reads UTF-8
    return list(csv.reader(io.StringIO(tekst[1:]), delimiter=";"))


def xlsx_rijen(antwoord) -> list[list]:
    assert antwoord.status_code == 200
    boek = load_workbook(io.BytesIO(bytes_van(antwoord)), read_only=True)
    return [list(rij) for rij in boek.active.iter_rows(values_only=True)]


def alle_tekst(antwoord, formaat) -> str:
    rijen = csv_rijen(antwoord) if formaat == "csv" else xlsx_rijen(antwoord)
    return "\n".join(";".join("" if c is None else str(c) for c in rij) for rij in rijen)


@pytest.fixture
def met_bewoners(wereld):
    """A signal with a reporter and supports who gave contact details, promoted to a point,
    with a confidential and a normal note on both; and a signal of the other team."""
    signaal = registreer_signaal(
        wereld,
        omschrijving="Zwerfvuil bij de flat",
        melder=bewoner(
            1,
            toestemming=True,
            contact_naam="Maria Geurts",
            telefoon="0612345678",
            email="maria@example.org",
            wil_terugkoppeling=True,
        ),
    )
    services.steun_registreren(
        signaal=signaal,
        door=wereld["medewerker_gemeente"],
        bewoners=[
            bewoner(
                2,
                toestemming=True,
                contact_naam="Jan Peters",
                telefoon="0687654321",
                email="jan@example.org",
                wil_meedoen=True,
            ),
            bewoner(3),
        ],
        kanaal=Kanaal.DEUR_TOT_DEUR,
    )
    signaal.refresh_from_db()
    punt = punt_services.signaal_promoveren(
        signaal=signaal, door=wereld["teamleider"], titel="Schone flat"
    )
    for doel in ({"signaal": signaal}, {"verbeterpunt": punt}):
        punt_services.notitie_plaatsen(
            door=wereld["medewerker_politie"],
            tekst="VERTROUWELIJK-POLITIE-DOSSIER 123",
            vertrouwelijk=True,
            **doel,
        )
        punt_services.notitie_plaatsen(
            door=wereld["medewerker_gemeente"], tekst="Gewone notitie over de flat", **doel
        )
    activiteit = ActiviteitFactory(
        team=wereld.team_a,
        subgebied=wereld.buurt_a.subgebieden.get(),
        door=wereld["medewerker_gemeente"],
        verslag="Gesprek op straat",
    )
    west = SignaalFactory(
        team=wereld.team_b, buurt=wereld.buurt_b, omschrijving="Geheim signaal van West"
    )
    west_punt = VerbeterpuntFactory(
        bron_signaal=SignaalFactory(team=wereld.team_b, buurt=wereld.buurt_b),
        titel="Geheim punt van West",
    )
    west_activiteit = ActiviteitFactory(
        team=wereld.team_b,
        subgebied=wereld.buurt_b.subgebieden.get(),
        verslag="Geheim verslag van West",
        door=wereld["ander_team"],
    )
    return {
        "signaal": signaal,
        "punt": punt,
        "activiteit": activiteit,
        "west": west,
        "west_punt": west_punt,
        "west_activiteit": west_activiteit,
    }


# --- Format, headers, rows -------------------------------------------------------------------


def test_signalen_csv(wereld, client_voor, met_bewoners):
    antwoord = client_voor(wereld["teamleider"]).get(SIGNALEN, {"formaat": "csv"})
    rijen = csv_rijen(antwoord)
    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    vandaag = timezone.localdate().isoformat()
    assert antwoord["Content-Disposition"] == f'attachment; filename="signalen-{vandaag}.csv"'
    assert rijen[0] == SIGNAAL_KOP
    signaal = met_bewoners["signaal"]
    assert len(rijen) == 2
    rij = dict(zip(SIGNAAL_KOP, rijen[1], strict=True))
    assert rij["Nummer"] == str(signaal.pk)
    assert rij["Buurt"] == "Wittevrouwenveld" and rij["Team"] == "VBT Oost"
    assert rij["Status"] == "Verbeterpunt" and rij["Kanaal"] == "Straathoekbijeenkomst"
    assert rij["Aantal bewoners"] == "3" and rij["Steundrempel"] == "3"
    assert rij["Verbeterpunt (nummer)"] == str(met_bewoners["punt"].pk)
    assert rij["Geregistreerd door (partner)"] == "Gemeente Maastricht"
    lokaal = timezone.localtime(signaal.geregistreerd_op)
    assert rij["Geregistreerd op"] == lokaal.strftime("%d-%m-%Y %H:%M")


@pytest.mark.parametrize(
    "moment",
    [
        "2026-07-01T21:30:00+00:00",  # summer time: 23:30 in Maastricht
        "2026-01-15T23:30:00+00:00",  # winter time: already the 16th in Maastricht
        "2026-10-25T00:59:00+00:00",  # the last minute of summer time: 02:59
        "2026-10-25T01:00:00+00:00",  # the first of winter time: 02:00 again
    ],
)
def test_csv_toont_datums_in_nederlandse_tijd(wereld, client_voor, moment):
    """The CSV's dates are local (on PostgreSQL the database writes them, elsewhere Python):
    both must give what the list shows, also across midnight and the change of the clock."""
    from datetime import datetime

    op = datetime.fromisoformat(moment)
    signaal = SignaalFactory(
        team=wereld.team_a, buurt=wereld.buurt_a, geregistreerd_op=op, verloopt_op=op
    )
    rijen = csv_rijen(client_voor(wereld["teamleider"]).get(SIGNALEN, {"formaat": "csv"}))
    rij = dict(zip(SIGNAAL_KOP, rijen[1], strict=True))
    assert rij["Nummer"] == str(signaal.pk)
    verwacht = timezone.localtime(op).strftime("%d-%m-%Y %H:%M")
    assert rij["Geregistreerd op"] == rij["Verloopt op"] == verwacht
    assert (
        verwacht
        == {
            "2026-07-01T21:30:00+00:00": "01-07-2026 23:30",
            "2026-01-15T23:30:00+00:00": "16-01-2026 00:30",
            "2026-10-25T00:59:00+00:00": "25-10-2026 02:59",
            "2026-10-25T01:00:00+00:00": "25-10-2026 02:00",
        }[moment]
    )
    assert rij["Draagvlak bereikt op"] == ""  # NULL stays empty


def test_signalen_xlsx_leesbaar(wereld, client_voor, met_bewoners):
    antwoord = client_voor(wereld["teamleider"]).get(SIGNALEN, {"formaat": "xlsx"})
    vandaag = timezone.localdate().isoformat()
    assert f'filename="signalen-{vandaag}.xlsx"' in antwoord["Content-Disposition"]
    assert antwoord["Content-Type"].startswith("application/vnd.openxmlformats")
    rijen = xlsx_rijen(antwoord)
    assert rijen[0] == SIGNAAL_KOP
    rij = dict(zip(SIGNAAL_KOP, rijen[1], strict=True))
    assert rij["Nummer"] == met_bewoners["signaal"].pk and rij["Aantal bewoners"] == 3
    # A real date-time in local time, so Excel can sort and filter on it.
    lokaal = timezone.localtime(met_bewoners["signaal"].geregistreerd_op).replace(tzinfo=None)
    assert abs(rij["Geregistreerd op"] - lokaal) < timedelta(seconds=1)


def test_verbeterpunten_en_activiteiten_export(wereld, client_voor, met_bewoners):
    client = client_voor(wereld["medewerker_trajekt"])
    rijen = csv_rijen(client.get(PUNTEN, {"formaat": "csv"}))
    assert rijen[0] == VERBETERPUNT_KOP
    rij = dict(zip(VERBETERPUNT_KOP, rijen[1], strict=True))
    assert rij["Titel"] == "Schone flat" and rij["Status"] == "Vastgesteld"
    assert rij["Meedoende bewoners"] == "1" and rij["Loopt spaak"] == "nee"
    rijen = xlsx_rijen(client.get(ACTIVITEITEN, {"formaat": "xlsx"}))
    assert rijen[0] == ACTIVITEIT_KOP
    rij = dict(zip(ACTIVITEIT_KOP, rijen[1], strict=True))
    assert rij["Verslag"] == "Gesprek op straat" and rij["Door (partner)"] == "Gemeente Maastricht"
    assert rij["Soort"] == "Straathoekbijeenkomst"


def test_loopt_spaak_in_export(wereld, client_voor):
    bron = SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a)
    VerbeterpuntFactory(
        bron_signaal=bron, titel="Stil punt", spaak_na=timezone.now() - timedelta(days=1)
    )
    rijen = csv_rijen(
        client_voor(wereld["teamleider"]).get(PUNTEN, {"formaat": "csv", "loopt_spaak": "true"})
    )
    assert [r[1] for r in rijen[1:]] == ["Stil punt"]
    assert rijen[1][VERBETERPUNT_KOP.index("Loopt spaak")] == "ja"


def test_export_is_de_gefilterde_lijst_alle_paginas_zelfde_volgorde(wereld, client_voor):
    groen = ThemaFactory(naam="Groen")
    for n in range(30):
        SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a, thema=groen, aantal_bewoners=n % 4)
    SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a, thema=ThemaFactory(naam="Ander"))
    client = client_voor(wereld["teamleider"])
    filters = {"thema": groen.pk, "sortering": "-steun"}
    lijst = []
    for pagina in (1, 2):
        html = client.get(reverse("signalen:signaal_lijst"), {**filters, "pagina": pagina})
        rijen = re.findall(r'<td><a href="/signalen/(\d+)/">', html.content.decode())
        lijst += [int(pk) for pk in rijen]
    assert len(lijst) == 30
    export = csv_rijen(client.get(SIGNALEN, {**filters, "formaat": "csv"}))
    assert [int(r[0]) for r in export[1:]] == lijst
    xlsx = xlsx_rijen(client.get(SIGNALEN, {**filters, "formaat": "xlsx"}))
    assert [r[0] for r in xlsx[1:]] == lijst


# --- Safety ----------------------------------------------------------------------------------


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_formule_injectie_geneutraliseerd(wereld, client_voor, formaat):
    for tekst in ('=HYPERLINK("http://kwaad.example","klik")', "+31 6 1234", "-2+3", "@SUM(A1)"):
        SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a, omschrijving=tekst)
    ActiviteitFactory(
        team=wereld.team_a,
        subgebied=wereld.buurt_a.subgebieden.get(),
        verslag="=cmd|' /C calc'!A0",
    )
    client = client_voor(wereld["teamleider"])
    kolom = SIGNAAL_KOP.index("Omschrijving")
    lees = csv_rijen if formaat == "csv" else xlsx_rijen
    cellen = {r[kolom] for r in lees(client.get(SIGNALEN, {"formaat": formaat}))[1:]}
    assert cellen == {
        '\'=HYPERLINK("http://kwaad.example","klik")',
        "'+31 6 1234",
        "'-2+3",
        "'@SUM(A1)",
    }
    verslag = lees(client.get(ACTIVITEITEN, {"formaat": formaat}))[1][
        ACTIVITEIT_KOP.index("Verslag")
    ]
    assert verslag == "'=cmd|' /C calc'!A0"
    if formaat == "xlsx":
        boek = load_workbook(io.BytesIO(bytes_van(client.get(SIGNALEN, {"formaat": "xlsx"}))))
        assert all(c.data_type != "f" for rij in boek.active.iter_rows() for c in rij)


@pytest.mark.security
@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
@pytest.mark.parametrize("url", [SIGNALEN, PUNTEN, ACTIVITEITEN])
@pytest.mark.parametrize("rol", ["medewerker_politie", "medewerker_gemeente", "beheerder"])
def test_geen_bewonersgegevens_en_geen_notities(
    wereld, client_voor, met_bewoners, formaat, url, rol
):
    # Even the author's own partner (politie) gets no note text: exports carry no notes at all.
    tekst = alle_tekst(client_voor(wereld[rol]).get(url, {"formaat": formaat}), formaat)
    assert "Wittevrouwenveld" in tekst  # the export did contain the rows
    for geheim in GEHEIM:
        assert geheim not in tekst, geheim


@pytest.mark.security
@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_export_alleen_eigen_scope(wereld, client_voor, met_bewoners, formaat):
    d = met_bewoners
    lees = csv_rijen if formaat == "csv" else xlsx_rijen
    verwacht = {
        SIGNALEN: ({d["signaal"].pk}, {d["west"].pk, d["west_punt"].bron_signaal_id}),
        PUNTEN: ({d["punt"].pk}, {d["west_punt"].pk}),
        ACTIVITEITEN: ({d["activiteit"].pk}, {d["west_activiteit"].pk}),
    }
    for url, (oost, west) in verwacht.items():

        def nummers(rol, url=url):
            antwoord = client_voor(wereld[rol]).get(url, {"formaat": formaat})
            return {int(r[0]) for r in lees(antwoord)[1:]}

        assert nummers("teamleider") == oost
        assert nummers("ander_team") == west
        assert nummers("beheerder") == oost | west


@pytest.mark.security
@pytest.mark.parametrize("url", [SIGNALEN, PUNTEN, ACTIVITEITEN])
def test_export_met_buurt_van_ander_team_400(wereld, client_voor, met_bewoners, url):
    antwoord = client_voor(wereld["teamleider"]).get(
        url, {"formaat": "csv", "buurt": wereld.buurt_b.pk}
    )
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Een filter is ongeldig" in html and "Selecteer een geldige keuze" in html
    assert "Geheim" not in html and "Mariaberg" not in html


@pytest.mark.parametrize("formaat", [None, "", "pdf", "CSV"])
@pytest.mark.parametrize("url", [SIGNALEN, PUNTEN, ACTIVITEITEN])
def test_onbekend_formaat_400_met_nederlandse_melding(wereld, client_voor, url, formaat):
    data = {"thema": "1"} if formaat is None else {"formaat": formaat}
    antwoord = client_voor(wereld["teamleider"]).get(url, data)
    assert antwoord.status_code == 400
    assert "Kies een exportformaat: CSV of Excel" in antwoord.content.decode()


@pytest.mark.parametrize("url", [SIGNALEN, PUNTEN, ACTIVITEITEN])
def test_export_alleen_get(wereld, client_voor, url):
    assert client_voor(wereld["teamleider"]).post(url + "?formaat=csv").status_code == 405


def test_lijsten_linken_naar_export_met_filters(wereld, client_voor):
    client = client_voor(wereld["teamleider"])
    groen = ThemaFactory(naam="Groen")
    for lijst, export, data in [
        ("signalen:signaal_lijst", SIGNALEN, {"thema": groen.pk, "sortering": "buurt"}),
        ("acties:verbeterpunt_lijst", PUNTEN, {"thema": groen.pk, "sortering": "titel"}),
        ("signalen:activiteit_lijst", ACTIVITEITEN, {"soort": "vragenlijst"}),
    ]:
        html = client.get(reverse(lijst), {**data, "pagina": 2}).content.decode()
        query = "&amp;".join(f"{k}={v}" for k, v in data.items())
        assert f'href="{export}?{query}&amp;formaat=csv">CSV</a>' in html
        assert f'href="{export}?{query}&amp;formaat=xlsx">Excel</a>' in html


# --- Query counts ----------------------------------------------------------------------------


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
@pytest.mark.parametrize("extra", [0, 11])
def test_exports_vast_aantal_queries(
    wereld, client_voor, django_assert_num_queries, formaat, extra
):
    thema = ThemaFactory(naam="Groen")
    for _ in range(1 + extra):
        bron = SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a, thema=thema)
        VerbeterpuntFactory(bron_signaal=bron, trekker_partner=wereld.gemeente)
        ActiviteitFactory(team=wereld.team_a, subgebied=wereld.buurt_a.subgebieden.get())
    client = client_voor(wereld["teamleider"])
    filters = {"formaat": formaat, "buurt": wereld.buurt_a.pk, "thema": thema.pk}
    # 1 session, 2 user, 3 the user's scope (teams and buurten), 4 buurt choices, 5 subgebied
    # choices (a buurt is chosen), 6 theme choices, 7 partner choices, 8 every row (one query,
    # no per-row lookups)
    for url, aantal, data in [
        (SIGNALEN, 8, filters),
        (PUNTEN, 8, filters),
        # activities have no theme filter: no theme choices
        (ACTIVITEITEN, 7, {"formaat": formaat, "buurt": wereld.buurt_a.pk}),
    ]:
        client.get(url, data)
        with django_assert_num_queries(aantal):
            antwoord = client.get(url, data)
            rijen = csv_rijen(antwoord) if formaat == "csv" else xlsx_rijen(antwoord)
        assert len(rijen) == 1 + 1 + extra  # the header and every row
