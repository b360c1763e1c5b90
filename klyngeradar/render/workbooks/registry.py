"""Write the registry workbook (areas, clusters, actors, designations, lineage) as .xlsx.

The cells come from `klyngeradar.core.registry.workbook.registry_tables`; reading the
file back with `parse_registry` gives the same rows. Strings stay strings, so a code
such as ``0851`` or a text starting with ``=`` is never turned into a number or formula.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from klyngeradar.core.tables import Table

MAX_WIDTH = 60


def write_registry_xlsx(tables: Mapping[str, Table], path: str | Path) -> Path:
    import xlsxwriter

    path = Path(path)
    book = xlsxwriter.Workbook(str(path), {"in_memory": True})
    header_format = book.add_format({"bold": True, "bg_color": "#E8EEF4", "bottom": 1})
    for name, table in tables.items():
        sheet = book.add_worksheet(name)
        widths = [len(column) + 2 for column in table.header]
        for col, column in enumerate(table.header):
            sheet.write_string(0, col, column, header_format)
        for r, row in enumerate(table.rows, start=1):
            for col, value in enumerate(row.values):
                if value is None or value == "":
                    continue
                if isinstance(value, int) and not isinstance(value, bool):
                    sheet.write_number(r, col, value)
                else:
                    sheet.write_string(r, col, str(value))
                widths[col] = max(widths[col], min(len(str(value)) + 2, MAX_WIDTH))
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(table.rows), 1), len(table.header) - 1)
    book.close()
    return path
