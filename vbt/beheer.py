"""Admin pieces the apps share."""

from django.contrib import admin


class AlleenLezen(admin.ModelAdmin):
    """Read-only: every change goes through the services, which check the rules and log it."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
