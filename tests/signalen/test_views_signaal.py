"""Views of a signal: list, logging, detail, the teamleider's actions, contact details.

The helpers at the top are shared by the other test_views_* modules of this package.
"""

import pytest
from django.urls import reverse

from acties import services as punt_services
from acties.models import Verbeterpunt
from signalen import services
from signalen.constants import Kanaal, SignaalStatus
from signalen.models import Activiteit, Bewoner, ContactInzage, Gebeurtenis, Signaal, Steun
from tests.buurten.factories import BuurtFactory, SubgebiedFactory
from tests.signalen.factories import ThemaFactory

LEDEN_A = [
    "medewerker_gemeente",
    "medewerker_trajekt",
    "medewerker_politie",
    "medewerker_corporatie",
    "teamleider",
]
MEDEWERKERS_A = [rol for rol in LEDEN_A if rol != "teamleider"]
NIET_INGELOGD = ["anoniem", "inactief"]

# --- Shared helpers ----------------------------------------------------------------------------


def bewoner(nummer: int, **extra) -> services.BewonerInvoer:
    return services.BewonerInvoer(
        postcode="6221 AB", huisnummer=str(nummer), naam=f"Bewoner{nummer}", **extra
    )


def hele_buurt(buurt):
    return buurt.subgebieden.get(soort="hele_buurt")


def registreer_signaal(wereld, *, door=None, buurt=None, thema=None, **extra) -> Signaal:
    """Log a signal in buurt A through the service, as the gemeente's medewerker."""
    buurt = buurt or wereld.buurt_a
    return services.signaal_registreren(
        door=door or wereld["medewerker_gemeente"],
        buurt=buurt,
        subgebied=hele_buurt(buurt),
        thema=thema or ThemaFactory(naam="Zwerfafval"),
        omschrijving=extra.pop("omschrijving", "Veel zwerfafval rond het speelveld"),
        kanaal=Kanaal.STRAATHOEKBIJEENKOMST,
        **extra,
    )


def steun(signaal, door, nummers, **extra):
    """Record support of the residents with these numbers in one call."""
    signaal.refresh_from_db()
    return services.steun_registreren(
        signaal=signaal,
        door=door,
        bewoners=[bewoner(n, **extra) for n in nummers],
        kanaal=Kanaal.DEUR_TOT_DEUR,
    )


def signaal_met_steun(wereld, aantal: int, *, start: int = 1, **extra) -> Signaal:
    signaal = registreer_signaal(wereld, **extra)
    if aantal:
        steun(signaal, wereld["medewerker_gemeente"], range(start, start + aantal))
    signaal.refresh_from_db()
    return signaal


def promoveer(wereld, signaal, **extra) -> Verbeterpunt:
    signaal.refresh_from_db()
    return punt_services.signaal_promoveren(signaal=signaal, door=wereld["teamleider"], **extra)


def stand():
    """Everything a refused request must leave untouched."""
    return (
        list(Signaal.objects.order_by("pk").values_list("pk", "status", "versie")),
        list(Verbeterpunt.objects.order_by("pk").values_list("pk", "status", "versie")),
        list(Steun.objects.order_by("pk").values_list("pk", "ingetrokken_op")),
        Gebeurtenis.objects.count(),
        Activiteit.objects.count(),
        Bewoner.objects.count(),
        ContactInzage.objects.count(),
    )


def controleer(client_voor, wereld, rol, methode, url, verwacht, data=None):
    """Request as this role; assert the status; a refused request changed nothing."""
    voor = stand()
    client = client_voor(wereld[rol])
    antwoord = getattr(client, methode)(url, data or {})
    if rol in NIET_INGELOGD:
        assert antwoord.status_code == 302, (rol, url)
        assert antwoord["Location"].startswith(reverse("login"))
    else:
        assert antwoord.status_code == verwacht, (rol, methode, url, antwoord.status_code)
    if antwoord.status_code >= 400 or rol in NIET_INGELOGD:
        assert stand() == voor, (rol, methode, url)
    return antwoord


def inhoud(antwoord) -> str:
    return antwoord.content.decode()


def signaal_post(wereld, **extra):
    data = {
        "buurt": wereld.buurt_a.pk,
        "subgebied": hele_buurt(wereld.buurt_a).pk,
        "thema": ThemaFactory(naam="Zwerfafval").pk,
        "omschrijving": "Losliggende stoeptegels bij de school",
        "kanaal": Kanaal.DEUR_TOT_DEUR,
    }
    data.update(extra)
    return data


