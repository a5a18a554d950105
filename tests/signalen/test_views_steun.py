"""Recording and withdrawing support through the formset."""

import pytest
from django.urls import reverse
from django.utils import timezone

from signalen import services
from signalen.constants import Kanaal, SignaalStatus
from signalen.models import Bewoner, Steun
from tests.signalen.test_views_signaal import (
    controleer,
    hele_buurt,
    inhoud,
    per_rol,
    registreer_signaal,
    signaal_met_steun,
    steun,
)

RIJVELDEN = (
    "postcode",
    "huisnummer",
    "toevoeging",
    "naam",
    "wil_meedoen",
    "toestemming",
    "contact_naam",
    "telefoon",
    "email",
    "wil_terugkoppeling",
)


def steun_post(signaal, rijen, **gemeenschappelijk):
    """POST data for the support form: common fields plus the formset rows (3 by default)."""
    data = {
        "kanaal": Kanaal.STRAATHOEKBIJEENKOMST,
        "datum": timezone.localdate().isoformat(),
        "versie": signaal.versie,
        "activiteit": "",
        "bewoners-TOTAL_FORMS": max(3, len(rijen)),
        "bewoners-INITIAL_FORMS": 0,
        "bewoners-MIN_NUM_FORMS": 0,
        "bewoners-MAX_NUM_FORMS": 20,
    }
    data.update(gemeenschappelijk)
    for i, rij in enumerate(rijen):
        for veld, waarde in rij.items():
            if waarde is True:
                waarde = "on"
            if waarde is not False:
                data[f"bewoners-{i}-{veld}"] = waarde
    return data


def rij(nummer, **extra):
    return {"postcode": "6221AB", "huisnummer": str(nummer), "naam": f"Bewoner{nummer}", **extra}


# --- Access ------------------------------------------------------------------------------------


@pytest.mark.parametrize("rol,verwacht", per_rol(200, beheerder=403, ander_team=404))
def test_steun_nieuw_get_per_rol(wereld, client_voor, rol, verwacht):
    signaal = registreer_signaal(wereld)
    url = reverse("signalen:steun_nieuw", args=[signaal.pk])
    controleer(client_voor, wereld, rol, "get", url, verwacht)


@pytest.mark.parametrize("rol,verwacht", per_rol(302, beheerder=403, ander_team=404))
def test_steun_nieuw_post_per_rol(wereld, client_voor, rol, verwacht):
    signaal = registreer_signaal(wereld)
    url = reverse("signalen:steun_nieuw", args=[signaal.pk])
    controleer(client_voor, wereld, rol, "post", url, verwacht, steun_post(signaal, [rij(1)]))
    ingelogd_gelukt = verwacht == 302 and rol not in ("anoniem", "inactief")
    assert Steun.objects.count() == (1 if ingelogd_gelukt else 0)


@pytest.mark.parametrize("rol,verwacht", per_rol(302, beheerder=403, ander_team=404))
def test_steun_intrekken_per_rol(wereld, client_voor, rol, verwacht):
    signaal = signaal_met_steun(wereld, 1)
    regel = signaal.steun.get()
    url = reverse("signalen:steun_intrekken", args=[signaal.pk, regel.pk])
    data = {f"intrekken-{regel.pk}-reden": "Vergissing", f"intrekken-{regel.pk}-versie": 2}
    data[f"intrekken-{regel.pk}-versie"] = signaal.versie
    controleer(client_voor, wereld, rol, "post", url, verwacht, data)
    regel.refresh_from_db()
    assert regel.is_ingetrokken is (verwacht == 302 and rol not in ("anoniem", "inactief"))
    if rol not in ("anoniem", "inactief"):
        controleer(client_voor, wereld, rol, "get", url, 405)


# --- Recording ---------------------------------------------------------------------------------


