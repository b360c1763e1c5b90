"""Employment by municipality and industry, read from a Statistikbanken export or a tidy sheet.

Two layouts are recognised (spec: specialisation.md, Inputs):

- the Statistikbanken API/"CSV" export: one column per variable (the
  municipality, e.g. ``OMRÅDE``; the industry, e.g. ``BRANCHE07``; ``TID``)
  plus ``INDHOLD``, the value;
- a tidy sheet with columns ``municipality``, ``industry``, ``year``,
  ``employment``.

The whole file is checked before anything is computed: every problem is
collected and raised together as an `InputError`. Rows for the country,
regions, landsdele and "Uoplyst" are recognised and skipped; ``..`` and
empty cells are suppressed values, kept as None (never 0).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

from klyngeradar.core.problems import InputError, Problem
from klyngeradar.core.specialisation import names
from klyngeradar.core.tables import Table, read_tables

SUPPRESSED = frozenset({"..", ".", ""})
TIDY_COLUMNS = ("municipality", "industry", "year", "employment")
# Header names (folded) of the Statistikbanken variables that this reader knows.
_MUNICIPALITY_HEADERS = ("område", "omrade", "omraade", "kommune", "komk", "arbstedkom", "bopkom")
_INDUSTRY_PREFIXES = ("branche", "erhverv", "db07", "db25", "industry")
_VALUE_HEADER = "indhold"
_TIME_HEADER = "tid"
_TOTAL_LABELS = ("i alt", "total", "erhverv i alt", "alle brancher", "tot")
_INDUSTRY = re.compile(r"^([0-9A-Z]{1,6})(?:\s+(\S.*))?$")
_YEAR = re.compile(r"^\d{4}$")
_UNREAD = object()
_DECIMAL = re.compile(r"^\d+([.,]\d+)?$")
_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")


@dataclass(frozen=True)
class Employment:
    """One year's employment by municipality (registry code) and industry (DB07 code).

    `cells` maps (municipality, industry) to the value, or None when the
    cell is suppressed. `years` are every year the file holds; `layout` is
    "statistikbanken" or "tidy"; `warnings` are problems that did not refuse
    the file (e.g. aggregate rows skipped).
    """

    file: str
    year: int
    years: tuple[int, ...]
    layout: str
    municipalities: tuple[str, ...]
    industries: tuple[str, ...]
    cells: Mapping[tuple[str, str], float | None] = field(repr=False)
    labels: Mapping[str, str] = field(default_factory=dict, repr=False)
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class _Columns:
    municipality: int
    industry: int
    year: int
    value: int
    layout: str
    fixed: tuple[int, ...] = ()


def read_employment(path: str | Path, *, year: int | None = None) -> Employment:
    """Read and check the employment file at ``path``; raise InputError with every problem."""
    path = Path(path)
    return employment_from_tables(read_tables(path), file=path.name, year=year)


def employment_from_tables(
    tables: Mapping[str, Table], *, file: str, year: int | None = None
) -> Employment:
    """The employment in the first table whose columns are recognised (see the module's doc)."""
    found = [(table, _columns(table)) for table in tables.values() if not table.empty]
    usable = [(table, columns) for table, columns in found if columns is not None]
    if not usable:
        headers = "; ".join(", ".join(t.header) for t, _ in found) or "none"
        raise InputError(
            [
                Problem(
                    "has no recognised columns: expected a Statistikbanken export "
                    "(municipality, industry, TID and INDHOLD columns) or the columns "
                    f"{', '.join(TIDY_COLUMNS)}; found {headers}",
                    file=file,
                    reason_da="har ingen kendte kolonner: en udtrækning fra Statistikbanken "
                    "(kommune, branche, TID og INDHOLD) eller kolonnerne "
                    f"{', '.join(TIDY_COLUMNS)} forventes; fundet: {headers}",
                )
            ]
        )
    table, columns = usable[0]
    return _Reader(table, columns, file).read(year)


def _fold(text: str) -> str:
    return text.strip().casefold()


def _columns(table: Table) -> _Columns | None:
    header = [_fold(h) for h in table.header]
    if all(name in header for name in TIDY_COLUMNS):
        index = [header.index(name) for name in TIDY_COLUMNS]
        return _Columns(*index, layout="tidy")
    if _VALUE_HEADER not in header or _TIME_HEADER not in header:
        return None
    municipality = next((i for i, h in enumerate(header) if h in _MUNICIPALITY_HEADERS), None)
    industry = next((i for i, h in enumerate(header) if h.startswith(_INDUSTRY_PREFIXES)), None)
    if municipality is None or industry is None:
        return None
    used = {municipality, industry, header.index(_TIME_HEADER), header.index(_VALUE_HEADER)}
    fixed = tuple(i for i in range(len(header)) if i not in used)
    return _Columns(
        municipality,
        industry,
        header.index(_TIME_HEADER),
        header.index(_VALUE_HEADER),
        layout="statistikbanken",
        fixed=fixed,
    )


def parse_industry(value: object) -> tuple[str, str] | None:
    """A DB07 code and its label from "28 Fremstilling af maskiner", "28" or "28.29.00".

    Returns ("", label) for a total row ("TOT Erhverv i alt"), None when the
    value is not an industry code.
    """
    text = " ".join(str(value).split())
    if _fold(text) in _TOTAL_LABELS or _fold(text).startswith(("tot ", "i alt")):
        return "", text
    head, _, rest = text.partition(" ")
    if re.fullmatch(r"\d{2}(\.\d{1,2}){0,2}", head):
        head = head.replace(".", "")
    match = _INDUSTRY.match(f"{head} {rest}".strip())
    if not match:
        return None
    return match.group(1), (match.group(2) or "")


def parse_employment(value: object) -> float | None:
    """A cell's employment: a number ≥ 0, or None when suppressed; ValueError otherwise."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        if value < 0:
            raise ValueError(value)
        return float(value)
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if text in SUPPRESSED:
        return None
    if _THOUSANDS.match(text):
        # "1.740" is Danish for one thousand seven hundred and forty, not 1.74.
        return float(Decimal(text.replace(".", "").replace(",", ".")))
    if _DECIMAL.match(text):
        return float(Decimal(text.replace(",", ".")))
    raise ValueError(value)


def _year(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1900 <= value <= 2100 else None
    if isinstance(value, float) and value.is_integer():
        return _year(int(value))
    text = str(value).strip()
    return int(text) if _YEAR.match(text) else None


class _Reader:
    def __init__(self, table: Table, columns: _Columns, file: str):
        self.table = table
        self.columns = columns
        self.file = file
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def fail(self, row: int | None, column: int | None, value: object, reason: str, da: str):
        self.problems.append(self._problem(row, column, value, reason, da))

    def _problem(self, row, column, value, reason, da, severity="error") -> Problem:
        name = self.table.header[column] if column is not None else None
        return Problem(
            reason,
            file=self.file,
            sheet=self.table.sheet,
            row=row,
            column=name,
            cell=self.table.cell(row, column) if row and column is not None else None,
            value=None if value is None else str(value),
            severity=severity,
            reason_da=da,
        )

    def read(self, wanted: int | None) -> Employment:
        c = self.columns
        self._check_fixed_columns()
        # A file repeats the same names, codes, years and often values on many
        # rows: each distinct cell text is interpreted once.
        places: dict[object, names.Place | None] = {}
        industries: dict[object, tuple[str, str] | None] = {}
        years: dict[object, int | None] = {}
        values: dict[object, float | None | Exception] = {}
        rows: list[tuple[int, str, str, int, float | None]] = []
        skipped: dict[str, int] = {}
        at_place, at_industry, at_year, at_value = c.municipality, c.industry, c.year, c.value
        width = max(at_place, at_industry, at_year, at_value) + 1
        padding = (None,) * width
        for row in self.table.rows:
            cells = row.values if len(row.values) >= width else row.values + padding
            raw_place, raw_industry = cells[at_place], cells[at_industry]
            raw_year, raw_value = cells[at_year], cells[at_value]
            place = places.get(raw_place, _UNREAD)
            if place is _UNREAD:
                place = places[raw_place] = (
                    None if raw_place is None else names.resolve(str(raw_place))
                )
            industry = industries.get(raw_industry, _UNREAD)
            if industry is _UNREAD:
                industry = industries[raw_industry] = (
                    None if raw_industry is None else parse_industry(raw_industry)
                )
            year = years.get(raw_year, _UNREAD)
            if year is _UNREAD:
                year = years[raw_year] = None if raw_year is None else _year(raw_year)
            value = values.get(raw_value, _UNREAD)
            if value is _UNREAD:
                try:
                    value = parse_employment(raw_value)
                except ValueError as exc:
                    value = exc
                values[raw_value] = value
            if place is None or not place.known:
                self._place_problem(row.number, raw_place, place)
                place = None
            if industry is None:
                self._industry_problem(row.number, raw_industry)
            if year is None:
                self.fail(
                    row.number, c.year, raw_year, "is not a year (YYYY)", "er ikke et år (ÅÅÅÅ)"
                )
            if isinstance(value, Exception):
                value = None
                self.fail(
                    row.number,
                    c.value,
                    raw_value,
                    "is not a number ≥ 0 or '..' (suppressed)",
                    "er ikke et tal ≥ 0 eller '..' (diskretioneret)",
                )
            if place is None or industry is None or year is None:
                continue
            if place.code is None:
                skipped[place.aggregate] = skipped.get(place.aggregate, 0) + 1
                continue
            if industry[0] == "":
                continue
            rows.append((row.number, place.code, industry[0], year, value))
        if not rows and not self.problems:
            self.fail(None, None, None, "has no municipality rows", "har ingen kommunerækker")
        found_years = tuple(sorted({r[3] for r in rows}))
        year = self._chosen_year(wanted, found_years)
        cells = self._cells(rows, year)
        self._check_levels({industry for _, industry in cells})
        if self.problems:
            raise InputError(self.problems)
        if skipped:
            kinds = ", ".join(f"{kind} ({n})" for kind, n in sorted(skipped.items()))
            self.warnings.append(
                self._problem(
                    None,
                    c.municipality,
                    None,
                    f"rows for the country, regions, landsdele or unknown places are not "
                    f"counted as municipalities: {kinds}",
                    "rækker for hele landet, regioner, landsdele eller uoplyste steder tælles "
                    f"ikke som kommuner: {kinds}",
                    severity="warning",
                )
            )
        labels = {i[0]: i[1] for i in industries.values() if i and i[0] and i[1]}
        municipalities = tuple(dict.fromkeys(m for m, _ in cells))
        return Employment(
            file=self.file,
            year=year,
            years=found_years,
            layout=c.layout,
            municipalities=municipalities,
            industries=tuple(sorted({i for _, i in cells})),
            cells=MappingProxyType(cells),
            labels=MappingProxyType(labels),
            warnings=tuple(self.warnings),
        )

    def _place_problem(self, number: int, raw: object, place: names.Place | None) -> None:
        if raw is None:
            self.fail(number, self.columns.municipality, raw, "is empty", "er tom")
            return
        hint = f'; did you mean "{place.suggestion}"?' if place.suggestion else ""
        hint_da = f'; mente du "{place.suggestion}"?' if place.suggestion else ""
        self.fail(
            number,
            self.columns.municipality,
            raw,
            f"is not one of the 98 municipalities{hint}",
            f"er ikke en af de 98 kommuner{hint_da}",
        )

    def _industry_problem(self, number: int, raw: object) -> None:
        self.fail(
            number,
            self.columns.industry,
            raw,
            "is not a DB07 industry code (e.g. 28 or '28 Fremstilling af maskiner')",
            "er ikke en DB07-branchekode (f.eks. 28 eller '28 Fremstilling af maskiner')",
        )

    def _check_fixed_columns(self) -> None:
        # A further variable (sex, age, sector …) with several values would be
        # summed over without anyone noticing: the file must hold one value of it.
        for index in self.columns.fixed:
            values = {row.get(index) for row in self.table.rows}
            if len(values) > 1:
                shown = ", ".join(sorted(str(v) for v in values)[:4])
                self.fail(
                    None,
                    index,
                    None,
                    f"holds several values ({shown}); choose one value (e.g. the total) "
                    "in Statistikbanken",
                    f"har flere værdier ({shown}); vælg én værdi (f.eks. i alt) i Statistikbanken",
                )

    def _chosen_year(self, wanted: int | None, years: tuple[int, ...]) -> int:
        if wanted is None:
            return years[-1] if years else 0
        if wanted not in years:
            shown = ", ".join(str(y) for y in years) or "none"
            self.fail(
                None,
                self.columns.year,
                wanted,
                f"is not a year in the file (it holds {shown})",
                f"er ikke et år i filen (den har {shown})",
            )
        return wanted

    def _cells(self, rows, year: int) -> dict[tuple[str, str], float | None]:
        cells: dict[tuple[str, str], float | None] = {}
        seen: dict[tuple[str, str], int] = {}
        for number, municipality, industry, row_year, value in rows:
            if row_year != year:
                continue
            key = (municipality, industry)
            if key in seen:
                self.fail(
                    number,
                    self.columns.industry,
                    industry,
                    f"appears twice for municipality {municipality} in {year} "
                    f"(rows {seen[key]} and {number})",
                    f"står to gange for kommune {municipality} i {year} "
                    f"(række {seen[key]} og {number})",
                )
                continue
            seen[key] = number
            cells[key] = value
        return cells

    def _check_levels(self, industries: set[str]) -> None:
        # Codes at two levels (28 and 2829) would count the same jobs twice in E(k).
        for code in sorted(industries):
            for length in range(1, len(code)):
                if code.isdigit() and code[:length] in industries:
                    self.fail(
                        None,
                        self.columns.industry,
                        code,
                        f"is part of {code[:length]}, also in the file; use one grouping of "
                        "industries so that no job is counted twice",
                        f"er en del af {code[:length]}, som også står i filen; brug én "
                        "branchegruppering, så intet job tælles to gange",
                    )
