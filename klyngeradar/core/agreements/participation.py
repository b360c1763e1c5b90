"""Company participation lists: which company (by CVR) took part in what, when, with whom.

A list is a table with the columns ``cvr``, optional ``pnr``, ``company``,
``activity``, ``date``, ``cluster`` and/or ``actor`` (slugs) and optional
``kind`` (``advice``, ``innovation``, ``event``, ``project``, ``other`` or a
Danish alias such as ``rådgivning`` or ``temadag``). Danish column names are
accepted too (``virksomhed``, ``aktivitet``, ``dato``, ``klynge``, ``aktør``…).

Reading is all-or-nothing: every problem (invalid CVR, bad date, unknown
cluster or actor, missing column, duplicate row) is named with its sheet, row,
column, value and reason, and the list is refused with `InputError`.

Counting de-duplicates by CVR: a company that took part in ten activities is one
unique company — the exact figure a survey can only estimate.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from klyngeradar.core.agreements import limits
from klyngeradar.core.problems import InputError, Problem, Refusal, danish_reason
from klyngeradar.core.registry.cvr import check_cvr, check_pnr, normalise_cvr, normalise_pnr
from klyngeradar.core.tables import column_letter, read_tables

SUPPORT_KINDS = ("advice", "innovation", "event", "project", "other")

SUPPORT_KIND_LABELS = {
    "advice": ("Rådgivning", "Advice"),
    "innovation": ("Innovationsaktivitet", "Innovation activity"),
    "event": ("Arrangement", "Event"),
    "project": ("Projekt", "Project"),
    "other": ("Andet", "Other"),
}

# Danish (and a few English) words for the kinds of support, as analysts write them.
SUPPORT_KIND_ALIASES = {
    "rådgivning": "advice",
    "radgivning": "advice",
    "vejledning": "advice",
    "sparring": "advice",
    "innovationsaktivitet": "innovation",
    "innovationsforløb": "innovation",
    "arrangement": "event",
    "temadag": "event",
    "netværksmøde": "event",
    "konference": "event",
    "workshop": "event",
    "projekt": "project",
    "innovationsprojekt": "project",
    "samarbejdsprojekt": "project",
    "andet": "other",
}

COLUMNS = ("cvr", "pnr", "company", "activity", "date", "cluster", "actor", "kind")
REQUIRED_COLUMNS = ("cvr", "company", "activity", "date")
# The longest company name or activity stored (the database's column length).
TEXT_MAX = 200

# Header names accepted for each column (compared lower-case, spaces and dashes ignored).
COLUMN_ALIASES = {
    "cvr": ("cvr", "cvrnummer", "cvrnr"),
    "pnr": ("pnr", "pnummer"),
    "company": ("company", "virksomhed", "virksomhedsnavn", "navn", "name"),
    "activity": ("activity", "aktivitet"),
    "date": ("date", "dato"),
    "cluster": ("cluster", "klynge"),
    "actor": ("actor", "aktør", "aktor"),
    "kind": ("kind", "type", "støttetype", "stottetype"),
}

_DANISH_DATE = re.compile(r"^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class ParticipationRow:
    """One company's participation in one activity, with where it was read from."""

    cvr: str
    pnr: str | None
    company: str
    activity: str
    date: date
    cluster: str | None
    actor: str | None
    kind: str | None
    sheet: str | None = None
    row: int | None = None

    @property
    def year(self) -> int:
        return self.date.year


@dataclass(frozen=True)
class _Source:
    """Where a table came from, for naming problems."""

    file: str | None
    sheet: str | None


def _key(name: str) -> str:
    return re.sub(r"[\s_\-.]", "", name.strip().lower())


_HEADER_LOOKUP = {
    _key(alias): column for column, names in COLUMN_ALIASES.items() for alias in names
}


def support_kind(text: object) -> str | None:
    """Map a kind of support (English code or Danish alias) to its code; None if unknown."""
    value = str(text).strip().lower()
    if value in SUPPORT_KINDS:
        return value
    return SUPPORT_KIND_ALIASES.get(value)


