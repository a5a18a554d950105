from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Residents' personal data across every app (AVG): retention, inzage and erasure. It reads
    the apps to its left; nothing depends on it."""

    name = "privacy"
    verbose_name = _("Privacy (AVG)")
