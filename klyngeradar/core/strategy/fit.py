"""The fit matrix: how well each cluster can support each of the region's strategy efforts.

Each cell is 0–3 (none, weak, clear, strong) or ``None`` (unknown), with its source:

- ``survey``: the cluster answered ``strategy.efforts``; a ticked effort scores 2
  (clear), an effort it did not tick scores 0.
- ``analyst``: set by hand with a note; it wins over the survey.

A cluster that did not respond, or responded without answering
``strategy.efforts``, has unknown cells (``None``), never 0. A row's score is
the sum of its known cells, and ``None`` when every cell is unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from klyngeradar.core.problems import InputError, Problem
from klyngeradar.core.strategy.plan import Effort, Strategy, strategy_from_round
from klyngeradar.core.surveys.responses import RoundData

FitSource = Literal["survey", "analyst"]
Overrides = Mapping[tuple[str, str], tuple[int, str]]

SURVEY_SCORE = 2
MAX_SCORE = 3
FIT_LEVELS = {0: "none", 1: "weak", 2: "clear", 3: "strong"}


@dataclass(frozen=True)
class FitCell:
    """One cluster × effort cell; ``score`` and ``source`` are None when unknown."""

    score: int | None = None
    source: FitSource | None = None
    note: str | None = None


UNKNOWN = FitCell()


@dataclass(frozen=True)
class FitRow:
    """One cluster's fit with every effort, in the strategy's order of efforts."""

    cluster: str
    label: str
    responded: bool
    cells: tuple[tuple[str, FitCell], ...]

    def cell(self, effort: str) -> FitCell:
        return dict(self.cells).get(effort, UNKNOWN)

    @property
    def score(self) -> int | None:
        known = [c.score for _, c in self.cells if c.score is not None]
        return sum(known) if known else None

    @property
    def known(self) -> bool:
        return self.score is not None

    def supported(self, minimum: int) -> tuple[str, ...]:
        """The efforts this cluster supports with a score of at least `minimum`."""
        return tuple(s for s, c in self.cells if c.score is not None and c.score >= minimum)


@dataclass(frozen=True)
class FitMatrix:
    """Clusters (rows, in the round's order) × efforts (columns, in the strategy's order)."""

    efforts: tuple[Effort, ...]
    rows: tuple[FitRow, ...]

    def row(self, cluster: str) -> FitRow | None:
        return next((r for r in self.rows if r.cluster == cluster), None)

    def supporters(self, effort: str, minimum: int) -> tuple[FitRow, ...]:
        """The rows whose cell for `effort` scores at least `minimum`, in the round's order."""
        return tuple(
            r for r in self.rows if (s := r.cell(effort).score) is not None and s >= minimum
        )

    def as_dict(self) -> dict[str, dict[str, int | None]]:
        """``{cluster: {effort: score}}`` with ``None`` for an unknown cell."""
        return {r.cluster: {s: c.score for s, c in r.cells} for r in self.rows}


def fit_matrix(
    round: RoundData, *, strategy: Strategy | None = None, overrides: Overrides | None = None
) -> FitMatrix:
    """Compute the fit matrix of `round` against `strategy` (default: the round's efforts).

    `overrides` maps ``(cluster, effort)`` to ``(score, note)``: the analyst's
    cell, which wins over the survey. Every override is checked first; a bad one
    raises `InputError` listing every problem.
    """
    strategy = strategy or strategy_from_round(round)
    checked = _check_overrides(round, strategy, overrides or {})
    rows = []
    for response in round.responses:
        ticked = response.get("strategy.efforts") if response.responded else None
        cells = []
        for effort in strategy.efforts:
            key = (response.cluster, effort.slug)
            if key in checked:
                score, note = checked[key]
                cell = FitCell(score, "analyst", note)
            elif isinstance(ticked, frozenset):
                cell = FitCell(SURVEY_SCORE if effort.slug in ticked else 0, "survey")
            else:
                cell = UNKNOWN
            cells.append((effort.slug, cell))
        rows.append(FitRow(response.cluster, response.label, response.responded, tuple(cells)))
    return FitMatrix(strategy.efforts, tuple(rows))


def _check_overrides(
    round: RoundData, strategy: Strategy, overrides: Overrides
) -> dict[tuple[str, str], tuple[int, str]]:
    clusters = {r.cluster for r in round.responses}
    efforts = set(strategy.slugs)
    problems: list[Problem] = []
    checked: dict[tuple[str, str], tuple[int, str]] = {}
    for key, value in overrides.items():
        cluster, effort = key
        where = f"{cluster} × {effort}"
        if cluster not in clusters:
            problems.append(
                Problem(
                    "is not a cluster in the round",
                    column="cluster",
                    value=cluster,
                    reason_da="er ikke en klynge i runden",
                )
            )
            continue
        if effort not in efforts:
            problems.append(
                Problem(
                    "is not an effort of the strategy",
                    column="effort",
                    value=effort,
                    reason_da="er ikke en indsats i strategien",
                )
            )
            continue
        score, note = value
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= MAX_SCORE:
            problems.append(
                Problem(
                    "fit must be a whole number 0–3",
                    column=where,
                    value=str(score),
                    reason_da="fit skal være et helt tal 0–3",
                )
            )
            continue
        if not isinstance(note, str) or not note.strip():
            problems.append(
                Problem(
                    "the analyst's fit needs a note saying why",
                    column=where,
                    reason_da="analytikerens fit skal have en note om hvorfor",
                )
            )
            continue
        checked[key] = (score, note.strip())
    if problems:
        raise InputError(problems)
    return checked
