"""Admin for the organisations' report templates, and the rounds' report inputs (read-only).

Quotes, own slide titles and next steps are written on the round's "Rapporter"
page; the admin shows them to administrators and changes none of them.
"""

from __future__ import annotations

from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdminMixin

from klyngeradar.web.readonly_admin import ReadOnlyRoundRecordAdmin
from klyngeradar.web.reports.models import NextStep, QuoteChoice, ReportTemplate, SlideTitles


@admin.register(ReportTemplate)
class ReportTemplateAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    list_display = ["name", "organisation", "uploaded_by", "uploaded_at"]
    list_filter = ["organisation"]


@admin.register(QuoteChoice)
class QuoteChoiceAdmin(ReadOnlyRoundRecordAdmin):
    list_display = ["round", "chosen_by", "chosen_at"]


@admin.register(SlideTitles)
class SlideTitlesAdmin(ReadOnlyRoundRecordAdmin):
    list_display = ["round", "written_by", "written_at"]


@admin.register(NextStep)
class NextStepAdmin(ReadOnlyRoundRecordAdmin):
    list_display = ["round", "position", "text", "owner", "due", "budget", "written_by"]
    list_filter = ["round"]
