"""Programme periods, designations and lineage: a cluster's status belongs to a period.

A *designation* says what one cluster organisation was in one programme period
(designated, funded, ended, dropped or bankrupt, from when to when, with its
grant and the grant's year); *lineage* says that an organisation merged into,
was renamed to or was succeeded by another. Both ship as reference data
(``data/reference/programmes.json``), every row with its source and a verified
flag, and both can be edited by the analyst (the registry workbook).

`check_registry` checks rows whole before anything is stored: an unknown
cluster or programme, a designation outside its programme's period, a
duplicate designation and a lineage loop are each named with their place.
`current_programme(programmes, day)` is the programme in force on a day.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Literal

from klyngeradar.core.problems import InputError, Problem

STATUSES: tuple[str, ...] = ("designated", "funded", "ended", "dropped", "bankrupt")
LINEAGE_KINDS: tuple[str, ...] = ("merged_into", "renamed_to", "succeeded_by")

Status = Literal["designated", "funded", "ended", "dropped", "bankrupt"]
LineageKind = Literal["merged_into", "renamed_to", "succeeded_by"]


@dataclass(frozen=True)
class Programme:
    """A programme period, e.g. Klyngeprogram 2025–2028; `clusters`: the count its source gives."""

    slug: str
    name: str
    start: date
    end: date
    source: str
    verified: bool
    clusters: int | None = None
    grant_dkk: int | None = None
    grant_year: int | None = None
    unverified_fields: tuple[str, ...] = ()
    note_da: str = ""
    note_en: str = ""

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end

    def note(self, lang: str = "da") -> str:
        return self.note_en if lang == "en" else self.note_da


@dataclass(frozen=True)
class Designation:
    """One cluster in one programme period: its status, period and grant, with provenance."""

    cluster: str
    programme: str
    status: Status
    period_from: date | None
    period_to: date | None
    source: str
    verified: bool
    grant_dkk: int | None = None
    grant_year: int | None = None
    note_da: str = ""
    note_en: str = ""

    def active_on(self, day: date) -> bool:
        """True when the cluster is one of the programme's clusters on `day` (within its period)."""
        if self.period_from is not None and day < self.period_from:
            return False
        return self.period_to is None or day <= self.period_to

    def note(self, lang: str = "da") -> str:
        return self.note_en if lang == "en" else self.note_da


@dataclass(frozen=True)
class Lineage:
    """`cluster` merged into / was renamed to / was succeeded by `successor` on `day`."""

    cluster: str
    kind: LineageKind
    successor: str
    day: date | None
    source: str
    verified: bool
    note_da: str = ""
    note_en: str = ""


@dataclass(frozen=True)
class ProgrammeReference:
    programmes: tuple[Programme, ...]
    designations: tuple[Designation, ...]
    lineage: tuple[Lineage, ...] = field(default=())


def current_programme(programmes: Iterable[Programme], day: date) -> Programme | None:
    """The programme whose period covers `day`; else the latest one that started before it."""
    ordered = sorted(programmes, key=lambda p: p.start)
    covering = [p for p in ordered if p.covers(day)]
    if covering:
        return covering[-1]
    started = [p for p in ordered if p.start <= day]
    return started[-1] if started else None


def designated_on(
    designations: Iterable[Designation], programme: Programme, day: date
) -> tuple[Designation, ...]:
    """The programme's designations active on `day` (its clusters that day), by slug."""
    return tuple(
        sorted(
            (d for d in designations if d.programme == programme.slug and d.active_on(day)),
            key=lambda d: d.cluster,
        )
    )


# Checking ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """Where a row came from, for its problems: file, sheet and 1-based row."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None


def _problem(place: Place, column: str, value: object, reason: str, reason_da: str) -> Problem:
    return Problem(
        reason,
        file=place.file,
        sheet=place.sheet,
        row=place.row,
        column=column,
        value=None if value is None else str(value),
        reason_da=reason_da,
    )


def check_registry(
    programmes: Mapping[str, Programme],
    clusters: Iterable[str],
    designations: Iterable[tuple[Place, Designation]],
    lineage: Iterable[tuple[Place, Lineage]],
) -> list[Problem]:
    """Every problem of the designation and lineage rows, given the known programmes and slugs."""
    known = set(clusters)
    problems: list[Problem] = []
    seen: dict[tuple[str, str], Place] = {}
    for place, d in designations:
        if d.cluster not in known:
            problems.append(
                _problem(
                    place, "cluster", d.cluster, "is not a known cluster", "er ikke en kendt klynge"
                )
            )
        programme = programmes.get(d.programme)
        if programme is None:
            problems.append(
                _problem(
                    place,
                    "programme",
                    d.programme,
                    "is not a known programme",
                    "er ikke en kendt programperiode",
                )
            )
        else:
            problems += _period_problems(place, d, programme)
        key = (d.cluster, d.programme)
        if key in seen:
            problems.append(
                _problem(
                    place,
                    "cluster",
                    d.cluster,
                    f"has a designation in {d.programme} already (row {seen[key].row})",
                    f"har allerede en udpegning i {d.programme} (række {seen[key].row})",
                )
            )
        else:
            seen[key] = place
        if d.status not in STATUSES:
            problems.append(
                _problem(
                    place,
                    "status",
                    d.status,
                    f"is not a status (use {', '.join(STATUSES)})",
                    f"er ikke en status (brug {', '.join(STATUSES)})",
                )
            )
    rows = list(lineage)
    for place, link in rows:
        for column, slug in (("cluster", link.cluster), ("successor", link.successor)):
            if slug not in known:
                problems.append(
                    _problem(
                        place, column, slug, "is not a known cluster", "er ikke en kendt klynge"
                    )
                )
        if link.kind not in LINEAGE_KINDS:
            problems.append(
                _problem(
                    place,
                    "kind",
                    link.kind,
                    f"is not a kind of lineage (use {', '.join(LINEAGE_KINDS)})",
                    f"er ikke en slags afstamning (brug {', '.join(LINEAGE_KINDS)})",
                )
            )
    problems += _loops(rows)
    return problems


