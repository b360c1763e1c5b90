"""The mapping from business and technology areas to industries (DB07 codes), with weights.

A sheet with columns ``area`` (the registry's area slug), ``industry`` (a DB07
code at any level: ``28``, ``2829``, ``282900``), ``weight`` (0–1, default 1;
``0,5`` or ``0.5``) and ``note`` (why). A code may count towards several areas
when its weights sum to at most 1. The whole sheet is checked before it is
used; every problem is raised together as an `InputError`.

The package ships a default mapping (`default_mapping`), versioned by
industry classification so that DB25 can follow DB07.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from pathlib import Path

from klyngeradar.core.problems import InputError, Problem
from klyngeradar.core.registry.reference import reference_areas
from klyngeradar.core.tables import Table, csv_table, read_tables

COLUMNS = ("area", "industry", "weight", "note")
REQUIRED = ("area", "industry")
DEFAULT_CLASSIFICATION = "DB07"
DEFAULT_FILE = "db07-v1.csv"
DEFAULT_NAME = "Klyngeradars standardnøgle DB07 v1"
_CODE = re.compile(r"^\d{2,6}$")


@dataclass(frozen=True)
class MappingRow:
    area: str
    industry: str
    weight: Decimal
    note: str
    row: int | None = None


@dataclass(frozen=True)
class AreaMapping:
    """The checked rows of a mapping; `source` names the file (or the shipped version)."""

    rows: tuple[MappingRow, ...]
    source: str
    classification: str = DEFAULT_CLASSIFICATION
    _index: dict[str, tuple[MappingRow, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    @property
    def areas(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(row.area for row in self.rows))

    def weights(self, industry: str) -> Mapping[str, Decimal]:
        """The areas an industry of the file counts towards, with their weights.

        A mapped code covers every finer code under it; when codes at two
        levels cover ``industry``, only the finest mapped level counts, so a
        job is never counted twice.
        """
        return self._finest(industry)

    def _finest(self, industry: str) -> Mapping[str, Decimal]:
        for length in range(len(industry), 1, -1):
            rows = self._index.get(industry[:length])
            if rows:
                return {row.area: row.weight for row in rows}
        return {}

    def __post_init__(self) -> None:
        grouped: dict[str, list[MappingRow]] = {}
        for row in self.rows:
            grouped.setdefault(row.industry, []).append(row)
        object.__setattr__(self, "_index", {code: tuple(rows) for code, rows in grouped.items()})


def read_mapping(path: str | Path, *, areas: Iterable[str] | None = None) -> AreaMapping:
    """Read and check the mapping at ``path`` against ``areas`` (default: the registry's)."""
    path = Path(path)
    tables = [t for t in read_tables(path).values() if not t.empty]
    return mapping_from_table(tables[0], file=path.name, areas=areas)


@cache
def default_mapping() -> AreaMapping:
    """The shipped mapping of the current areas to DB07 codes (each row says why)."""
    data = resources.files("klyngeradar.data.specialisation").joinpath(DEFAULT_FILE).read_bytes()
    table = csv_table(data, name="mapping", file=DEFAULT_FILE)
    return replace(mapping_from_table(table, file=DEFAULT_FILE), source=DEFAULT_NAME)


def parse_weight(value: object) -> Decimal:
    """A weight 0–1 from 1, 0.5, "0,5" or "0.5"; empty means 1. ValueError otherwise."""
    if value is None:
        return Decimal(1)
    if isinstance(value, bool):
        raise ValueError(value)
    text = str(value).strip().replace(",", ".")
    try:
        weight = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(value) from exc
    if not weight.is_finite() or weight < 0 or weight > 1:
        raise ValueError(value)
    return weight


def parse_code(value: object) -> str | None:
    """A DB07 code of 2–6 digits from 28, "2829" or "28.29.00"; None when malformed."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, float) and value.is_integer():
        value = str(int(value))
    text = str(value).strip().replace(".", "")
    return text if _CODE.match(text) else None


def mapping_from_table(
    table: Table, *, file: str, areas: Iterable[str] | None = None
) -> AreaMapping:
    known = set(areas) if areas is not None else {a.slug for a in reference_areas()}
    header = [h.strip().casefold() for h in table.header]
    problems: list[Problem] = []

    def fail(row, column, value, reason, da):
        index = header.index(column) if column in header else None
        problems.append(
            Problem(
                reason,
                file=file,
                sheet=table.sheet,
                row=row,
                column=column,
                cell=table.cell(row, index) if row and index is not None else None,
                value=None if value is None else str(value),
                reason_da=da,
            )
        )

    missing = [name for name in REQUIRED if name not in header]
    if missing:
        found = ", ".join(table.header) or "none"
        fail(
            None,
            None,
            None,
            f"lacks the column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)} "
            f"(found {found})",
            f"mangler kolonne(r) {', '.join(missing)}; forventet {', '.join(COLUMNS)} "
            f"(fundet {found})",
        )
        raise InputError(problems)
    at = {name: header.index(name) for name in COLUMNS if name in header}
    rows: list[MappingRow] = []
    for row in table.rows:
        area = str(row.get(at["area"]) or "").strip()
        raw_code = row.get(at["industry"])
        raw_weight = row.get(at["weight"]) if "weight" in at else None
        note = str(row.get(at["note"]) or "").strip() if "note" in at else ""
        ok = True
        if area not in known:
            ok = False
            fail(
                row.number,
                "area",
                area,
                "is not an area of the registry (use its slug, e.g. energiteknologi)",
                "er ikke et område i registret (brug dets slug, f.eks. energiteknologi)",
            )
        code = parse_code(raw_code) if raw_code is not None else None
        if code is None:
            ok = False
            fail(
                row.number,
                "industry",
                raw_code,
                "is not a DB07 code of 2 to 6 digits (e.g. 28, 2829, 282900)",
                "er ikke en DB07-kode på 2 til 6 cifre (f.eks. 28, 2829, 282900)",
            )
        try:
            weight = parse_weight(raw_weight)
        except ValueError:
            ok = False
            fail(
                row.number,
                "weight",
                raw_weight,
                "is not a weight between 0 and 1 (e.g. 0,5)",
                "er ikke en vægt mellem 0 og 1 (f.eks. 0,5)",
            )
        if ok:
            rows.append(MappingRow(area, code, weight, note, row.number))
    _check_sums(rows, fail)
    if problems:
        raise InputError(problems)
    return AreaMapping(tuple(rows), source=file)


def _check_sums(rows: list[MappingRow], fail) -> None:
    by_code: dict[str, list[MappingRow]] = {}
    for row in rows:
        by_code.setdefault(row.industry, []).append(row)
    for code, group in by_code.items():
        seen: dict[str, int | None] = {}
        for row in group:
            if row.area in seen:
                fail(
                    row.row,
                    "industry",
                    code,
                    f"is mapped to {row.area} twice (rows {seen[row.area]} and {row.row})",
                    f"er knyttet til {row.area} to gange (række {seen[row.area]} og {row.row})",
                )
            seen[row.area] = row.row
        total = sum((row.weight for row in group), Decimal(0))
        if total > 1:
            numbers = ", ".join(str(row.row) for row in group)
            shown = format(total.normalize(), "f").replace(".", ",")
            fail(
                group[-1].row,
                "weight",
                code,
                f"has weights summing to {shown} over rows {numbers}; at most 1 is allowed",
                f"har vægte, der summer til {shown} i række {numbers}; højst 1 er tilladt",
            )
