"""What the "Erhvervsstruktur" page shows, as plain values: the chart's data and the tables."""

from __future__ import annotations

from dataclasses import dataclass

from klyngeradar.core.registry import geography
from klyngeradar.core.specialisation.quotients import (
    Figure,
    Specialisation,
    format_decimal,
    format_employment,
)


@dataclass(frozen=True)
class Cell:
    lq: str
    share: str
    employment: str
    suppressed: bool
    unknown: bool


@dataclass(frozen=True)
class MunicipalityRow:
    code: str
    name: str
    cell: Cell


@dataclass(frozen=True)
class AreaBlock:
    slug: str
    name: str
    region: Cell | None
    municipalities: tuple[MunicipalityRow, ...]

    @property
    def known(self) -> bool:
        """Whether any municipality's figures are known (else the summary says "ukendt")."""
        return any(not row.cell.unknown or row.cell.suppressed for row in self.municipalities)


def cell(figure: Figure | None, lang: str) -> Cell:
    if figure is None:
        return Cell("–", "–", "–", False, True)
    share = None if figure.share is None else figure.share * 100
    return Cell(
        lq=format_decimal(figure.lq, 2, lang),
        share="–" if share is None else f"{format_decimal(share, 1, lang)} %",
        employment=format_employment(figure.employment, lang),
        suppressed=figure.suppressed,
        unknown=figure.lq is None,
    )


def chart(result: Specialisation, names: dict[str, str]) -> dict:
    """The chart's data for ``json_script``: areas with a known region LQ, highest first."""
    ranked = result.by_region_lq()
    return {
        "labels": [names.get(a.area, a.area) for a in ranked],
        "values": [float(a.region.lq) for a in ranked],
        "suppressed": [a.region.suppressed for a in ranked],
        "year": result.year,
    }


def page(result: Specialisation, upload, names: dict[str, str], lang: str) -> dict:
    municipality = {m.code: m.name for m in geography.municipalities()}
    ranked = list(result.by_region_lq())
    ordered = ranked + [a for a in result.areas if a not in ranked]
    blocks = []
    for area in ordered:
        # Highest LQ first; unknown ones last, by name.
        known = sorted(
            (f for f in area.municipalities.items() if f[1].lq is not None),
            key=lambda item: (-item[1].lq, municipality.get(item[0], item[0])),
        )
        unknown = sorted(
            (f for f in area.municipalities.items() if f[1].lq is None),
            key=lambda item: municipality.get(item[0], item[0]),
        )
        rows = [
            MunicipalityRow(code, municipality.get(code, code), cell(figure, lang))
            for code, figure in (*known, *unknown)
        ]
        blocks.append(
            AreaBlock(
                area.area,
                names.get(area.area, area.area),
                cell(area.region, lang),
                tuple(rows),
            )
        )
    return {
        "result": result,
        "chart": chart(result, names),
        "areas": blocks,
        "warnings": [w.text(lang) for w in result.warnings],
        "whole_country": result.municipalities_in_file >= 98,
    }
