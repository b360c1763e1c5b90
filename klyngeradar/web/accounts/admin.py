from django.contrib import admin

from klyngeradar.web.accounts.models import Membership, Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "region"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "organisation", "cluster"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__username", "user__email"]
    autocomplete_fields = ["cluster"]
