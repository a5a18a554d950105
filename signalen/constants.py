from django.db import models
from django.utils.translation import gettext_lazy as _


class ActiviteitSoort(models.TextChoices):
    STRAATHOEKBIJEENKOMST = "straathoekbijeenkomst", _("Straathoekbijeenkomst")
    DEUR_TOT_DEUR = "deur_tot_deur", _("Deur-tot-deur")
    VRAGENLIJST = "vragenlijst", _("Vragenlijst")
    BUURTBIJEENKOMST = "buurtbijeenkomst", _("Buurtbijeenkomst")
    BUURTSCHOUW = "buurtschouw", _("Buurtschouw")
    SPREEKUUR = "spreekuur", _("Spreekuur")
    ANDERS = "anders", _("Anders")


# How a signal or support reached the team: every kind of outreach activity, plus telephone and
# e-mail. Built from ActiviteitSoort so the two lists cannot drift apart.
Kanaal = models.TextChoices(
    "Kanaal",
    [(lid.name, (lid.value, lid.label)) for lid in ActiviteitSoort if lid != ActiviteitSoort.ANDERS]
    + [
        ("TELEFOON", ("telefoon", _("Telefoon"))),
        ("EMAIL", ("email", _("E-mail"))),
        ("ANDERS", (ActiviteitSoort.ANDERS.value, ActiviteitSoort.ANDERS.label)),
    ],
)


class SignaalStatus(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    DRAAGVLAK_BEREIKT = "draagvlak_bereikt", _("Draagvlak bereikt")
    VERBETERPUNT = "verbeterpunt", _("Verbeterpunt")
    DOORVERWEZEN = "doorverwezen", _("Doorverwezen")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    VERLOPEN = "verlopen", _("Verlopen")


class VerbeterpuntStatus(models.TextChoices):
    VASTGESTELD = "vastgesteld", _("Vastgesteld")
    PLAN_VAN_AANPAK = "plan_van_aanpak", _("Plan van aanpak")
    IN_UITVOERING = "in_uitvoering", _("In uitvoering")
    AFGEROND = "afgerond", _("Afgerond")
    GESTAAKT = "gestaakt", _("Gestaakt")


class Prioriteit(models.TextChoices):
    LAAG = "laag", _("Laag")
    NORMAAL = "normaal", _("Normaal")
    HOOG = "hoog", _("Hoog")


class GebeurtenisSoort(models.TextChoices):
    SIGNAAL_GEREGISTREERD = "signaal_geregistreerd", _("Signaal geregistreerd")
    STEUN_GEREGISTREERD = "steun_geregistreerd", _("Steun geregistreerd")
    STEUN_INGETROKKEN = "steun_ingetrokken", _("Steun ingetrokken")
    DRAAGVLAK_BEREIKT = "draagvlak_bereikt", _("Draagvlak bereikt")
    HERBEOORDELEN = "herbeoordelen", _("Steun gedaald onder de drempel: herbeoordelen")
    SIGNAAL_DOORVERWEZEN = "signaal_doorverwezen", _("Signaal doorverwezen")
    SIGNAAL_AFGEWEZEN = "signaal_afgewezen", _("Signaal afgewezen")
    SIGNAAL_HEROPEND = "signaal_heropend", _("Signaal heropend")
    SIGNAAL_VERLOPEN = "signaal_verlopen", _("Signaal verlopen")
    SIGNAAL_GEPROMOVEERD = "signaal_gepromoveerd", _("Signaal verbeterpunt geworden")
    VERBETERPUNT_AANGEMAAKT = "verbeterpunt_aangemaakt", _("Verbeterpunt aangemaakt")
    SIGNAAL_GEKOPPELD = "signaal_gekoppeld", _("Signaal gekoppeld aan verbeterpunt")
    VERBETERPUNT_STATUS = "verbeterpunt_status", _("Status verbeterpunt gewijzigd")
    ACTIVITEIT_GEREGISTREERD = "activiteit_geregistreerd", _("Activiteit geregistreerd")
    ACTIE_AANGEMAAKT = "actie_aangemaakt", _("Actie aangemaakt")
    ACTIE_BIJGEWERKT = "actie_bijgewerkt", _("Actie bijgewerkt")
    ACTIE_STATUS = "actie_status", _("Status actie gewijzigd")
    NOTITIE_GEPLAATST = "notitie_geplaatst", _("Notitie geplaatst")


S = SignaalStatus
V = VerbeterpuntStatus

# Allowed transitions, one table each (DESIGN §3). The services refuse anything else.
SIGNAAL_OVERGANGEN: dict[str, frozenset[str]] = {
    S.NIEUW: frozenset({S.DRAAGVLAK_BEREIKT, S.DOORVERWEZEN, S.AFGEWEZEN, S.VERLOPEN}),
    S.DRAAGVLAK_BEREIKT: frozenset({S.VERBETERPUNT, S.DOORVERWEZEN, S.AFGEWEZEN, S.VERLOPEN}),
    S.VERBETERPUNT: frozenset(),
    S.DOORVERWEZEN: frozenset(),
    S.AFGEWEZEN: frozenset({S.NIEUW}),
    S.VERLOPEN: frozenset({S.NIEUW}),
}
SIGNAAL_OPEN = frozenset({S.NIEUW, S.DRAAGVLAK_BEREIKT})

VERBETERPUNT_OVERGANGEN: dict[str, frozenset[str]] = {
    V.VASTGESTELD: frozenset({V.PLAN_VAN_AANPAK, V.GESTAAKT}),
    V.PLAN_VAN_AANPAK: frozenset({V.IN_UITVOERING, V.GESTAAKT}),
    V.IN_UITVOERING: frozenset({V.AFGEROND, V.GESTAAKT}),
    V.AFGEROND: frozenset({V.PLAN_VAN_AANPAK}),
    V.GESTAAKT: frozenset({V.PLAN_VAN_AANPAK}),
}
VERBETERPUNT_OPEN = frozenset({V.VASTGESTELD, V.PLAN_VAN_AANPAK, V.IN_UITVOERING})
VERBETERPUNT_GESLOTEN = frozenset({V.AFGEROND, V.GESTAAKT})


def reden_verplicht_voor_verbeterpunt(van: str, naar: str) -> bool:
    """Stopping or reopening a point needs a reason."""
    return naar == V.GESTAAKT or van in VERBETERPUNT_GESLOTEN
