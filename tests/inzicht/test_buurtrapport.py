"""The buurt report (buurtagenda): the right items, never personal data, print and PDF, scope and
bad input."""

import re
import zlib

import pytest
from django.urls import reverse

from buurten.kaart import HUIDIG
from inzicht import pdf
from tests.acties.helpers import ActieFactory
from tests.buurten.factories import SubgebiedFactory
from tests.buurten.kaarthulp import kaarttabel, svg, vlakken
from tests.inzicht.conftest import GEHEIM, op
from tests.inzicht.test_dashboard import tabel
from tests.signalen.factories import SignaalFactory, ThemaFactory

PERIODE = {"van": "2025-04-01", "tot": "2025-06-15"}
RAPPORT_QUERIES = 10


def rapport_url(buurt, naam="inzicht:buurtrapport"):
    return reverse(naam, args=[buurt.pk])


def sectie(inhoud: str, tabel_id: str) -> str:
    blok = re.search(rf'<table[^>]*id="{tabel_id}".*?</table>', inhoud, re.S)
    return blok.group(0) if blok else ""


def test_rapport_toont_de_juiste_onderdelen(cijfers, client_voor):
    w = cijfers.wereld
    antwoord = client_voor(w["medewerker_trajekt"]).get(rapport_url(w.buurt_a), PERIODE)
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "Buurtagenda Wittevrouwenveld" in inhoud

    # Signals of Wittevrouwenveld logged 1 April - 15 June, per theme and place: s1 (support,
    # point), s6 (new) on Zwerfvuil; s2 (support, point), s5 (new) on Verkeer. Not Limmel's.
    assert tabel(inhoud, "rapport-signalen") == [
        ["Verkeer", "Hele buurt", "2", "1", "1", "0"],
        ["Zwerfvuil", "Hele buurt", "2", "1", "1", "0"],
    ]
    limmel = client_voor(w["teamleider"]).get(rapport_url(cijfers.limmel), PERIODE)
    # s3 (support), s4 (support, referred), s7 (declined)
    assert tabel(limmel.content.decode(), "rapport-signalen") == [
        ["Verlichting", "Hele buurt", "2", "1", "0", "1"],
        ["Zwerfvuil", "Hele buurt", "1", "1", "0", "0"],
    ]

    # P1 (done in the period) and P2 (open); not P5 (done in January) nor Limmel's points.
    punten = sectie(inhoud, "rapport-verbeterpunten")
    assert "Afvalbakken bij het speelveld" in punten and "Hardrijders in de Hoofdstraat" in punten
    assert "Donkere brandgang" not in punten and "Vuil bij de flats" not in punten

    gedaan = sectie(inhoud, "rapport-gedaan")
    assert "Extra afvalbakken plaatsen" in gedaan and "Trajekt" in gedaan and "15-5-2025" in gedaan

    komend = sectie(inhoud, "rapport-komend")
    assert "Snelheidsbord ophangen" in komend and "Drempels bespreken" in komend
    assert komend.index("Snelheidsbord ophangen") < komend.index("Drempels bespreken")
    assert "Gemeente Maastricht" in komend

    assert 'media="print"' in inhoud and "css/print.css" in inhoud
    assert "niet-printen" in inhoud  # the buttons do not print


def test_rapport_zonder_persoonsgegevens(cijfers, client_voor):
    w = cijfers.wereld
    # The police officer may read the confidential note elsewhere; the report never shows it.
    for rol in ("medewerker_politie", "teamleider"):
        inhoud = client_voor(w[rol]).get(rapport_url(w.buurt_a), PERIODE).content.decode()
        assert "Afvalbakken bij het speelveld" in inhoud
        for geheim in GEHEIM:
            assert geheim not in inhoud, geheim
    limmel = client_voor(w["teamleider"]).get(rapport_url(cijfers.limmel), PERIODE)
    for geheim in GEHEIM:
        assert geheim not in limmel.content.decode(), geheim


def test_standaardperiode_is_drie_maanden(cijfers, client_voor):
    w = cijfers.wereld
    inhoud = client_voor(w["teamleider"]).get(rapport_url(w.buurt_a)).content.decode()
    assert "van 15 maart 2025 tot en met 15 juni 2025" in inhoud


