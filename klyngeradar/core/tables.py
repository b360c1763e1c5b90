"""Spreadsheet input as plain tables: a header and rows that remember where they came from.

`read_tables` decodes an ``.xlsx`` workbook (every sheet) or a ``.csv`` file
(UTF-8 with or without BOM, else Windows-1252 as Danish Excel saves it; ``;``
or ``,`` as delimiter) into `Table` objects. Nothing is interpreted here: the
exchange-format reader decides what the cells mean.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

from klyngeradar.core.archives import check_archive
from klyngeradar.core.problems import InputError, Problem

CSV_SUFFIXES = frozenset({".csv", ".txt"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
# A CSV cell starting with one of these is run as a formula by Excel; the usual
# guard is a leading apostrophe. A text starting with the apostrophe itself is
# guarded too, so that reading a guarded cell back is exact.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"
# The longest cell accepted (Excel's own limit is 32,767 characters; CSV's reader 131,072).
CELL_MAX = 131_072
# A sheet's last row and column (XFD) in every Excel since 2007.
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384


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
    """Decode CSV bytes into a table (encoding and delimiter detected).

    Raises InputError for a cell over `CELL_MAX` characters or a quote that is
    never closed (which would swallow the rest of the file into one cell).
    """
    file = file or name
    text = _decode(data, file)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error as exc:
        raise InputError([_csv_problem(str(exc), file, reader.line_num)]) from None
    return _table(name, None, records)


def _csv_problem(message: str, file: str, line: int) -> Problem:
    if "field limit" in message:
        reason = f"has a cell longer than {CELL_MAX:,} characters"
        reason_da = f"har en celle på mere end {CELL_MAX:,} tegn".replace(",", ".")
    elif "end of data" in message:
        reason = 'has a quote (") that is never closed'
        reason_da = 'har et anførselstegn ("), der aldrig lukkes'
    else:
        reason = 'has a quote (") in the wrong place; quote whole cells only'
        reason_da = 'har et anførselstegn (") et forkert sted; sæt kun hele celler i anførselstegn'
    return Problem(reason, file=file, row=line or None, reason_da=reason_da)


def _decode(data: bytes, file: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8", errors="strict")
        except UnicodeDecodeError as exc:
            line = data[: exc.start + 3].count(b"\n") + 1
            problem = Problem(
                "starts with a UTF-8 mark (BOM) but is not UTF-8 text",
                file=file,
                row=line,
                reason_da="begynder med et UTF-8-mærke (BOM), men er ikke UTF-8-tekst",
            )
            raise InputError([problem]) from None
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

    not_a_workbook = (
        "is not a readable .xlsx workbook",
        "er ikke en .xlsx-projektmappe, der kan læses",
    )
    check_archive(data, file=path.name, not_an_archive=not_a_workbook)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        reason_da = "er ikke en .xlsx-projektmappe, der kan læses"
        raise _refuse(path, "is not a readable .xlsx workbook", reason_da) from exc
    except Exception as exc:  # A damaged part: openpyxl raises whatever its parser meets.
        reason_da = "er en beskadiget .xlsx-projektmappe, der ikke kan læses"
        raise _refuse(path, "is a damaged .xlsx workbook that cannot be read", reason_da) from exc
    tables = {}
    try:
        if not workbook.worksheets:
            raise ValueError("no sheet could be read")
        for worksheet in workbook.worksheets:
            # The stored <dimension> may understate the data: read the real extent.
            worksheet.reset_dimensions()
            beyond = _beyond_sheet(data, worksheet, path.name)
            if beyond is not None:
                raise InputError([beyond])
            try:
                records = _sheet_records(worksheet)
            except Exception as exc:  # Bad cell references, numbers, shared-string indexes…
                bad = _bad_cell(data, worksheet, path.name) if _sheet_part(worksheet) else None
                raise InputError(
                    [
                        bad
                        or Problem(
                            "is damaged and cannot be read",
                            file=path.name,
                            sheet=worksheet.title,
                            reason_da="er beskadiget og kan ikke læses",
                        )
                    ]
                ) from exc
            tables[worksheet.title] = _table(worksheet.title, worksheet.title, records)
    except InputError:
        raise
    except Exception as exc:  # A missing or damaged part found while opening a sheet.
        reason_da = "er en beskadiget .xlsx-projektmappe, der ikke kan læses"
        raise _refuse(path, "is a damaged .xlsx workbook that cannot be read", reason_da) from exc
    finally:
        workbook.close()
    problems = [*_bad_cells(tables, path.name), *_formulas_without_values(data, tables, path)]
    if problems:
        raise InputError(problems)
    return tables


class _BeyondSheet(Exception):
    """A sheet reaches past the last row or column a spreadsheet can have."""


def _sheet_records(worksheet) -> list[list[object]]:
    """A sheet's rows as lists, refusing (`_BeyondSheet`) one that runs past a sheet's limits.

    openpyxl fills the gap up to a far row with empty rows, so the rows are
    counted as they come: a row number of a billion stops at `MAX_ROWS`.
    """
    records = []
    for row in worksheet.iter_rows(min_row=1, values_only=True):
        if len(records) == MAX_ROWS or len(row) > MAX_COLUMNS:
            raise _BeyondSheet
        records.append(list(row))
    return records


def _sheet_part(worksheet) -> str | None:
    """The name of the XML part in the archive that holds a read-only worksheet."""
    part = getattr(worksheet, "_worksheet_path", None)
    return part if isinstance(part, str) else None


_REFERENCE = re.compile(r"([A-Z]{1,3})([0-9]{1,15})")
# A column after XFD, a row after 1,048,576 (no leading zeros: Excel writes none).
_FAR_COLUMN = r"(?:[A-Z]{4,}|[YZ][A-Z]{2}|X[G-Z][A-Z]|XF[E-Z])"
_FAR_ROW = (
    r"(?:[1-9][0-9]{7,}|[2-9][0-9]{6}|1[1-9][0-9]{5}|10[5-9][0-9]{4}|1049[0-9]{3}"
    r"|1048[6-9][0-9]{2}|10485[89][0-9]|104857[7-9])"
)
_BEYOND = re.compile(
    rf'<(?:\w+:)?(?:c\s[^>]*?\br="(?P<cell>{_FAR_COLUMN}[0-9]+|[A-Z]+{_FAR_ROW})"'
    rf'|row\s[^>]*?\br="(?P<row>{_FAR_ROW})")'.encode()
)


def _beyond_sheet(data: bytes, worksheet, file: str) -> Problem | None:
    """The first cell (or row) of a sheet past column XFD or row 1,048,576, or None.

    Checked on the sheet's XML before openpyxl reads it: openpyxl drops a far
    cell that is not the last of its row, and walks every empty row up to a far one.
    """
    import zipfile

    part = _sheet_part(worksheet)
    if part is None:
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read(part)
    except Exception:  # A missing or unreadable part: openpyxl's reading names it damaged.
        return None
    found = _BEYOND.search(xml)
    if found is None:
        return None
    if found.group("cell"):
        reference = found.group("cell").decode()
        far_column = column_index(reference.rstrip("0123456789")) > MAX_COLUMNS
    else:
        reference, far_column = f"A{found.group('row').decode()}", False
    reason, reason_da = _BEYOND_COLUMNS if far_column else _BEYOND_ROWS
    return Problem(reason, file=file, sheet=worksheet.title, cell=reference, reason_da=reason_da)


def _bad_cell(data: bytes, worksheet, file: str) -> Problem | None:
    """The first cell of a sheet that is beyond a sheet's limits or a number that is not one.

    The sheet's XML is read again, cell by cell, tracking row and column as
    openpyxl does (a cell or row without a reference follows the previous
    one). None when no such cell is found: the caller then calls the sheet
    damaged without a place.
    """
    import zipfile
    from xml.etree.ElementTree import iterparse

    def where(reference: str, reason: str, reason_da: str, value: str | None = None) -> Problem:
        return Problem(
            reason,
            file=file,
            sheet=worksheet.title,
            cell=reference,
            value=value,
            reason_da=reason_da,
        )

    row_number, column = 0, 0
    try:
        with (
            zipfile.ZipFile(io.BytesIO(data)) as archive,
            archive.open(_sheet_part(worksheet)) as part,
        ):
            for event, element in iterparse(part, events=("start", "end")):
                tag = element.tag.rpartition("}")[2]
                if event == "start" and tag == "row":
                    given = element.get("r")
                    row_number = int(given) if given and given.isdigit() else row_number + 1
                    column = 0
                    if row_number > MAX_ROWS:
                        return where(f"A{row_number}", *_BEYOND_ROWS)
                    continue
                if event != "end" or tag != "c":
                    if event == "end" and tag == "row":
                        element.clear()
                    continue
                given = element.get("r")
                match = _REFERENCE.fullmatch(given or "")
                if match:
                    column = column_index(match.group(1))
                    reference, row = given, int(match.group(2))
                else:
                    column += 1
                    reference, row = f"{column_letter(column - 1)}{row_number}", row_number
                if column > MAX_COLUMNS:
                    return where(reference, *_BEYOND_COLUMNS)
                if row > MAX_ROWS:
                    return where(reference, *_BEYOND_ROWS)
                if element.get("t", "n") == "n":
                    text = next((child.text for child in element if child.tag.endswith("}v")), None)
                    if text and not _is_number(text):
                        return where(reference, "is not a number", "er ikke et tal", text[:50])
    except Exception:  # The XML itself is broken: the sheet is damaged, without a place.
        return None
    return None


_BEYOND_ROWS = (
    f"is beyond row {MAX_ROWS:,}, the last row of a sheet",
    f"ligger efter række {MAX_ROWS:_}, et arks sidste række".replace("_", "."),
)
_BEYOND_COLUMNS = (
    "is beyond column XFD, the last column of a sheet",
    "ligger efter kolonne XFD, et arks sidste kolonne",
)


def _is_number(text: str) -> bool:
    """Whether a number cell's text is a finite number, read the way openpyxl reads it."""
    try:
        number = float(text) if any(c in text for c in ".eE") else int(text)
    except (ValueError, OverflowError):
        return False
    return math.isfinite(number)


