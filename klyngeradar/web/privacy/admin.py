from django.contrib import admin

from klyngeradar.web.privacy.models import AnonymisedRound, DownloadLog, RetentionPolicy


@admin.register(RetentionPolicy)
class RetentionPolicyAdmin(admin.ModelAdmin):
    list_display = ["organisation", "days_after_close"]


@admin.register(AnonymisedRound)
class AnonymisedRoundAdmin(admin.ModelAdmin):
    list_display = ["round", "anonymised_at", "invitations", "reminders"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DownloadLog)
class DownloadLogAdmin(admin.ModelAdmin):
    """Read-only for administrators: nobody edits the log."""

    list_display = ["at", "username", "filename", "path", "via_api"]
    list_filter = ["via_api"]
    search_fields = ["username", "filename", "path"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
