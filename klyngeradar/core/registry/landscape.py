"""The clusters' business models in figures: ranges across the registry, each with its base.

"Staff from 7 to 45 (9 of 13 clusters reported)": a range is computed only from
the clusters that reported the figure; ``None`` when none did. The seed report's
programme-level facts (`LandscapeFact`) are passed through next to them, since
they describe the whole landscape and cannot be spread onto single clusters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from klyngeradar.core.numbers import percent
from klyngeradar.core.registry.reference import ClusterFacts, LandscapeFact


@dataclass(frozen=True)
class Range:
    """Lowest and highest reported value; ``low``/``high`` are None when nobody reported.

    ``includes_unverified`` is True when a reported value is not confirmed by its source.
    """

    low: int | None
    high: int | None
    reported: int
    base: int
    includes_unverified: bool

    @property
    def spread(self) -> float | None:
        """high / low (e.g. "the largest is 25 times the smallest"); None when undefined."""
        if self.low is None or self.high is None or self.low == 0:
            return None
        return self.high / self.low


@dataclass(frozen=True)
class Count:
    """How many of the clusters that reported have the property."""

    count: int | None
    reported: int
    base: int
    includes_unverified: bool


@dataclass(frozen=True)
class BusinessModels:
    """The registry's figures for one set of clusters (the deck's "forretningsmodeller")."""

    base: int
    staff: Range
    members: Range
    board_size: Range
    budget_dkk: Range
    grant_dkk: Range
    funding_ratio_percent: Range
    chair_from_business: Count
    seed_facts: tuple[LandscapeFact, ...]


def _range(values: list[tuple[int, bool]], base: int) -> Range:
    if not values:
        return Range(None, None, 0, base, False)
    numbers = [v for v, _ in values]
    return Range(min(numbers), max(numbers), len(values), base, not all(ok for _, ok in values))


def _field(clusters: tuple[ClusterFacts, ...], name: str) -> list[tuple[int, bool]]:
    return [
        (getattr(c, name), c.is_confirmed(name)) for c in clusters if getattr(c, name) is not None
    ]


def business_models(
    clusters: Iterable[ClusterFacts],
    seed_facts: Iterable[LandscapeFact] = (),
    *,
    as_of: date | None = None,
) -> BusinessModels:
    """Compute ranges of staff, members, board size, funding and chairs across ``clusters``.

    With ``as_of``, only clusters active on that day count (MARLOG drops out after 2022).
    The funding ratio is the Innovationskraft grant as a whole percentage of the
    budget, for clusters that reported both for the same year (budget > 0).
    """
    chosen = tuple(c for c in clusters if as_of is None or c.is_active(as_of))
    base = len(chosen)

    ratios = [
        (
            percent(c.grant_dkk, c.budget_dkk),
            c.is_confirmed("grant_dkk") and c.is_confirmed("budget_dkk"),
        )
        for c in chosen
        if c.grant_dkk is not None and c.budget_dkk  # a budget of 0 has no ratio
    ]

    chairs = [(c.chair_from_business, c.is_confirmed("chair_from_business")) for c in chosen]
    chairs = [(value, ok) for value, ok in chairs if value is not None]
    chair_count = Count(
        count=sum(1 for value, _ in chairs if value) if chairs else None,
        reported=len(chairs),
        base=base,
        includes_unverified=not all(ok for _, ok in chairs),
    )

    return BusinessModels(
        base=base,
        staff=_range(_field(chosen, "staff"), base),
        members=_range(_field(chosen, "members"), base),
        board_size=_range(_field(chosen, "board_size"), base),
        budget_dkk=_range(_field(chosen, "budget_dkk"), base),
        grant_dkk=_range(_field(chosen, "grant_dkk"), base),
        funding_ratio_percent=_range(ratios, base),
        chair_from_business=chair_count,
        seed_facts=tuple(seed_facts),
    )