def column_index(letters: str) -> int:
    """The 1-based number of a column's letters, as a spreadsheet counts: A → 1, AA → 27."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index


def _bad_cells(tables: dict[str, Table], file: str) -> list[Problem]:
    """Numbers that are not numbers (NaN, infinity) and cells longer than `CELL_MAX`."""
    problems = []
    for table in tables.values():
        for row in table.rows:
            for index, value in enumerate(row.values):
                if isinstance(value, float) and not math.isfinite(value):
                    reason, reason_da = "is not a number", "er ikke et tal"
                elif isinstance(value, str) and len(value) > CELL_MAX:
                    reason = f"is longer than {CELL_MAX:,} characters"
                    reason_da = f"er længere end {CELL_MAX:,} tegn".replace(",", ".")
                else:
                    continue
                problems.append(
                    Problem(
                        reason,
                        file=file,
                        sheet=table.sheet,
                        row=row.number,
                        cell=table.cell(row.number, index),
                        reason_da=reason_da,
                    )
                )
    return problems


def _formulas_without_values(data: bytes, tables: dict[str, Table], path: Path) -> list[Problem]:
    """Formula cells saved without their computed value: named as formulas, not read as empty.

    Only a workbook that holds formulas is read a second time, with formulas.
    """
    import zipfile

    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if not any(
            name.startswith("xl/worksheets/") and b"<f" in archive.read(name)
            for name in archive.namelist()
        ):
            return []
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    problems = []
    try:
        for worksheet in workbook.worksheets:
            table = tables.get(worksheet.title)
            if table is None:
                continue
            values = {row.number: row.values for row in table.rows}
            worksheet.reset_dimensions()
            for number, cells in enumerate(worksheet.iter_rows(values_only=True), start=1):
                for index, formula in enumerate(cells):
                    if not (isinstance(formula, str) and formula.startswith("=")):
                        continue
                    row = values.get(number)
                    cached = row[index] if row is not None and index < len(row) else None
                    if cached is None:
                        problems.append(
                            Problem(
                                "is a formula without a saved value; open the file in "
                                "Excel, save it and try again",
                                file=path.name,
                                sheet=worksheet.title,
                                row=number,
                                cell=table.cell(number, index),
                                value=formula,
                                reason_da="er en formel uden gemt værdi; åbn filen i Excel, "
                                "gem den og prøv igen",
                            )
                        )
    except Exception:  # The values were read above; a formula pass that fails adds nothing.
        return problems
    finally:
        workbook.close()
    return problems


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
