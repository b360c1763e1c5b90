"""Which collaboration model fits each cluster: transparent rules over fit and engagement.

The rules (spec v1; every threshold is a field of `Thresholds`):

1. **Cluster level**, one recommendation per invited cluster, in the round's order:

   - fit unknown (no response, or ``strategy.efforts`` unanswered) → no model,
     "keep informed";
   - row fit score < ``high_fit`` → no model, "keep informed" (the default 2 means:
     high fit = at least one effort clearly supported, e.g. one survey tick);
   - high fit and high engagement → ``cross_municipal_agreement``, where high
     engagement means physical presence (own office or co-located) *or* at
     least one agreement, *and* members in the region strictly above the bar
     (the median of the clusters that reported ``members.region``, or
     ``members_above`` when set), *and*, when ``high_engagement`` is set, an
     engagement score at or above it;
   - high fit otherwise → ``concrete_collaboration`` (build the relation).

   A fact that is not reported cannot fire a rule: unreported members are not
   above the median. With one reporting cluster nobody is above the median.
2. **Effort level**: an effort that three (``effort_call_min``) or more clusters
   support with fit ≥ 2 (``effort_support``) gets a ``targeted_call`` naming them.
3. **Region level**: three (``shared_environment_min``) or more high-fit clusters
   that answered "no physical presence" give a ``shared_environment``.
4. **Specialisation** (optional; off until register statistics are given): a
   high-fit cluster whose area's location quotient in the region is at least
   ``specialised_lq`` (default 1.2; None turns it off) has the fact
   ``specialised`` listed among its reasons. It supports the recommendation;
   it does not change the model.

Every recommendation carries the facts that fired it as `Reason` objects (a
code and parameters); `reason_text` turns one into a Danish or English sentence.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal

from klyngeradar.core.numbers import format_int
from klyngeradar.core.problems import InputError, Problem
from klyngeradar.core.specialisation.quotients import AreaLq, format_decimal
from klyngeradar.core.strategy.catalogue import CHECKLIST, ChecklistItem, ModelCode
from klyngeradar.core.strategy.engagement import (
    Engagement,
    EngagementWeights,
    agreement_count,
    engagement,
    members_in_region,
    presence_type,
)
from klyngeradar.core.strategy.fit import FitMatrix, FitRow, Overrides, fit_matrix
from klyngeradar.core.strategy.plan import Effort, Strategy, strategy_from_round
from klyngeradar.core.surveys.responses import Response, RoundData

PRESENT = frozenset({"own_office", "colocated_business_hub", "colocated_other"})


@dataclass(frozen=True)
class Thresholds:
    """The configurable bars of the rules; the defaults are the spec's v1."""

    high_fit: int = 2
    effort_support: int = 2
    effort_call_min: int = 3
    shared_environment_min: int = 3
    members_above: int | None = None
    high_engagement: int | None = None
    specialised_lq: Decimal | None = Decimal("1.2")

    def __post_init__(self) -> None:
        minimum = {"high_fit": 1, "effort_support": 1, "effort_call_min": 1}
        problems = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "specialised_lq":
                if value is not None and not (isinstance(value, Decimal) and value > 0):
                    problems.append(
                        Problem(
                            "must be a number above 0",
                            column=f.name,
                            value=str(value),
                            reason_da="skal være et tal over 0",
                        )
                    )
                continue
            if value is None and f.name in ("members_above", "high_engagement"):
                continue
            if isinstance(value, bool) or not isinstance(value, int):
                problems.append(
                    Problem(
                        "must be a whole number",
                        column=f.name,
                        value=str(value),
                        reason_da="skal være et helt tal",
                    )
                )
            elif value < minimum.get(f.name, 0):
                problems.append(
                    Problem(
                        f"must be ≥ {minimum.get(f.name, 0)}",
                        column=f.name,
                        value=str(value),
                        reason_da=f"skal være ≥ {minimum.get(f.name, 0)}",
                    )
                )
        if self.high_engagement is not None and not 0 <= self.high_engagement <= 100:
            problems.append(
                Problem("must be 0–100", column="high_engagement", reason_da="skal være 0–100")
            )
        if problems:
            raise InputError(problems)


