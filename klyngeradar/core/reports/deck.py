"""The board deck as plain data: slides, charts and tables that a renderer only writes.

The outline (`klyngeradar.core.reports.outline`) builds a `Deck` from a round's findings;
`klyngeradar.render.deck.writer` turns it into an editable .pptx. Nothing here knows
python-pptx: a chart is its kind, categories, series and number format; a table
is its header, rows and optional per-cell colour levels (the fit matrix heatmap).

A missing value in a series is ``None`` and stays a gap in the chart, never 0.
A slide whose section has no data yet carries a `placeholder_note`
("Ingen data endnu: …") that the renderer shows on the slide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar, Literal

Lang = Literal["da", "en"]
ChartKind = Literal["bar", "column", "stacked", "pie", "doughnut"]
Align = Literal["left", "right", "center"]
Number = int | float

# Number formats are written the way Office stores them (en-US invariant codes).
# "#,##0" would show 1,740 in an English locale; the Danish codes below spell the
# thousands separator out as a literal so that 1.740 shows in every locale.
INTEGER_DA = '[>=1000000]#"."###"."##0;[>=1000]#"."##0;0'
INTEGER_EN = "#,##0"
PERCENT_DA = '0" %"'
PERCENT_EN = '0"%"'


def integer_format(lang: Lang, *, hide_zero: bool = False) -> str:
    """The chart/cell number format for whole numbers in `lang` (zeros blank if `hide_zero`)."""
    if hide_zero:
        return '[=0]"";[>=1000]#"."##0;0' if lang == "da" else '#,##0;-#,##0;""'
    return INTEGER_DA if lang == "da" else INTEGER_EN


def percent_format(lang: Lang) -> str:
    """The format for whole percentages stored as 0–100 (92 → "92 %")."""
    return PERCENT_DA if lang == "da" else PERCENT_EN


def placeholder_text(what: str, lang: Lang = "da") -> str:
    """The note a slide shows when its section has no data yet."""
    return f"Ingen data endnu: {what}" if lang == "da" else f"No data yet: {what}"


@dataclass(frozen=True)
class Footnote:
    """A chart's or table's base ("10 af 12 klynger har oplyst et skøn") and qualifiers."""

    base: str
    qualifiers: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " · ".join((self.base, *self.qualifiers))


@dataclass(frozen=True)
class Series:
    """One named series; ``None`` is a gap (not answered), never drawn as 0."""

    name: str
    values: tuple[Number | None, ...]


@dataclass(frozen=True)
class ChartSpec:
    """A native chart: the data sits in the chart so a user can restyle and edit it."""

    kind: ChartKind
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    number_format: str = INTEGER_DA
    title: str | None = None
    footnote: Footnote | None = None
    # Set by the layout (`klyngeradar.core.reports.layout`): the value axis' maximum,
    # shared by the parts of a chart split over several slides so their bars compare,
    # and the size of the category and data labels.
    axis_max: float | None = None
    label_size: int | None = None

    def __post_init__(self) -> None:
        if not self.series:
            raise ValueError("a chart needs at least one series")
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(
                    f"series {series.name!r} has {len(series.values)} values "
                    f"for {len(self.categories)} categories"
                )
        if self.kind in ("pie", "doughnut") and len(self.series) != 1:
            raise ValueError(f"a {self.kind} chart takes exactly one series")

    @property
    def legend(self) -> bool:
        return len(self.series) > 1 or self.kind in ("pie", "doughnut")


@dataclass(frozen=True)
class ScatterPoint:
    """One labelled point of a scatter chart (several clusters at one place share a point)."""

    label: str
    x: Number
    y: Number
    label_position: Literal["right", "left", "above", "below"] = "right"


@dataclass(frozen=True)
class ScatterGroup:
    """A named group of points, drawn as one series with its own colour and legend entry."""

    name: str
    points: tuple[ScatterPoint, ...]
    color: str = "1F5F8B"


@dataclass(frozen=True)
class ScatterLine:
    """A straight reference line (a threshold) from `start` to `end`, drawn as a series."""

    name: str
    start: tuple[Number, Number]
    end: tuple[Number, Number]


@dataclass(frozen=True)
class ScatterSpec:
    """A native XY scatter chart: labelled points in groups, threshold lines, axis titles.

    The axes run from 0 to `x_max` and `y_max`; every point must lie inside them.
    """

    groups: tuple[ScatterGroup, ...]
    lines: tuple[ScatterLine, ...]
    x_title: str
    y_title: str
    x_max: Number
    y_max: Number
    footnote: Footnote | None = None

    def __post_init__(self) -> None:
        if self.x_max <= 0 or self.y_max <= 0:
            raise ValueError("a scatter chart's axes need a maximum above 0")
        for group in self.groups:
            for point in group.points:
                if not (0 <= point.x <= self.x_max and 0 <= point.y <= self.y_max):
                    raise ValueError(f"point {point.label!r} lies outside the axes")

    @property
    def points(self) -> tuple[ScatterPoint, ...]:
        return tuple(p for g in self.groups for p in g.points)


@dataclass(frozen=True)
class TableSpec:
    """A real table. `levels` (same shape as `rows`, 0–3 or None) colours cells as a heatmap.

    `widths` are relative column widths; `align` per column (numbers to the right).
    The first `key_columns` columns name the row and are repeated when the table
    is split by columns. `size` and `header_size` are set by the layout: the body
    and header point sizes at which the table fits its box.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    levels: tuple[tuple[int | None, ...], ...] | None = None
    widths: tuple[float, ...] | None = None
    align: tuple[Align, ...] | None = None
    footnote: Footnote | None = None
    key_columns: int = 1
    size: int | None = None
    header_size: int | None = None

    def __post_init__(self) -> None:
        columns = len(self.header)
        for name, value in (("widths", self.widths), ("align", self.align)):
            if value is not None and len(value) != columns:
                raise ValueError(f"{name} has {len(value)} entries for {columns} columns")
        for row in self.rows:
            if len(row) != columns:
                raise ValueError(f"row {row!r} has {len(row)} cells for {columns} columns")
        if self.levels is not None:
            if len(self.levels) != len(self.rows):
                raise ValueError("levels must have one row per table row")
            for row in self.levels:
                if len(row) != columns:
                    raise ValueError("levels must have one entry per column")
                if any(level is not None and not 0 <= level <= 3 for level in row):
                    raise ValueError("a colour level is 0, 1, 2, 3 or None")