def parse_participation_date(value: object) -> date:
    """Read ``2023-05-04``, ``04-05-2023``, ``4.5.2023`` or a spreadsheet date; else ValueError."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if _ISO_DATE.match(text):
            return date.fromisoformat(text)
        match = _DANISH_DATE.match(text)
        if match:
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
    except ValueError:
        raise Refusal("is not a calendar date", "er ikke en dato i kalenderen") from None
    raise Refusal(
        "is not a date (YYYY-MM-DD, DD-MM-YYYY or DD.MM.YYYY)",
        "er ikke en dato (ÅÅÅÅ-MM-DD, DD-MM-ÅÅÅÅ eller DD.MM.ÅÅÅÅ)",
    )


def _text(value: object) -> str:
    """A cell as text; whole numbers that a spreadsheet stored as 13748136.0 lose the ``.0``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _columns(header: Sequence[str], source: _Source, row: int | None) -> tuple[dict, list]:
    """Map each known column to its index; problems for missing and repeated columns."""
    problems: list[Problem] = []
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        column = _HEADER_LOOKUP.get(_key(name or ""))
        if column is None:
            continue
        if column in found:
            problems.append(
                Problem(
                    f"is a second {column} column",
                    file=source.file,
                    sheet=source.sheet,
                    row=row,
                    column=name,
                    reason_da=f"er endnu en {column}-kolonne",
                )
            )
            continue
        found[column] = index
    for column in REQUIRED_COLUMNS:
        if column not in found:
            problems.append(
                Problem(
                    "is a required column and is missing",
                    file=source.file,
                    sheet=source.sheet,
                    row=row,
                    column=column,
                    reason_da="er en påkrævet kolonne og mangler",
                )
            )
    if "cluster" not in found and "actor" not in found:
        problems.append(
            Problem(
                "is missing: a cluster or an actor column is required",
                file=source.file,
                sheet=source.sheet,
                row=row,
                column="cluster/actor",
                reason_da="mangler: en kolonne cluster eller actor er påkrævet",
            )
        )
    return found, problems