def per_rol(standaard, **afwijkend):
    """A status for every role: `standaard` for team A's members, the rest named."""
    verwacht = dict.fromkeys(LEDEN_A, standaard)
    verwacht.update({"anoniem": 302, "inactief": 302})
    verwacht.update(afwijkend)
    return sorted(verwacht.items())


# --- Access beyond the permission matrix ------------------------------------------------------
# tests/test_rechtenmatrix.py walks every URL for every role (statuses, nothing changed on a
# refusal); these check what the matrix does not: which rows and options a page shows.


@pytest.mark.parametrize("rol,zichtbaar", [("medewerker_politie", True), ("ander_team", False)])
def test_signaal_lijst_toont_alleen_signalen_uit_het_bereik(wereld, client_voor, rol, zichtbaar):
    signaal = registreer_signaal(wereld)
    antwoord = controleer(client_voor, wereld, rol, "get", reverse("signalen:signaal_lijst"), 200)
    link = reverse("signalen:signaal_detail", args=[signaal.pk])
    assert (link in inhoud(antwoord)) is zichtbaar


def test_subgebied_opties_zijn_alleen_de_opties(wereld, client_voor):
    straat = SubgebiedFactory(buurt=wereld.buurt_a, naam="Kommelstraat")
    url = reverse("signalen:subgebied_opties") + f"?buurt={wereld.buurt_a.pk}"
    antwoord = controleer(client_voor, wereld, "medewerker_gemeente", "get", url, 200)
    assert f'<option value="{straat.pk}">Kommelstraat</option>' in inhoud(antwoord)
    assert "<html" not in inhoud(antwoord)


def test_subgebied_opties_zonder_of_met_onzinnige_buurt(wereld, client_voor):
    client = client_voor(wereld["medewerker_gemeente"])
    antwoord = client.get(reverse("signalen:subgebied_opties") + "?buurt=abc")
    assert antwoord.status_code == 200
    assert inhoud(antwoord).strip() == '<option value="">---------</option>'
    assert client.get(reverse("signalen:subgebied_opties") + "?buurt=999999").status_code == 404


def _actie_data(naam, signaal, wereld):
    return {
        "signaal_promoveren": {
            "promoveren-versie": signaal.versie,
            "promoveren-prioriteit": "hoog",
        },
        "signaal_afwijzen": {"afwijzen-versie": signaal.versie, "afwijzen-reden": "Geen VBT-werk"},
        "signaal_heropenen": {"heropenen-versie": signaal.versie, "heropenen-reden": "Toch nodig"},
        "signaal_doorverwijzen": {
            "doorverwijzen-versie": signaal.versie,
            "doorverwijzen-partner": wereld.gemeente.pk,
        },
    }[naam]


@pytest.mark.parametrize("rol", ["medewerker_gemeente", "teamleider"])
def test_doorverwijzen_door_melder_wordt_herbeoordeeld(wereld, client_voor, rol):
    """The teamleider, or the medewerker who logged it (then flagged for review)."""
    signaal = registreer_signaal(wereld)
    url = reverse("signalen:signaal_doorverwijzen", args=[signaal.pk])
    data = _actie_data("signaal_doorverwijzen", signaal, wereld)
    controleer(client_voor, wereld, rol, "post", url, 302, data)
    signaal.refresh_from_db()
    assert signaal.status == SignaalStatus.DOORVERWEZEN
    assert signaal.herbeoordelen is (rol != "teamleider")


# --- Logging a signal --------------------------------------------------------------------------


def test_signaal_registreren_met_melder(wereld, client_voor):
    client = client_voor(wereld["medewerker_trajekt"])
    data = signaal_post(
        wereld,
        melder_postcode="6221ab",
        melder_huisnummer="12",
        melder_toevoeging="a",
        melder_naam="J. Jansen",
    )
    antwoord = client.post(reverse("signalen:signaal_nieuw"), data, follow=True)
    signaal = Signaal.objects.get()
    assert antwoord.redirect_chain[-1][0] == reverse("signalen:signaal_detail", args=[signaal.pk])
    assert "Het signaal is geregistreerd." in inhoud(antwoord)
    assert signaal.melder is not None and signaal.aantal_bewoners == 1
    assert signaal.team == wereld.team_a
    assert "J. Jansen" not in inhoud(antwoord)


