"""Admin for the organisations' report templates and the rounds' quote choices."""

from __future__ import annotations

from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from klyngeradar.web.reports.models import QuoteChoice, ReportTemplate


@admin.register(ReportTemplate)
class ReportTemplateAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    list_display = ["name", "organisation", "uploaded_by", "uploaded_at"]
    list_filter = ["organisation"]


@admin.register(QuoteChoice)
class QuoteChoiceAdmin(SimpleHistoryAdmin):
    list_display = ["round", "chosen_by", "chosen_at"]
