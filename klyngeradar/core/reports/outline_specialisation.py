"""The deck's slide "Regionens erhvervsmæssige styrker": the region's areas by LQ.

Shown only when register statistics are present: a native bar chart of the
areas with a known LQ for the region, highest first, and a footnote naming the
table, the year and the measure (and the qualifiers: lower bounds, the
mapping's judgement, invented demo figures).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from klyngeradar.core.reports.deck import ChartSpec, ContentSlide, Footnote, Series, Slide
from klyngeradar.core.reports.outline_base import Context
from klyngeradar.core.specialisation.quotients import (
    ALL_MUNICIPALITIES,
    Specialisation,
    format_decimal,
    format_employment,
)

# "0.00" is Office's invariant code: Danish PowerPoint shows 1,32 and English 1.32.
LQ_FORMAT = "0.00"
TITLE = {"da": "Regionens erhvervsmæssige styrker", "en": "The region's business strengths"}


@dataclass(frozen=True)
class RegionalStrengths:
    """The region's specialisation with what its footnote must say.

    `source` names the statistics table as the analyst gave it (e.g. "Danmarks
    Statistik, RAS300"); `names` are the areas' names by slug; `illustrative`
    marks the demo's invented figures.
    """

    result: Specialisation
    source: str
    names: Mapping[str, str] = field(default_factory=dict)
    illustrative: bool = False


def specialisation_slides(ctx: Context, strengths: RegionalStrengths | None) -> list[Slide]:
    """The slide, or none when there are no statistics or no area has a known LQ."""
    if strengths is None or strengths.result.region is None:
        return []
    result = strengths.result
    ranked = result.by_region_lq()
    if not ranked:
        return []
    t = ctx.t
    names = [strengths.names.get(a.area, a.area) for a in ranked]
    chart = ChartSpec(
        "bar",
        tuple(names),
        (Series("LQ", tuple(float(a.region.lq) for a in ranked)),),
        number_format=LQ_FORMAT,
        footnote=Footnote(_base(ctx, strengths), _qualifiers(ctx, strengths)),
    )
    notes = [
        t(
            "LQ over 1: en større andel af beskæftigelsen i området end i sammenligningen.",
            "An LQ above 1: a larger share of employment in the area than in the comparison.",
        )
    ]
    for area, name in zip(ranked, names, strict=True):
        figure = area.region
        lower = t("mindst ", "at least ") if figure.suppressed else ""
        notes.append(
            f"{name}: LQ {format_decimal(figure.lq, 2, ctx.lang)}; "
            f"{lower}{format_employment(figure.employment, ctx.lang)} "
            + t("beskæftigede", "employed")
        )
    return [
        ContentSlide(
            title=_title(ctx, ranked, names),
            marker=TITLE[ctx.lang],
            key="specialisation.lq",
            body=chart,
            notes="\n".join(notes),
        )
    ]


def _title(ctx: Context, ranked, names: list[str]) -> str:
    """ "Regionen er mest specialiseret i Fødevarer (LQ 1,85) – 3 af 10 områder over 1"."""
    top, count = ranked[0].region, len(ranked)
    above = sum(1 for a in ranked if a.region.lq > 1)
    areas = ctx.t(ctx.noun(count, "område", "områder"), ctx.noun(count, "area", "areas"))
    lq = format_decimal(top.lq, 2, ctx.lang)
    if above == 0:
        return ctx.t(
            f"Ingen af regionens {ctx.n(count)} {areas} har en LQ over 1 – højest "
            f"{names[0]} ({lq})",
            f"None of the region's {ctx.n(count)} {areas} has an LQ above 1 – highest "
            f"{names[0]} ({lq})",
        )
    return ctx.t(
        f"Regionen er mest specialiseret i {names[0]} (LQ {lq}) – {ctx.n(above)} af "
        f"{ctx.n(count)} {areas} over 1",
        f"The region is most specialised in {names[0]} (LQ {lq}) – {ctx.n(above)} of "
        f"{ctx.n(count)} {areas} above 1",
    )


def _base(ctx: Context, strengths: RegionalStrengths) -> str:
    t = ctx.t
    result = strengths.result
    compared = (
        t("hele landet", "all of Denmark")
        if result.municipalities_in_file >= ALL_MUNICIPALITIES
        else t(
            f"filens {result.municipalities_in_file} kommuner",
            f"the file's {result.municipalities_in_file} municipalities",
        )
    )
    return t(
        f"Kilde: {strengths.source}, {result.year}. Mål: lokaliseringskvotient (LQ) af "
        f"beskæftigelsen, regionen mod {compared}",
        f"Source: {strengths.source}, {result.year}. Measure: location quotient (LQ) of "
        f"employment, the region against {compared}",
    )


def _qualifiers(ctx: Context, strengths: RegionalStrengths) -> tuple[str, ...]:
    t = ctx.t
    qualifiers = [
        t(
            f"Områdernes brancher (DB07): {strengths.result.mapping}, et skøn",
            f"The areas' industries (DB07): {strengths.result.mapping}, a judgement",
        )
    ]
    if any(a.region and a.region.suppressed for a in strengths.result.areas):
        qualifiers.append(
            t(
                "nogle celler er diskretionerede; tallene er da mindst-tal",
                "some cells are suppressed; those figures are lower bounds",
            )
        )
    if strengths.illustrative:
        qualifiers.append(
            t("opdigtede tal til demoen, ikke Danmarks Statistiks", "invented demo figures")
        )
    return tuple(qualifiers)
