from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Medewerker, Partner
from .services import medewerker_rechten_bijwerken

admin.site.site_header = _("VBT casusregistratie – beheer")
admin.site.site_title = _("VBT beheer")
admin.site.index_title = _("Beheer")


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort", "actief"]
    list_filter = ["soort", "actief"]
    search_fields = ["naam"]


@admin.register(Medewerker)
class MedewerkerAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "partner", "rol", "is_active"]
    list_filter = ["partner", "rol", "is_active"]
    list_select_related = ["partner"]
    search_fields = ["username", "first_name", "last_name", "email"]
    ordering = ["username"]
    # Access follows from partner and role (DESIGN §4); groups and loose permissions are derived,
    # so they are not edited here. Password reset goes through UserAdmin's own form.
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Persoonlijk"), {"fields": ["first_name", "last_name", "email"]}),
        (_("Organisatie"), {"fields": ["partner", "rol", "is_active"]}),
        (_("Data"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["username", "partner", "rol", "password1", "password2"],
            },
        ),
    ]
    readonly_fields = ["last_login", "date_joined"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "partner":
            kwargs["required"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        medewerker_rechten_bijwerken(medewerker=form.instance)
