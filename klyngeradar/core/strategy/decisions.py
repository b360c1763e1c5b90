"""The analyst's decisions on the recommendations, set beside the rules' own output.

The rules (`klyngeradar.core.strategy.recommendations`) recommend; the analyst decides:
accept the recommendation, choose another model, or reject it, with a written
reason for a change or a rejection. `apply_decisions` pairs every
recommendation of a round (cluster, effort and region level) with the decision
on it, never changing what the rules said, and flags a decision whose
recommendation has changed since it was made (a *stale* decision).

>>> from klyngeradar.core.surveys.demo import demo_round
>>> from klyngeradar.core.strategy.recommendations import recommend
>>> decided = apply_decisions(
...     recommend(demo_round()),
...     [AnalystDecision(subject_kind="cluster", subject="klynge-a", verdict="rejected",
...                      model=None, recommended="cross_municipal_agreement",
...                      reason="Klyngen har ikke kapacitet i år.")],
... )
>>> item = decided.get("cluster", "klynge-a")
>>> item.recommended, item.status, item.model, item.stale
('cross_municipal_agreement', 'rejected', None, False)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from klyngeradar.core.problems import InputError, Problem
from klyngeradar.core.strategy.catalogue import MODELS, ModelCode
from klyngeradar.core.strategy.recommendations import Recommendations

SubjectKind = Literal["cluster", "effort", "region"]
Verdict = Literal["accepted", "changed", "rejected"]
Status = Literal["undecided", "accepted", "changed", "rejected"]

SUBJECT_KINDS: tuple[str, ...] = get_args(SubjectKind)
VERDICTS: tuple[str, ...] = get_args(Verdict)
_MODEL_CODES = frozenset(m.code for m in MODELS)


@dataclass(frozen=True, kw_only=True)
class AnalystDecision:
    """The analyst's answer to one recommendation.

    `subject` is the cluster's slug (``cluster``), the effort's slug (``effort``)
    or the recommended model's code (``region``). `recommended` is the model the
    rules recommended when the decision was made (``None``: keep informed), so a
    later change of the recommendation can be flagged. `model` is the model the
    region goes with: the recommended one when accepted, the chosen one when
    changed, ``None`` when rejected.
    """

    subject_kind: SubjectKind
    subject: str
    verdict: Verdict
    model: ModelCode | None
    recommended: ModelCode | None
    reason: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None

    def __post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise InputError(problems)

    @property
    def key(self) -> tuple[str, str]:
        return (self.subject_kind, self.subject)


def _problems(d: AnalystDecision) -> list[Problem]:
    where = f"{d.subject_kind} {d.subject}"

    def problem(reason: str, reason_da: str, column: str, value: object = None) -> Problem:
        return Problem(
            f"{reason} (decision on {where})",
            column=column,
            value=None if value is None else str(value),
            reason_da=f"{reason_da} (beslutning om {where})",
        )

    found = []
    if d.subject_kind not in SUBJECT_KINDS:
        reasons = "must be cluster, effort or region", "skal være cluster, effort eller region"
        found.append(problem(*reasons, "subject_kind", d.subject_kind))
    if not d.subject:
        found.append(problem("is required", "er påkrævet", "subject"))
    if d.verdict not in VERDICTS:
        reasons = (
            "must be accepted, changed or rejected",
            "skal være accepted, changed eller rejected",
        )
        found.append(problem(*reasons, "verdict", d.verdict))
    for column, code in (("model", d.model), ("recommended", d.recommended)):
        if code is not None and code not in _MODEL_CODES:
            reasons = "is not a collaboration model", "er ikke en samarbejdsmodel"
            found.append(problem(*reasons, column, code))
    reason = (d.reason or "").strip()
    if d.verdict == "accepted" and d.model != d.recommended:
        reasons = (
            "an accepted decision keeps the recommended model",
            "en accepteret beslutning beholder den anbefalede model",
        )
        found.append(problem(*reasons, "model", d.model))
    if d.verdict == "changed":
        if d.model is None:
            reasons = (
                "a changed decision names the chosen model",
                "en ændret beslutning nævner den valgte model",
            )
            found.append(problem(*reasons, "model"))
        elif d.model == d.recommended:
            reasons = (
                "a changed decision chooses another model",
                "en ændret beslutning vælger en anden model",
            )
            found.append(problem(*reasons, "model", d.model))
    if d.verdict == "rejected" and d.model is not None:
        reasons = "a rejected decision has no model", "en afvist beslutning har ingen model"
        found.append(problem(*reasons, "model", d.model))
    if d.verdict in ("changed", "rejected") and not reason:
        reasons = (
            "a change or a rejection needs a written reason",
            "en ændring eller en afvisning skal have en skriftlig begrundelse",
        )
        found.append(problem(*reasons, "reason"))
    return found


@dataclass(frozen=True)
class DecidedRecommendation:
    """One recommendation as the rules made it, and the analyst's decision on it (if any).

    `label` is the cluster's name or the effort's name; ``None`` for the region.
    `recommended` is the rules' model now; ``None`` means keep informed, or, for an
    item of `DecidedRecommendations.unmatched`, that the recommendation is no
    longer given.
    """

    subject_kind: SubjectKind
    subject: str
    label: str | None
    recommended: ModelCode | None
    decision: AnalystDecision | None

    @property
    def status(self) -> Status:
        return self.decision.verdict if self.decision else "undecided"

    @property
    def stale(self) -> bool:
        """The recommendation has changed since the analyst decided on it."""
        return self.decision is not None and self.decision.recommended != self.recommended

    @property
    def model(self) -> ModelCode | None:
        """The decided model, or the rules' recommendation while nothing is decided."""
        return self.decision.model if self.decision else self.recommended


