"""Inzage and vergetelheid (AVG): a beheerder exports everything held about one resident and
erases it on request; both are logged, counts stay, nobody else may do either."""

import json
import logging

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from signalen import services
from signalen.models import Bewoner, ContactInzage, Steun
from tests.signalen.helpers import bewoner, signaal_in

pytestmark = [pytest.mark.django_db, pytest.mark.security]

NAAM, TELEFOON, EMAIL = "Fenna Inzagestra", "0611122233", "fenna.inzage@example.org"
NIET_BEHEERDERS = ["medewerker_gemeente", "teamleider", "ander_team", "inactief", "anoniem"]


@pytest.fixture
def privacylog(caplog):
    logger = logging.getLogger("vbt.privacy")
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="vbt.privacy")
    yield caplog
    logger.removeHandler(caplog.handler)


@pytest.fixture
def gesteund(wereld):
    """A signal logged with resident 1 as melder; resident 2 (with contact details) backs it."""
    signaal = signaal_in(wereld, melder=bewoner(1))
    services.steun_registreren(
        signaal=signaal,
        door=wereld["medewerker_trajekt"],
        bewoners=[
            bewoner(
                2,
                meedoen=True,
                toestemming=True,
                contact_naam=NAAM,
                telefoon=TELEFOON,
                email=EMAIL,
                wil_terugkoppeling=True,
            ),
            bewoner(3),
        ],
        kanaal="deur_tot_deur",
    )
    contact = Bewoner.objects.get(naam=NAAM)
    services.contact_inzien(
        bewoner=contact, door=wereld["medewerker_gemeente"], pagina="/signalen/1/contact/"
    )
    signaal.refresh_from_db()
    return signaal, contact


def _inzage_url(b):
    return reverse("admin:signalen_bewoner_inzage", args=[b.pk])


def _wissen_url(b):
    return reverse("admin:signalen_bewoner_wissen", args=[b.pk])


def test_beheerder_downloadt_inzage_als_json(wereld, client_voor, gesteund, privacylog):
    signaal, contact = gesteund
    antwoord = client_voor(wereld["beheerder"]).post(_inzage_url(contact))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/json"
    assert antwoord["Content-Disposition"] == f'attachment; filename="bewoner-{contact.pk}.json"'
    assert "no-store" in antwoord["Cache-Control"]
    gegevens = json.loads(antwoord.content)
    assert gegevens["bewoner"]["naam"] == NAAM
    assert gegevens["bewoner"]["telefoon"] == TELEFOON
    assert gegevens["bewoner"]["email"] == EMAIL
    assert gegevens["bewoner"]["toestemming_kanaal"] == "deur_tot_deur"
    assert gegevens["signalen"] == [
        {
            "id": signaal.pk,
            "rol": "steun",
            "geregistreerd_op": signaal.geregistreerd_op.isoformat(),
            "buurt": wereld.buurt_a.naam,
            "thema": signaal.thema.naam,
            "status": signaal.status,
        }
    ]
    assert [s["signaal"] for s in gegevens["steun"]] == [signaal.pk]
    assert gegevens["steun"][0]["wil_meedoen"] is True
    assert [i["wie"] for i in gegevens["inzages_contactgegevens"]] == ["gemeente", "beheerder"]
    # The export itself is a view of the contact details: logged like every other.
    laatste = ContactInzage.objects.order_by("-pk").first()
    assert (laatste.wie, laatste.bewoner, laatste.reden) == (
        wereld["beheerder"],
        contact,
        "Inzageverzoek (AVG)",
    )
    assert f"Inzage bewoner: bewoner={contact.pk}" in privacylog.text
    assert NAAM not in privacylog.text


def test_inzage_van_melder_noemt_het_gemelde_signaal(wereld, client_voor, gesteund):
    signaal, _contact = gesteund
    melder = signaal.melder
    gegevens = json.loads(client_voor(wereld["beheerder"]).post(_inzage_url(melder)).content)
    assert [(s["id"], s["rol"]) for s in gegevens["signalen"]] == [(signaal.pk, "melder")]


def test_inzage_alleen_met_post(wereld, client_voor, gesteund):
    _signaal, contact = gesteund
    voor = ContactInzage.objects.count()
    assert client_voor(wereld["beheerder"]).get(_inzage_url(contact)).status_code == 405
    assert ContactInzage.objects.count() == voor


@pytest.mark.parametrize("rol", NIET_BEHEERDERS)
def test_alleen_beheerder_doet_inzage_en_wissen(wereld, client_voor, gesteund, rol):
    _signaal, contact = gesteund
    client = client_voor(wereld[rol])
    inzages = ContactInzage.objects.count()
    for antwoord in (
        client.post(_inzage_url(contact)),
        client.get(_wissen_url(contact)),
        client.post(_wissen_url(contact), {"bevestig": "on"}),
        client.post(reverse("admin:signalen_bewoner_zoeken"), {}),
    ):
        assert antwoord.status_code == 302
        assert antwoord["Location"].startswith((reverse("admin:login"), reverse("login")))
    assert ContactInzage.objects.count() == inzages
    contact.refresh_from_db()
    assert contact.naam == NAAM and contact.gewist_op is None