def _period_problems(place: Place, d: Designation, programme: Programme) -> list[Problem]:
    found = []
    for column, day in (("period_from", d.period_from), ("period_to", d.period_to)):
        if day is not None and not programme.covers(day):
            found.append(
                _problem(
                    place,
                    column,
                    day.isoformat(),
                    f"is outside the period of {programme.slug} "
                    f"({programme.start.isoformat()} to {programme.end.isoformat()})",
                    f"ligger uden for perioden for {programme.slug} "
                    f"({programme.start.isoformat()} til {programme.end.isoformat()})",
                )
            )
    if d.period_from and d.period_to and d.period_to < d.period_from:
        found.append(
            _problem(
                place,
                "period_to",
                d.period_to.isoformat(),
                "is before period_from",
                "ligger før period_from",
            )
        )
    return found


def _loops(rows: list[tuple[Place, Lineage]]) -> list[Problem]:
    """A problem for each lineage row that closes a loop (A → B → … → A)."""
    successors: dict[str, list[str]] = {}
    problems = []
    for place, link in rows:
        if _reaches(successors, link.successor, link.cluster):
            path = f"{link.cluster} → {link.successor}"
            problems.append(
                _problem(
                    place,
                    "successor",
                    link.successor,
                    f"makes a loop in the lineage ({path} leads back to {link.cluster})",
                    f"giver en løkke i afstamningen ({path} fører tilbage til {link.cluster})",
                )
            )
            continue
        successors.setdefault(link.cluster, []).append(link.successor)
    return problems


def _reaches(successors: Mapping[str, list[str]], start: str, goal: str) -> bool:
    stack, seen = [start], set()
    while stack:
        slug = stack.pop()
        if slug == goal:
            return True
        if slug not in seen:
            seen.add(slug)
            stack.extend(successors.get(slug, ()))
    return False


# The shipped reference data -----------------------------------------------------------


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def load_programme_reference(
    document: Mapping[str, Any], *, clusters: Iterable[str], file: str = "programmes.json"
) -> ProgrammeReference:
    """Read and check ``programmes.json``; InputError names every bad row."""
    programmes = tuple(
        Programme(
            slug=p["slug"],
            name=p["name"],
            start=date.fromisoformat(p["start"]),
            end=date.fromisoformat(p["end"]),
            source=p["source"],
            verified=bool(p["verified"]),
            clusters=p.get("clusters"),
            grant_dkk=p.get("grant_dkk"),
            grant_year=p.get("grant_year"),
            unverified_fields=tuple(p.get("unverified_fields", ())),
            note_da=p.get("note_da", ""),
            note_en=p.get("note_en", ""),
        )
        for p in document.get("programmes", [])
    )
    designations = [
        (
            Place(file, "designations", number),
            Designation(
                cluster=d["cluster"],
                programme=d["programme"],
                status=d["status"],
                period_from=_day(d.get("period_from")),
                period_to=_day(d.get("period_to")),
                source=d["source"],
                verified=bool(d["verified"]),
                grant_dkk=d.get("grant_dkk"),
                grant_year=d.get("grant_year"),
                note_da=d.get("note_da", ""),
                note_en=d.get("note_en", ""),
            ),
        )
        for number, d in enumerate(document.get("designations", []), start=1)
    ]
    lineage = [
        (
            Place(file, "lineage", number),
            Lineage(
                cluster=row["cluster"],
                kind=row["kind"],
                successor=row["successor"],
                day=_day(row.get("date")),
                source=row["source"],
                verified=bool(row["verified"]),
                note_da=row.get("note_da", ""),
                note_en=row.get("note_en", ""),
            ),
        )
        for number, row in enumerate(document.get("lineage", []), start=1)
    ]
    problems = check_registry({p.slug: p for p in programmes}, clusters, designations, lineage)
    if problems:
        raise InputError(problems)
    return ProgrammeReference(
        programmes=programmes,
        designations=tuple(d for _, d in designations),
        lineage=tuple(link for _, link in lineage),
    )


@cache
def reference_programmes() -> ProgrammeReference:
    """The shipped programmes (Innovationskraft 2021–2024, Klyngeprogram 2025–2028) and rows."""
    from klyngeradar.core.registry.reference import reference_clusters

    text = (
        resources.files("klyngeradar.data.reference").joinpath("programmes.json").read_text("utf-8")
    )
    slugs = [c.slug for c in reference_clusters()]
    return load_programme_reference(json.loads(text), clusters=slugs)
