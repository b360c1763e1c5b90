"""The one access helper every view uses: who may see or do what with which object.

Each model registers two things here: a *scope* that narrows a queryset to the
objects a user may see at all, and `rules` predicates per action ("view",
"change", ...). Views then ask:

    cluster = get_for_user(request.user, Cluster, slug=slug)              # or 404
    cluster = get_for_user(request.user, Cluster, action="change", slug=slug)  # or 403
    clusters = visible_to(request.user, Cluster.objects.all())

An object outside the user's scope gives 404 rather than 403, so that a
respondent cannot even learn that another cluster's answers exist. An object
the user may see but not act on gives 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

import rules
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404

from klyngeradar.web.accounts.roles import role_of

Scope = Callable[[object, models.QuerySet], models.QuerySet]

_scopes: dict[type[models.Model], Scope] = {}


def permission_name(model: type[models.Model], action: str) -> str:
    """The permission's name in Django's form, e.g. ``registry.change_cluster``."""
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def register(model: type[models.Model], scope: Scope, **actions) -> None:
    """Register a model's scope and its predicate per action (view=..., change=...)."""
    _scopes[model] = scope
    for action, predicate in actions.items():
        rules.set_perm(permission_name(model, action), predicate)


def visible_to(user, queryset: models.QuerySet | type[models.Model]) -> models.QuerySet:
    """Narrow `queryset` to what `user` may see; nothing for a model that is not registered."""
    if isinstance(queryset, type):
        queryset = queryset._default_manager.all()
    scope = _scopes.get(queryset.model)
    if scope is None or not getattr(user, "is_authenticated", False):
        return queryset.none()
    return scope(user, queryset)


def get_for_user(user, queryset, action: str = "view", **lookup):
    """Return the object matching `lookup` if `user` may perform `action` on it.

    Raise Http404 when the object does not exist or is outside the user's scope,
    and PermissionDenied (403) when the user may see it but not perform `action`.
    """
    obj = get_object_or_404(visible_to(user, queryset), **lookup)
    if not user.has_perm(permission_name(type(obj), "view"), obj):
        raise Http404
    if action != "view" and not user.has_perm(permission_name(type(obj), action), obj):
        raise PermissionDenied
    return obj


def can(user, action: str, obj) -> bool:
    """Whether `user` may perform `action` on `obj` (for templates and buttons)."""
    return user.has_perm(permission_name(type(obj), action), obj)


def require_role(*roles: str):
    """Decorate a view: log in first, then allow only users with one of `roles` (else 403)."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if role_of(request.user) not in roles:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
