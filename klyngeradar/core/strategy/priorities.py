"""What to act on first: the fit × engagement picture, a ranked shortlist and the next steps.

The recommendations (`klyngeradar.core.strategy.recommendations`) say which model fits
each cluster; this module says where to start. The rule is fixed and shown
on the slide and the web page:

1. **Bars.** High fit is a row fit score of at least the rules' ``high_fit``.
   High engagement is an engagement score of at least the rules'
   ``high_engagement`` when it is set, else of at least the round's median
   score (of the clusters that have one).
2. **Groups.** A cluster with both known is placed in one of four groups:
   ``act_first`` (high fit and high engagement), ``build`` (high fit, lower
   engagement), ``engaged`` (lower fit, high engagement) and ``inform``
   (neither). A cluster whose fit or engagement is unknown is left out of the
   picture and counted, with the reason.
3. **Clusters on the shortlist:** ``act_first`` first, then ``build``; within a
   group by fit score, then engagement score (both highest first), then by
   name; at most `SHORTLIST_CLUSTERS`.
4. **Efforts on the shortlist** (the targeted calls): by the number of clusters
   that support the effort, then by the sum of their fit with that effort
   (both highest first), then in the strategy's order; at most
   `SHORTLIST_EFFORTS`.
5. **The analyst's decisions count** (`klyngeradar.core.strategy.decisions`): a
   cluster or call whose recommendation the analyst rejected is left off by the
   rule and set aside in `Priorities.rejected` ("afvist af analytikeren"), and
   the rule ranks the rest; an accepted or changed recommendation is carried
   as decided, with the model the analyst chose. A rejection counts even when
   the recommendation has changed since (the models page flags it for review).
6. **The analyst's choice wins.** A pinned item comes first, in the analyst's
   order, even when the rule would not list it (a rejected one too); an
   excluded item is left out; the rest follow the rule. Every item keeps its
   rank by the rule, so a reader sees where the analyst departed from it.

`NextStep` is one of the analyst's next steps (what, who, when, budget in
DKK); `default_next_steps` drafts them from the shortlist when the analyst has
written none, marked as drafts, with the owner, date and budget left empty.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from klyngeradar.core.strategy.catalogue import ModelCode, model
from klyngeradar.core.strategy.decisions import DecidedRecommendations, Verdict
from klyngeradar.core.strategy.fit import MAX_SCORE
from klyngeradar.core.strategy.recommendations import EffortCall, Recommendations

Group = Literal["act_first", "build", "engaged", "inform"]
Kind = Literal["cluster", "effort"]
State = Literal["pinned", "excluded"]
Missing = Literal["fit", "engagement", "both"]

GROUPS: tuple[Group, ...] = ("act_first", "build", "engaged", "inform")
SHORTLIST_GROUPS: tuple[Group, ...] = ("act_first", "build")
SHORTLIST_CLUSTERS = 5
SHORTLIST_EFFORTS = 3


@dataclass(frozen=True)
class ShortlistOverride:
    """The analyst's choice for one cluster or effort: pinned (at `position`) or excluded."""

    kind: Kind
    subject: str
    state: State
    position: int = 0
    reason: str = ""


@dataclass(frozen=True)
class Placement:
    """One cluster in the fit × engagement picture; `group` is None when it cannot be placed."""

    cluster: str
    label: str
    fit: int | None
    engagement: int | None
    group: Group | None
    model: ModelCode | None

    @property
    def missing(self) -> Missing | None:
        if self.fit is None and self.engagement is None:
            return "both"
        if self.fit is None:
            return "fit"
        if self.engagement is None:
            return "engagement"
        return None


@dataclass(frozen=True)
class RankedCall:
    """A targeted call with its rank by the rule, its support and the supporters' fit."""

    rank: int
    call: EffortCall
    support: int
    fit: int


@dataclass(frozen=True)
class ShortlistItem:
    """One line of the shortlist: its final `rank`, its `rule_rank` and who put it there.

    `rule_rank` is None when the rule would not list it (a pin beyond the rule, or
    a recommendation the analyst rejected); `source` is ``rule`` or ``analyst``
    (pinned). `verdict` is the analyst's decision on the recommendation (None:
    not decided); `model` is then the decided model (None when rejected) and
    `recommended` the rules' model; `decision_reason` the decision's reason.
    """

    kind: Kind
    subject: str
    label: str
    rank: int
    rule_rank: int | None
    source: Literal["rule", "analyst"]
    group: Group | None = None
    fit: int | None = None
    engagement: int | None = None
    support: int | None = None
    model: ModelCode | None = None
    reason: str = ""
    verdict: Verdict | None = None
    recommended: ModelCode | None = None
    decision_reason: str = ""

    @property
    def decided(self) -> bool:
        """The analyst accepted or changed the recommendation behind this line."""
        return self.verdict in ("accepted", "changed")


