from django.contrib import admin, messages
from django.db.models import Count, Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from .constants import SubgebiedSoort
from .models import Buurt, Buurtgrens, Initiatief, Subgebied, Team, Wijk


@admin.register(Wijk)
class WijkAdmin(admin.ModelAdmin):
    list_display = ["naam", "cbs_code", "aantal_buurten"]
    search_fields = ["naam", "cbs_code"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_aantal_buurten=Count("buurten"))

    @admin.display(description=_("buurten"), ordering="_aantal_buurten")
    def aantal_buurten(self, obj):
        return obj._aantal_buurten


class SubgebiedInline(admin.TabularInline):
    model = Subgebied
    extra = 0
    fields = ["naam", "soort"]
    # Street subgebieden are deleted in their own admin, which protects "hele buurt".
    can_delete = False


@admin.register(Buurt)
class BuurtAdmin(admin.ModelAdmin):
    list_display = ["naam", "cbs_code", "wijk", "inwoners", "heeft_grens"]
    list_filter = ["wijk"]
    list_select_related = ["wijk"]
    search_fields = ["naam", "cbs_code", "wijk__naam"]
    readonly_fields = ["grens_op_de_kaart"]
    inlines = [SubgebiedInline]

    def get_queryset(self, request):
        grens = Buurtgrens.objects.filter(buurt=OuterRef("pk"))
        return super().get_queryset(request).annotate(_heeft_grens=Exists(grens))

    @admin.display(description=_("grens"), boolean=True, ordering="_heeft_grens")
    def heeft_grens(self, obj):
        return obj._heeft_grens

    @admin.display(description=_("grens op de kaart"))
    def grens_op_de_kaart(self, obj):
        # Boundaries come from a GeoJSON file, checked as a whole, not from a form field.
        if obj.pk and obj._heeft_grens:
            return _("Geladen. Vervangen: manage.py importeer_buurtgrenzen BESTAND.geojson")
        return _("Nog geen grens. Laden: manage.py importeer_buurtgrenzen BESTAND.geojson")


@admin.register(Subgebied)
class SubgebiedAdmin(admin.ModelAdmin):
    list_display = ["naam", "buurt", "soort"]
    list_filter = ["soort", "buurt__wijk"]
    list_select_related = ["buurt"]
    search_fields = ["naam", "buurt__naam"]
    autocomplete_fields = ["buurt"]

    def has_delete_permission(self, request, obj=None):
        # The "hele buurt" subgebied lives and dies with its buurt.
        if obj is not None and obj.is_hele_buurt:
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        overgeslagen = queryset.filter(soort=SubgebiedSoort.HELE_BUURT).count()
        if overgeslagen:
            self.message_user(
                request,
                _("Subgebieden 'hele buurt' worden niet verwijderd."),
                messages.WARNING,
            )
        queryset.exclude(soort=SubgebiedSoort.HELE_BUURT).delete()


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["naam", "steundrempel", "termijn_weken", "aantal_buurten", "aantal_leden"]
    search_fields = ["naam", "buurten__naam"]
    filter_horizontal = ["buurten", "leden"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _aantal_buurten=Count("buurten", distinct=True),
                _aantal_leden=Count("leden", distinct=True),
            )
        )

    @admin.display(description=_("buurten"), ordering="_aantal_buurten")
    def aantal_buurten(self, obj):
        return obj._aantal_buurten

    @admin.display(description=_("leden"), ordering="_aantal_leden")
    def aantal_leden(self, obj):
        return obj._aantal_leden


@admin.register(Initiatief)
class InitiatiefAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort", "buurt"]
    list_filter = ["soort", "buurt__wijk"]
    list_select_related = ["buurt"]
    search_fields = ["naam", "buurt__naam"]
    autocomplete_fields = ["buurt"]