def test_drie_bewoners_in_een_keer_geeft_3_van_3(wereld, client_voor):
    signaal = registreer_signaal(wereld)
    client = client_voor(wereld["medewerker_corporatie"])
    html = inhoud(client.get(reverse("signalen:steun_nieuw", args=[signaal.pk])))
    assert html.count("<legend") >= 3 and 'for="id_bewoners-2-postcode"' in html
    assert f'value="{timezone.localdate().isoformat()}"' in html  # datum defaults to today
    data = steun_post(signaal, [rij(1), rij(2, wil_meedoen=True), rij(3)])
    antwoord = client.post(reverse("signalen:steun_nieuw", args=[signaal.pk]), data, follow=True)
    html = inhoud(antwoord)
    assert antwoord.redirect_chain[-1][0] == reverse("signalen:signaal_detail", args=[signaal.pk])
    assert "Steun van 3 bewoner(s) geregistreerd." in html
    assert "3 van 3 bewoners" in html
    signaal.refresh_from_db()
    assert signaal.status == SignaalStatus.DRAAGVLAK_BEREIKT
    assert Steun.objects.filter(wil_meedoen=True).count() == 1


def test_lege_rijen_worden_overgeslagen(wereld, client_voor):
    signaal = registreer_signaal(wereld)
    data = steun_post(signaal, [{}, rij(1), {}])
    antwoord = client_voor(wereld["teamleider"]).post(
        reverse("signalen:steun_nieuw", args=[signaal.pk]), data
    )
    assert antwoord.status_code == 302
    assert Steun.objects.count() == 1


def test_geen_enkele_bewoner_400(wereld, client_voor):
    signaal = registreer_signaal(wereld)
    url = reverse("signalen:steun_nieuw", args=[signaal.pk])
    antwoord = controleer(
        client_voor, wereld, "medewerker_gemeente", "post", url, 400, steun_post(signaal, [])
    )
    assert "Vul minstens één bewoner in." in inhoud(antwoord)


def test_dubbele_steun_400_niets_opgeslagen_en_invoer_behouden(wereld, client_voor):
    signaal = signaal_met_steun(wereld, 1)  # Bewoner1 already backs it
    url = reverse("signalen:steun_nieuw", args=[signaal.pk])
    data = steun_post(signaal, [rij(2), rij(1, toevoeging="")])
    antwoord = controleer(client_voor, wereld, "medewerker_gemeente", "post", url, 400, data)
    html = inhoud(antwoord)
    assert "Bewoner 2 steunt dit signaal al." in html
    assert 'value="Bewoner2"' in html  # the user's input is kept
    assert Steun.objects.count() == 1


def test_fout_noemt_de_rij_van_het_formulier_ook_na_een_lege_rij(wereld, client_voor):
    """Row 1 left empty, row 3 a resident who already backs the signal: the error names
    "Bewoner 3", the row the user sees, not the second resident passed on."""
    signaal = signaal_met_steun(wereld, 1)  # Bewoner1 already backs it
    url = reverse("signalen:steun_nieuw", args=[signaal.pk])
    data = steun_post(signaal, [{}, rij(2), rij(1, toevoeging="")])
    antwoord = controleer(client_voor, wereld, "medewerker_gemeente", "post", url, 400, data)
    html = inhoud(antwoord)
    assert "Bewoner 3 steunt dit signaal al." in html
    assert "Bewoner 2 steunt dit signaal al." not in html
    assert Steun.objects.count() == 1


def test_zelfde_bewoner_twee_keer_in_een_formulier_400(wereld, client_voor):
    signaal = registreer_signaal(wereld)
    url = reverse("signalen:steun_nieuw", args=[signaal.pk])
    # The same resident, spelled differently: counts once, so the second row is refused.
    data = steun_post(
        signaal, [rij(4), {"postcode": "6221 ab", "huisnummer": "4", "naam": "bewoner4"}]
    )
    antwoord = controleer(client_voor, wereld, "medewerker_gemeente", "post", url, 400, data)
    assert "Bewoner 2 steunt dit signaal al." in inhoud(antwoord)
    assert not Steun.objects.exists()


