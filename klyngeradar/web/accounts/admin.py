from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from klyngeradar.web.accounts.models import Membership, Organisation

# The admin speaks of Klyngeradar, not of the framework it is built with.
admin.site.site_header = _("Klyngeradar – administration")
admin.site.site_title = _("Klyngeradar – administration")
admin.site.index_title = _("Administration")


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