class _Validator:
    """Checks rows from any number of tables; keeps every problem and the first row of each key."""

    def __init__(self, clusters: Collection[str] | None, actors: Collection[str] | None):
        self.clusters = None if clusters is None else set(clusters)
        self.actors = None if actors is None else set(actors)
        self.problems: list[Problem] = []
        self.rows: list[ParticipationRow] = []
        self.seen: dict[tuple[str, str, date], ParticipationRow] = {}

    def table(
        self,
        header: Sequence[str],
        rows: Iterable[tuple[int, Sequence[object]]],
        source: _Source,
        header_row: int | None,
    ) -> None:
        columns, problems = _columns(header, source, header_row)
        self.problems += problems
        if problems:
            return
        for number, values in rows:
            self.row(number, values, columns, header, source)

    def row(
        self,
        number: int,
        values: Sequence[object],
        columns: Mapping[str, int],
        header: Sequence[str],
        source: _Source,
    ) -> None:
        def cell(column: str) -> str:
            index = columns.get(column)
            if index is None or index >= len(values):
                return ""
            return _text(values[index])

        def fail(column: str, value: str | None, reason: str, reason_da: str) -> None:
            index = columns[column]
            cell_ref = f"{column_letter(index)}{number}" if source.sheet else None
            self.problems.append(
                Problem(
                    reason,
                    file=source.file,
                    sheet=source.sheet,
                    row=number,
                    column=header[index] if index < len(header) else column,
                    cell=cell_ref,
                    value=value,
                    reason_da=reason_da,
                )
            )

        before = len(self.problems)

        cvr_text = cell("cvr")
        reason = check_cvr(cvr_text)
        if reason:
            fail("cvr", cvr_text or None, reason, check_cvr(cvr_text, "da"))
        cvr = normalise_cvr(cvr_text)

        pnr = None
        if cell("pnr"):
            reason = check_pnr(cell("pnr"))
            if reason:
                fail("pnr", cell("pnr"), reason, check_pnr(cell("pnr"), "da"))
            pnr = normalise_pnr(cell("pnr"))

        company, activity = cell("company"), cell("activity")
        if not company:
            reason_da = "er tom; virksomhedens navn er påkrævet"
            fail("company", None, "is empty; the company's name is required", reason_da)
        if not activity:
            fail(
                "activity",
                None,
                "is empty; the activity is required",
                "er tom; aktiviteten er påkrævet",
            )
        for column, text in (("company", company), ("activity", activity)):
            refusal = limits.check_name(text)
            if refusal:
                fail(column, text[:50] + "…", str(refusal), refusal.reason_da)

        day = None
        raw_date = values[columns["date"]] if columns["date"] < len(values) else None
        if raw_date is None or cell("date") == "":
            fail("date", None, "is empty; a date is required", "er tom; en dato er påkrævet")
        else:
            try:
                day = parse_participation_date(raw_date)
            except ValueError as error:
                fail("date", cell("date"), str(error), danish_reason(error) or str(error))
            refusal = day and limits.check_date(day)
            if refusal:
                fail("date", cell("date"), str(refusal), refusal.reason_da)
                day = None

        cluster = cell("cluster") or None
        actor = cell("actor") or None
        if cluster is None and actor is None:
            fail(
                "cluster" if "cluster" in columns else "actor",
                None,
                "is empty: each row needs a cluster or an actor",
                "er tom: hver række skal have en klynge eller en aktør",
            )
        if cluster is not None and self.clusters is not None and cluster not in self.clusters:
            fail(
                "cluster",
                cluster,
                "is not a known cluster (slug)",
                "er ikke en kendt klynge (kort navn)",
            )
        if actor is not None and self.actors is not None and actor not in self.actors:
            fail(
                "actor", actor, "is not a known actor (slug)", "er ikke en kendt aktør (kort navn)"
            )

        kind = None
        if cell("kind"):
            kind = support_kind(cell("kind"))
            if kind is None:
                kinds = ", ".join(SUPPORT_KINDS)
                reason, reason_da = (
                    f"is not a kind of support ({kinds})",
                    f"er ikke en støttetype ({kinds})",
                )
                fail("kind", cell("kind"), reason, reason_da)

        if len(self.problems) > before or day is None:
            return
        row = ParticipationRow(
            cvr, pnr, company, activity, day, cluster, actor, kind, source.sheet, number
        )
        key = (cvr, activity.casefold(), day)
        first = self.seen.get(key)
        if first is not None:
            sheet = "" if first.sheet == row.sheet else f"{first.sheet} "
            reason = f"is a duplicate of {sheet}row {first.row} (same CVR, activity and date)"
            reason_da = f"står også i {sheet}række {first.row} (samme CVR, aktivitet og dato)"
            fail("cvr", cvr, reason, reason_da)
            return
        self.seen[key] = row
        self.rows.append(row)


def validate_participation(
    records: Sequence[Mapping[str, object]],
    *,
    clusters: Collection[str] | None = None,
    actors: Collection[str] | None = None,
    file: str | None = None,
    sheet: str | None = None,
    first_row: int = 2,
) -> tuple[ParticipationRow, ...]:
    """Validate plain rows (``dict`` per row, keys are the column names); all or nothing.

    Rows are numbered as a spreadsheet would show them, the header being row
    ``first_row - 1``. With ``clusters``/``actors``, unknown slugs are refused.
    """
    header: list[str] = []
    for record in records:
        header += [name for name in record if name not in header]
    validator = _Validator(clusters, actors)
    validator.table(
        header,
        (
            (number, [record.get(name) for name in header])
            for number, record in enumerate(records, start=first_row)
        ),
        _Source(file, sheet),
        first_row - 1 if records else None,
    )
    if validator.problems:
        raise InputError(validator.problems)
    return tuple(validator.rows)


