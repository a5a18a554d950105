from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners en medewerkers")

    def ready(self):
        from .rechten import beheerders_groep_bijwerken

        # Permissions are created per app after migrate; running after every app (cheap and
        # idempotent) means the last run sees them all.
        post_migrate.connect(beheerders_groep_bijwerken, dispatch_uid="beheerders")
