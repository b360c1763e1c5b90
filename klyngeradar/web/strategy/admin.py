"""Admin for the analyst's decisions, checked by the same rules as the models page.

The shortlist choices are shown read-only: they are made on the models page.
"""

from __future__ import annotations

from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from klyngeradar.web.access import visible_to
from klyngeradar.web.readonly_admin import ReadOnlyRoundRecordAdmin
from klyngeradar.web.strategy.forms import DecisionAdminForm
from klyngeradar.web.strategy.models import Decision, ShortlistChoice
from klyngeradar.web.surveys.models import Round


@admin.register(Decision)
class DecisionAdmin(ObjectPermissionsModelAdminMixin, SimpleHistoryAdmin):
    # The page's rules: a decision the core refuses would stop the round's deck and appendices.
    form = DecisionAdminForm
    list_display = ["round", "level", "subject", "recommended_model", "verdict", "chosen_model"]
    list_filter = ["level", "verdict"]
    search_fields = ["subject", "reason"]

    def get_queryset(self, request):
        return visible_to(request.user, super().get_queryset(request))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "round":
            kwargs["queryset"] = visible_to(request.user, Round)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        obj.decided_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ShortlistChoice)
class ShortlistChoiceAdmin(ReadOnlyRoundRecordAdmin):
    list_display = ["round", "kind", "subject", "state", "position", "changed_by", "changed_at"]
    list_filter = ["kind", "state"]
    search_fields = ["subject", "reason"]