def test_ongeldige_postcode_in_rij_op_het_veld(wereld, client_voor):
    signaal = registreer_signaal(wereld)
    url = reverse("signalen:steun_nieuw", args=[signaal.pk])
    data = steun_post(signaal, [rij(1), rij(2, postcode="ABCD12")])
    antwoord = controleer(client_voor, wereld, "medewerker_gemeente", "post", url, 400, data)
    html = inhoud(antwoord)
    assert "Vul een geldige postcode in, bijvoorbeeld 6221 AB." in html
    assert 'id="error_1_id_bewoners-1-postcode"' in html
    assert not Steun.objects.exists()


def test_halve_rij_400(wereld, client_voor):
    signaal = registreer_signaal(wereld)
    url = reverse("signalen:steun_nieuw", args=[signaal.pk])
    data = steun_post(signaal, [{"wil_meedoen": True}])
    antwoord = controleer(client_voor, wereld, "medewerker_gemeente", "post", url, 400, data)
    assert 'id="error_1_id_bewoners-0-postcode"' in inhoud(antwoord)


def test_contactgegevens_alleen_met_toestemming(wereld, client_voor):
    signaal = registreer_signaal(wereld)
    url = reverse("signalen:steun_nieuw", args=[signaal.pk])
    data = steun_post(signaal, [rij(1, telefoon="0612345678")])
    antwoord = controleer(client_voor, wereld, "medewerker_gemeente", "post", url, 400, data)
    assert "alleen worden vastgelegd met toestemming" in inhoud(antwoord)
    data = steun_post(
        signaal,
        [
            rij(
                1,
                toestemming=True,
                telefoon="0612345678",
                contact_naam="Els",
                wil_terugkoppeling=True,
            )
        ],
    )
    assert client_voor(wereld["medewerker_gemeente"]).post(url, data).status_code == 302
    opgeslagen = Bewoner.objects.get()
    assert opgeslagen.telefoon == "0612345678" and opgeslagen.toestemming_op is not None
    assert opgeslagen.toestemming_kanaal == Kanaal.STRAATHOEKBIJEENKOMST


def test_datum_in_de_toekomst_400(wereld, client_voor):
    signaal = registreer_signaal(wereld)
    url = reverse("signalen:steun_nieuw", args=[signaal.pk])
    morgen = (timezone.localdate() + timezone.timedelta(days=1)).isoformat()
    data = steun_post(signaal, [rij(1)], datum=morgen)
    antwoord = controleer(client_voor, wereld, "medewerker_gemeente", "post", url, 400, data)
    assert "De datum van de steun ligt in de toekomst." in inhoud(antwoord)


def test_verouderd_steunformulier_409(wereld, client_voor):
    signaal = registreer_signaal(wereld)
    oud = signaal.versie
    steun(signaal, wereld["medewerker_politie"], [9])
    url = reverse("signalen:steun_nieuw", args=[signaal.pk])
    data = steun_post(signaal, [rij(1)], versie=oud)
    antwoord = controleer(client_voor, wereld, "medewerker_gemeente", "post", url, 409, data)
    html = inhoud(antwoord)
    assert "Iemand anders heeft dit intussen gewijzigd" in html
    signaal.refresh_from_db()
    assert f'name="versie" value="{signaal.versie}"' in html
    assert 'value="Bewoner1"' in html


def test_gesloten_signaal_krijgt_geen_steun(wereld, client_voor):
    signaal = registreer_signaal(wereld)
    services.signaal_afwijzen(signaal=signaal, door=wereld["teamleider"], reden="Dubbel")
    signaal.refresh_from_db()
    url = reverse("signalen:steun_nieuw", args=[signaal.pk])
    antwoord = controleer(
        client_voor, wereld, "medewerker_gemeente", "post", url, 400, steun_post(signaal, [rij(1)])
    )
    assert "Een afgewezen signaal krijgt geen nieuwe steun." in inhoud(antwoord)


