"""The map on the start page (the user's teams' buurten with their open signals) and as a
filter on the signal list (a click narrows to the buurt, the other filters stay)."""

from django.urls import reverse

from signalen.constants import SignaalStatus
from tests.buurten.geojson import polygoon, vierkant
from tests.buurten.kaarthulp import kaarttabel, vlakken
from tests.signalen.factories import SignaalFactory


def _met_grenzen(*buurten):
    from buurten.models import Buurtgrens

    for nummer, buurt in enumerate(buurten):
        buurt.cbs_code = f"BU0935{nummer:04d}"
        buurt.save()
        Buurtgrens.objects.create(
            buurt=buurt, geometrie=polygoon(vierkant(5.69 + nummer / 100, 50.85))
        )


def test_startpagina_toont_eigen_buurten_met_open_signalen(wereld, client_voor):
    _met_grenzen(wereld.buurt_a, wereld.buurt_b)
    for _ in range(2):
        SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a)
    SignaalFactory(team=wereld.team_a, buurt=wereld.buurt_a, status=SignaalStatus.AFGEWEZEN)
    SignaalFactory(team=wereld.team_b, buurt=wereld.buurt_b)
    html = client_voor(wereld["medewerker_gemeente"]).get(reverse("home")).content.decode()
    (eigen,) = vlakken(html)  # only team A's buurt is a link; team B's stays grey, unnamed
    assert eigen.naam == wereld.buurt_a.naam
    lijst = reverse("signalen:signaal_lijst")
    assert eigen.href == f"{lijst}?buurt={wereld.buurt_a.pk}&status=open"
    assert [wereld.buurt_a.naam, "2"] in kaarttabel(html)  # open signals only
    assert wereld.buurt_b.naam not in html


def test_signalenlijst_kiest_een_buurt_op_de_kaart_en_houdt_de_filters(wereld, client_voor):
    _met_grenzen(wereld.buurt_a, wereld.buurt_b)
    client = client_voor(wereld["teamleider"])
    url = reverse("signalen:signaal_lijst")
    html = client.get(url, {"status": "open", "pagina": "2", "sortering": "-steun"}).content
    (buurt,) = vlakken(html.decode())
    assert buurt.href.startswith("?")
    gekozen = dict(deel.split("=") for deel in buurt.href[1:].split("&"))
    assert gekozen == {"status": "open", "sortering": "-steun", "buurt": str(wereld.buurt_a.pk)}
    gefilterd = client.get(url + buurt.href)
    assert gefilterd.status_code == 200
    assert vlakken(gefilterd.content.decode())[0].current  # the chosen buurt is marked
