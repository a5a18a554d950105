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
# Closed without becoming a point (a teamleider may reopen the declined and expired ones).
SIGNAAL_GESLOTEN = frozenset({S.DOORVERWEZEN, S.AFGEWEZEN, S.VERLOPEN})
