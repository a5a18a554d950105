from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActiesConfig(AppConfig):
    name = "acties"
    verbose_name = _("Acties")

    def ready(self):
        # signalen cannot import acties (apps depend only leftwards): hook our parts in.
        from signalen.filters import PUNTEN_MET_TE_LATE_ACTIES
        from signalen.services import AFRONDEN_CONTROLES

        from .selectors import punten_met_te_late_acties
        from .services import geen_open_acties

        if geen_open_acties not in AFRONDEN_CONTROLES:
            AFRONDEN_CONTROLES.append(geen_open_acties)
        if punten_met_te_late_acties not in PUNTEN_MET_TE_LATE_ACTIES:
            PUNTEN_MET_TE_LATE_ACTIES.append(punten_met_te_late_acties)