def test_formulier_is_toegankelijk_en_toont_alleen_eigen_buurten(wereld, client_voor):
    antwoord = client_voor(wereld["medewerker_gemeente"]).get(reverse("signalen:signaal_nieuw"))
    html = inhoud(antwoord)
    assert "Wittevrouwenveld" in html and "Mariaberg" not in html
    for veld in ("buurt", "subgebied", "thema", "omschrijving", "kanaal", "melder_postcode"):
        assert f'for="id_{veld}"' in html, veld
    assert 'hx-get="/signalen/subgebied-opties/"' in html
    assert "<script>" not in html and "style=" not in html


@pytest.mark.parametrize("buurt", ["onbekend", "ander_team"])
def test_onbekende_of_andermans_buurt_geeft_formulierfout(wereld, client_voor, buurt):
    pk = 999999 if buurt == "onbekend" else wereld.buurt_b.pk
    data = signaal_post(wereld, buurt=pk, subgebied=hele_buurt(wereld.buurt_b).pk)
    antwoord = controleer(
        client_voor,
        wereld,
        "medewerker_gemeente",
        "post",
        reverse("signalen:signaal_nieuw"),
        400,
        data,
    )
    assert "Selecteer een geldige keuze" in inhoud(antwoord)


def test_subgebied_van_andere_buurt_geeft_nederlandse_fout(wereld, client_voor):
    tweede = BuurtFactory(naam="Scharn")
    wereld.team_a.buurten.add(tweede)
    straat = SubgebiedFactory(buurt=tweede, naam="Scharnerweg")
    data = signaal_post(wereld, subgebied=straat.pk)
    antwoord = controleer(
        client_voor,
        wereld,
        "medewerker_gemeente",
        "post",
        reverse("signalen:signaal_nieuw"),
        400,
        data,
    )
    html = inhoud(antwoord)
    assert "Dit subgebied hoort niet bij de gekozen buurt." in html
    assert 'id="error_1_id_subgebied"' in html or "is-invalid" in html
    # The options shown follow the chosen buurt again.
    assert "Scharnerweg" not in html


def test_ongeldige_postcode_geeft_fout_op_het_veld(wereld, client_voor):
    data = signaal_post(
        wereld, melder_postcode="1234", melder_huisnummer="3", melder_naam="P. Smeets"
    )
    antwoord = controleer(
        client_voor,
        wereld,
        "medewerker_gemeente",
        "post",
        reverse("signalen:signaal_nieuw"),
        400,
        data,
    )
    html = inhoud(antwoord)
    assert "Vul een geldige postcode in, bijvoorbeeld 6221 AB." in html
    assert 'id="error_1_id_melder_postcode"' in html
    assert 'value="P. Smeets"' in html  # input kept


def test_melder_alles_of_niets(wereld, client_voor):
    data = signaal_post(wereld, melder_postcode="6221AB")
    antwoord = controleer(
        client_voor,
        wereld,
        "medewerker_gemeente",
        "post",
        reverse("signalen:signaal_nieuw"),
        400,
        data,
    )
    assert 'id="error_1_id_melder_huisnummer"' in inhoud(antwoord)
    assert 'id="error_1_id_melder_naam"' in inhoud(antwoord)


def test_signaal_nieuw_met_activiteit_voorgeselecteerd(wereld, client_voor):
    activiteit = services.activiteit_registreren(
        door=wereld["medewerker_gemeente"],
        team=wereld.team_a,
        subgebied=hele_buurt(wereld.buurt_a),
        soort="buurtschouw",
        datum=services.timezone.localdate(),
    )
    client = client_voor(wereld["medewerker_politie"])
    url = reverse("signalen:signaal_nieuw") + f"?activiteit={activiteit.pk}"
    html = inhoud(client.get(url))
    assert f'<option value="{activiteit.pk}" selected>' in html
    assert '<option value="buurtschouw" selected>' in html
    data = signaal_post(wereld, activiteit=activiteit.pk, kanaal="buurtschouw")
    client.post(reverse("signalen:signaal_nieuw"), data)
    assert Signaal.objects.get().activiteit == activiteit


# --- The detail page and the teamleider's actions ----------------------------------------------


