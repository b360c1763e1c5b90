"""Who may see and change rounds, invitations and responses (loaded by rules' autodiscovery).

Analysts and administrators run their organisation's rounds; viewers read
them. A respondent sees only their own cluster's responses: another cluster's
response is outside their scope and gives 404, never a hint that it exists.
Administrators without an organisation see every organisation's rounds.
"""

from __future__ import annotations

import rules

from klyngeradar.web import access
from klyngeradar.web.accounts.roles import (
    can_edit,
    cluster_of,
    is_admin,
    is_analyst,
    is_respondent,
    is_viewer,
    organisation_of,
)
from klyngeradar.web.surveys.models import Invitation, Response, Round

is_staff_role = is_admin | is_analyst | is_viewer


def _organisation_filter(user, queryset, path: str):
    if not is_staff_role(user):
        return queryset.none()
    organisation = organisation_of(user)
    if organisation is None:
        return queryset if is_admin(user) else queryset.none()
    return queryset.filter(**{path: organisation})


def rounds_for(user, queryset):
    return _organisation_filter(user, queryset, "organisation")


def invitations_for(user, queryset):
    return _organisation_filter(user, queryset, "round__organisation")


def responses_for(user, queryset):
    if is_respondent(user):
        own = cluster_of(user)
        return queryset.filter(cluster=own) if own else queryset.none()
    return _organisation_filter(user, queryset, "round__organisation")


@rules.predicate
def in_own_organisation(user, obj) -> bool:
    if obj is None:
        return True
    organisation = organisation_of(user)
    if organisation is None:
        return is_admin(user)
    round = obj if isinstance(obj, Round) else obj.round
    return round.organisation_id == organisation.pk


@rules.predicate
def is_own_response(user, response) -> bool:
    own = cluster_of(user)
    return response is None or (own is not None and response.cluster_id == own.pk)


staff_view = is_staff_role & in_own_organisation
staff_change = can_edit & in_own_organisation

access.register(Round, rounds_for, view=staff_view, change=staff_change, add=can_edit)
access.register(Invitation, invitations_for, view=staff_view, change=staff_change)
access.register(
    Response,
    responses_for,
    view=staff_view | (is_respondent & is_own_response),
    # Fill in the form: the cluster's own respondents (the personal link needs no account).
    answer=is_respondent & is_own_response,
    # Reopen, import: the organisation's analysts.
    change=staff_change,
)