@dataclass(frozen=True)
class Reason:
    """A fact that fired a rule: a stable code and the values a sentence needs."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Recommendation:
    """One cluster's model (None = keep informed), the reasons and the checklist."""

    cluster: str
    label: str
    model: ModelCode | None
    reasons: tuple[Reason, ...]
    checklist: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class EffortCall:
    """A ``targeted_call`` within one effort, naming the clusters that support it."""

    effort: Effort
    clusters: tuple[str, ...]
    reasons: tuple[Reason, ...]
    checklist: tuple[ChecklistItem, ...] = CHECKLIST
    model: ModelCode = "targeted_call"


@dataclass(frozen=True)
class RegionRecommendation:
    """A model for the whole region (v1: ``shared_environment``)."""

    model: ModelCode
    reasons: tuple[Reason, ...]
    checklist: tuple[ChecklistItem, ...] = CHECKLIST


@dataclass(frozen=True)
class Recommendations:
    """The whole answer for a round: fit, engagement and the three levels of recommendations."""

    strategy: Strategy
    thresholds: Thresholds
    fit: FitMatrix
    engagement: Engagement
    members_bar: float | None
    clusters: tuple[Recommendation, ...]
    effort_calls: tuple[EffortCall, ...]
    region: tuple[RegionRecommendation, ...]

    def for_cluster(self, cluster: str) -> Recommendation | None:
        return next((r for r in self.clusters if r.cluster == cluster), None)

    def as_dict(self, lang: str = "da") -> dict[str, object]:
        """The JSON of ``klyngeradar recommend``, with reasons as sentences in `lang`."""
        return {
            "fit": self.fit.as_dict(),
            "engagement": self.engagement.as_dict(),
            "recommendations": [
                {
                    "cluster": r.cluster,
                    "model": r.model,
                    "reasons": [reason_text(x, lang) for x in r.reasons],
                    "checklist": [item.text(lang) for item in r.checklist],
                }
                for r in self.clusters
            ],
            "effort_calls": [
                {"effort": c.effort.slug, "clusters": list(c.clusters)} for c in self.effort_calls
            ],
            "region": [
                {"model": r.model, "reasons": [reason_text(x, lang) for x in r.reasons]}
                for r in self.region
            ],
        }


def recommend(
    round: RoundData,
    *,
    strategy: Strategy | None = None,
    overrides: Overrides | None = None,
    thresholds: Thresholds = Thresholds(),  # noqa: B008 - frozen, so a shared default is safe
    weights: EngagementWeights | None = None,
    specialisation: Mapping[str, AreaLq] | None = None,
) -> Recommendations:
    """Recommend collaboration models for `round`; pure: the same input gives the same output.

    `strategy` defaults to the round's efforts; `overrides` are the analyst's fit
    cells ``{(cluster, effort): (score, note)}``; `weights` the engagement weights;
    `specialisation` each cluster's area LQ in the region, when statistics exist.
    """
    strategy = strategy or strategy_from_round(round)
    matrix = fit_matrix(round, strategy=strategy, overrides=overrides)
    scores = engagement(round, weights)
    members = [m for r in round.responses if (m := members_in_region(r)) is not None]
    if thresholds.members_above is not None:
        bar: float | None = thresholds.members_above
    else:
        bar = statistics.median(members) if members else None
    names = {e.slug: e.name for e in strategy.efforts}
    clusters = tuple(
        _specialised(
            _cluster(response, row, scores, thresholds, bar, names), specialisation, thresholds
        )
        for response, row in zip(round.responses, matrix.rows, strict=True)
    )
    return Recommendations(
        strategy=strategy,
        thresholds=thresholds,
        fit=matrix,
        engagement=scores,
        members_bar=bar,
        clusters=clusters,
        effort_calls=_effort_calls(matrix, thresholds),
        region=_region(round, matrix, thresholds),
    )