def test_pdf(cijfers, client_voor):
    w = cijfers.wereld
    antwoord = client_voor(w["teamleider"]).get(
        rapport_url(w.buurt_a, "inzicht:buurtrapport_pdf"), PERIODE
    )
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord.content.startswith(b"%PDF")
    assert (
        'filename="buurtagenda-wittevrouwenveld-2025-04-01-2025-06-15.pdf"'
        in (antwoord["Content-Disposition"])
    )


def test_pdf_zonder_weasyprint_geeft_503_en_html_werkt(cijfers, client_voor, monkeypatch):
    monkeypatch.setattr(pdf, "weasyprint_laden", lambda: None)
    w = cijfers.wereld
    client = client_voor(w["teamleider"])
    antwoord = client.get(rapport_url(w.buurt_a, "inzicht:buurtrapport_pdf"), PERIODE)
    assert antwoord.status_code == 503
    assert "De pdf kan op deze server nu niet gemaakt worden" in antwoord.content.decode()
    assert client.get(rapport_url(w.buurt_a), PERIODE).status_code == 200


@pytest.mark.parametrize("naam", ["inzicht:buurtrapport", "inzicht:buurtrapport_pdf"])
def test_buurt_van_een_ander_team_is_404(cijfers, client_voor, naam):
    w = cijfers.wereld
    assert client_voor(w["teamleider"]).get(rapport_url(w.buurt_b, naam)).status_code == 404
    assert client_voor(w["ander_team"]).get(rapport_url(w.buurt_a, naam)).status_code == 404
    assert client_voor(w["ander_team"]).get(rapport_url(w.buurt_b, naam)).status_code == 200
    assert client_voor(w["beheerder"]).get(rapport_url(w.buurt_a, naam)).status_code == 200


@pytest.mark.parametrize(
    "rol",
    [
        "medewerker_gemeente",
        "medewerker_trajekt",
        "medewerker_politie",
        "medewerker_corporatie",
        "teamleider",
        "beheerder",
    ],
)
def test_elke_teamrol_ziet_het_rapport(wereld, client_voor, rol):
    client = client_voor(wereld[rol])
    assert client.get(rapport_url(wereld.buurt_a)).status_code == 200
    assert client.get(reverse("inzicht:buurtrapport_kiezen")).status_code == 200


@pytest.mark.parametrize(
    "naam", ["inzicht:buurtrapport", "inzicht:buurtrapport_pdf", "inzicht:buurtrapport_kiezen"]
)
def test_anoniem_naar_inloggen(wereld, client, naam):
    args = [] if naam.endswith("kiezen") else [wereld.buurt_a.pk]
    antwoord = client.get(reverse(naam, args=args))
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("naam", ["inzicht:buurtrapport", "inzicht:buurtrapport_pdf"])
@pytest.mark.parametrize(
    ("parameters", "melding"),
    [
        ({"van": "2025-06-01", "tot": "2025-05-01"}, "De einddatum ligt vóór de begindatum."),
        ({"van": "kapot"}, "Vul een geldige datum in"),
        ({"tot": "2025-13-45"}, "Vul een geldige datum in"),
        ({"tot": "9999-12-31"}, "Kies een datum tot en met 31 december 2100."),
        ({"van": "0001-01-01"}, "Kies een datum vanaf 1 januari 2000."),
    ],
)
def test_foute_datum_geeft_400_met_nederlandse_fout(wereld, client_voor, naam, parameters, melding):
    antwoord = client_voor(wereld["teamleider"]).get(rapport_url(wereld.buurt_a, naam), parameters)
    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode()


