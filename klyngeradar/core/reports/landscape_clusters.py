"""The clusters the deck's landscape counts: those of the programme current on its day.

The registry models designations per programme period (`klyngeradar.core.registry.
programmes`); the landscape's table, title, footnotes and business-model figures all
count the same `ProgrammeClusters`, so no slide says 11 where another says 13.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
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
    `chosen` is True when the programme was chosen rather than the one current on the day.
    """

    programme: Programme | None
    clusters: tuple[ClusterFacts, ...]
    day: date
    unconfirmed: frozenset[str] = frozenset()
    ended: int = 0
    chosen: bool = False

    @property
    def stated(self) -> int | None:
        """How many clusters the programme's source gives, less those that ended by the day."""
        if self.programme is None or self.programme.clusters is None:
            return None
        return self.programme.clusters - self.ended


def chosen_programme(programmes: ProgrammeReference, slug: str) -> Programme:
    """The programme period `slug` names; ValueError naming the known ones otherwise."""
    for programme in programmes.programmes:
        if programme.slug == slug:
            return programme
    known = ", ".join(p.slug for p in programmes.programmes) or "none"
    raise ValueError(f"unknown programme {slug!r}; known: {known}")


def within(programme: Programme, day: date) -> date:
    """`day` moved into the programme's period: its start before it, its end after it.

    A chosen programme's clusters are those designated on a day of its own period; a
    2023 round shown with Klyngeprogram 2025–2028 lists the clusters of 1 January 2025.
    """
    return min(max(day, programme.start), programme.end)


def programme_clusters(
    clusters: Iterable[ClusterFacts],
    programmes: ProgrammeReference | None,
    day: date,
    programme: str | None = None,
) -> ProgrammeClusters:
    """The clusters of the programme current on `day`, in the registry's order.

    Without programmes, or when none has started by `day`, the clusters active on `day`.
    `programme`, a programme's slug, chooses that programme instead; its clusters are
    those designated on `day` moved into its period (`within`), which is then the day.
    """
    clusters = tuple(clusters)
    if programme is not None:
        if programmes is None:
            raise ValueError(f"unknown programme {programme!r}; no programmes are known")
        chosen = chosen_programme(programmes, programme)
        found = _designated(clusters, programmes, chosen, within(chosen, day))
        return replace(found, chosen=True)
    current = current_programme(programmes.programmes, day) if programmes else None
    if current is None:
        return ProgrammeClusters(None, tuple(c for c in clusters if c.is_active(day)), day)
    return _designated(clusters, programmes, current, day)


def _designated(
    clusters: tuple[ClusterFacts, ...],
    programmes: ProgrammeReference,
    programme: Programme,
    day: date,
) -> ProgrammeClusters:
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
    return round_landscape_day(ctx.round.info.year, ctx.as_of)


def round_landscape_day(year: int | None, as_of: date) -> date:
    """`landscape_day` for a round of `year` reported on `as_of`."""
    if year is not None and year < as_of.year:
        return date(year, 12, 31)
    return as_of
