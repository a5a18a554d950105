"""Points, actions and notes in the admin: read-only, for beheerders (every change goes through
the services, which check the rules and log it)."""

from django.contrib import admin
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from vbt.beheer import AlleenLezen

from .models import Actie, Notitie, Verbeterpunt
from .selectors import zichtbare_notities


@admin.register(Verbeterpunt)
class VerbeterpuntAdmin(AlleenLezen):
    list_display = ["titel", "buurt", "thema", "status", "prioriteit", "aantal_bewoners"]
    list_filter = ["status", "prioriteit", "team", "thema"]
    list_select_related = ["buurt", "thema"]
    search_fields = ["titel", "omschrijving", "buurt__naam"]
    show_full_result_count = False


@admin.register(Notitie)
class NotitieAdmin(AlleenLezen):
    list_display = ["pk", "verbeterpunt", "signaal", "auteur", "partner", "vertrouwelijk"]
    list_filter = ["vertrouwelijk", "partner"]
    list_select_related = ["verbeterpunt", "signaal", "auteur", "partner"]

    def get_queryset(self, request):
        # Confidential notes stay with the author's partner, in the admin too.
        return zichtbare_notities(request.bereik, super().get_queryset(request))


@admin.register(Actie)
class ActieAdmin(admin.ModelAdmin):
    list_display = [
        "pk",
        "korte_omschrijving",
        "verbeterpunt",
        "eigenaar",
        "verantwoordelijke",
        "deadline",
        "status",
    ]
    list_filter = ["status", "eigenaar_bewoners", "eigenaar_partner", "verbeterpunt__team"]
    list_select_related = ["verbeterpunt", "eigenaar_partner", "verantwoordelijke"]
    search_fields = ["omschrijving", "verbeterpunt__titel", "verbeterpunt__buurt__naam"]
    date_hierarchy = "deadline"
    ordering = ["deadline", "pk"]
    readonly_fields = [
        "verbeterpunt",
        "eigenaar_partner",
        "eigenaar_bewoners",
        "trekker",
        "verantwoordelijke",
        "omschrijving",
        "deadline",
        "status",
        "afgerond_op",
        "resultaat",
        "reden",
        "aangemaakt_door",
        "aangemaakt_op",
        "versie",
    ]
    fields = readonly_fields

    @admin.display(description=_("omschrijving"))
    def korte_omschrijving(self, obj):
        return Truncator(obj.omschrijving).chars(60)

    @admin.display(description=_("eigenaar"))
    def eigenaar(self, obj):
        return obj.eigenaar_label

    def _beheerder(self, request) -> bool:
        user = request.user
        return user.is_active and user.is_staff and (user.is_superuser or user.is_beheerder)

    def has_module_permission(self, request):
        return self._beheerder(request)

    def has_view_permission(self, request, obj=None):
        return self._beheerder(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
