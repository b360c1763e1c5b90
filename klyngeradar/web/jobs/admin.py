from django.contrib import admin

from klyngeradar.web.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "status", "organisation", "created", "finished")
    list_filter = ("kind", "status")
    readonly_fields = ("done", "total", "step", "outcome", "created", "started", "finished")