def test_detail_toont_draagvlak_steun_tijdlijn_en_geen_contactgegevens(wereld, client_voor):
    signaal = registreer_signaal(wereld)
    services.steun_registreren(
        signaal=signaal,
        door=wereld["medewerker_politie"],
        bewoners=[
            bewoner(
                1,
                wil_meedoen=True,
                toestemming=True,
                contact_naam="Maria Geurts",
                telefoon="0612345678",
                email="maria@example.org",
            ),
            bewoner(2),
        ],
        kanaal=Kanaal.VRAGENLIJST,
    )
    antwoord = client_voor(wereld["medewerker_trajekt"]).get(
        reverse("signalen:signaal_detail", args=[signaal.pk])
    )
    html = inhoud(antwoord)
    assert "2 van 3 bewoners" in html
    assert "Nog 1 bewoner nodig" in html
    assert "1 bewoner wil meedoen" in html
    assert "Vragenlijst" in html and "Steun geregistreerd" in html
    assert "Maria Geurts" not in html and "0612345678" not in html
    assert "maria@example.org" not in html and "Bewoner1" not in html
    assert html.count("Contactgegevens bekijken") == 1
    # A medewerker sees no teamleider forms.
    assert "promoveren-versie" not in html and "afwijzen-reden" not in html
    assert ContactInzage.objects.count() == 0


def test_detail_teamleider_ziet_acties_met_hint(wereld, client_voor):
    thema = ThemaFactory(naam="Huisvuil", standaard_primaire_partner=wereld.gemeente)
    signaal = registreer_signaal(wereld, thema=thema)
    client = client_voor(wereld["teamleider"])
    html = inhoud(client.get(reverse("signalen:signaal_detail", args=[signaal.pk])))
    promoveren = reverse("acties:signaal_promoveren", args=[signaal.pk])
    assert f'href="{promoveren}"' in html  # the promotion form has a page of its own
    assert f'name="promoveren-versie" value="{signaal.versie}"' in inhoud(client.get(promoveren))
    assert f'<option value="{wereld.gemeente.pk}" selected>' in html
    assert "standaard primaire partner" in html
    assert "afwijzen-reden" in html
    assert "heropenen-reden" not in html


def test_promotie_door_medewerker_403_en_niets_veranderd(wereld, client_voor):
    signaal = signaal_met_steun(wereld, 3)
    data = _actie_data("signaal_promoveren", signaal, wereld)
    url = reverse("acties:signaal_promoveren", args=[signaal.pk])
    controleer(client_voor, wereld, "medewerker_gemeente", "post", url, 403, data)
    assert not Verbeterpunt.objects.exists()


def test_promotie_met_te_weinig_steun_toont_redenen(wereld, client_voor):
    signaal = signaal_met_steun(wereld, 2)
    data = _actie_data("signaal_promoveren", signaal, wereld)
    url = reverse("acties:signaal_promoveren", args=[signaal.pk])
    antwoord = controleer(client_voor, wereld, "teamleider", "post", url, 400, data)
    html = inhoud(antwoord)
    assert "Dit signaal kan nog geen verbeterpunt worden." in html
    assert "2 van 3 bewoners steunen dit signaal" in html
    assert "Nog 1 bewoner nodig" in html
    assert not Verbeterpunt.objects.exists()


def test_verouderd_formulier_geeft_409(wereld, client_voor):
    signaal = signaal_met_steun(wereld, 1)
    oude_versie = signaal.versie
    steun(signaal, wereld["medewerker_politie"], [7])  # someone else changed it meanwhile
    url = reverse("signalen:signaal_afwijzen", args=[signaal.pk])
    data = {"afwijzen-versie": oude_versie, "afwijzen-reden": "Geen VBT-werk"}
    antwoord = controleer(client_voor, wereld, "teamleider", "post", url, 409, data)
    html = inhoud(antwoord)
    assert "Iemand anders heeft dit intussen gewijzigd" in html
    signaal.refresh_from_db()
    assert signaal.status == SignaalStatus.NIEUW
    # The form now carries the current version: sending it again works.
    assert f'name="afwijzen-versie" value="{signaal.versie}"' in html
    antwoord = client_voor(wereld["teamleider"]).post(
        url, {"afwijzen-versie": signaal.versie, "afwijzen-reden": "Geen VBT-werk"}
    )
    assert antwoord.status_code == 302


def test_afwijzen_zonder_reden_400(wereld, client_voor):
    signaal = registreer_signaal(wereld)
    url = reverse("signalen:signaal_afwijzen", args=[signaal.pk])
    data = {"afwijzen-versie": signaal.versie, "afwijzen-reden": ""}
    antwoord = controleer(client_voor, wereld, "teamleider", "post", url, 400, data)
    assert "Dit veld is verplicht." in inhoud(antwoord)


