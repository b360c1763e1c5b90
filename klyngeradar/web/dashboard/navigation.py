"""The main navigation: Overblik, Klynger, Runder, Aftaler, Rapporter.

A section whose app is not installed yet links to an honest "kommer" page, so
that adding the app (with its named route) is all it takes to wire it in.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

SECTIONS = (
    ("overview", _("Overblik"), "dashboard:overview"),
    ("clusters", _("Klynger"), "registry:cluster_list"),
    ("rounds", _("Runder"), "surveys:round_list"),
    ("agreements", _("Aftaler"), "agreements:agreement_list"),
    ("reports", _("Rapporter"), "reports:report_list"),
)


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    url: str


def sections() -> list[Section]:
    result = []
    for key, label, route in SECTIONS:
        try:
            url = reverse(route)
        except NoReverseMatch:
            url = reverse("dashboard:coming_soon", kwargs={"section": key})
        result.append(Section(key, str(label), url))
    return result


def navigation(request) -> dict:
    """Context processor: the navigation for every page."""
    return {"navigation": sections()}
