"""The timeline names a point's new status (Gebeurtenis.naar_label), without a query."""

from signalen.constants import GebeurtenisSoort, VerbeterpuntStatus
from signalen.models import Gebeurtenis


def test_statuswijziging_van_verbeterpunt_noemt_de_nieuwe_status():
    gebeurtenis = Gebeurtenis(
        wat=GebeurtenisSoort.VERBETERPUNT_STATUS,
        details={"van": VerbeterpuntStatus.PLAN_VAN_AANPAK, "naar": "in_uitvoering"},
    )
    assert gebeurtenis.naar_label == "In uitvoering"


def test_andere_gebeurtenissen_noemen_geen_status():
    steun = Gebeurtenis(wat=GebeurtenisSoort.STEUN_GEREGISTREERD, details={"naar": "afgerond"})
    zonder = Gebeurtenis(wat=GebeurtenisSoort.VERBETERPUNT_STATUS, details={})
    onbekend = Gebeurtenis(wat=GebeurtenisSoort.VERBETERPUNT_STATUS, details={"naar": "weg"})
    assert steun.naar_label == zonder.naar_label == onbekend.naar_label == ""
