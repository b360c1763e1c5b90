"""Spreadsheet input as plain tables: a header and rows that remember where they came from.

`read_tables` decodes an ``.xlsx`` workbook (every sheet) or a ``.csv`` file
(UTF-8 with or without BOM, else Windows-1252 as Danish Excel saves it; ``;``
or ``,`` as delimiter) into `Table` objects. Nothing is interpreted here: the
exchange-format reader decides what the cells mean.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from klyngeradar.core.problems import InputError, Problem

CSV_SUFFIXES = frozenset({".csv", ".txt"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
# A CSV cell starting with one of these is run as a formula by Excel; the usual
# guard is a leading apostrophe. A text starting with the apostrophe itself is
# guarded too, so that reading a guarded cell back is exact.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"


def guard_formula(text: str) -> str:
    """A free text as a CSV cell that Excel shows as text: ``=1+1`` → ``'=1+1``."""
    return GUARD + text if text.startswith((*FORMULA_STARTS, GUARD)) else text


def unguard_formula(text: str) -> str:
    """The inverse of `guard_formula`: ``'=1+1`` → ``=1+1``; any other text is kept."""
    rest = text[len(GUARD) :]
    return rest if text.startswith(GUARD) and rest.startswith((*FORMULA_STARTS, GUARD)) else text


def column_letter(index: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class Row:
    """One data row: its spreadsheet row number and its cell values, aligned with the header."""

    number: int
    values: tuple[object, ...]

    def get(self, index: int) -> object:
        return self.values[index] if index < len(self.values) else None


@dataclass(frozen=True)
class Table:
    """A sheet (or a CSV file): the header row's names and the non-empty rows below it.

    `sheet` is the sheet's name in a workbook and None for a CSV file, whose
    problems are located by row and column name only.
    """

    name: str
    header: tuple[str, ...]
    rows: tuple[Row, ...] = ()
    sheet: str | None = None
    header_row: int = 1

    def cell(self, row: int, index: int) -> str:
        """The spreadsheet reference of a cell, e.g. ``D7``."""
        return f"{column_letter(index)}{row}"

    @property
    def empty(self) -> bool:
        return not self.header and not self.rows


def read_tables(path: str | Path) -> dict[str, Table]:
    """Every table in a .xlsx or .csv file, by sheet name (a CSV's table is named after its stem).

    Raises InputError naming the file when it cannot be read, is empty or has
    an unsupported type.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise _refuse(
            path,
            "is an old Excel .xls file; save it as .xlsx or .csv",
            "er en gammel Excel .xls-fil; gem den som .xlsx eller .csv",
        )
    if suffix not in XLSX_SUFFIXES | CSV_SUFFIXES:
        raise _refuse(
            path,
            "is not a supported file type; use .xlsx or .csv",
            "er ikke en understøttet filtype; brug .xlsx eller .csv",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        why = exc.strerror or exc
        raise _refuse(path, f"cannot be read ({why})", f"kan ikke læses ({why})") from exc
    if suffix in CSV_SUFFIXES:
        tables = {path.stem: csv_table(data, name=path.stem, file=path.name)}
    else:
        tables = _xlsx_tables(data, path)
    if all(table.empty for table in tables.values()):
        raise _refuse(path, "is empty", "er tom")
    return tables


def csv_table(data: bytes, *, name: str, file: str | None = None) -> Table:
    """Decode CSV bytes into a table (encoding and delimiter detected)."""
    text = _decode(data, file or name)
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return _table(name, None, records)


def _decode(data: bytes, file: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        problem = Problem(
            "is neither UTF-8 nor Windows-1252 text",
            file=file,
            reason_da="er hverken UTF-8- eller Windows-1252-tekst",
        )
        raise InputError([problem]) from exc


def _xlsx_tables(data: bytes, path: Path) -> dict[str, Table]:
    # openpyxl is imported here: only reading a workbook needs it.
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        reason_da = "er ikke en .xlsx-projektmappe, der kan læses"
        raise _refuse(path, "is not a readable .xlsx workbook", reason_da) from exc
    try:
        tables = {}
        for worksheet in workbook.worksheets:
            records = [list(values) for values in worksheet.iter_rows(min_row=1, values_only=True)]
            tables[worksheet.title] = _table(worksheet.title, worksheet.title, records)
        return tables
    finally:
        workbook.close()


def _table(name: str, sheet: str | None, records: list[list[object]]) -> Table:
    """The first non-empty record is the header; empty records below it are dropped."""
    # Empty text becomes None, every other value is kept as the file had it; a
    # record is kept when any cell is left. Inlined, because register statistics
    # run to a hundred thousand rows.
    rows = []
    for number, record in enumerate(records, start=1):
        cleaned = tuple(
            [None if v is None or (isinstance(v, str) and not v.strip()) else v for v in record]
        )
        if cleaned.count(None) != len(cleaned):
            rows.append((number, cleaned))
    if not rows:
        return Table(name, (), (), sheet)
    header_row, header_values = rows[0]
    header = [_header_text(v) for v in header_values]
    while header and header[-1] == "":
        header.pop()
    body = tuple(Row(n, r) for n, r in rows[1:])
    return Table(name, tuple(header), body, sheet, header_row)


def _header_text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _refuse(path: Path, reason: str, reason_da: str) -> InputError:
    return InputError([Problem(reason, file=path.name, reason_da=reason_da)])
