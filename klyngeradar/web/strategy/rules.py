"""Who may see and change the strategy and the analyst's judgement (loaded by rules' autodiscovery).

The strategy and every decision on a round belong to an organisation: its
analysts (and administrators) change them, its viewers read them; an
administrator without an organisation sees every organisation's, like rounds.
Respondents see none of it (404).
"""

from __future__ import annotations

import rules

from klyngeradar.web import access
from klyngeradar.web.accounts.roles import is_admin, is_analyst, is_viewer, organisation_of
from klyngeradar.web.strategy.models import (
    Decision,
    Effort,
    FitOverride,
    RoundThresholds,
    ShortlistChoice,
    Strategy,
)

# The path from each model to the organisation that owns it.
OWNER = {
    Strategy: "organisation",
    Effort: "strategy__organisation",
    FitOverride: "round__organisation",
    Decision: "round__organisation",
    RoundThresholds: "round__organisation",
    ShortlistChoice: "round__organisation",
}


def _owner_id(obj) -> int | None:
    for part in OWNER[type(obj)].split("__"):
        obj = getattr(obj, part, None)
    return getattr(obj, "pk", None)


is_staff_role = is_admin | is_analyst | is_viewer


@rules.predicate
def in_own_organisation(user, obj) -> bool:
    """Same as a round's rule: an administrator without an organisation sees every one."""
    if obj is None:
        return True
    organisation = organisation_of(user)
    if organisation is None:
        return is_admin(user)
    return _owner_id(obj) == organisation.pk


def scope_for(path: str):
    def scope(user, queryset):
        if not is_staff_role(user):
            return queryset.none()
        organisation = organisation_of(user)
        if organisation is None:
            return queryset if is_admin(user) else queryset.none()
        return queryset.filter(**{path: organisation})

    return scope


can_read = is_staff_role & in_own_organisation
can_change = (is_admin | is_analyst) & in_own_organisation

for model, path in OWNER.items():
    access.register(
        model, scope_for(path), view=can_read, change=can_change, add=can_change, delete=can_change
    )
