"""The clusters the deck's landscape counts: those of the programme current on its day.

The registry models designations per programme period (`klyngeradar.core.registry.
programmes`); the landscape's table, title, footnotes and business-model figures all
count the same `ProgrammeClusters`, so no slide says 11 where another says 13.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from klyngeradar.core.registry.programmes import (
    Programme,
    ProgrammeReference,
    current_programme,
    designated_on,
)
from klyngeradar.core.registry.reference import ClusterFacts
from klyngeradar.core.reports.outline_base import Context


@dataclass(frozen=True)
class ProgrammeClusters:
    """The clusters the landscape slides count, and the programme they belong to.

    `programme` is None when no programme is known for the day; the clusters are then
    those active on it by their own dates. `unconfirmed` are the slugs whose
    designation for the programme is not confirmed by a source; `ended` counts the
    programme's designations no longer active on the day (a cluster gone bankrupt).
    """

    programme: Programme | None
    clusters: tuple[ClusterFacts, ...]
    day: date
    unconfirmed: frozenset[str] = frozenset()
    ended: int = 0

    @property
    def stated(self) -> int | None:
        """How many clusters the programme's source gives, less those that ended by the day."""
        if self.programme is None or self.programme.clusters is None:
            return None
        return self.programme.clusters - self.ended


def programme_clusters(
    clusters: Iterable[ClusterFacts], programmes: ProgrammeReference | None, day: date
) -> ProgrammeClusters:
    """The clusters of the programme current on `day`, in the registry's order.

    Without programmes, or when none has started by `day`, the clusters active on `day`.
    """
    clusters = tuple(clusters)
    programme = current_programme(programmes.programmes, day) if programmes else None
    if programme is None:
        return ProgrammeClusters(None, tuple(c for c in clusters if c.is_active(day)), day)
    designated = {d.cluster: d for d in designated_on(programmes.designations, programme, day)}
    ended = sum(
        1
        for d in programmes.designations
        if d.programme == programme.slug and d.cluster not in designated
    )
    return ProgrammeClusters(
        programme,
        tuple(c for c in clusters if c.slug in designated),
        day,
        frozenset(slug for slug, d in designated.items() if not d.verified),
        ended,
    )


def landscape_day(ctx: Context) -> date:
    """The day the landscape describes: the deck's date, within the round's own year.

    A 2023 round reported in 2026 (still open, so dated today) shows the programme of
    2023: its answers describe that year, not the programme that followed.
    """
    year = ctx.round.info.year
    if year is not None and year < ctx.as_of.year:
        return date(year, 12, 31)
    return ctx.as_of
