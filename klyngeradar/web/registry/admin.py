"""Admin for the registry: everything can be added and edited; unverified facts stand out."""

from __future__ import annotations

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from rules.contrib.admin import ObjectPermissionsModelAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from klyngeradar.web.registry.models import (
    Actor,
    Area,
    Cluster,
    Designation,
    Lineage,
    Municipality,
    Programme,
    Region,
)


@admin.display(description=_("verificeret"))
def verification(obj) -> str:
    unverified = getattr(obj, "unverified_fields", None) or []
    if obj.verified and not unverified:
        return format_html('<span title="{}">✓</span>', _("verificeret"))
    detail = ", ".join(unverified)
    label = _("ikke verificeret")
    return format_html("<strong>{}</strong> {}", label, detail)


class RegistryAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", verification]
    list_filter = ["verified"]


@admin.register(Region)
class RegionAdmin(RegistryAdmin):
    list_display = ["code", "name", verification]
    search_fields = ["code", "name"]


@admin.register(Municipality)
class MunicipalityAdmin(RegistryAdmin):
    list_display = ["code", "name", "region", verification]
    list_filter = ["region", "verified"]
    search_fields = ["code", "name"]


@admin.register(Area)
class AreaAdmin(RegistryAdmin):
    list_display = ["name", "slug", "emerging", verification]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Programme)
class ProgrammeAdmin(ObjectPermissionsModelAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "start", "end", "cluster_count", verification]
    list_filter = ["verified"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Designation)
class DesignationAdmin(ObjectPermissionsModelAdminMixin, SimpleHistoryAdmin):
    list_display = ["cluster", "programme", "status", "period_from", "period_to", verification]
    list_filter = ["programme", "status", "verified"]
    search_fields = ["cluster__name", "cluster__slug"]
    autocomplete_fields = ["cluster"]


@admin.register(Lineage)
class LineageAdmin(ObjectPermissionsModelAdminMixin, SimpleHistoryAdmin):
    list_display = ["cluster", "kind", "successor", "day", verification]
    list_filter = ["kind", "verified"]
    autocomplete_fields = ["cluster", "successor"]


@admin.register(Cluster)
class ClusterAdmin(ObjectPermissionsModelAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "area", "seat_municipality", "programme", verification, "fictitious"]
    list_filter = ["programme", "area", "verified", "fictitious"]
    search_fields = ["name", "slug", "cvr"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["seat_municipality", "area"]
    fieldsets = [
        (
            None,
            {"fields": ["name", "slug", "programme", "area", "seat_municipality", "fictitious"]},
        ),
        (_("Kontakt"), {"fields": ["website", "cvr"]}),
        (
            _("Tal"),
            {
                "fields": [
                    "staff",
                    "members",
                    "budget_dkk",
                    "grant_dkk",
                    "figures_year",
                    "board_size",
                    "chair_from_business",
                    "maturity_note",
                    "maturity_note_en",
                    "note",
                    "note_en",
                ]
            },
        ),
        (_("Kilde"), {"fields": ["source", "source_en", "verified", "unverified_fields"]}),
        (_("Gyldighed"), {"fields": ["valid_from", "valid_to"]}),
    ]


@admin.register(Actor)
class ActorAdmin(ObjectPermissionsModelAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "kind", "region", verification]
    list_filter = ["kind", "region", "verified"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
