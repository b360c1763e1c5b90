"""The appendices' sheet "Erhvervsstruktur": every area's LQ for the region and its municipalities.

One row per area and place by name (the region first, then its municipalities
in code order): employment, share, LQ and whether a suppressed cell makes the figure a
lower bound. Unknown figures are empty cells, never 0. The last rows name the
source, the year, the measure and the mapping.
"""

from __future__ import annotations

from klyngeradar.core.registry.geography import municipalities, region
from klyngeradar.core.reports.outline_specialisation import RegionalStrengths

SHARE_FORMAT = "0.00%"
LQ_FORMAT = "0.00"
EMPLOYMENT_FORMAT = "#,##0.0"


def specialisation_sheet(writer, strengths: RegionalStrengths | None) -> None:
    """Add the sheet to the appendices `writer` (`appendices._Sheets`) when statistics exist."""
    if strengths is None:
        return
    t = writer.t
    result = strengths.result
    places = {m.code: m.name for m in municipalities()}
    found = region(result.region) if result.region else None
    header = (
        t("Område", "Area"),
        t("Sted", "Place"),
        t("Beskæftigede", "Employment"),
        t("Andel", "Share"),
        "LQ",
        t("Mindst-tal (diskretioneret)", "Lower bound (suppressed)"),
    )
    rows = []
    for area in result.areas:
        name = strengths.names.get(area.area, area.area)
        if area.region is not None and found is not None:
            rows.append((name, found.name, *_figures(area.region)))
        for code, figure in area.municipalities.items():
            rows.append((name, places.get(code, code), *_figures(figure)))
    sheet = writer.table(
        t("Erhvervsstruktur", "Business structure"),
        header,
        rows,
        below=_source_lines(writer, strengths),
    )
    book = writer.book
    formats = {
        2: book.add_format({"num_format": EMPLOYMENT_FORMAT}),
        3: book.add_format({"num_format": SHARE_FORMAT}),
        4: book.add_format({"num_format": LQ_FORMAT}),
    }
    for r, row in enumerate(rows, start=1):
        for c, number_format in formats.items():
            if row[c] is not None:
                sheet.write_number(r, c, row[c], number_format)


def _figures(figure) -> tuple[object, ...]:
    def number(value):
        return None if value is None else float(value)

    return (
        number(figure.employment),
        number(figure.share),
        number(figure.lq),
        figure.suppressed,
    )


def _source_lines(writer, strengths: RegionalStrengths) -> list[str]:
    t = writer.t
    result = strengths.result
    lines = [
        t(
            f"Kilde: {strengths.source}, {result.year}",
            f"Source: {strengths.source}, {result.year}",
        ),
        t(
            "Mål: lokaliseringskvotient (LQ) = områdets andel af beskæftigelsen på stedet delt med "
            f"andelen i filens {result.municipalities_in_file} kommuner",
            "Measure: location quotient (LQ) = the area's share of employment in the place "
            f"divided by its share in the file's {result.municipalities_in_file} municipalities",
        ),
        t(
            f"Områdernes brancher (DB07): {result.mapping} (et skøn)",
            f"The areas' industries (DB07): {result.mapping} (a judgement)",
        ),
    ]
    if strengths.illustrative:
        lines.append(
            t(
                "Opdigtede tal til demoen – ikke Danmarks Statistiks",
                "Invented figures for the demo, not Statistics Denmark's",
            )
        )
    return lines
