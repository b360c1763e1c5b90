"""The engagement score: how engaged each cluster is in the region, 0–100, every part shown.

Six components come from the round's answers, each turned into a level 0–1:

============  ===============================================  ==========================
component     answer(s)                                        level
============  ===============================================  ==========================
presence      ``presence.type``                                own office 1, co-located
                                                               (Business Hub or other)
                                                               0.5, none 0
members       ``members.region``                               share of the region total
                                                               ÷ the largest share
companies     ``participation.companies``                      ÷ the round's largest
partners      ``partners.actors`` + ``partners.municipalities``  count ÷ the round's largest
agreements    ``agreements.actors`` +                          count ÷ the round's largest
              ``agreements.municipalities``
dialogue      ``dialogue.willing``                             yes 1, maybe 0.5, no 0
============  ===============================================  ==========================

The counts are relative to the round's most engaged cluster (a round whose
largest value is 0 gives everyone level 0), so the score compares clusters
within a round and needs no fixed yardstick.

    score = round_half_up(100 × Σ weight·level ÷ Σ weight), over the answered components

A missing answer lowers confidence, not the score: it is left out of both sums
(the weights of the answered components are renormalised) and counted in
``inputs`` (k answered) of ``of`` (n components). A cluster with no answered
component (e.g. one that did not respond) has score ``None``.
Default weights: presence 20, members 20, companies 20, agreements 20,
partners 10, dialogue 10.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_UP, Decimal

from klyngeradar.core.numbers import percent
from klyngeradar.core.problems import InputError, Problem
from klyngeradar.core.surveys.responses import Response, RoundData

COMPONENTS = ("presence", "members", "companies", "partners", "agreements", "dialogue")

PRESENCE_LEVELS = {
    "own_office": 1.0,
    "colocated_business_hub": 0.5,
    "colocated_other": 0.5,
    "none": 0.0,
}
DIALOGUE_LEVELS = {"yes": 1.0, "maybe": 0.5, "no": 0.0}


@dataclass(frozen=True)
class EngagementWeights:
    """The weight of each component; only their ratios matter."""

    presence: float = 20
    members: float = 20
    companies: float = 20
    partners: float = 10
    agreements: float = 20
    dialogue: float = 10

    def __post_init__(self) -> None:
        problems = [
            Problem(
                "weight must be a number ≥ 0",
                column=f.name,
                value=str(getattr(self, f.name)),
                reason_da="vægten skal være et tal ≥ 0",
            )
            for f in fields(self)
            if isinstance(getattr(self, f.name), bool)
            or not isinstance(getattr(self, f.name), int | float)
            or getattr(self, f.name) < 0
        ]
        if not problems and sum(self.of(name) for name in COMPONENTS) <= 0:
            problems.append(
                Problem(
                    "at least one weight must be above 0",
                    column="weights",
                    reason_da="mindst én vægt skal være over 0",
                )
            )
        if problems:
            raise InputError(problems)

    def of(self, component: str) -> float:
        return getattr(self, component)


@dataclass(frozen=True)
class Component:
    """One component of a cluster's score: the raw answer, its level 0–1 and its weight.

    `value` is the answer as given (an option code or a count) and `level` is
    ``None`` when the question was not answered. `share` is the percentage of
    the region total, for ``members`` only.
    """

    name: str
    value: str | int | None
    level: float | None
    weight: float
    share: int | None = None

    @property
    def answered(self) -> bool:
        return self.level is not None


@dataclass(frozen=True)
class EngagementScore:
    """One cluster's score (None when nothing was answered) and every component behind it."""

    cluster: str
    label: str
    score: int | None
    components: tuple[Component, ...]

    @property
    def inputs(self) -> int:
        return sum(1 for c in self.components if c.answered)

    @property
    def of(self) -> int:
        return len(self.components)

    def component(self, name: str) -> Component:
        return next(c for c in self.components if c.name == name)

    def as_dict(self) -> dict[str, object]:
        components: dict[str, dict[str, object]] = {}
        for c in self.components:
            entry: dict[str, object] = {
                "value": c.value,
                "level": None if c.level is None else _two_decimals(c.level),
                "weight": c.weight,
            }
            if c.name == "members":
                entry["share"] = c.share
            components[c.name] = entry
        return {"score": self.score, "components": components, "inputs": self.inputs, "of": self.of}


