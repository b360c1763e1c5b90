"""What Django's admin is for, and the lock on the rest.

The admin is the administrators' tool: users and roles, organisations, and
anything that needs repair outside the app's own pages. Analysts (who are
staff) keep the shared registry there — regions, municipalities, areas,
programmes, clusters and actors — and their organisation's collaboration-model
decisions (scoped and validated as on the models page), and nothing else:
rounds, responses, invitations, agreements, KPIs, imports and templates are changed on
the app's own pages, which confirm destructive actions, keep history and apply
the reopen flow. Every other model admin answers an analyst with 403, whether
it is reached from the index or by typing its URL (changelist, add, change,
delete, history).

The admin's own login page is not used: an anonymous visitor is sent to the
app's login (which is rate-limited and asks for MFA where required); a user
who is logged in without staff rights gets 403 instead of a second login form.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from klyngeradar.web.accounts.roles import is_admin

# Models an analyst may keep in the admin ("app_label.model_name").
ANALYST_MODELS = frozenset(
    {
        "registry.region",
        "registry.municipality",
        "registry.area",
        "registry.programme",
        "registry.cluster",
        "registry.actor",
        # The collaboration-model decisions: the admin applies the models page's
        # rules (own organisation only, a reason for every change) and keeps history.
        "strategy.decision",
    }
)
PERMISSIONS = (
    "has_module_permission",
    "has_view_permission",
    "has_add_permission",
    "has_change_permission",
    "has_delete_permission",
)


def _admin_only(method):
    @wraps(method)
    def checked(request, *args, **kwargs):
        return is_admin(request.user) and method(request, *args, **kwargs)

    return checked


def lock(site: admin.AdminSite = admin.site) -> None:
    """Close every model admin but the analysts' to everyone but administrators."""
    for model, model_admin in site._registry.items():
        if model_admin.__dict__.get("_locked"):
            continue
        if f"{model._meta.app_label}.{model._meta.model_name}" in ANALYST_MODELS:
            continue
        for name in PERMISSIONS:
            setattr(model_admin, name, _admin_only(getattr(model_admin, name)))
        model_admin._locked = True
    site.login = _app_login


def _app_login(request, extra_context=None):
    next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
    if not request.user.is_authenticated:
        return redirect_to_login(next_url, reverse("account_login"))
    if request.user.is_active and request.user.is_staff:
        return redirect(next_url if next_url.startswith("/admin/") else reverse("admin:index"))
    raise PermissionDenied