@dataclass(frozen=True)
class Priorities:
    """The picture, the ranked calls and the shortlist of one round."""

    fit_bar: int
    engagement_bar: float | None
    engagement_bar_is_median: bool
    fit_max: int
    placements: tuple[Placement, ...]
    calls: tuple[RankedCall, ...]
    clusters: tuple[ShortlistItem, ...]
    efforts: tuple[ShortlistItem, ...]
    excluded: tuple[ShortlistItem, ...]
    unmatched: tuple[ShortlistOverride, ...]
    rejected: tuple[ShortlistItem, ...] = ()

    @property
    def placed(self) -> tuple[Placement, ...]:
        return tuple(p for p in self.placements if p.group is not None)

    @property
    def left_out(self) -> tuple[Placement, ...]:
        return tuple(p for p in self.placements if p.group is None)

    @property
    def overridden(self) -> bool:
        return any(i.source == "analyst" for i in (*self.clusters, *self.efforts)) or bool(
            self.excluded
        )

    def group(self, name: Group) -> tuple[Placement, ...]:
        return tuple(p for p in self.placements if p.group == name)

    def call_rank(self, effort: str) -> RankedCall | None:
        return next((c for c in self.calls if c.call.effort.slug == effort), None)


def priorities(
    rec: Recommendations | DecidedRecommendations, overrides: Iterable[ShortlistOverride] = ()
) -> Priorities:
    """Place, rank and shortlist the round's clusters and calls; see the module's rule.

    `rec` may carry the analyst's decisions (`apply_decisions`).
    """
    decided = None
    if isinstance(rec, DecidedRecommendations):
        decided, rec = rec, rec.recommendations
    fit_bar = rec.thresholds.high_fit
    known = [s.score for s in rec.engagement.scores if s.score is not None]
    if rec.thresholds.high_engagement is not None:
        engagement_bar: float | None = rec.thresholds.high_engagement
        is_median = False
    else:
        engagement_bar = statistics.median(known) if known else None
        is_median = True
    placements = []
    for recommendation in rec.clusters:
        row = rec.fit.row(recommendation.cluster)
        score = rec.engagement.get(recommendation.cluster)
        fit = row.score if row else None
        engagement = score.score if score else None
        placements.append(
            Placement(
                recommendation.cluster,
                recommendation.label,
                fit,
                engagement,
                _group(fit, engagement, fit_bar, engagement_bar),
                recommendation.model,
            )
        )
    calls = rank_calls(rec)
    overrides = tuple(overrides)
    clusters, excluded_c, unmatched_c, rejected_c = _shortlist(
        "cluster",
        _cluster_items(placements),
        overrides,
        SHORTLIST_CLUSTERS,
        placements,
        decided=decided,
    )
    efforts, excluded_e, unmatched_e, rejected_e = _shortlist(
        "effort",
        _effort_items(calls, rec),
        overrides,
        SHORTLIST_EFFORTS,
        placements,
        rec,
        decided=decided,
    )
    return Priorities(
        fit_bar=fit_bar,
        engagement_bar=engagement_bar,
        engagement_bar_is_median=is_median,
        fit_max=MAX_SCORE * len(rec.fit.efforts),
        placements=tuple(placements),
        calls=calls,
        clusters=clusters,
        efforts=efforts,
        excluded=(*excluded_c, *excluded_e),
        unmatched=(*unmatched_c, *unmatched_e),
        rejected=(*rejected_c, *rejected_e),
    )


def _group(
    fit: int | None, engagement: int | None, fit_bar: int, bar: float | None
) -> Group | None:
    if fit is None or engagement is None or bar is None:
        return None
    high_fit, high_engagement = fit >= fit_bar, engagement >= bar
    if high_fit:
        return "act_first" if high_engagement else "build"
    return "engaged" if high_engagement else "inform"