def _cluster(
    response: Response,
    row: FitRow,
    scores: Engagement,
    th: Thresholds,
    bar: float | None,
    names: Mapping[str, str],
) -> Recommendation:
    def keep_informed(*reasons: Reason) -> Recommendation:
        return Recommendation(
            response.cluster, response.label, None, (*reasons, Reason("keep_informed")), ()
        )

    if row.score is None:
        return keep_informed(Reason("fit_unknown" if response.responded else "no_response"))
    if row.score < th.high_fit:
        return keep_informed(Reason("fit_low", {"score": row.score, "threshold": th.high_fit}))
    supported = tuple(names[s] for s in row.supported(th.effort_support))
    fit = Reason("fit_high", {"score": row.score, "threshold": th.high_fit, "efforts": supported})

    presence = presence_type(response)
    agreements = agreement_count(response)
    anchor: list[Reason] = []
    if presence in PRESENT:
        anchor.append(Reason("presence", {"type": presence}))
    if agreements:
        anchor.append(Reason("agreement", {"count": agreements}))
    missing_anchor = [
        Reason("presence_unknown" if presence is None else "no_presence"),
        Reason("agreement_unknown" if agreements is None else "no_agreement"),
    ]

    members = members_in_region(response)
    median = th.members_above is None
    if members is None:
        members_fact = Reason("members_unknown")
    else:
        members_fact = Reason(
            "members_above" if bar is not None and members > bar else "members_not_above",
            {"members": members, "bar": bar, "median": median},
        )

    score_facts: list[Reason] = []
    score_ok = True
    if th.high_engagement is not None:
        score = scores.get(response.cluster).score
        score_ok = score is not None and score >= th.high_engagement
        code = "engagement_high" if score_ok else "engagement_low"
        score_facts.append(Reason(code, {"score": score, "threshold": th.high_engagement}))

    if anchor and members_fact.code == "members_above" and score_ok:
        return Recommendation(
            response.cluster,
            response.label,
            "cross_municipal_agreement",
            (fit, *anchor, members_fact, *score_facts),
            CHECKLIST,
        )
    low = [] if anchor else missing_anchor
    if members_fact.code != "members_above":
        low.append(members_fact)
    if not score_ok:
        low.extend(score_facts)
    return Recommendation(
        response.cluster, response.label, "concrete_collaboration", (fit, *low), CHECKLIST
    )


def _specialised(
    rec: Recommendation, specialisation: Mapping[str, AreaLq] | None, th: Thresholds
) -> Recommendation:
    """List the fact "the region is specialised in the cluster's area" when it fired."""
    if specialisation is None or th.specialised_lq is None or rec.model is None:
        return rec
    fact = specialisation.get(rec.cluster)
    if fact is None or fact.lq is None or fact.lq < th.specialised_lq:
        return rec
    reason = Reason(
        "specialised",
        {"area": fact.name, "lq": fact.lq, "threshold": th.specialised_lq, "year": fact.year},
    )
    return Recommendation(
        rec.cluster, rec.label, rec.model, (rec.reasons[0], reason, *rec.reasons[1:]), rec.checklist
    )


def _effort_calls(matrix: FitMatrix, th: Thresholds) -> tuple[EffortCall, ...]:
    calls = []
    for effort in matrix.efforts:
        rows = matrix.supporters(effort.slug, th.effort_support)
        if len(rows) >= th.effort_call_min:
            reason = Reason(
                "effort_supported",
                {
                    "effort": effort.name,
                    "count": len(rows),
                    "support": th.effort_support,
                    "minimum": th.effort_call_min,
                    "clusters": tuple(r.label for r in rows),
                },
            )
            calls.append(EffortCall(effort, tuple(r.cluster for r in rows), (reason,)))
    return tuple(calls)