@dataclass(frozen=True)
class Engagement:
    """Every invited cluster's engagement score, in the round's order."""

    scores: tuple[EngagementScore, ...]
    weights: EngagementWeights
    region_members: int | None

    def get(self, cluster: str) -> EngagementScore | None:
        return next((s for s in self.scores if s.cluster == cluster), None)

    def as_dict(self) -> dict[str, dict[str, object]]:
        return {s.cluster: s.as_dict() for s in self.scores}


def presence_type(response: Response) -> str | None:
    value = response.get("presence.type") if response.responded else None
    return value if isinstance(value, str) else None


def members_in_region(response: Response) -> int | None:
    value = response.get("members.region") if response.responded else None
    return value if isinstance(value, int) else None


def _count(*questions: str) -> Callable[[Response], int | None]:
    """A count of the codes in one or more ``multi`` answers; None when none is answered."""

    def count(response: Response) -> int | None:
        if not response.responded:
            return None
        values = [response.get(q) for q in questions]
        sets = [v for v in values if isinstance(v, frozenset)]
        return sum(len(s) for s in sets) if sets else None

    return count


def _int(question: str) -> Callable[[Response], int | None]:
    def value(response: Response) -> int | None:
        answer = response.get(question) if response.responded else None
        return answer if isinstance(answer, int) else None

    return value


partner_count = _count("partners.actors", "partners.municipalities")
agreement_count = _count("agreements.actors", "agreements.municipalities")
_COUNTS: dict[str, Callable[[Response], int | None]] = {
    "members": members_in_region,
    "companies": _int("participation.companies"),
    "partners": partner_count,
    "agreements": agreement_count,
}


def engagement(round: RoundData, weights: EngagementWeights | None = None) -> Engagement:
    """Score every invited cluster in `round`; see the module docstring for the formula."""
    weights = weights or EngagementWeights()
    maxima = {name: _max(round, count) for name, count in _COUNTS.items()}
    reported = [m for r in round.responses if (m := members_in_region(r)) is not None]
    region_members = sum(reported) if reported else None
    scores = []
    for response in round.responses:
        components = []
        for name in COMPONENTS:
            weight = weights.of(name)
            if name == "presence":
                value = presence_type(response)
                level = PRESENCE_LEVELS.get(value) if value is not None else None
                components.append(Component(name, value, level, weight))
            elif name == "dialogue":
                raw = response.get("dialogue.willing") if response.responded else None
                value = raw if isinstance(raw, str) else None
                level = DIALOGUE_LEVELS.get(value) if value is not None else None
                components.append(Component(name, value, level, weight))
            else:
                value = _COUNTS[name](response)
                level = None if value is None else _relative(value, maxima[name])
                share = None
                if name == "members" and value is not None and region_members is not None:
                    share = percent(value, region_members)
                components.append(Component(name, value, level, weight, share))
        scores.append(
            EngagementScore(response.cluster, response.label, _score(components), tuple(components))
        )
    return Engagement(tuple(scores), weights, region_members)


def _max(round: RoundData, count: Callable[[Response], int | None]) -> int | None:
    values = [v for r in round.responses if (v := count(r)) is not None]
    return max(values) if values else None


def _relative(value: int, maximum: int | None) -> float:
    return value / maximum if maximum else 0.0


def _score(components: list[Component]) -> int | None:
    answered = [c for c in components if c.answered]
    total = sum(c.weight for c in answered)
    if not answered or total <= 0:
        return None
    raw = (
        Decimal(100) * Decimal(str(sum(c.weight * c.level for c in answered))) / Decimal(str(total))
    )
    # Round the float noise away before rounding half up, so 62.5 stays 62.5.
    return int(raw.quantize(Decimal("0.000001")).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _two_decimals(level: float) -> float:
    """A level as JSON shows it: two decimals, rounded half up like every other figure."""
    return float(Decimal(str(level)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
