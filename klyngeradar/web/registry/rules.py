"""Who may see and change the registry (loaded by rules' autodiscovery).

The registry is public knowledge, so every user with a role may read it, with
one exception: a respondent sees only their own cluster. Analysts and
administrators keep it up to date.
"""

from __future__ import annotations

import rules

from klyngeradar.web import access
from klyngeradar.web.accounts.roles import can_edit, cluster_of, has_role, is_respondent
from klyngeradar.web.registry.models import (
    Actor,
    Area,
    Cluster,
    Designation,
    Lineage,
    Municipality,
    Programme,
    Region,
)


@rules.predicate
def is_own_cluster(user, cluster) -> bool:
    own = cluster_of(user)
    return cluster is None or (own is not None and cluster.pk == own.pk)


def clusters_for(user, queryset):
    if is_respondent(user):
        own = cluster_of(user)
        return queryset.filter(pk=own.pk) if own else queryset.none()
    return queryset if has_role(user) else queryset.none()


def everything_for_a_role(user, queryset):
    return queryset if has_role(user) else queryset.none()


access.register(
    Cluster,
    clusters_for,
    view=has_role & (~is_respondent | is_own_cluster),
    change=can_edit,
    add=can_edit,
    delete=can_edit,
)
# The admin shows an app to a staff user only if they hold the app-level permission.
rules.set_perm("registry", can_edit)
for model in (Region, Municipality, Area, Programme, Actor, Designation, Lineage):
    access.register(
        model, everything_for_a_role, view=has_role, change=can_edit, add=can_edit, delete=can_edit
    )
