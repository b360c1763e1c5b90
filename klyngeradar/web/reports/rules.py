"""Who may use an organisation's report templates (loaded by rules' autodiscovery).

Analysts and administrators upload templates for their organisation; viewers
(board members) may use them for a download. Respondents see none. A round's
report page itself is guarded by the round's own rules (`surveys.rules`).
"""

from __future__ import annotations

import rules

from klyngeradar.web import access
from klyngeradar.web.accounts.roles import (
    can_edit,
    is_admin,
    is_analyst,
    is_viewer,
    organisation_of,
)
from klyngeradar.web.reports.models import ReportTemplate

is_staff_role = is_admin | is_analyst | is_viewer


def templates_for(user, queryset):
    if not is_staff_role(user):
        return queryset.none()
    organisation = organisation_of(user)
    if organisation is None:
        return queryset if is_admin(user) else queryset.none()
    return queryset.filter(organisation=organisation)


@rules.predicate
def in_own_organisation(user, template) -> bool:
    if template is None:
        return True
    organisation = organisation_of(user)
    if organisation is None:
        return is_admin(user)
    return template.organisation_id == organisation.pk


access.register(
    ReportTemplate,
    templates_for,
    view=is_staff_role & in_own_organisation,
    change=can_edit & in_own_organisation,
)