def _region(
    round: RoundData, matrix: FitMatrix, th: Thresholds
) -> tuple[RegionRecommendation, ...]:
    absent = [
        row.label
        for response, row in zip(round.responses, matrix.rows, strict=True)
        if row.score is not None and row.score >= th.high_fit and presence_type(response) == "none"
    ]
    if len(absent) < th.shared_environment_min:
        return ()
    reason = Reason(
        "high_fit_without_presence",
        {"count": len(absent), "minimum": th.shared_environment_min, "clusters": tuple(absent)},
    )
    return (RegionRecommendation("shared_environment", (reason,)),)


# -- sentences --------------------------------------------------------------------------------

# One (Danish, English) template per reason code; a "/variant" suffix picks the wording
# for a special case (no efforts named, one agreement, a fixed bar, an unknown score).
_TEXTS: dict[str, tuple[str, str]] = {
    "no_response": (
        "Klyngen har ikke besvaret runden.",
        "The cluster did not answer the round.",
    ),
    "fit_unknown": (
        "Klyngen har ikke angivet, hvilke af regionens indsatser den kan bidrage til, "
        "så dens fit er ukendt.",
        "The cluster did not say which of the region's efforts it can contribute to, "
        "so its fit is unknown.",
    ),
    "fit_high": (
        "Højt fit med strategien: fit-score {score} (grænse {threshold}); bidrager til {efforts}.",
        "High fit with the strategy: fit score {score} (threshold {threshold}); "
        "contributes to {efforts}.",
    ),
    "fit_high/no_efforts": (
        "Højt fit med strategien: fit-score {score} (grænse {threshold}).",
        "High fit with the strategy: fit score {score} (threshold {threshold}).",
    ),
    "fit_low": (
        "Lavt fit med strategien: fit-score {score} er under grænsen {threshold}.",
        "Low fit with the strategy: fit score {score} is below the threshold of {threshold}.",
    ),
    "keep_informed": (
        "Hold klyngen orienteret; ingen samarbejdsmodel anbefales nu.",
        "Keep the cluster informed; no collaboration model is recommended for now.",
    ),
    "presence": (
        "Fysisk til stede i regionen ({type}).",
        "Physically present in the region ({type}).",
    ),
    "no_presence": (
        "Ingen fysisk tilstedeværelse i regionen.",
        "No physical presence in the region.",
    ),
    "presence_unknown": (
        "Fysisk tilstedeværelse er ikke oplyst.",
        "Physical presence was not reported.",
    ),
    "agreement": (
        "{count} samarbejdsaftaler med aktører eller kommuner i regionen.",
        "{count} collaboration agreements with actors or municipalities in the region.",
    ),
    "agreement/one": (
        "1 samarbejdsaftale med en aktør eller kommune i regionen.",
        "1 collaboration agreement with an actor or a municipality in the region.",
    ),
    "no_agreement": (
        "Ingen samarbejdsaftale med aktører eller kommuner i regionen.",
        "No collaboration agreement with actors or municipalities in the region.",
    ),
    "agreement_unknown": (
        "Samarbejdsaftaler er ikke oplyst.",
        "Agreements were not reported.",
    ),
    "members_above": (
        "{members} {members_noun} i regionen – over rundens median på {bar}.",
        "{members} {members_noun} in the region, above the round's median of {bar}.",
    ),
    "members_above/fixed": (
        "{members} {members_noun} i regionen – over grænsen på {bar}.",
        "{members} {members_noun} in the region, above the threshold of {bar}.",
    ),
    "members_not_above": (
        "{members} {members_noun} i regionen – ikke over rundens median på {bar}.",
        "{members} {members_noun} in the region, not above the round's median of {bar}.",
    ),
    "members_not_above/fixed": (
        "{members} {members_noun} i regionen – ikke over grænsen på {bar}.",
        "{members} {members_noun} in the region, not above the threshold of {bar}.",
    ),
    "members_unknown": (
        "Antal medlemmer i regionen er ikke oplyst.",
        "Members in the region were not reported.",
    ),
    "engagement_high": (
        "Engagementsscore {score} er mindst grænsen {threshold}.",
        "Engagement score {score} is at least the threshold of {threshold}.",
    ),
    "engagement_low": (
        "Engagementsscore {score} er under grænsen {threshold}.",
        "Engagement score {score} is below the threshold of {threshold}.",
    ),
    "engagement_low/unknown": (
        "Engagementsscoren er ukendt (ingen besvarede input).",
        "The engagement score is unknown (no answered inputs).",
    ),
    "effort_supported": (
        "{count} klynger bidrager til indsatsen »{effort}« "
        "(fit ≥ {support}; mindst {minimum} kræves): {clusters}.",
        "{count} clusters contribute to the effort “{effort}” "
        "(fit ≥ {support}; at least {minimum} needed): {clusters}.",
    ),
    "specialised": (
        "Regionen er specialiseret i klyngens område ({area}): LQ {lq} i {year} "
        "(grænse {threshold}).",
        "The region is specialised in the cluster's area ({area}): LQ {lq} in {year} "
        "(threshold {threshold}).",
    ),
    "high_fit_without_presence": (
        "{count} klynger med højt fit er ikke fysisk til stede i regionen "
        "(mindst {minimum} kræves): {clusters}.",
        "{count} high-fit clusters have no physical presence in the region "
        "(at least {minimum} needed): {clusters}.",
    ),
}