def read_participation(
    path: str | Path,
    *,
    clusters: Collection[str] | None = None,
    actors: Collection[str] | None = None,
) -> Sequence[ParticipationRow]:
    """Read a participation list from a .csv or .xlsx file; all or nothing.

    In a workbook, every sheet whose header names at least one participation
    column is read (a sheet of instructions is skipped); duplicates are found
    across sheets too. A valid CSV list comes back held column by column
    (`participation_columnar.ParticipationList`), any other as a tuple; both are
    sequences of `ParticipationRow`s.
    """
    path = Path(path)
    if path.suffix.lower() in (".csv", ".txt"):
        # A valid CSV list is read column by column (polars); anything else the ordinary way.
        from klyngeradar.core.agreements.participation_columnar import read_valid_csv

        try:
            data = path.read_bytes()
        except OSError:
            data = None
        rows = data and read_valid_csv(path, data, clusters=clusters, actors=actors)
        if rows:
            return rows
    return read_participation_tables(path, clusters=clusters, actors=actors)


def read_participation_tables(
    path: Path,
    *,
    clusters: Collection[str] | None = None,
    actors: Collection[str] | None = None,
) -> tuple[ParticipationRow, ...]:
    """`read_participation` the ordinary way, row by row (every refusal is named here)."""
    tables = read_tables(path)
    validator = _Validator(clusters, actors)
    used = 0
    for table in tables.values():
        if not any(_key(name) in _HEADER_LOOKUP for name in table.header):
            continue
        used += 1
        validator.table(
            table.header,
            ((row.number, row.values) for row in table.rows),
            _Source(path.name, table.sheet),
            table.header_row,
        )
    if not used:
        validator.problems.append(
            Problem(
                "has no participation list: no sheet has the columns "
                + ", ".join(REQUIRED_COLUMNS + ("cluster/actor",)),
                file=path.name,
                reason_da="har ingen deltagerliste: intet ark har kolonnerne "
                + ", ".join(REQUIRED_COLUMNS + ("cluster/actor",)),
            )
        )
    if validator.problems:
        raise InputError(validator.problems)
    return tuple(validator.rows)


GROUPINGS = ("cluster", "actor", "year", "kind", "activity")


def unique_companies(
    rows: Iterable[ParticipationRow], by: str | tuple[str, ...] = "cluster"
) -> dict[object, int]:
    """Count unique companies (by CVR) per group, e.g. per cluster, per year or per (cluster, year).

    ``by`` is one of ``cluster``, ``actor``, ``year``, ``kind``, ``activity`` or a
    tuple of them (the keys are then tuples). Rows without a value for the group
    (no actor, no kind) are not counted in it. Keys are sorted.
    """
    names = (by,) if isinstance(by, str) else tuple(by)
    for name in names:
        if name not in GROUPINGS:
            raise ValueError(f"cannot count by {name!r}; use one of {', '.join(GROUPINGS)}")
    columnar = _columnar(rows)
    if columnar is not None:
        # A list read column by column is counted column by column.
        counts = columnar.unique_companies(names)
        if isinstance(by, str):
            counts = {key[0]: count for key, count in counts.items()}
        return {key: counts[key] for key in sorted(counts)}
    companies: dict[object, set[str]] = {}
    for row in rows:
        parts = tuple(getattr(row, name) for name in names)
        if any(part is None for part in parts):
            continue
        key = parts[0] if isinstance(by, str) else parts
        companies.setdefault(key, set()).add(row.cvr)
    return {key: len(companies[key]) for key in sorted(companies)}


def count_unique_companies(rows: Iterable[ParticipationRow]) -> int:
    """The number of distinct CVR numbers in ``rows``."""
    columnar = _columnar(rows)
    if columnar is not None:
        return columnar.count_unique_companies()
    return len({row.cvr for row in rows})


def _columnar(rows: object):
    """``rows`` as a `participation_columnar.ParticipationList`, or None for any other rows."""
    from klyngeradar.core.agreements.participation_columnar import ParticipationList

    return rows if isinstance(rows, ParticipationList) else None