def test_wissen_vraagt_bevestiging(wereld, client_voor, gesteund):
    _signaal, contact = gesteund
    client = client_voor(wereld["beheerder"])
    pagina = client.get(_wissen_url(contact))
    assert pagina.status_code == 200
    assert "kan niet ongedaan worden gemaakt" in pagina.content.decode()
    antwoord = client.post(_wissen_url(contact), {})
    assert antwoord.status_code == 400
    assert "bevestig" in antwoord.context["form"].errors
    contact.refresh_from_db()
    assert contact.naam == NAAM and contact.gewist_op is None


def test_wissen_laat_tellingen_staan_en_wordt_vastgelegd(wereld, client_voor, gesteund, privacylog):
    signaal, contact = gesteund
    steun_voor = list(Steun.objects.values_list("pk", "bewoner_id", "wil_meedoen"))
    client = client_voor(wereld["beheerder"])
    antwoord = client.post(_wissen_url(contact), {"bevestig": "on"})
    assert antwoord.status_code == 302
    contact.refresh_from_db()
    assert (contact.naam, contact.telefoon, contact.email, contact.sleutel) == ("", "", "", None)
    assert contact.toestemming_op is None and not contact.wil_terugkoppeling
    assert contact.gewist_op is not None
    signaal.refresh_from_db()
    assert signaal.aantal_bewoners == 3
    assert services.draagvlak_van_signaal(signaal).aantal == 3
    assert list(Steun.objects.values_list("pk", "bewoner_id", "wil_meedoen")) == steun_voor

    entry = LogEntry.objects.get(object_id=str(contact.pk), content_type__model="bewoner")
    assert entry.user == wereld["beheerder"]
    assert entry.object_repr == f"Bewoner {contact.pk}"
    assert "vergetelheid" in entry.get_change_message()
    assert f"Bewoner gewist op verzoek: bewoner={contact.pk}" in privacylog.text
    for waarde in (NAAM, TELEFOON, EMAIL):
        assert waarde not in entry.change_message + entry.object_repr
        assert waarde not in privacylog.text
    # The change page now shows the erasure and no longer offers it.
    pagina = client.get(reverse("admin:signalen_bewoner_change", args=[contact.pk]))
    assert "Inzage (JSON)" in pagina.content.decode()
    assert _wissen_url(contact) not in pagina.content.decode()


def test_beheerder_vindt_bewoner_op_identiteit(wereld, client_voor, gesteund):
    _signaal, contact = gesteund
    client = client_voor(wereld["beheerder"])
    url = reverse("admin:signalen_bewoner_zoeken")
    assert client.get(url).status_code == 200
    gevonden = client.post(
        url, {"postcode": "6221ab", "huisnummer": "2", "naam": "Bewoner 2", "toevoeging": ""}
    )
    assert gevonden.status_code == 302
    assert gevonden["Location"] == reverse("admin:signalen_bewoner_change", args=[contact.pk])
    niet = client.post(url, {"postcode": "6221AB", "huisnummer": "77", "naam": "X"})
    assert niet.status_code == 404
    assert "Geen bewoner gevonden" in niet.content.decode()
    fout = client.post(url, {"postcode": "12", "huisnummer": "1", "naam": "X"})
    assert fout.status_code == 400
    assert "geldige postcode" in fout.content.decode()


def test_beheer_toont_geen_contactgegevens(wereld, client_voor, gesteund):
    _signaal, contact = gesteund
    client = client_voor(wereld["beheerder"])
    for url in (
        reverse("admin:signalen_bewoner_changelist"),
        reverse("admin:signalen_bewoner_change", args=[contact.pk]),
    ):
        inhoud = client.get(url).content.decode()
        assert NAAM not in inhoud and TELEFOON not in inhoud and EMAIL not in inhoud


def test_inzagelog_leesbaar_voor_beheerder_en_door_niemand_te_wijzigen(
    wereld, client_voor, gesteund
):
    _signaal, contact = gesteund
    inzage = ContactInzage.objects.get()
    client = client_voor(wereld["beheerder"])
    assert client.get(reverse("admin:signalen_contactinzage_changelist")).status_code == 200
    change = reverse("admin:signalen_contactinzage_change", args=[inzage.pk])
    assert client.get(change).status_code == 200  # read-only view
    assert client.post(change, {"pagina": "/anders/"}).status_code == 403
    delete = reverse("admin:signalen_contactinzage_delete", args=[inzage.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:signalen_contactinzage_add")).status_code == 403
    inzage.refresh_from_db()
    assert inzage.pagina == "/signalen/1/contact/"
    # Not even code can change or remove a row.
    with pytest.raises(TypeError):
        inzage.save()
    with pytest.raises(TypeError):
        inzage.delete()
    with pytest.raises(TypeError):
        ContactInzage.objects.all().delete()
    with pytest.raises(TypeError):
        ContactInzage.objects.update(pagina="x")