def test_activiteit_voorgeselecteerd_met_kanaal(wereld, client_voor):
    activiteit = services.activiteit_registreren(
        door=wereld["medewerker_gemeente"],
        team=wereld.team_a,
        subgebied=hele_buurt(wereld.buurt_a),
        soort="buurtbijeenkomst",
        datum=timezone.localdate(),
    )
    signaal = registreer_signaal(wereld, activiteit=activiteit)
    url = reverse("signalen:steun_nieuw", args=[signaal.pk]) + f"?activiteit={activiteit.pk}"
    html = inhoud(client_voor(wereld["medewerker_gemeente"]).get(url))
    assert f'<option value="{activiteit.pk}" selected>' in html
    assert '<option value="buurtbijeenkomst" selected>' in html


# --- Withdrawing -------------------------------------------------------------------------------


def test_intrekken_met_reden_en_zichtbaar_op_detail(wereld, client_voor):
    signaal = signaal_met_steun(wereld, 3)
    regel = signaal.steun.first()
    client = client_voor(wereld["medewerker_trajekt"])
    url = reverse("signalen:steun_intrekken", args=[signaal.pk, regel.pk])
    data = {f"intrekken-{regel.pk}-reden": "Bewoner trekt zich terug"}
    data[f"intrekken-{regel.pk}-versie"] = signaal.versie
    antwoord = client.post(url, data, follow=True)
    html = inhoud(antwoord)
    assert "De steun is ingetrokken." in html
    assert "Ingetrokken" in html and "Bewoner trekt zich terug" in html
    assert "2 van 3 bewoners" in html
    signaal.refresh_from_db()
    assert signaal.herbeoordelen is True


def test_intrekken_zonder_reden_400(wereld, client_voor):
    signaal = signaal_met_steun(wereld, 1)
    regel = signaal.steun.get()
    url = reverse("signalen:steun_intrekken", args=[signaal.pk, regel.pk])
    data = {f"intrekken-{regel.pk}-reden": "", f"intrekken-{regel.pk}-versie": signaal.versie}
    antwoord = controleer(client_voor, wereld, "medewerker_gemeente", "post", url, 400, data)
    assert "Dit veld is verplicht." in inhoud(antwoord)


def test_intrekken_verouderd_409(wereld, client_voor):
    signaal = signaal_met_steun(wereld, 1)
    regel = signaal.steun.get()
    oud = signaal.versie
    steun(signaal, wereld["medewerker_politie"], [8])
    url = reverse("signalen:steun_intrekken", args=[signaal.pk, regel.pk])
    data = {f"intrekken-{regel.pk}-reden": "Vergissing", f"intrekken-{regel.pk}-versie": oud}
    antwoord = controleer(client_voor, wereld, "medewerker_gemeente", "post", url, 409, data)
    assert "Iemand anders heeft dit intussen gewijzigd" in inhoud(antwoord)


def test_al_ingetrokken_steun_400(wereld, client_voor):
    signaal = signaal_met_steun(wereld, 1)
    regel = signaal.steun.get()
    services.steun_intrekken(steun=regel, door=wereld["medewerker_gemeente"], reden="Weg")
    signaal.refresh_from_db()
    url = reverse("signalen:steun_intrekken", args=[signaal.pk, regel.pk])
    data = {
        f"intrekken-{regel.pk}-reden": "Nogmaals",
        f"intrekken-{regel.pk}-versie": signaal.versie,
    }
    antwoord = controleer(client_voor, wereld, "medewerker_gemeente", "post", url, 400, data)
    assert "Deze steun is al ingetrokken." in inhoud(antwoord)


def test_steun_van_ander_signaal_404(wereld, client_voor):
    eerste = signaal_met_steun(wereld, 1)
    tweede = registreer_signaal(wereld, omschrijving="Ander signaal")
    regel = eerste.steun.get()
    url = reverse("signalen:steun_intrekken", args=[tweede.pk, regel.pk])
    data = {f"intrekken-{regel.pk}-reden": "x", f"intrekken-{regel.pk}-versie": tweede.versie}
    controleer(client_voor, wereld, "medewerker_gemeente", "post", url, 404, data)