def rank_calls(rec: Recommendations) -> tuple[RankedCall, ...]:
    """The targeted calls by support, then the supporters' fit with the effort, then order."""
    order = {e.slug: i for i, e in enumerate(rec.fit.efforts)}
    scored = []
    for call in rec.effort_calls:
        fit = 0
        for cluster in call.clusters:
            row = rec.fit.row(cluster)
            cell = row.cell(call.effort.slug).score if row else None
            fit += cell or 0
        scored.append((call, len(call.clusters), fit))
    scored.sort(key=lambda x: (-x[1], -x[2], order.get(x[0].effort.slug, len(order))))
    return tuple(
        RankedCall(rank, call, support, fit)
        for rank, (call, support, fit) in enumerate(scored, start=1)
    )


def _cluster_items(placements: Sequence[Placement]) -> list[ShortlistItem]:
    eligible = [p for p in placements if p.group in SHORTLIST_GROUPS]
    eligible.sort(
        key=lambda p: (
            SHORTLIST_GROUPS.index(p.group),
            -(p.fit or 0),
            -(p.engagement or 0),
            p.label.casefold(),
        )
    )
    return [_cluster_item(p, rank, rank, "rule") for rank, p in enumerate(eligible, start=1)]


def _cluster_item(p: Placement, rank: int, rule_rank: int | None, source) -> ShortlistItem:
    return ShortlistItem(
        "cluster",
        p.cluster,
        p.label,
        rank,
        rule_rank,
        source,
        group=p.group,
        fit=p.fit,
        engagement=p.engagement,
        model=p.model,
    )


def _effort_items(calls: Sequence[RankedCall], rec: Recommendations) -> list[ShortlistItem]:
    return [
        ShortlistItem(
            "effort",
            c.call.effort.slug,
            c.call.effort.name,
            c.rank,
            c.rank,
            "rule",
            fit=c.fit,
            support=c.support,
            model=c.call.model,
        )
        for c in calls
    ]


def _shortlist(
    kind: Kind,
    ranked: list[ShortlistItem],
    overrides: Sequence[ShortlistOverride],
    size: int,
    placements: Sequence[Placement],
    rec: Recommendations | None = None,
    *,
    decided: DecidedRecommendations | None = None,
) -> tuple[
    tuple[ShortlistItem, ...],
    tuple[ShortlistItem, ...],
    tuple[ShortlistOverride, ...],
    tuple[ShortlistItem, ...],
]:
    """Pins first (analyst's order), then the rule's items not excluded, up to `size`.

    Returns the list, the excluded, the overrides matching nothing and the items
    the rule set aside because the analyst rejected their recommendation.
    """
    ranked = [_decision(item, decided) for item in ranked]
    # The rule ranks what the analyst has not rejected; the rejected have no rule rank.
    rejected = [replace(i, rank=0, rule_rank=None) for i in ranked if i.verdict == "rejected"]
    ranked = [
        replace(item, rank=rank, rule_rank=rank)
        for rank, item in enumerate((i for i in ranked if i.verdict != "rejected"), start=1)
    ]
    by_subject = {item.subject: item for item in (*ranked, *rejected)}
    mine = [o for o in overrides if o.kind == kind]
    unmatched, pinned, excluded = [], [], []
    for override in sorted(mine, key=lambda o: (o.position, o.subject)):
        item = by_subject.get(override.subject) or _outside_rule(kind, override, placements, rec)
        if item is not None:
            item = _decision(item, decided)
        if item is None:
            unmatched.append(override)
        elif override.state == "pinned":
            pinned.append((item, override))
        else:
            excluded.append(_with(item, item.rank, "rule", override.reason))
    pinned_subjects = {item.subject for item, _ in pinned}
    excluded_subjects = {item.subject for item in excluded}
    chosen = [_with(item, 0, "analyst", o.reason) for item, o in pinned]
    for item in ranked:
        if len(chosen) >= size:
            break
        if item.subject in pinned_subjects or item.subject in excluded_subjects:
            continue
        chosen.append(item)
    final = tuple(
        _with(item, rank, item.source, item.reason) for rank, item in enumerate(chosen, 1)
    )
    set_aside = tuple(i for i in rejected if i.subject not in pinned_subjects | excluded_subjects)
    return final, tuple(excluded), tuple(unmatched), set_aside