def test_kiezen_stuurt_door_naar_het_rapport(wereld, client_voor):
    client = client_voor(wereld["teamleider"])
    keuze = client.get(reverse("inzicht:buurtrapport_kiezen"))
    inhoud = keuze.content.decode()
    assert "Wittevrouwenveld" in inhoud and "Mariaberg" not in inhoud  # only own buurten
    antwoord = client.get(
        reverse("inzicht:buurtrapport_kiezen"),
        {"buurt": wereld.buurt_a.pk, "van": "2025-01-01", "tot": "2025-03-31"},
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == (f"{rapport_url(wereld.buurt_a)}?van=2025-01-01&tot=2025-03-31")


def test_kiezen_buurt_van_ander_team_is_een_formulierfout(wereld, client_voor):
    antwoord = client_voor(wereld["teamleider"]).get(
        reverse("inzicht:buurtrapport_kiezen"), {"buurt": wereld.buurt_b.pk}
    )
    assert antwoord.status_code == 400
    assert "Kies een van uw buurten." in antwoord.content.decode()


def test_rapport_vast_aantal_queries(cijfers, client_voor, django_assert_num_queries):
    w = cijfers.wereld
    client = client_voor(w["teamleider"])
    client.get(rapport_url(w.buurt_a), PERIODE)
    # 1 session, 2 user, 3 partner (menu), 4 buurt, 5 the wijk's buurten with their paths (the
    # map), 6 subgebieden, 7 signals per theme and place, 8 points, 9 actions done, 10 actions to
    # come
    with django_assert_num_queries(RAPPORT_QUERIES):
        client.get(rapport_url(w.buurt_a), PERIODE)
    thema = ThemaFactory(naam="Thema 0")
    for dag in range(1, 11):
        SignaalFactory(
            team=w.team_a, buurt=w.buurt_a, thema=thema, geregistreerd_op=op(2025, 5, dag)
        )
        ActieFactory(verbeterpunt=cijfers.punten["P2"], eigenaar_partner=w.politie)
    with django_assert_num_queries(RAPPORT_QUERIES):
        inhoud = client.get(rapport_url(w.buurt_a), PERIODE).content.decode()
    assert ["Thema 0", "Hele buurt", "10", "0", "0", "0"] in tabel(inhoud, "rapport-signalen")


def test_lange_lijsten_worden_afgekapt(cijfers, client_voor, monkeypatch):
    from inzicht import selectors

    monkeypatch.setattr(selectors, "RAPPORT_MAX", 1)
    w = cijfers.wereld
    inhoud = client_voor(w["teamleider"]).get(rapport_url(w.buurt_a), PERIODE).content.decode()
    # Two open actions on P2: only the first (earliest deadline), and a note that there is more.
    komend = sectie(inhoud, "rapport-komend")
    assert "Snelheidsbord ophangen" in komend and "Drempels bespreken" not in komend
    assert "Er komen meer acties; hier staan de eerste 1." in inhoud
    assert "Er is meer gedaan" not in inhoud


# --- The buurt in its wijk ------------------------------------------------------------------


def test_rapport_toont_de_buurt_in_haar_wijk_met_subgebieden(grenzen, client_voor):
    w = grenzen.cijfers.wereld
    SubgebiedFactory(buurt=w.buurt_a, naam="Meerssenerweg")
    SubgebiedFactory(buurt=w.buurt_a, naam="Blok Akerstraat")
    inhoud = client_voor(w["teamleider"]).get(rapport_url(w.buurt_a), PERIODE).content.decode()
    wijk = w.buurt_a.wijk.naam
    assert f'id="kaart-wijk-titel">Wittevrouwenveld in wijk {wijk}</p>' in inhoud
    # The wijk: Wittevrouwenveld and Limmel (team A) are links; Nazareth (no team) is a grey
    # shape without name; Mariaberg (another wijk) is not drawn.
    gebieden = {g.naam: g for g in vlakken(inhoud)}
    assert set(gebieden) == {"Limmel", "Wittevrouwenveld"}
    deze = gebieden["Wittevrouwenveld"]
    assert deze.current and deze.titel == "Wittevrouwenveld: Deze buurt"
    assert gebieden["Limmel"].titel == "Limmel: Andere buurt in de wijk"
    assert not gebieden["Limmel"].current
    assert svg(inhoud).count("<path ") == 4  # three buurten and the outline of this one
    assert "Nazareth" not in inhoud and "Mariaberg" not in inhoud
    # Its name written in it, for paper.
    assert re.search(r'<text [^>]*fill="#0b0c0c">Wittevrouwenveld</text>', inhoud)
    # A buurt links to the signals logged there in the report's period.
    signalen = reverse("signalen:signaal_lijst")
    assert deze.href == (
        f"{signalen}?buurt={w.buurt_a.pk}&geregistreerd_after=2025-04-01"
        "&geregistreerd_before=2025-06-15"
    )
    assert kaarttabel(inhoud, "kaart-wijk-tabel") == [
        ["Limmel", "Andere buurt in de wijk"],
        ["Wittevrouwenveld", "Deze buurt"],
    ]
    assert "Bron: CBS, Kadaster" in inhoud
    # Its subgebieden named: the whole buurt first.
    lijst = re.search(r'<ul id="rapport-subgebieden"[^>]*>(.*?)</ul>', inhoud, re.S).group(1)
    assert re.findall(r"<li>(.*?)</li>", lijst) == [
        "Hele buurt",
        "Blok Akerstraat",
        "Meerssenerweg",
    ]


def test_beheerder_ziet_elke_buurt_van_de_wijk_als_link(grenzen, client_voor):
    w = grenzen.cijfers.wereld
    inhoud = client_voor(w["beheerder"]).get(rapport_url(w.buurt_a), PERIODE).content.decode()
    assert {g.naam for g in vlakken(inhoud)} == {"Limmel", "Nazareth", "Wittevrouwenveld"}


def test_rapport_zonder_grenzen_noemt_de_subgebieden(cijfers, client_voor):
    w = cijfers.wereld
    inhoud = client_voor(w["teamleider"]).get(rapport_url(w.buurt_a), PERIODE).content.decode()
    assert "<svg class=" not in inhoud
    assert re.search(r'<ul id="rapport-subgebieden"[^>]*>\s*<li>Hele buurt</li>', inhoud)


def _pdf_inhoud(pdf_bytes: bytes) -> str:
    """The page content streams of a PDF (WeasyPrint compresses them with zlib)."""
    delen = []
    for stroom in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf_bytes, re.S):
        try:
            delen.append(zlib.decompress(stroom).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(delen)


def test_pdf_bevat_de_kaart(grenzen, client_voor, monkeypatch):
    w = grenzen.cijfers.wereld
    html = []
    maak_pdf = pdf.html_naar_pdf

    def bewaar_html(inhoud, **kwargs):
        html.append(inhoud)
        return maak_pdf(inhoud, **kwargs)

    monkeypatch.setattr(pdf, "html_naar_pdf", bewaar_html)
    antwoord = client_voor(w["teamleider"]).get(
        rapport_url(w.buurt_a, "inzicht:buurtrapport_pdf"), PERIODE
    )
    assert antwoord.status_code == 200 and antwoord.content.startswith(b"%PDF")
    # The HTML the PDF is made of has the map, its table and the source ...
    (bron,) = html
    assert [g.naam for g in vlakken(bron) if g.current] == ["Wittevrouwenveld"]
    assert kaarttabel(bron, "kaart-wijk-tabel")[1] == ["Wittevrouwenveld", "Deze buurt"]
    assert "Bron: CBS, Kadaster" in bron
    # ... and WeasyPrint drew it: Wittevrouwenveld's square (M702 -556L1404 -556 1404 -1668
    # 702 -1668Z) is a path on the page, filled in the colour of "this buurt".
    r, g, b = (int(HUIDIG[i : i + 2], 16) / 255 for i in (1, 3, 5))
    vulling = re.escape(f"{r:.6f} {g:.6f} {b:.6f} rg")
    vierkant = r"702 -556 m\s+1404 -556 l\s+1404 -1668 l\s+702 -1668 l\s+h"
    assert re.search(rf"{vulling}\s[^Q]*?{vierkant}", _pdf_inhoud(antwoord.content))


def test_pdf_zonder_grenzen_zonder_kaart(cijfers, client_voor):
    w = cijfers.wereld
    antwoord = client_voor(w["teamleider"]).get(
        rapport_url(w.buurt_a, "inzicht:buurtrapport_pdf"), PERIODE
    )
    assert antwoord.status_code == 200
    assert not re.search(r"702 -556 m", _pdf_inhoud(antwoord.content))
