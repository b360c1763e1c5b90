"""Write a round in the exchange format: a .xlsx workbook or a .csv file of the answers.

The cell values come from `klyngeradar.core.surveys.exchange_write.round_to_tables`;
this module only lays them out. Reading the file back with
`klyngeradar.core.surveys.exchange.read_round` gives an equal round (a CSV file holds
the answers only: pass the round's keys as options when reading it).

In a CSV file a free text (a text answer, a cluster's name) that Excel would
run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR) gets a leading ``'``;
the reader takes it off again. Numbers and codes are never changed; a
workbook needs no guard, since its strings are written as strings.
"""

from __future__ import annotations

import csv
from pathlib import Path

from klyngeradar.core.surveys.exchange import ANSWERS_SHEET
from klyngeradar.core.surveys.exchange_write import round_to_tables
from klyngeradar.core.surveys.questionnaire import Questionnaire, load
from klyngeradar.core.surveys.responses import RoundData
from klyngeradar.core.tables import Table, guard_formula
from klyngeradar.render.atomic import writes_atomically

MIN_WIDTH = 8
MAX_WIDTH = 60


def add_exchange_sheets(workbook, round: RoundData, *, questionnaire=None) -> None:
    """Add the exchange format's sheets (svar, runde, aktører, indsatser) to `workbook`.

    Used by the appendices, whose last sheets are the round in the exchange format:
    `read_round` reads them back as the same round.
    """
    tables = round_to_tables(round, questionnaire)
    header_format = workbook.add_format({"bold": True, "bg_color": "#E8EEF4", "bottom": 1})
    text_format = workbook.add_format({"text_wrap": False})
    for name, table in tables.items():
        if name != ANSWERS_SHEET and not table.rows:
            continue
        _sheet(workbook.add_worksheet(name), table, header_format, text_format)


@writes_atomically
def write_xlsx(
    round: RoundData, path: str | Path, *, questionnaire: Questionnaire | None = None
) -> Path:
    """Write the sheets svar, runde, aktører and indsatser (empty lists are left out)."""
    import xlsxwriter

    path = Path(path)
    workbook = xlsxwriter.Workbook(str(path), {"in_memory": True})
    add_exchange_sheets(workbook, round, questionnaire=questionnaire)
    workbook.close()
    return path


@writes_atomically
def write_csv(
    round: RoundData,
    path: str | Path,
    *,
    delimiter: str = ";",
    encoding: str = "utf-8-sig",
    questionnaire: Questionnaire | None = None,
) -> Path:
    """Write the answers sheet as CSV (default: ``;`` and UTF-8 with BOM, as Excel expects)."""
    path = Path(path)
    q = questionnaire or load()
    table = round_to_tables(round, q)[ANSWERS_SHEET]
    texts = {"name"} | {question.id for question in q.questions if question.type == "text"}
    free_text = [name in texts for name in table.header]
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(table.header)
        for row in table.rows:
            writer.writerow(
                _csv_cell(value, is_text)
                for value, is_text in zip(row.values, free_text, strict=True)
            )
    return path


def _csv_cell(value: object, is_text: bool) -> object:
    """A CSV cell; a free text that Excel would run as a formula gets the ``'`` guard.

    Numbers and codes are never guarded: they cannot start a formula, and a
    negative number must stay a number.
    """
    if value is None:
        return ""
    return guard_formula(value) if is_text and isinstance(value, str) else value


def _sheet(worksheet, table: Table, header_format, text_format) -> None:
    widths = [len(name) for name in table.header]
    for col, name in enumerate(table.header):
        worksheet.write_string(0, col, name, header_format)
    for r, row in enumerate(table.rows, start=1):
        for col, value in enumerate(row.values):
            if value is None:
                continue
            # Strings are written as strings: "851;813" or "=…" must never become a
            # number or a formula.
            if isinstance(value, int) and not isinstance(value, bool):
                worksheet.write_number(r, col, value)
            else:
                worksheet.write_string(r, col, str(value), text_format)
            widths[col] = max(widths[col], len(str(value)))
    for col, width in enumerate(widths):
        worksheet.set_column(col, col, min(max(width + 2, MIN_WIDTH), MAX_WIDTH))
    worksheet.freeze_panes(1, 0)
    if table.header:
        worksheet.autofilter(0, 0, max(len(table.rows), 1), len(table.header) - 1)
