"""Admin for beheerders: themes are managed here; signals, activities and logs are read-only,
because every change to them goes through the services that log it. Residents' requests (inzage,
erasure) are in privacy.admin."""

from django.contrib import admin

from vbt.beheer import AlleenLezen

from .models import Activiteit, ContactInzage, Gebeurtenis, Signaal, Steun, Thema


@admin.register(Thema)
class ThemaAdmin(admin.ModelAdmin):
    list_display = ["naam", "standaard_primaire_partner", "actief"]
    list_filter = ["actief", "standaard_primaire_partner"]
    list_select_related = ["standaard_primaire_partner"]
    search_fields = ["naam", "omschrijving"]


class SteunInline(admin.TabularInline):
    model = Steun
    fields = ["kanaal", "datum", "wil_meedoen", "geregistreerd_door", "ingetrokken_op"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("geregistreerd_door")


@admin.register(Signaal)
class SignaalAdmin(AlleenLezen):
    list_display = ["pk", "buurt", "thema", "status", "aantal_bewoners", "geregistreerd_op"]
    list_filter = ["status", "team", "thema", "kanaal", "herbeoordelen"]
    list_select_related = ["buurt", "thema"]
    search_fields = ["omschrijving", "buurt__naam"]
    date_hierarchy = "geregistreerd_op"
    show_full_result_count = False  # an exact COUNT on a large table costs more than it helps
    exclude = ["melder"]
    inlines = [SteunInline]


@admin.register(Activiteit)
class ActiviteitAdmin(AlleenLezen):
    list_display = ["soort", "subgebied", "team", "datum", "aantal_deelnemers"]
    list_filter = ["soort", "team"]
    list_select_related = ["subgebied__buurt", "team"]
    date_hierarchy = "datum"


@admin.register(Gebeurtenis)
class GebeurtenisAdmin(AlleenLezen):
    list_display = ["wanneer", "wat", "wie", "signaal", "verbeterpunt", "actie"]
    list_filter = ["wat"]
    list_select_related = ["wie", "signaal", "verbeterpunt", "actie"]
    date_hierarchy = "wanneer"
    show_full_result_count = False


@admin.register(ContactInzage)
class ContactInzageAdmin(AlleenLezen):
    """Who looked at which resident's contact details: readable by beheerders, editable by
    nobody."""

    list_display = ["wanneer", "wie", "bewoner", "pagina", "reden"]
    list_filter = ["wie"]
    list_select_related = ["wie", "bewoner"]
    date_hierarchy = "wanneer"
