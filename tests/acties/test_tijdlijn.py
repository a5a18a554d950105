"""The timeline names a point's new status (acties.selectors.met_nieuwe_status), without a query."""

from acties.constants import VerbeterpuntStatus
from acties.selectors import met_nieuwe_status
from signalen.constants import GebeurtenisSoort
from signalen.models import Gebeurtenis


def test_statuswijziging_van_verbeterpunt_noemt_de_nieuwe_status():
    gebeurtenis = Gebeurtenis(
        wat=GebeurtenisSoort.VERBETERPUNT_STATUS,
        details={"van": VerbeterpuntStatus.PLAN_VAN_AANPAK, "naar": "in_uitvoering"},
    )
    assert met_nieuwe_status([gebeurtenis])[0].naar_label == "In uitvoering"


def test_andere_gebeurtenissen_noemen_geen_status():
    steun = Gebeurtenis(wat=GebeurtenisSoort.STEUN_GEREGISTREERD, details={"naar": "afgerond"})
    zonder = Gebeurtenis(wat=GebeurtenisSoort.VERBETERPUNT_STATUS, details={})
    onbekend = Gebeurtenis(wat=GebeurtenisSoort.VERBETERPUNT_STATUS, details={"naar": "weg"})
    labels = [g.naar_label for g in met_nieuwe_status([steun, zonder, onbekend])]
    assert labels == ["", "", ""]
