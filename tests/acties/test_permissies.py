"""Access to points, actions and notes beyond the permission matrix (tests/test_rechtenmatrix.py
walks every URL for every role): confidential notes, the other team, the admin.

The action under test belongs to the gemeente; its point is team A's, in uitvoering. A refused
POST must change nothing: not the actions, not the point, not the notes, not the event log.
"""

import pytest
from django.urls import reverse

from acties import services as punt_services
from acties.constants import VerbeterpuntStatus
from acties.models import Actie, Notitie, Verbeterpunt
from signalen.models import Gebeurtenis
from tests.acties.helpers import ActieFactory, actie, snel_punt

pytestmark = pytest.mark.security

ANDERE_MEDEWERKERS = ["medewerker_trajekt", "medewerker_politie", "medewerker_corporatie"]
TEAMLEDEN = ["medewerker_gemeente", *ANDERE_MEDEWERKERS, "teamleider"]


@pytest.fixture
def opzet(wereld):
    # The fast path; the service path is tested in test_services.
    punt = snel_punt(wereld, status=VerbeterpuntStatus.IN_UITVOERING)
    a = actie(
        wereld,
        punt,
        door="medewerker_gemeente",
        verantwoordelijke=wereld["medewerker_gemeente"],
        omschrijving="Actie van de gemeente",
    )
    punt_services.notitie_plaatsen(
        door=wereld["medewerker_politie"],
        verbeterpunt=punt,
        tekst="Vertrouwelijke politie-informatie",
        vertrouwelijk=True,
    )
    return punt, a


def _stand():
    return (
        list(Actie.objects.order_by("pk").values()),
        list(Verbeterpunt.objects.order_by("pk").values()),
        list(Notitie.objects.order_by("pk").values()),
        Gebeurtenis.objects.count(),
    )


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
