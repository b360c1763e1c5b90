"""Admin for rounds, invitations and responses; the token hash is never editable."""

from __future__ import annotations

from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from klyngeradar.web.surveys.models import Invitation, Reminder, Response, Round


@admin.register(Round)
class RoundAdmin(ObjectPermissionsModelAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "organisation", "region", "deadline", "status"]
    list_filter = ["status", "organisation"]
    search_fields = ["title"]


@admin.register(Invitation)
class InvitationAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    list_display = ["cluster", "round", "created_at", "opened_at", "revoked_at"]
    list_filter = ["round"]
    readonly_fields = ["token_hash", "opened_at", "last_seen_at"]


@admin.register(Response)
class ResponseAdmin(ObjectPermissionsModelAdminMixin, SimpleHistoryAdmin):
    list_display = ["cluster", "round", "status", "updated_at", "submitted_at"]
    list_filter = ["round", "status"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["invitation", "day", "sent_at"]
