"""Admin for the organisations' report templates, the rounds' quotes and own slide titles."""

from __future__ import annotations

from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from klyngeradar.web.reports.models import QuoteChoice, ReportTemplate, SlideTitles


@admin.register(ReportTemplate)
class ReportTemplateAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    list_display = ["name", "organisation", "uploaded_by", "uploaded_at"]
    list_filter = ["organisation"]


@admin.register(QuoteChoice)
class QuoteChoiceAdmin(SimpleHistoryAdmin):
    list_display = ["round", "chosen_by", "chosen_at"]


@admin.register(SlideTitles)
class SlideTitlesAdmin(SimpleHistoryAdmin):
    list_display = ["round", "written_by", "written_at"]
