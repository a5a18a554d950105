"""The permission matrix (DESIGN §4) over every acties view, every role, GET and POST.

The action under test belongs to the gemeente; its point is team A's, in uitvoering. A refused
POST must change nothing: not the actions, not the point, not the notes, not the event log.
"""

import pytest
from django.urls import reverse

from acties.models import Actie
from signalen import services as signalen_services
from signalen.constants import VerbeterpuntStatus
from signalen.models import Gebeurtenis, Notitie, Verbeterpunt
from tests.acties.helpers import ActieFactory, actie, over, snel_punt
from tests.conftest import ROLLEN

pytestmark = pytest.mark.security

ANDERE_MEDEWERKERS = ["medewerker_trajekt", "medewerker_politie", "medewerker_corporatie"]
TEAMLEDEN = ["medewerker_gemeente", *ANDERE_MEDEWERKERS, "teamleider"]


def _rij(**per_rol):
    """Expected (GET, POST) status per role; anonymous and inactive always go to the login."""
    rij = {"anoniem": (302, 302), "inactief": (302, 302)}
    for rol, codes in per_rol.items():
        for naam in {"andere_medewerkers": ANDERE_MEDEWERKERS, "teamleden": TEAMLEDEN}.get(
            rol, [rol]
        ):
            rij[naam] = codes
    return rij


# 200 shown, 302 done (or redirected to login), 403 forbidden on a visible object,
# 404 outside the scope, 405 wrong method.
VERWACHT = {
    "actie_lijst": _rij(teamleden=(200, 405), beheerder=(200, 405), ander_team=(200, 405)),
    # Everyone gets an export of their own scope (the other team's: empty); exports are GET only.
    "actie_export": _rij(teamleden=(200, 405), beheerder=(200, 405), ander_team=(200, 405)),
    "actie_detail": _rij(teamleden=(200, 405), beheerder=(200, 405), ander_team=(404, 405)),
    "actie_bewerken": _rij(
        medewerker_gemeente=(200, 302),
        andere_medewerkers=(403, 403),
        teamleider=(200, 302),
        beheerder=(403, 403),
        ander_team=(404, 404),
    ),
    "actie_status": _rij(
        medewerker_gemeente=(200, 302),
        andere_medewerkers=(403, 403),
        teamleider=(200, 302),
        beheerder=(403, 403),
        ander_team=(404, 404),
    ),
    # The POST names the gemeente as owner: other partners' staff are refused, not redirected.
    "actie_nieuw": _rij(
        medewerker_gemeente=(200, 302),
        andere_medewerkers=(200, 403),
        teamleider=(200, 302),
        beheerder=(403, 403),
        ander_team=(404, 404),
    ),
    "notitie_nieuw": _rij(teamleden=(405, 302), beheerder=(405, 403), ander_team=(405, 404)),
    "verbeterpunt_afronden": _rij(
        medewerker_gemeente=(405, 403),
        andere_medewerkers=(405, 403),
        teamleider=(405, 302),
        beheerder=(405, 403),
        ander_team=(405, 404),
    ),
}


def test_de_matrix_dekt_elke_view_en_elke_rol():
    from acties.urls import urlpatterns

    assert set(VERWACHT) == {p.name for p in urlpatterns}
    for naam, rij in VERWACHT.items():
        assert set(rij) == set(ROLLEN), naam


@pytest.fixture
def opzet(wereld):
    # The fast path: the matrix runs ~130 times; the service path is tested in test_services.
    punt = snel_punt(wereld, status=VerbeterpuntStatus.IN_UITVOERING)
    a = actie(
        wereld,
        punt,
        door="medewerker_gemeente",
        verantwoordelijke=wereld["medewerker_gemeente"],
        omschrijving="Actie van de gemeente",
    )
    signalen_services.notitie_plaatsen(
        door=wereld["medewerker_politie"],
        verbeterpunt=punt,
        tekst="Vertrouwelijke politie-informatie",
        vertrouwelijk=True,
    )
    return punt, a


def _url_en_data(naam, punt, a, wereld):
    if naam == "actie_lijst":
        return reverse("acties:actie_lijst"), {}
    if naam == "actie_export":
        return reverse("acties:actie_export") + "?formaat=csv", {}
    if naam == "actie_detail":
        return reverse("acties:actie_detail", args=[a.pk]), {}
    if naam == "actie_bewerken":
        return reverse("acties:actie_bewerken", args=[a.pk]), {
            "omschrijving": "Gewijzigd",
            "eigenaar": wereld.gemeente.pk,
            "deadline": over(20).isoformat(),
        }
    if naam == "actie_status":
        return reverse("acties:actie_status", args=[a.pk]), {"naar": "bezig"}
    if naam == "actie_nieuw":
        return reverse("acties:actie_nieuw", args=[punt.pk]), {
            "omschrijving": "Nieuwe actie",
            "eigenaar": wereld.gemeente.pk,
            "deadline": over(10).isoformat(),
        }
    if naam == "notitie_nieuw":
        return reverse("acties:notitie_nieuw", args=[punt.pk]), {"tekst": "Een notitie"}
    if naam == "verbeterpunt_afronden":
        return reverse("acties:verbeterpunt_afronden", args=[punt.pk]), {
            "reden": "Klaar",
            "open_acties_vervallen": "on",
        }
    raise AssertionError(naam)