@dataclass(frozen=True)
class DecidedRecommendations:
    """A round's recommendations, unchanged, with the analyst's decisions beside them.

    `clusters`, `efforts` and `region` follow the recommendations' order;
    `unmatched` holds the decisions on recommendations the rules no longer give
    (a cluster no longer invited, an effort without a targeted call, a region
    model no longer recommended), so that no decision silently disappears.
    """

    recommendations: Recommendations
    clusters: tuple[DecidedRecommendation, ...]
    efforts: tuple[DecidedRecommendation, ...]
    region: tuple[DecidedRecommendation, ...]
    unmatched: tuple[DecidedRecommendation, ...]

    @property
    def items(self) -> tuple[DecidedRecommendation, ...]:
        return (*self.clusters, *self.efforts, *self.region, *self.unmatched)

    @property
    def decided(self) -> bool:
        """At least one decision was made on this round's recommendations."""
        return any(item.decision is not None for item in self.items)

    @property
    def stale(self) -> tuple[DecidedRecommendation, ...]:
        return tuple(item for item in self.items if item.stale)

    def get(self, kind: SubjectKind, subject: str) -> DecidedRecommendation | None:
        """The current recommendation `subject` at level `kind`, with its decision."""
        level = {"cluster": self.clusters, "effort": self.efforts, "region": self.region}
        return next((i for i in level.get(kind, ()) if i.subject == subject), None)


def apply_decisions(
    recommendations: Recommendations, decisions: Iterable[AnalystDecision] = ()
) -> DecidedRecommendations:
    """Pair each recommendation with the analyst's decision on it; pure.

    Two decisions on the same recommendation are refused with `InputError`.
    """
    by_key: dict[tuple[str, str], AnalystDecision] = {}
    problems = []
    for decision in decisions:
        if decision.key in by_key:
            problems.append(
                Problem(
                    "two decisions on the same recommendation",
                    column="subject",
                    value=f"{decision.subject_kind} {decision.subject}",
                    reason_da="to beslutninger om den samme anbefaling",
                )
            )
        by_key[decision.key] = decision
    if problems:
        raise InputError(problems)

    def item(kind: SubjectKind, subject: str, label: str | None, model: ModelCode | None):
        return DecidedRecommendation(kind, subject, label, model, by_key.pop((kind, subject), None))

    rec = recommendations
    clusters = tuple(item("cluster", r.cluster, r.label, r.model) for r in rec.clusters)
    efforts = tuple(item("effort", c.effort.slug, c.effort.name, c.model) for c in rec.effort_calls)
    region = tuple(item("region", r.model, None, r.model) for r in rec.region)
    names = {e.slug: e.name for e in rec.strategy.efforts}
    labels = {row.cluster: row.label for row in rec.fit.rows}
    unmatched = tuple(
        DecidedRecommendation(
            d.subject_kind,
            d.subject,
            {"cluster": labels, "effort": names}.get(d.subject_kind, {}).get(d.subject),
            None,
            d,
        )
        for d in by_key.values()
    )
    return DecidedRecommendations(rec, clusters, efforts, region, unmatched)