def test_heropenen_van_open_signaal_400(wereld, client_voor):
    signaal = registreer_signaal(wereld)
    url = reverse("signalen:signaal_heropenen", args=[signaal.pk])
    data = _actie_data("signaal_heropenen", signaal, wereld)
    antwoord = controleer(client_voor, wereld, "teamleider", "post", url, 400, data)
    assert "kan niet naar" in inhoud(antwoord)


def test_afwijzen_en_heropenen(wereld, client_voor):
    signaal = registreer_signaal(wereld)
    client = client_voor(wereld["teamleider"])
    url = reverse("signalen:signaal_afwijzen", args=[signaal.pk])
    antwoord = client.post(url, _actie_data("signaal_afwijzen", signaal, wereld), follow=True)
    assert "Het signaal is afgewezen." in inhoud(antwoord)
    signaal.refresh_from_db()
    assert signaal.status == SignaalStatus.AFGEWEZEN
    assert "heropenen-reden" in inhoud(antwoord)
    url = reverse("signalen:signaal_heropenen", args=[signaal.pk])
    client.post(url, _actie_data("signaal_heropenen", signaal, wereld))
    signaal.refresh_from_db()
    assert signaal.status == SignaalStatus.NIEUW


@pytest.mark.parametrize(
    "naam,methode",
    [
        ("signaal_detail", "get"),
        ("steun_nieuw", "get"),
        ("steun_nieuw", "post"),
        ("acties:signaal_promoveren", "get"),
        ("acties:signaal_promoveren", "post"),
        ("signaal_doorverwijzen", "post"),
        ("signaal_afwijzen", "post"),
        ("signaal_heropenen", "post"),
    ],
)
def test_signaal_van_ander_team_is_404_voor_elke_view(wereld, client_voor, naam, methode):
    signaal = registreer_signaal(wereld)
    url = reverse(naam if ":" in naam else f"signalen:{naam}", args=[signaal.pk])
    for rol in ("ander_team",):
        controleer(client_voor, wereld, rol, methode, url, 404, {"x": "1"})
    # and a teamleider of team B likewise
    from tests.partners.factories import MedewerkerFactory

    leider_b = MedewerkerFactory(partner=wereld.gemeente, teamleider=True)
    wereld.team_b.leden.add(leider_b)
    wereld.gebruikers["leider_b"] = leider_b
    controleer(client_voor, wereld, "leider_b", methode, url, 404, {"x": "1"})


# --- Contact details ---------------------------------------------------------------------------


@pytest.fixture
def signaal_met_contact(wereld):
    signaal = registreer_signaal(wereld)
    services.steun_registreren(
        signaal=signaal,
        door=wereld["medewerker_gemeente"],
        bewoners=[
            bewoner(
                1,
                toestemming=True,
                contact_naam="Maria Geurts",
                telefoon="0612345678",
                email="maria@example.org",
                wil_terugkoppeling=True,
            )
        ],
        kanaal=Kanaal.DEUR_TOT_DEUR,
    )
    return signaal


@pytest.mark.parametrize("rol,verwacht", per_rol(200, beheerder=403, ander_team=404))
def test_contactgegevens_per_rol_en_elke_inzage_gelogd(
    wereld, client_voor, signaal_met_contact, rol, verwacht
):
    bewoner_pk = signaal_met_contact.steun.get().bewoner_id
    url = reverse("signalen:bewoner_contact", args=[signaal_met_contact.pk, bewoner_pk])
    antwoord = controleer(client_voor, wereld, rol, "get", url, verwacht)
    if verwacht == 200 and rol not in NIET_INGELOGD:
        html = inhoud(antwoord)
        assert "Maria Geurts" in html and "0612345678" in html and "maria@example.org" in html
        assert "no-store" in antwoord["Cache-Control"]
        inzage = ContactInzage.objects.get()
        assert inzage.wie == wereld[rol] and inzage.bewoner_id == bewoner_pk
        assert inzage.pagina == url
        client_voor(wereld[rol]).get(url)
        assert ContactInzage.objects.count() == 2
        assert client_voor(wereld[rol]).post(url).status_code == 405
    else:
        assert not ContactInzage.objects.exists()