@dataclass(frozen=True)
class Bullet:
    text: str
    level: int = 0
    bold: bool = False


@dataclass(frozen=True)
class Text:
    """A block of bullets (a paragraph is a bullet at level 0 in a text body)."""

    bullets: tuple[Bullet, ...]

    @classmethod
    def of(cls, *lines: str | Bullet) -> Text:
        return cls(tuple(b if isinstance(b, Bullet) else Bullet(b) for b in lines))


Content = Text | ChartSpec | TableSpec

# A ring of (longitude, latitude) points; the renderer projects and draws it.
Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class MapArea:
    """One municipality on a map: its name (the shape's name), value and colour level.

    `level` is the legend class (0 = lightest) or None when the value is not known.
    """

    code: str
    name: str
    value: Number | None
    label: str
    level: int | None
    rings: tuple[Ring, ...]


@dataclass(frozen=True)
class MapLegendItem:
    label: str
    level: int | None


@dataclass(frozen=True)
class MapPanel:
    """One map of the region: a title, one area per municipality and its legend."""

    title: str
    areas: tuple[MapArea, ...]
    legend: tuple[MapLegendItem, ...]


@dataclass(frozen=True)
class MapSpec:
    """Maps side by side, drawn as editable shapes, with the base and the data's attribution."""

    panels: tuple[MapPanel, ...]
    attribution: str
    footnote: Footnote | None = None


@dataclass(frozen=True, kw_only=True)
class Slide:
    """What every slide has: a title, speaker notes and, when data is missing, a note.

    `title` is the slide's message ("7 af 12 klynger er fysisk til stede – 5 med eget
    kontor"); `marker` is the small section label above it ("Fysisk tilstedeværelse").
    `key` names the slide for the analyst's own title (`build_deck(titles=…)`), stable
    across rounds; a slide without a key keeps its generated title.

    `page` of `pages` is set by the layout when a slide's content continues on
    further slides ("fortsat"); a slide that fits is page 1 of 1.
    """

    layout: ClassVar[str] = "content"
    title: str
    marker: str = ""
    key: str = ""
    notes: str = ""
    placeholder_note: str | None = None
    page: int = 1
    pages: int = 1


@dataclass(frozen=True, kw_only=True)
class TitleSlide(Slide):
    layout: ClassVar[str] = "title"
    subtitle: str = ""


@dataclass(frozen=True, kw_only=True)
class AgendaSlide(Slide):
    items: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class SectionSlide(Slide):
    layout: ClassVar[str] = "section"
    subtitle: str = ""


@dataclass(frozen=True, kw_only=True)
class ContentSlide(Slide):
    """A title and one body: bullets, a chart or a table; or, instead of a body, maps."""

    body: Content | None = None
    map: MapSpec | None = None


@dataclass(frozen=True, kw_only=True)
class TwoContentSlide(Slide):
    """A title and two bodies side by side (e.g. a chart and its key messages)."""

    layout: ClassVar[str] = "two"
    left: Content | None = None
    right: Content | None = None


@dataclass(frozen=True, kw_only=True)
class ScatterSlide(Slide):
    """A title and one scatter chart filling the body, with its footnote.

    It is one page whatever its size (points do not continue on further slides),
    so the layout leaves it as it is.
    """

    chart: ScatterSpec | None = None


@dataclass(frozen=True)
class Deck:
    title: str
    organisation: str | None
    date: date
    lang: Lang
    slides: tuple[Slide, ...]

    @property
    def charts(self) -> tuple[ChartSpec, ...]:
        found: list[ChartSpec] = []
        for slide in self.slides:
            for body in _bodies(slide):
                if isinstance(body, ChartSpec):
                    found.append(body)
        return tuple(found)


def _bodies(slide: Slide) -> tuple[Content, ...]:
    if isinstance(slide, ContentSlide):
        return (slide.body,) if slide.body is not None else ()
    if isinstance(slide, TwoContentSlide):
        return tuple(b for b in (slide.left, slide.right) if b is not None)
    return ()
