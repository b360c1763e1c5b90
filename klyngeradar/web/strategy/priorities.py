"""A round's priorities from the database: the analyst's shortlist choices handed to the core.

The rule lives in `klyngeradar.core.strategy.priorities`; this module only reads
the `ShortlistChoice` rows and the round's analysis, and never ranks anything itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from klyngeradar.core.strategy.priorities import (
    Priorities,
    ShortlistItem,
    ShortlistOverride,
    priorities,
)
from klyngeradar.web.strategy.analysis import Analysis, analyse
from klyngeradar.web.strategy.models import ShortlistChoice


def shortlist_overrides(round) -> tuple[ShortlistOverride, ...]:
    """The analyst's pins and removals for `round`, in their order."""
    return tuple(
        ShortlistOverride(c.kind, c.subject, c.state, c.position, c.reason)
        for c in ShortlistChoice.objects.filter(round=round).order_by("kind", "position", "pk")
    )


def round_priorities(round, analysis: Analysis | None = None) -> Priorities:
    """The round's picture, ranked calls and shortlist with the analyst's choices."""
    analysis = analysis or analyse(round)
    return priorities(analysis.result, shortlist_overrides(round))


GROUP_LABELS = {
    "act_first": gettext_lazy("Højt fit og højt engagement"),
    "build": gettext_lazy("Højt fit, lavere engagement"),
    "engaged": gettext_lazy("Lavere fit, højt engagement"),
    "inform": gettext_lazy("Lavere fit og engagement"),
}


@dataclass(frozen=True)
class ShortlistRow:
    """One line of the page's shortlist: the core's item and the analyst's stored choice."""

    item: ShortlistItem
    why: str
    choice: ShortlistChoice | None

    @property
    def pinned(self) -> bool:
        return self.choice is not None and self.choice.state == ShortlistChoice.State.PINNED


def _why(item: ShortlistItem) -> str:
    if item.kind == "effort":
        return _("%(support)s klynger bag; samlet fit %(fit)s med indsatsen") % {
            "support": item.support,
            "fit": item.fit,
        }
    group = GROUP_LABELS.get(item.group) if item.group else _("ikke placeret")
    return _("%(group)s: fit %(fit)s, engagement %(engagement)s") % {
        "group": group,
        "fit": "–" if item.fit is None else item.fit,
        "engagement": "–" if item.engagement is None else item.engagement,
    }


def shortlist_rows(round, found: Priorities) -> dict[str, list]:
    """The shortlist, the removed items and what else may be pinned, for the page."""
    choices = {(c.kind, c.subject): c for c in ShortlistChoice.objects.filter(round=round)}
    listed = [*found.clusters, *found.efforts]
    on_list = {(i.kind, i.subject) for i in (*listed, *found.excluded)}
    candidates = [
        ("cluster", p.cluster, p.label)
        for p in found.placements
        if ("cluster", p.cluster) not in on_list
    ]
    return {
        "rows": [ShortlistRow(i, _why(i), choices.get((i.kind, i.subject))) for i in listed],
        "excluded": [
            ShortlistRow(i, _why(i), choices.get((i.kind, i.subject))) for i in found.excluded
        ],
        "candidates": candidates,
    }
