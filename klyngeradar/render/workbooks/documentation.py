"""Write the yearly documentation package as an .xlsx workbook with Danish sheets.

Sheets: Oversigt (scope and bases), Virksomheder (participating companies),
Støttetyper (unique companies by kind of support), KPI (actuals against
targets), KPI-udvikling (each KPI's target and actual per follow-up year, with
a native line chart per KPI when the package has at most `TREND_CHARTS` KPIs)
and, when company figures were supplied, Udvikling (revenue and employees).
Every list sheet has a frozen header, filters and fitted widths.

Numbers use the format code ``#,##0``: in the file format ``,`` is the
thousands separator, which Danish Excel and LibreOffice show as ``1.740``
(the Danish ``#.##0``). Dates show as ``dd-mm-yyyy``. Missing figures are
empty cells, never 0.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from klyngeradar.core.agreements.documentation import DocumentationPackage, summary_lines
from klyngeradar.render.atomic import writes_atomically

SHEETS = ("Oversigt", "Virksomheder", "Støttetyper", "KPI", "KPI-udvikling", "Udvikling")
# A chart per KPI helps for one agreement's handful of KPIs; for the thousands of KPIs of a
# whole organisation the table (with its filter) is the readable form.
TREND_CHARTS = 12
NUMBER_FORMAT = "#,##0"
PERCENT_FORMAT = '0" %"'
DATE_FORMAT = "dd-mm-yyyy"
MIN_WIDTH = 8
MAX_WIDTH = 70


@writes_atomically
def write_documentation_xlsx(package: DocumentationPackage, path: str | Path) -> Path:
    """Write ``package`` to ``path`` (.xlsx) and return the path."""
    import xlsxwriter

    path = Path(path)
    # Constant memory: each row goes to disk as it is written, so a national-scale package
    # (hundreds of thousands of companies) needs no more memory than one row.
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    formats = {
        "header": workbook.add_format(
            {"bold": True, "bg_color": "#E8EEF4", "bottom": 1, "text_wrap": True}
        ),
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "number": workbook.add_format({"num_format": NUMBER_FORMAT}),
        "percent": workbook.add_format({"num_format": PERCENT_FORMAT}),
        "date": workbook.add_format({"num_format": DATE_FORMAT}),
        "text": workbook.add_format({}),
    }
    _overview(workbook.add_worksheet("Oversigt"), package, formats)
    _table(
        workbook.add_worksheet("Virksomheder"),
        formats,
        (
            ("CVR-nummer", "text"),
            ("Virksomhed", "text"),
            ("Aktiviteter", "text"),
            ("Støttetyper", "text"),
            ("Klynger", "text"),
            ("Aktører", "text"),
            ("Aftaler", "text"),
            ("Deltagelser", "number"),
            ("Første dato", "date"),
            ("Seneste dato", "date"),
        ),
        (
            (
                c.cvr,
                c.company,
                "; ".join(c.activities),
                ", ".join(_kind_label(package, k) for k in c.kinds),
                ", ".join(c.clusters),
                ", ".join(c.actors),
                ", ".join(c.agreements),
                c.participations,
                c.first_date,
                c.last_date,
            )
            for c in package.companies
        ),
    )
    _table(
        workbook.add_worksheet("Støttetyper"),
        formats,
        (("Støttetype", "text"), ("Unikke virksomheder", "number"), ("Deltagelser", "number")),
        [(k.label_da, k.companies, k.participations) for k in package.by_kind],
    )
    _table(
        workbook.add_worksheet("KPI"),
        formats,
        (
            ("Aftale", "text"),
            ("KPI", "text"),
            ("Enhed", "text"),
            ("Baseline", "number"),
            (f"Mål {package.year}", "number"),
            (f"Faktisk {package.year}", "number"),
            ("Grundlag", "text"),
            ("Optalt fra deltagerlister", "number"),
            ("Status", "text"),
            ("Forklaring", "text"),
        ),
        [
            (
                line.agreement_title,
                line.definition,
                line.unit,
                line.baseline,
                line.target,
                line.actual,
                {"counted": "opgjort", "estimated": "skønnet"}.get(line.basis or ""),
                line.counted,
                line.status_da,
                line.explanation_da,
            )
            for line in package.kpis
        ],
    )
    _trends(workbook, workbook.add_worksheet("KPI-udvikling"), package, formats)
    if package.development is not None and package.figures_years is not None:
        before, after = package.figures_years
        _table(
            workbook.add_worksheet("Udvikling"),
            formats,
            (
                ("CVR-nummer", "text"),
                ("Virksomhed", "text"),
                (f"Omsætning {before} (kr.)", "number"),
                (f"Omsætning {after} (kr.)", "number"),
                ("Ændring omsætning (kr.)", "number"),
                (f"Ansatte {before}", "number"),
                (f"Ansatte {after}", "number"),
                ("Ændring ansatte", "number"),
            ),
            (
                (
                    d.cvr,
                    d.company,
                    d.revenue_before,
                    d.revenue_after,
                    d.revenue_change,
                    d.employees_before,
                    d.employees_after,
                    d.employees_change,
                )
                for d in package.development
            ),
        )
    workbook.close()
    return path


TREND_COLUMNS = (
    ("Aftale", "text"),
    ("KPI", "text"),
    ("Enhed", "text"),
    ("År", "text"),
    ("Mål", "number"),
    ("Faktisk", "number"),
    ("Grundlag", "text"),
)


def _trend_rows(package: DocumentationPackage):
    for line in package.kpis:
        trend = line.trend
        if trend is None:
            continue
        for year, target, actual, estimated in zip(
            trend.years, trend.targets, trend.actuals, trend.estimated, strict=True
        ):
            basis = None if actual is None else ("skønnet" if estimated else "opgjort")
            yield (line.agreement_title, line.definition, line.unit, year, target, actual, basis)


def _trends(workbook, worksheet, package: DocumentationPackage, formats) -> None:
    """One row per KPI and year; a line chart of target and actual per KPI for a small package.

    A year nobody followed up stays an empty cell, which the chart shows as a gap.
    """
    _table(worksheet, formats, TREND_COLUMNS, _trend_rows(package))
    charted = [line for line in package.kpis if line.trend is not None and line.trend.years]
    if not charted or len(charted) > TREND_CHARTS:
        return
    sheet, first, place = worksheet.get_name(), 1, 0
    for line in charted:
        last = first + len(line.trend.years) - 1
        chart = workbook.add_chart({"type": "line"})
        for col, name, colour in ((4, "Mål", "#7F8C99"), (5, "Faktisk", "#1F5C99")):
            chart.add_series(
                {
                    "name": name,
                    "categories": [sheet, first, 3, last, 3],
                    "values": [sheet, first, col, last, col],
                    "marker": {
                        "type": "circle",
                        "size": 6,
                        "fill": {"color": colour},
                        "border": {"color": colour},
                    },
                    "line": {"color": colour, "dash_type": "dash" if col == 4 else "solid"},
                }
            )
        chart.set_title(
            {"name": f"{line.agreement_title}: {line.definition}", "name_font": {"size": 11}}
        )
        chart.set_y_axis({"name": line.unit, "num_format": NUMBER_FORMAT, "min": 0})
        chart.set_x_axis({"name": "År"})
        chart.set_legend({"position": "bottom"})
        chart.show_blanks_as("gap")
        worksheet.insert_chart(place, len(TREND_COLUMNS) + 1, chart, {"x_scale": 1.2})
        first, place = last + 1, place + 16


def _kind_label(package: DocumentationPackage, kind: str) -> str:
    return next((k.label_da for k in package.by_kind if k.kind == kind), kind)


def _overview(worksheet, package: DocumentationPackage, formats) -> None:
    lines = summary_lines(package, "da")
    worksheet.write_string(0, 0, lines[0], formats["title"])
    row = 2
    facts = [
        ("År", package.year, "number_plain"),
        ("Aftaler", ", ".join(a.title for a in package.agreements) or "–", "text"),
        ("Unikke virksomheder (CVR)", package.unique_companies, "number"),
        ("Deltagelser", package.participations, "number"),
    ]
    for total, label in ((package.revenue, "Omsætning"), (package.employees, "Ansatte")):
        if total is None or package.figures_years is None:
            continue
        before, after = package.figures_years
        facts += [
            (f"{label} {before} (virksomheder med tal for begge år)", total.before, "number"),
            (f"{label} {after} (samme virksomheder)", total.after, "number"),
            (f"{label}, ændring", total.change_percent, "percent"),
            (f"{label}, grundlag", f"{total.reported} af {total.base} virksomheder", "text"),
        ]
    for label, value, kind in facts:
        worksheet.write_string(row, 0, label, formats["header"])
        _write(worksheet, row, 1, value, formats, "text" if kind == "number_plain" else kind)
        row += 1
    row += 1
    for note in lines[1:]:
        worksheet.write_string(row, 0, note)
        row += 1
    worksheet.set_column(0, 0, 55)
    worksheet.set_column(1, 1, 40)


def _write(worksheet, row: int, col: int, value, formats, kind: str) -> None:
    if value is None:
        return  # missing stays an empty cell, never 0
    if isinstance(value, date):
        worksheet.write_datetime(row, col, value, formats["date"])
    elif isinstance(value, int) and not isinstance(value, bool):
        fmt = formats["percent"] if kind == "percent" else formats["number"]
        if kind == "text":
            fmt = None
        worksheet.write_number(row, col, value, fmt)
    else:
        # Text stays text: a CVR number must not lose a digit, "=…" must not become a formula.
        worksheet.write_string(row, col, str(value))


def _table(worksheet, formats, columns, rows) -> None:
    """Write a header and ``rows`` (any iterable) strictly top to bottom, as constant-memory
    mode requires; the widths are fitted afterwards."""
    widths = [len(name) for name, _ in columns]
    for col, (name, _) in enumerate(columns):
        worksheet.write_string(0, col, name, formats["header"])
    r = 0
    for r, values in enumerate(rows, start=1):
        for col, value in enumerate(values):
            kind = columns[col][1]
            _write(worksheet, r, col, value, formats, kind)
            shown = 10 if isinstance(value, date) else len(str(value or ""))
            if isinstance(value, int):
                shown += len(str(value)) // 3
            widths[col] = max(widths[col], shown)
    for col, width in enumerate(widths):
        worksheet.set_column(col, col, min(max(width + 2, MIN_WIDTH), MAX_WIDTH))
    worksheet.freeze_panes(1, 0)
    worksheet.autofilter(0, 0, max(r, 1), len(columns) - 1)