def test_contact_van_bewoner_die_het_signaal_niet_steunt_404(wereld, client_voor):
    eerste = registreer_signaal(wereld)
    steun(eerste, wereld["medewerker_gemeente"], [5], toestemming=True, telefoon="0699999999")
    tweede = registreer_signaal(wereld, omschrijving="Hangjongeren")
    bewoner_pk = eerste.steun.get().bewoner_id
    url = reverse("signalen:bewoner_contact", args=[tweede.pk, bewoner_pk])
    controleer(client_voor, wereld, "medewerker_gemeente", "get", url, 404)


def test_contact_van_melder(wereld, client_voor):
    signaal = registreer_signaal(
        wereld, melder=bewoner(3, toestemming=True, contact_naam="Jo", telefoon="0611111111")
    )
    detail = inhoud(
        client_voor(wereld["medewerker_gemeente"]).get(
            reverse("signalen:signaal_detail", args=[signaal.pk])
        )
    )
    assert "0611111111" not in detail and "Contactgegevens bekijken" in detail
    url = reverse("signalen:bewoner_contact", args=[signaal.pk, signaal.melder_id])
    assert "0611111111" in inhoud(client_voor(wereld["medewerker_gemeente"]).get(url))


# --- Query counts ------------------------------------------------------------------------------


def test_signaal_lijst_vast_aantal_queries(wereld, client_voor, django_assert_num_queries):
    registreer_signaal(wereld)
    client = client_voor(wereld["medewerker_politie"])
    url = reverse("signalen:signaal_lijst")
    client.get(url)  # warm the session
    # 1 session, 2 user with their partner (navigation bar), 3 the user's scope (teams and
    # buurten; may they log signals is read from it), 4 buurt choices (with wijk), 5 theme
    # choices, 6 partner choices, 7 the page of signals (one row more, no COUNT) with buurt,
    # subgebied, thema, team and referral partner joined, 8 the map to choose a buurt
    with django_assert_num_queries(8):
        client.get(url)
    for _ in range(9):
        registreer_signaal(wereld)
    with django_assert_num_queries(8):
        antwoord = client.get(url)
    assert inhoud(antwoord).count("/signalen/") >= 10


def test_signaal_detail_vast_aantal_queries(wereld, client_voor, django_assert_num_queries):
    signaal = signaal_met_steun(wereld, 1)
    client = client_voor(wereld["teamleider"])
    url = reverse("signalen:signaal_detail", args=[signaal.pk])
    client.get(url)
    # 1 session, 2 user with their partner (navigation bar), 3 the user's scope (teams and
    # buurten: the access checks need no query), 4 signal with its joins, 5 support rows for
    # the check, 6 support list with resident and staff, 7 active partners (refer form),
    # 8 timeline with who
    with django_assert_num_queries(8):
        client.get(url)
    steun(signaal, wereld["medewerker_trajekt"], range(2, 11), wil_meedoen=True)
    with django_assert_num_queries(8):
        antwoord = client.get(url)
    assert "10 van 3 bewoners" in inhoud(antwoord)


# --- Navigation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rol,zichtbaar,onzichtbaar",
    [
        ("medewerker_politie", ["Signaal registreren", "Verbeterpunten"], ["Triage"]),
        ("teamleider", ["Signaal registreren", "Triage", "Activiteiten"], []),
        ("beheerder", ["Signalen", "Verbeterpunten"], ["Signaal registreren", "Triage"]),
    ],
)
def test_navigatie_per_rol(wereld, client_voor, rol, zichtbaar, onzichtbaar):
    html = inhoud(client_voor(wereld[rol]).get(reverse("signalen:signaal_lijst")))
    for label in zichtbaar:
        assert f">{label}</a>" in html, label
    for label in onzichtbaar:
        assert f">{label}</a>" not in html, label


def test_navigatie_markeert_alleen_het_meest_specifieke_item(wereld, client_voor):
    html = inhoud(client_voor(wereld["medewerker_gemeente"]).get(reverse("signalen:signaal_nieuw")))
    assert html.count('aria-current="page"') == 1
    assert 'href="/signalen/nieuw/" aria-current="page"' in html


def test_registreren_kiest_de_hele_buurt_voor(wereld, client_voor):
    html = inhoud(client_voor(wereld["medewerker_gemeente"]).get(reverse("signalen:signaal_nieuw")))
    assert f'<option value="{hele_buurt(wereld.buurt_a).pk}" selected>' in html
