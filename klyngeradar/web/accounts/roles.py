"""Who a user is: role predicates for `rules`, shared by every app's permissions.

Predicates take ``(user, obj)``; an object-level predicate receives ``obj=None``
when Django asks about the model as a whole (e.g. the admin's index page).
"""

from __future__ import annotations

import rules

from klyngeradar.web.accounts.models import Role


def membership_of(user):
    """The user's Membership, or None (anonymous users and users without a role)."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.membership
    except Exception:  # RelatedObjectDoesNotExist: a user not given a role yet.
        return None


def role_of(user) -> str | None:
    if getattr(user, "is_superuser", False):
        return Role.ADMIN
    membership = membership_of(user)
    return membership.role if membership else None


def cluster_of(user):
    """The cluster a respondent answers for; None for every other role."""
    membership = membership_of(user)
    return membership.cluster if membership and membership.role == Role.RESPONDENT else None


def organisation_of(user):
    membership = membership_of(user)
    return membership.organisation if membership else None


@rules.predicate
def is_admin(user) -> bool:
    return role_of(user) == Role.ADMIN


@rules.predicate
def is_analyst(user) -> bool:
    return role_of(user) == Role.ANALYST


@rules.predicate
def is_viewer(user) -> bool:
    return role_of(user) == Role.VIEWER


@rules.predicate
def is_respondent(user) -> bool:
    return role_of(user) == Role.RESPONDENT


has_role = is_admin | is_analyst | is_viewer | is_respondent
can_edit = is_admin | is_analyst
