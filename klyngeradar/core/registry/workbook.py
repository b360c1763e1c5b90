"""The registry workbook: the analyst's export and import of areas, clusters, actors,
designations and lineage, each row with its source and verified flag.

`registry_tables(data)` lays the registry out as sheets; `parse_registry(tables, …)`
reads them back and checks the workbook whole before anything is stored. Every
problem names its sheet, row, column, value and reason: an unknown area, a
duplicate slug, a lineage loop, a designation outside its programme's period, a
bad number or date. A missing figure is an empty cell (None), never 0.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from klyngeradar.core.numbers import parse_whole_number
from klyngeradar.core.problems import InputError, Problem, danish_reason
from klyngeradar.core.registry import geography
from klyngeradar.core.registry.programmes import (
    Designation,
    Lineage,
    Place,
    Programme,
    check_registry,
)
from klyngeradar.core.registry.reference import ACTOR_KINDS
from klyngeradar.core.tables import Row, Table, column_letter

AREAS, CLUSTERS, ACTORS = "områder", "klynger", "aktører"
DESIGNATIONS, LINEAGE = "udpegninger", "afstamning"
COLUMNS: dict[str, tuple[str, ...]] = {
    AREAS: ("slug", "name", "source", "verified"),
    CLUSTERS: (
        "slug",
        "name",
        "area",
        "seat_municipality",
        "website",
        "staff",
        "members",
        "source",
        "verified",
    ),
    ACTORS: ("slug", "name", "kind", "region", "source", "verified"),
    DESIGNATIONS: (
        "cluster",
        "programme",
        "status",
        "period_from",
        "period_to",
        "grant_dkk",
        "grant_year",
        "source",
        "verified",
        "note_da",
        "note_en",
    ),
    LINEAGE: ("cluster", "kind", "successor", "date", "source", "verified", "note_da", "note_en"),
}
REQUIRED = {"slug", "name", "cluster", "programme", "status", "kind", "successor"}
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_YEAR = re.compile(r"^(19|20)\d\d$")
TRUE = {"ja", "yes", "true", "1", "sand", "x"}
FALSE = {"nej", "no", "false", "0", "falsk", ""}


@dataclass(frozen=True)
class AreaRow:
    slug: str
    name: str
    source: str
    verified: bool


@dataclass(frozen=True)
class ClusterRow:
    slug: str
    name: str
    area: str | None
    seat_municipality: str | None
    website: str
    staff: int | None
    members: int | None
    source: str
    verified: bool


@dataclass(frozen=True)
class ActorRow:
    slug: str
    name: str
    kind: str
    region: str | None
    source: str
    verified: bool


@dataclass(frozen=True)
class RegistryData:
    """The registry as the workbook holds it."""

    areas: tuple[AreaRow, ...] = ()
    clusters: tuple[ClusterRow, ...] = ()
    actors: tuple[ActorRow, ...] = ()
    designations: tuple[Designation, ...] = ()
    lineage: tuple[Lineage, ...] = ()


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, date):
        return value.isoformat()
    return value


def registry_tables(data: RegistryData) -> dict[str, Table]:
    """The registry as its five sheets, one row per record (the workbook the analyst edits)."""
    records = {
        AREAS: [(a.slug, a.name, a.source, a.verified) for a in data.areas],
        CLUSTERS: [
            (
                c.slug,
                c.name,
                c.area,
                c.seat_municipality,
                c.website,
                c.staff,
                c.members,
                c.source,
                c.verified,
            )
            for c in data.clusters
        ],
        ACTORS: [(a.slug, a.name, a.kind, a.region, a.source, a.verified) for a in data.actors],
        DESIGNATIONS: [
            (
                d.cluster,
                d.programme,
                d.status,
                d.period_from,
                d.period_to,
                d.grant_dkk,
                d.grant_year,
                d.source,
                d.verified,
                d.note_da,
                d.note_en,
            )
            for d in data.designations
        ],
        LINEAGE: [
            (x.cluster, x.kind, x.successor, x.day, x.source, x.verified, x.note_da, x.note_en)
            for x in data.lineage
        ],
    }
    return {
        name: Table(
            name,
            COLUMNS[name],
            tuple(
                Row(number, tuple(_cell(v) for v in values))
                for number, values in enumerate(rows, start=2)
            ),
            name,
        )
        for name, rows in records.items()
    }


class _Reader:
    """Reads one workbook's sheets, collecting every problem with its place."""

    def __init__(self, file: str | None):
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, table: Table, row: int | None, column: str | None, value, en: str, da: str):
        index = table.header.index(column) if column in table.header else None
        self.problems.append(
            Problem(
                en,
                file=self.file,
                sheet=table.sheet or table.name,
                row=row,
                column=column,
                cell=f"{column_letter(index)}{row}" if index is not None and row else None,
                value=None if value in (None, "") else str(value),
                reason_da=da,
            )
        )

    def rows(self, tables: Mapping[str, Table], name: str) -> list[tuple[Table, Row, dict]]:
        table = next((t for key, t in tables.items() if key.casefold() == name), None)
        if table is None:
            self.problems.append(
                Problem(
                    f"the workbook has no sheet {name}",
                    file=self.file,
                    reason_da=f"projektmappen har intet ark {name}",
                )
            )
            return []
        header = [h.strip().casefold() for h in table.header]
        for column in header:
            if column and column not in COLUMNS[name]:
                self.problem(
                    table,
                    table.header_row,
                    None,
                    column,
                    f"is not a column of {name} (use {', '.join(COLUMNS[name])})",
                    f"er ikke en kolonne i {name} (brug {', '.join(COLUMNS[name])})",
                )
        missing = [c for c in COLUMNS[name] if c in REQUIRED and c not in header]
        for column in missing:
            self.problem(
                table,
                table.header_row,
                None,
                column,
                "is a required column and is missing",
                "er en påkrævet kolonne og mangler",
            )
        if missing:
            return []
        found = []
        for row in table.rows:
            values = {}
            for index, column in enumerate(header):
                raw = row.get(index)
                values[column] = raw.strip() if isinstance(raw, str) else raw
            found.append((table, row, values))
        return found

    def text(self, table, row, values, column) -> str:
        value = values.get(column)
        text = "" if value is None else str(value).strip()
        if column in REQUIRED and not text:
            self.problem(table, row.number, column, None, "is empty", "er tom")
        return text

    def slug(self, table, row, values, column, seen: dict[str, int] | None = None) -> str:
        slug = self.text(table, row, values, column)
        if slug and not _SLUG.match(slug):
            self.problem(
                table,
                row.number,
                column,
                slug,
                "is not a slug (lowercase letters a-z, digits and -)",
                "er ikke et kort navn (små bogstaver a-z, cifre og -)",
            )
        elif slug and seen is not None:
            if slug in seen:
                self.problem(
                    table,
                    row.number,
                    column,
                    slug,
                    f"is a duplicate slug (also in row {seen[slug]})",
                    f"er et kort navn, der står to gange (også i række {seen[slug]})",
                )
            else:
                seen[slug] = row.number
        return slug

    def number(self, table, row, values, column) -> int | None:
        raw = values.get(column)
        if raw is None or str(raw).strip() == "":
            return None
        try:
            return parse_whole_number(raw)
        except ValueError as error:
            self.problem(table, row.number, column, raw, str(error), danish_reason(error) or "")
            return None

    def year(self, table, row, values, column) -> int | None:
        raw = values.get(column)
        if raw is None or str(raw).strip() == "":
            return None
        text = str(int(raw)) if isinstance(raw, float) and raw.is_integer() else str(raw).strip()
        if not _YEAR.match(text):
            self.problem(
                table,
                row.number,
                column,
                raw,
                "is not a year (use four digits, e.g. 2025)",
                "er ikke et årstal (brug fire cifre, fx 2025)",
            )
            return None
        return int(text)

    def day(self, table, row, values, column) -> date | None:
        raw = values.get(column)
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        if raw is None or str(raw).strip() == "":
            return None
        try:
            return date.fromisoformat(str(raw).strip())
        except ValueError:
            self.problem(
                table,
                row.number,
                column,
                raw,
                "is not a date (use YYYY-MM-DD, e.g. 2025-01-01)",
                "er ikke en dato (brug ÅÅÅÅ-MM-DD, fx 2025-01-01)",
            )
            return None

    def flag(self, table, row, values, column="verified") -> bool:
        raw = values.get(column)
        if isinstance(raw, bool):
            return raw
        text = "" if raw is None else str(raw).strip().casefold()
        if text in TRUE:
            return True
        if text not in FALSE:
            self.problem(
                table, row.number, column, raw, "is not ja or nej", "er hverken ja eller nej"
            )
        return False


