from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActiesConfig(AppConfig):
    name = "acties"
    verbose_name = _("Acties")

    def ready(self):
        # signalen cannot import acties (apps depend only leftwards): hook our check in.
        from signalen.services import AFRONDEN_CONTROLES

        from .services import geen_open_acties

        if geen_open_acties not in AFRONDEN_CONTROLES:
            AFRONDEN_CONTROLES.append(geen_open_acties)
