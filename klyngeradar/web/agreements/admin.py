"""Admin for agreements: agreements with their parts inline, imports, municipal access."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from klyngeradar.web.agreements.models import (
    Agreement,
    AgreementDocument,
    CoFinancing,
    CompanyFiguresImport,
    CoordinationMeeting,
    Deliverable,
    FollowUp,
    Kpi,
    MunicipalAccess,
    ParticipationImport,
)


class CoFinancingInline(admin.TabularInline):
    model = CoFinancing
    extra = 0


class DeliverableInline(admin.TabularInline):
    model = Deliverable
    extra = 0


class MeetingInline(admin.TabularInline):
    model = CoordinationMeeting
    extra = 0


class DocumentInline(admin.TabularInline):
    model = AgreementDocument
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ["title", "cluster", "kind", "status", "start", "end", "organisation"]
    list_filter = ["status", "kind", "organisation"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["actors", "municipalities"]
    inlines = [CoFinancingInline, DeliverableInline, MeetingInline, DocumentInline]


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    exclude = ["recorded_by"]


@admin.register(Kpi)
class KpiAdmin(SimpleHistoryAdmin):
    list_display = ["definition", "agreement", "unit", "catalogue_key"]
    list_filter = ["catalogue_key"]
    inlines = [FollowUpInline]


@admin.register(ParticipationImport)
class ParticipationImportAdmin(admin.ModelAdmin):
    list_display = ["filename", "organisation", "imported", "imported_by"]


@admin.register(CompanyFiguresImport)
class CompanyFiguresImportAdmin(admin.ModelAdmin):
    list_display = ["filename", "organisation", "imported", "imported_by"]


@admin.register(MunicipalAccess)
class MunicipalAccessAdmin(admin.ModelAdmin):
    list_display = ["user", "municipality"]
    autocomplete_fields = ["municipality"]