def _stand():
    return (
        list(Actie.objects.order_by("pk").values()),
        list(Verbeterpunt.objects.order_by("pk").values()),
        list(Notitie.objects.order_by("pk").values()),
        Gebeurtenis.objects.count(),
    )


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("naam", sorted(VERWACHT))
def test_get(wereld, client_voor, opzet, naam, rol):
    punt, a = opzet
    url, _data = _url_en_data(naam, punt, a, wereld)
    voor = _stand()
    antwoord = client_voor(wereld[rol]).get(url)
    assert antwoord.status_code == VERWACHT[naam][rol][0], antwoord.content.decode()[:500]
    if antwoord.status_code == 302:
        assert antwoord["Location"].startswith(reverse("login"))
    assert _stand() == voor, "a GET never changes anything"


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("naam", sorted(VERWACHT))
def test_post(wereld, client_voor, opzet, naam, rol):
    punt, a = opzet
    url, data = _url_en_data(naam, punt, a, wereld)
    voor = _stand()
    antwoord = client_voor(wereld[rol]).post(url, data)
    verwacht = VERWACHT[naam][rol][1]
    assert antwoord.status_code == verwacht, antwoord.content.decode()[:500]
    if rol in ("anoniem", "inactief"):
        assert antwoord["Location"].startswith(reverse("login"))
    if verwacht == 302 and rol not in ("anoniem", "inactief"):
        assert _stand() != voor, "an allowed POST did its work"
    else:
        assert _stand() == voor, "a refused POST changed nothing"


# --- Confidential notes and the other team ---------------------------------------------------


def test_andere_partner_ziet_vertrouwelijke_notitie_nergens(wereld, client_voor, opzet):
    punt, a = opzet
    for rol in ["medewerker_gemeente", "teamleider", "medewerker_trajekt", "beheerder"]:
        client = client_voor(wereld[rol])
        for url in [
            reverse("home"),
            reverse("acties:actie_lijst"),
            reverse("acties:actie_detail", args=[a.pk]),
        ]:
            assert "Vertrouwelijke politie-informatie" not in client.get(url).content.decode()
        # the page after a failed note shows the notes list: still without it
        antwoord = client.post(reverse("acties:notitie_nieuw", args=[punt.pk]), {"tekst": ""})
        assert "Vertrouwelijke politie-informatie" not in antwoord.content.decode()


def test_notitie_van_politie_niet_te_wijzigen_via_acties(wereld, client_voor, opzet):
    """There is no edit view for notes: posting a note adds one and never touches another."""
    punt, _a = opzet
    notitie = Notitie.objects.get()
    client_voor(wereld["medewerker_gemeente"]).post(
        reverse("acties:notitie_nieuw", args=[punt.pk]),
        {"tekst": "Overschreven", "pk": notitie.pk, "id": notitie.pk},
    )
    notitie.refresh_from_db()
    assert notitie.tekst == "Vertrouwelijke politie-informatie"
    assert Notitie.objects.count() == 2


def test_ander_team_bereikt_niets_via_lijst_filters_detail_of_beheer(wereld, client_voor, opzet):
    punt, a = opzet
    client = client_voor(wereld["ander_team"])
    lijst = client.get(reverse("acties:actie_lijst")).content.decode()
    assert "Actie van de gemeente" not in lijst
    for filter_ in [
        {"verbeterpunt": punt.pk},
        {"buurt": wereld.buurt_a.pk},
        {"eigenaar_partner": wereld.gemeente.pk},
        {"verantwoordelijke": wereld["medewerker_gemeente"].pk},
        {"te_laat": "false", "status": "lopend"},
    ]:
        inhoud = client.get(reverse("acties:actie_lijst"), filter_).content.decode()
        assert "Actie van de gemeente" not in inhoud, filter_
    assert client.get(reverse("acties:actie_detail", args=[a.pk])).status_code == 404
    beheer = client.get(reverse("admin:acties_actie_changelist"))
    assert beheer.status_code == 302 and beheer["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("rol", [*TEAMLEDEN, "ander_team"])
def test_alleen_beheerder_in_het_actiebeheer(wereld, client_voor, opzet, rol):
    _punt, a = opzet
    antwoord = client_voor(wereld[rol]).get(reverse("admin:acties_actie_change", args=[a.pk]))
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("admin:login"))


def test_beheerder_leest_acties_in_het_beheer_maar_wijzigt_niets(wereld, client_voor, opzet):
    _punt, a = opzet
    client = client_voor(wereld["beheerder"])
    lijst = client.get(reverse("admin:acties_actie_changelist"), {"q": "gemeente"})
    assert lijst.status_code == 200
    assert "Actie van de gemeente" in lijst.content.decode()
    assert client.get(reverse("admin:acties_actie_change", args=[a.pk])).status_code == 200
    assert client.get(reverse("admin:acties_actie_add")).status_code == 403
    voor = _stand()
    antwoord = client.post(
        reverse("admin:acties_actie_change", args=[a.pk]), {"omschrijving": "Via beheer"}
    )
    assert antwoord.status_code == 403
    assert (
        client.post(reverse("admin:acties_actie_delete", args=[a.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert _stand() == voor


def test_actiebeheer_vast_aantal_queries(wereld, client_voor, opzet):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_voor(wereld["beheerder"])
    url = reverse("admin:acties_actie_changelist")
    client.get(url)
    with CaptureQueriesContext(connection) as weinig:
        client.get(url)
    for _ in range(9):
        punt = snel_punt(wereld)
        ActieFactory(
            verbeterpunt=punt,
            eigenaar_partner=wereld.politie,
            verantwoordelijke=wereld["medewerker_politie"],
        )
    with CaptureQueriesContext(connection) as veel:
        client.get(url)
    assert len(veel) == len(weinig)