def parse_registry(
    tables: Mapping[str, Table], *, programmes: Mapping[str, Programme], file: str | None = None
) -> RegistryData:
    """Read and check the registry workbook whole; InputError lists every problem found."""
    reader = _Reader(file)
    municipalities = {m.code for m in geography.municipalities()}
    regions = {r.code for r in geography.regions()}

    areas, seen = [], {}
    for table, row, v in reader.rows(tables, AREAS):
        areas.append(
            AreaRow(
                reader.slug(table, row, v, "slug", seen),
                reader.text(table, row, v, "name"),
                reader.text(table, row, v, "source"),
                reader.flag(table, row, v),
            )
        )
    known_areas = {a.slug for a in areas}

    clusters, seen = [], {}
    for table, row, v in reader.rows(tables, CLUSTERS):
        area = reader.text(table, row, v, "area") or None
        if area and area not in known_areas:
            reader.problem(
                table,
                row.number,
                "area",
                area,
                f"is not an area on the sheet {AREAS}",
                f"er ikke et område på arket {AREAS}",
            )
        seat = reader.text(table, row, v, "seat_municipality") or None
        if seat and seat not in municipalities:
            reader.problem(
                table,
                row.number,
                "seat_municipality",
                seat,
                "is not a municipality code",
                "er ikke en kommunekode",
            )
        clusters.append(
            ClusterRow(
                slug=reader.slug(table, row, v, "slug", seen),
                name=reader.text(table, row, v, "name"),
                area=area,
                seat_municipality=seat,
                website=reader.text(table, row, v, "website"),
                staff=reader.number(table, row, v, "staff"),
                members=reader.number(table, row, v, "members"),
                source=reader.text(table, row, v, "source"),
                verified=reader.flag(table, row, v),
            )
        )

    actors, seen = [], {}
    for table, row, v in reader.rows(tables, ACTORS):
        kind = reader.text(table, row, v, "kind")
        if kind and kind not in ACTOR_KINDS:
            reader.problem(
                table,
                row.number,
                "kind",
                kind,
                f"is not a kind of actor (use {', '.join(ACTOR_KINDS)})",
                f"er ikke en slags aktør (brug {', '.join(ACTOR_KINDS)})",
            )
        region = reader.text(table, row, v, "region") or None
        if region and region not in regions:
            reader.problem(
                table,
                row.number,
                "region",
                region,
                "is not a region code",
                "er ikke en regionskode",
            )
        actors.append(
            ActorRow(
                reader.slug(table, row, v, "slug", seen),
                reader.text(table, row, v, "name"),
                kind,
                region,
                reader.text(table, row, v, "source"),
                reader.flag(table, row, v),
            )
        )

    designations = []
    for table, row, v in reader.rows(tables, DESIGNATIONS):
        place = Place(file, table.sheet or table.name, row.number)
        designations.append(
            (
                place,
                Designation(
                    cluster=reader.text(table, row, v, "cluster"),
                    programme=reader.text(table, row, v, "programme"),
                    status=reader.text(table, row, v, "status"),  # type: ignore[arg-type]
                    period_from=reader.day(table, row, v, "period_from"),
                    period_to=reader.day(table, row, v, "period_to"),
                    source=reader.text(table, row, v, "source"),
                    verified=reader.flag(table, row, v),
                    grant_dkk=reader.number(table, row, v, "grant_dkk"),
                    grant_year=reader.year(table, row, v, "grant_year"),
                    note_da=reader.text(table, row, v, "note_da"),
                    note_en=reader.text(table, row, v, "note_en"),
                ),
            )
        )
    lineage = []
    for table, row, v in reader.rows(tables, LINEAGE):
        place = Place(file, table.sheet or table.name, row.number)
        lineage.append(
            (
                place,
                Lineage(
                    cluster=reader.text(table, row, v, "cluster"),
                    kind=reader.text(table, row, v, "kind"),  # type: ignore[arg-type]
                    successor=reader.text(table, row, v, "successor"),
                    day=reader.day(table, row, v, "date"),
                    source=reader.text(table, row, v, "source"),
                    verified=reader.flag(table, row, v),
                    note_da=reader.text(table, row, v, "note_da"),
                    note_en=reader.text(table, row, v, "note_en"),
                ),
            )
        )
    slugs = [c.slug for c in clusters if c.slug]
    reader.problems += check_registry(programmes, slugs, designations, lineage)
    if reader.problems:
        raise InputError(reader.problems)
    return RegistryData(
        areas=tuple(areas),
        clusters=tuple(clusters),
        actors=tuple(actors),
        designations=tuple(d for _, d in designations),
        lineage=tuple(x for _, x in lineage),
    )
