"""The main navigation: Overblik, Klynger, Runder, Aftaler, Strategi, Erhvervsstruktur, Rapporter.

A section whose app is not installed yet links to an honest "kommer" page, so
that adding the app (with its named route) is all it takes to wire it in.
Strategi and Erhvervsstruktur are the organisation's own pages: they are shown
to the people who may read them (analysts and viewers, and an administrator who
belongs to an organisation), not to respondents, who would get 404 there.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from klyngeradar.web.accounts.models import Role
from klyngeradar.web.accounts.roles import organisation_of, role_of

SECTIONS = (
    ("overview", _("Overblik"), "dashboard:overview"),
    ("clusters", _("Klynger"), "registry:cluster_list"),
    ("rounds", _("Runder"), "surveys:round_list"),
    ("agreements", _("Aftaler"), "agreements:agreement_list"),
    ("strategy", _("Strategi"), "strategy:strategy"),
    ("structure", _("Erhvervsstruktur"), "specialisation:structure"),
    ("reports", _("Rapporter"), "reports:report_list"),
)
# Sections only some roles see (they answer 404 to everyone else); every other
# section is shown to everyone logged in. Rapporter is the reports app's
# `staff_only`: analysts, viewers and administrators.
ROLES = {
    "strategy": frozenset({"analyst", "viewer", "admin"}),
    "structure": frozenset({"analyst", "viewer", "admin"}),
    "reports": frozenset({"analyst", "viewer", "admin"}),
}
# Sections whose pages belong to an organisation: a user without one has none to read.
NEEDS_ORGANISATION = frozenset({"strategy", "structure"})


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    url: str


def sections(user=None) -> list[Section]:
    """The sections in menu order; without a user, every section."""
    result = []
    for key, label, route in SECTIONS:
        if user is not None and not _shown_to(user, key):
            continue
        try:
            url = reverse(route)
        except NoReverseMatch:
            url = reverse("dashboard:coming_soon", kwargs={"section": key})
        result.append(Section(key, str(label), url))
    return result


def _shown_to(user, key: str) -> bool:
    roles = ROLES.get(key)
    if roles is None:
        return True
    if key in NEEDS_ORGANISATION and organisation_of(user) is None:
        return False
    return role_of(user) in roles


def navigation(request) -> dict:
    """Context processor: the navigation for every page, as far as the user may go."""
    user = getattr(request, "user", None)
    return {"navigation": sections(user), "user_is_admin": role_of(user) == Role.ADMIN}
