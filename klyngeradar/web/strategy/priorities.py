"""A round's priorities from the database: the analyst's shortlist choices handed to the core.

The rule lives in `klyngeradar.core.strategy.priorities`; this module only reads
the `ShortlistChoice` and `Decision` rows and the round's analysis, and never
ranks anything itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from klyngeradar.core.problems import InputError
from klyngeradar.core.strategy.catalogue import model
from klyngeradar.core.strategy.decisions import AnalystDecision, apply_decisions
from klyngeradar.core.strategy.priorities import (
    Priorities,
    ShortlistItem,
    ShortlistOverride,
    priorities,
)
from klyngeradar.web.strategy.analysis import Analysis, analyse
from klyngeradar.web.strategy.decisions import analyst_decision
from klyngeradar.web.strategy.models import Decision, ShortlistChoice


def shortlist_overrides(round) -> tuple[ShortlistOverride, ...]:
    """The analyst's pins and removals for `round`, in their order."""
    return tuple(
        ShortlistOverride(c.kind, c.subject, c.state, c.position, c.reason)
        for c in ShortlistChoice.objects.filter(round=round).order_by("kind", "position", "pk")
    )


def round_priorities(round, analysis: Analysis | None = None) -> Priorities:
    """The round's picture, ranked calls and shortlist with the analyst's choices and decisions."""
    analysis = analysis or analyse(round)
    decided = apply_decisions(analysis.result, _sound_decisions(round))
    return priorities(decided, shortlist_overrides(round))


def _sound_decisions(round) -> tuple[AnalystDecision, ...]:
    """The round's decisions the core accepts, in a stable order.

    A decision stored past the models page's checks (a changed decision naming
    the recommended model, say) counts for nothing on the shortlist; a download
    of the deck or appendices names it and is refused (`klyngeradar.web.reports`).
    """
    sound = []
    rows = Decision.objects.filter(round=round).select_related("decided_by")
    for row in rows.order_by("level", "subject"):
        try:
            sound.append(analyst_decision(row))
        except InputError:
            continue
    return tuple(sound)


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

    @property
    def decision(self) -> str:
        """The analyst's decision on the line's recommendation, "" when there is none."""
        return _decision(self.item)


def _model_name(code) -> str:
    if code is None:
        return _("Hold orienteret")
    found = model(code)
    return found.name_en if (get_language() or "da").startswith("en") else found.name_da


def _decision(item: ShortlistItem) -> str:
    if item.verdict == "accepted":
        return _("Besluttet: %(model)s") % {"model": _model_name(item.model)}
    if item.verdict == "changed":
        return _("Besluttet: %(model)s (reglerne: %(recommended)s)") % {
            "model": _model_name(item.model),
            "recommended": _model_name(item.recommended),
        }
    if item.verdict == "rejected":
        return _("Afvist af analytikeren")
    return ""


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
    on_list = {(i.kind, i.subject) for i in (*listed, *found.excluded, *found.rejected)}
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
        "rejected": [
            ShortlistRow(i, _why(i), choices.get((i.kind, i.subject))) for i in found.rejected
        ],
        "candidates": candidates,
    }