def _decision(item: ShortlistItem, decided: DecidedRecommendations | None) -> ShortlistItem:
    """The item with the analyst's decision on its recommendation, if there is one."""
    found = decided.get(item.kind, item.subject) if decided is not None else None
    if found is None or found.decision is None:
        return item
    return replace(
        item,
        verdict=found.decision.verdict,
        model=found.decision.model,
        recommended=found.recommended,
        decision_reason=(found.decision.reason or "").strip(),
    )


def _with(item: ShortlistItem, rank: int, source, reason: str) -> ShortlistItem:
    return replace(item, rank=rank, source=source, reason=reason)


def _outside_rule(
    kind: Kind,
    override: ShortlistOverride,
    placements: Sequence[Placement],
    rec: Recommendations | None,
) -> ShortlistItem | None:
    """An item the rule does not list but the round has: a pin may still bring it in."""
    if kind == "cluster":
        found = next((p for p in placements if p.cluster == override.subject), None)
        return _cluster_item(found, 0, None, "rule") if found else None
    efforts = rec.fit.efforts if rec else ()
    effort = next((e for e in efforts if e.slug == override.subject), None)
    if effort is None or rec is None:
        return None
    rows = rec.fit.supporters(effort.slug, rec.thresholds.effort_support)
    return ShortlistItem(
        "effort",
        effort.slug,
        effort.name,
        0,
        None,
        "rule",
        support=len(rows),
        fit=sum(r.cell(effort.slug).score or 0 for r in rows),
        model="targeted_call",
    )


# -- next steps ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class NextStep:
    """One next step: what, who owns it, by when and its budget in whole DKK (None: not set)."""

    text: str
    owner: str | None = None
    due: date | None = None
    budget: int | None = None
    draft: bool = False

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValueError("a next step needs a text")
        if self.budget is not None and (isinstance(self.budget, bool) or self.budget < 0):
            raise ValueError("a budget is a whole number of kroner, 0 or more")

    @property
    def missing(self) -> tuple[str, ...]:
        """The fields not filled in: ``owner``, ``due``, ``budget``."""
        return tuple(
            name
            for name, value in (("owner", self.owner), ("due", self.due), ("budget", self.budget))
            if value is None or (isinstance(value, str) and not value.strip())
        )


@dataclass(frozen=True)
class PriorityInputs:
    """The analyst's inputs to the priorities: shortlist choices and next steps.

    `next_steps` None means the analyst has written none: the deck drafts them.
    """

    overrides: tuple[ShortlistOverride, ...] = ()
    next_steps: tuple[NextStep, ...] | None = None


def _model_name(code: ModelCode, lang: str) -> str:
    found = model(code)
    return found.name_da if lang == "da" else found.name_en


def _names(names: Sequence[str], lang: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    joiner = " og " if lang == "da" else " and "
    return f"{', '.join(names[:-1])}{joiner}{names[-1]}"


def default_next_steps(
    found: Priorities, rec: Recommendations, lang: str = "da"
) -> tuple[NextStep, ...]:
    """Draft next steps from the shortlist and the region-level recommendations."""

    def t(da: str, en: str) -> str:
        return da if lang == "da" else en

    steps: list[str] = []
    first = [i.label for i in found.clusters if i.model == "cross_municipal_agreement"]
    concrete = [i.label for i in found.clusters if i.model == "concrete_collaboration"]
    if first:
        steps.append(
            t(
                f"Indled dialog om en tværkommunal aftale med {_names(first, lang)}",
                f"Open talks on a cross-municipal agreement with {_names(first, lang)}",
            )
        )
    if concrete:
        steps.append(
            t(
                f"Aftal en konkret aktivitet (temadag, projekt) med {_names(concrete, lang)}",
                f"Agree one concrete activity (theme day, project) with {_names(concrete, lang)}",
            )
        )
    if found.efforts:
        call = found.efforts[0]
        steps.append(
            t(
                f"Forbered et målrettet udbud inden for »{call.label}«",
                f"Prepare a targeted call within “{call.label}”",
            )
        )
    for region in rec.region:
        name = _model_name(region.model, lang)
        steps.append(t(f"Undersøg: {name}", f"Explore: {name}"))
    steps.append(
        t(
            "Gentag surveyen om et år, og sammenlign med i år",
            "Repeat the survey in a year and compare with this year",
        )
    )
    return tuple(NextStep(text, draft=True) for text in steps)
