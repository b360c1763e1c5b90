"""Who may see and upload an organisation's employment statistics (rules' autodiscovery).

Like the strategy: its analysts (and administrators) upload, its viewers read;
an administrator without an organisation sees every organisation's.
Respondents see none of it (404).
"""

from __future__ import annotations

import rules

from klyngeradar.web import access
from klyngeradar.web.accounts.roles import is_admin, is_analyst, is_viewer, organisation_of
from klyngeradar.web.specialisation.models import EmploymentUpload

is_staff_role = is_admin | is_analyst | is_viewer


def uploads_for(user, queryset):
    if not is_staff_role(user):
        return queryset.none()
    organisation = organisation_of(user)
    if organisation is None:
        return queryset if is_admin(user) else queryset.none()
    return queryset.filter(organisation=organisation)


@rules.predicate
def in_own_organisation(user, upload) -> bool:
    if upload is None:
        return True
    organisation = organisation_of(user)
    if organisation is None:
        return is_admin(user)
    return upload.organisation_id == organisation.pk


can_read = is_staff_role & in_own_organisation
can_change = (is_admin | is_analyst) & in_own_organisation

access.register(
    EmploymentUpload,
    uploads_for,
    view=can_read,
    change=can_change,
    add=can_change,
    delete=can_change,
)
