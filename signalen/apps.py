from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalenConfig(AppConfig):
    name = "signalen"
    verbose_name = _("Signalen en verbeterpunten")
