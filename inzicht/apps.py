from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InzichtConfig(AppConfig):
    name = "inzicht"
    verbose_name = _("Inzicht")
