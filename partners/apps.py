from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners en medewerkers")

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

        from . import beveiliging
        from .models import Medewerker
        from .rechten import beheerders_groep_bijwerken

        # Permissions are created per app after migrate; running after every app (cheap and
        # idempotent) means the last run sees them all.
        post_migrate.connect(beheerders_groep_bijwerken, dispatch_uid="beheerders")

        user_logged_in.connect(beveiliging.bij_inloggen, dispatch_uid="vbt_inloggen")
        user_login_failed.connect(beveiliging.bij_mislukt_inloggen, dispatch_uid="vbt_mislukt")
        user_logged_out.connect(beveiliging.bij_uitloggen, dispatch_uid="vbt_uitloggen")
        user_locked_out.connect(beveiliging.bij_blokkade, dispatch_uid="vbt_blokkade")
        pre_save.connect(
            beveiliging.onthoud_was_actief, sender=Medewerker, dispatch_uid="vbt_was_actief"
        )
        post_save.connect(
            beveiliging.bij_deactiveren, sender=Medewerker, dispatch_uid="vbt_deactiveren"
        )