_PRESENCE_TEXT = {
    "own_office": ("eget kontor", "own office"),
    "colocated_business_hub": ("samlokation med Erhvervshuset", "co-located with the Business Hub"),
    "colocated_other": ("samlokation med anden aktør", "co-located with another actor"),
}


def _variant(reason: Reason) -> str:
    p = reason.params
    code = reason.code
    if code == "fit_high" and not p.get("efforts"):
        return "fit_high/no_efforts"
    if code == "agreement" and p.get("count") == 1:
        return "agreement/one"
    if code in ("members_above", "members_not_above") and not p.get("median", True):
        return f"{code}/fixed"
    if code == "engagement_low" and p.get("score") is None:
        return "engagement_low/unknown"
    return code


def _format(key: str, value: object, lang: str) -> str:
    if key == "type":
        return _PRESENCE_TEXT[str(value)][lang == "en"]
    if isinstance(value, tuple | list):
        # Effort names often contain "og"/"and" themselves, so they are quoted.
        quote = ("»{}«" if lang == "da" else "“{}”") if key == "efforts" else "{}"
        items = [quote.format(v) for v in value]
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {'og' if lang == 'da' else 'and'} {items[-1]}"
    if isinstance(value, Decimal):
        return format_decimal(value, 2, lang)
    if key == "year":
        return str(value)
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:.1f}"
        return text.replace(".", ",") if lang == "da" else text
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_int(int(value), lang)
    return "–" if value is None else str(value)


def reason_text(reason: Reason, lang: str = "da") -> str:
    """The reason as one sentence in Danish (``da``, the default) or English (``en``).

    >>> reason_text(Reason("fit_low", {"score": 2, "threshold": 4}), "en")
    'Low fit with the strategy: fit score 2 is below the threshold of 4.'
    """
    if lang not in ("da", "en"):
        raise ValueError(f"unknown language {lang!r}; use da or en")
    template = _TEXTS[_variant(reason)][lang == "en"]
    params = {k: _format(k, v, lang) for k, v in reason.params.items()}
    if "members" in reason.params:
        one = reason.params["members"] == 1
        params["members_noun"] = (
            ("member" if one else "members") if lang == "en" else ("medlem" if one else "medlemmer")
        )
    return template.format(**params)
