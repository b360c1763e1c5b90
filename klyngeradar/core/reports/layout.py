"""Fit a deck to its slides: tables, charts and text continue on further slides when too big.

The outline says what the deck shows; the layout decides, from measured sizes,
how it fits the template's content area (`Geometry`, measured by the renderer
from the template's layouts):

- a **table** gets the largest size from 16 pt down to 10 pt at which it fits
  with whole words; when it does not, its rows continue on further slides under
  a repeated header, in the order the outline gave (most important first), and
  columns that cannot keep whole words even at 10 pt are split into groups that
  each repeat the table's key column;
- a **chart** with more categories than can be labelled without overlap becomes
  horizontal bars sorted by value and is split over further slides with one
  shared value axis; a pie with many slices keeps the largest and adds "Øvrige";
  a chart without categories becomes the slide's "Ingen data endnu" note;
- **text** that does not fit at 14 pt continues on a further slide, a bullet
  staying with its sub-bullets;
- every **footnote** (under a chart, table, map or scatter chart) is set at one size,
  `FOOTNOTE_SIZE`; one too long for its room keeps what fits and the rest goes to the
  speaker notes.

A continued slide's title ends with "(fortsat)" / "(continued)" and carries its
`page` and `pages`. The renderer only draws the result.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from klyngeradar.core.reports.deck import (
    ChartSpec,
    ContentSlide,
    Deck,
    Footnote,
    Lang,
    MapSpec,
    ScatterSlide,
    ScatterSpec,
    Series,
    Slide,
    TableSpec,
    Text,
    TwoContentSlide,
    placeholder_text,
)
from klyngeradar.core.reports.measure import CALIBRI, Metrics, fitting_size

# Room the renderer keeps under a chart or table for its footnote, in points.
FOOTNOTE = 36.0
# A table's cell margins, in points (0.08 in and 0.04 in).
CELL_MARGIN_X, CELL_MARGIN_Y = 5.76, 2.88
TABLE_MAX, TABLE_MIN, HEADER_MIN = 16, 10, 9
# When a table must continue anyway, it is set at the largest of these sizes that keeps
# whole words: readable, and not so large that it needs many slides.
TABLE_SPLIT_MAX = 12
TEXT_MAX, TEXT_MIN, TEXT_SPLIT = 20, 14, 16
LABEL = 11
CHART_TITLE, LEGEND = 28.0, 28.0
COLUMN_MAX_CATEGORIES = 12
PIE_MAX_SLICES = 8


@dataclass(frozen=True)
class Geometry:
    """The content areas of the template, in points: one body, and each of two bodies."""

    content: tuple[float, float] = (873.4, 370.8)
    half: tuple[float, float] = (422.6, 370.8)
    metrics: Metrics = CALIBRI


DEFAULT_GEOMETRY = Geometry()


def layout_deck(deck: Deck, geometry: Geometry = DEFAULT_GEOMETRY) -> Deck:
    """The deck with every slide fitted to `geometry`, continued on further slides as needed."""
    slides: list[Slide] = []
    for slide in deck.slides:
        slides += layout_slide(slide, geometry, deck.lang)
    return replace(deck, slides=tuple(slides))


def continued_title(title: str, lang: Lang) -> str:
    return f"{title} ({'fortsat' if lang == 'da' else 'continued'})"


def _number(slides: list[Slide], lang: Lang) -> list[Slide]:
    if len(slides) == 1:
        return slides
    first = slides[0].title
    return [
        replace(
            slide,
            title=first if index == 0 else continued_title(first, lang),
            notes=slide.notes if index == 0 else "",
            page=index + 1,
            pages=len(slides),
        )
        for index, slide in enumerate(slides)
    ]


def layout_slide(slide: Slide, geometry: Geometry, lang: Lang) -> list[Slide]:
    """One slide of the outline as one or more slides that fit."""
    return [_footnotes(part, geometry, lang) for part in _split(slide, geometry, lang)]


# Every footnote of the deck is drawn at this one size, whatever its length or slide, so
# that the footnotes read alike; one too long for its room at this size keeps its base and
# the qualifiers that fit, and the whole of it goes to the speaker notes. 8 pt, the size of
# the map's attribution, keeps every qualifier of the demo decks on the slide (at 9 pt the
# overlap of unique companies and the comparison's panel figures went to the notes).
FOOTNOTE_SIZE = 8


def _footnotes(slide: Slide, geometry: Geometry, lang: Lang) -> Slide:
    """A footnote too long for its room keeps what fits; the whole of it goes to the notes."""
    if isinstance(slide, ContentSlide):
        fields, width = {"body": slide.body, "map": slide.map}, geometry.content[0]
    elif isinstance(slide, TwoContentSlide):
        fields, width = {"left": slide.left, "right": slide.right}, geometry.half[0]
    elif isinstance(slide, ScatterSlide):
        fields, width = {"chart": slide.chart}, geometry.content[0]
    else:
        return slide
    changes, notes = {}, []
    for name, body in fields.items():
        if not isinstance(body, ChartSpec | TableSpec | MapSpec | ScatterSpec):
            continue
        if body.footnote is None:
            continue
        short = short_footnote(body.footnote, width, geometry.metrics, lang)
        if short != body.footnote:
            changes[name] = replace(body, footnote=short)
            notes.append(body.footnote.text)
    if not changes:
        return slide
    return replace(slide, **changes, notes="\n".join(n for n in (slide.notes, *notes) if n))


def short_footnote(footnote: Footnote, width: float, metrics: Metrics, lang: Lang) -> Footnote:
    """The footnote's base and as many qualifiers as fit its room at `FOOTNOTE_SIZE`, and a
    pointer to the notes for the rest."""
    # The footnote's box is FOOTNOTE high less a gap; its text frame has 0.1 in margins
    # left and right and 0.05 in top and bottom.
    room, width = FOOTNOTE - 3.6 - 7.2, width - 14.4

    def fits(candidate: Footnote) -> bool:
        return (
            fitting_size(
                [(candidate.text, 0)],
                width,
                room,
                FOOTNOTE_SIZE,
                FOOTNOTE_SIZE,
                bullets=False,
                metrics=metrics,
            )
            is not None
        )

    if fits(footnote):
        return footnote
    more = "flere forbehold i noterne" if lang == "da" else "more qualifiers in the notes"
    kept = list(footnote.qualifiers)
    while kept and not fits(Footnote(footnote.base, (*kept, more))):
        kept.pop()
    return Footnote(footnote.base, (*kept, more))


def _split(slide: Slide, geometry: Geometry, lang: Lang) -> list[Slide]:
    if isinstance(slide, ContentSlide) and slide.body is not None:
        parts = _pages(slide.body, geometry.content, geometry.metrics, lang)
        if not parts:
            return [replace(slide, body=None, placeholder_note=_no_data(slide, lang))]
        return _number([replace(slide, body=part) for part in parts], lang)
    if isinstance(slide, TwoContentSlide):
        return _number(_two(slide, geometry, lang), lang)
    return [slide]


def _no_data(slide: Slide, lang: Lang) -> str:
    return slide.placeholder_note or placeholder_text(
        "ingen klynger at vise" if lang == "da" else "no clusters to show", lang
    )


def _pages(body, box: tuple[float, float], metrics: Metrics, lang: Lang) -> list:
    if isinstance(body, TableSpec):
        return table_pages(body, *box, metrics)
    if isinstance(body, ChartSpec):
        return chart_pages(body, *box, metrics, lang)
    return text_pages(body, *box, metrics)


def _two(slide: TwoContentSlide, geometry: Geometry, lang: Lang) -> list[Slide]:
    left = _pages(slide.left, geometry.half, geometry.metrics, lang) if slide.left else []
    right = _pages(slide.right, geometry.half, geometry.metrics, lang) if slide.right else []
    note = slide.placeholder_note
    if slide.left is not None and not left:
        note = _no_data(slide, lang)
    if len(left) <= 1 and len(right) <= 1:
        return [
            replace(
                slide,
                left=left[0] if left else None,
                right=right[0] if right else None,
                placeholder_note=note,
            )
        ]
    both_charts = isinstance(slide.left, ChartSpec) and isinstance(slide.right, ChartSpec)
    if both_charts and slide.left.categories == slide.right.categories:
        return _side_by_side(slide, geometry, lang, note)
    # Otherwise the first slide has both bodies and the rest continue at full width.
    first = replace(slide, left=left[0] if left else None, right=right[0] if right else None)
    rest = [
        ContentSlide(title=slide.title, marker=slide.marker, key=slide.key, body=part)
        for part in left[1:] + right[1:]
    ]
    return [first, *rest]


def _side_by_side(
    slide: TwoContentSlide, geometry: Geometry, lang: Lang, note: str | None
) -> list[Slide]:
    """Two charts of the same categories continue side by side, split at the same categories.

    They are split as one (their series together), so a category is left out only
    when neither chart has a value for it, and each chart keeps one scale throughout.
    """
    left, right = slide.left, slide.right
    together = replace(left, kind="stacked", series=left.series + right.series)
    pages = chart_pages(together, *geometry.half, geometry.metrics, lang)
    if not pages:
        return [replace(slide, left=None, right=None, placeholder_note=_no_data(slide, lang))]
    if len(pages) == 1:
        return [
            replace(
                slide,
                left=chart_pages(left, *geometry.half, geometry.metrics, lang)[0],
                right=chart_pages(right, *geometry.half, geometry.metrics, lang)[0],
                placeholder_note=note,
            )
        ]
    known = len(left.footnote.qualifiers) if left.footnote else 0
    extra = pages[0].footnote.qualifiers[known:] if pages[0].footnote else ()
    return [
        replace(
            slide,
            left=_same_categories(left, page, extra),
            right=_same_categories(right, page, extra),
            placeholder_note=note,
        )
        for page in pages
    ]


def _same_categories(chart: ChartSpec, page: ChartSpec, extra: tuple[str, ...]) -> ChartSpec:
    index = {c: i for i, c in enumerate(chart.categories)}
    footnote = chart.footnote
    if footnote and extra:
        footnote = Footnote(footnote.base, (*footnote.qualifiers, *extra))
    return replace(
        _pick(chart, [index[c] for c in page.categories]),
        kind="bar" if chart.kind == "column" else chart.kind,
        axis_max=_axis_max(chart),
        label_size=page.label_size,
        footnote=footnote,
    )


# -- tables -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableFit:
    size: int
    header_size: int
    heights: tuple[float, ...]  # header first, in points


def column_widths(spec: TableSpec, width: float) -> tuple[float, ...]:
    """The columns' widths in points: the spec's relative widths (or the text's) over `width`."""
    weights = spec.widths or auto_widths(spec)
    total = sum(weights)
    return tuple(width * w / total for w in weights)


def auto_widths(spec: TableSpec) -> tuple[float, ...]:
    longest = []
    for c, head in enumerate(spec.header):
        cells = [row[c] for row in spec.rows] + [head]
        longest.append(min(max(len(v) for v in cells), 40) + 4)
    return tuple(longest)


def _inner(widths: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(w - 2 * CELL_MARGIN_X for w in widths)


def row_height(row, inner, size: float, metrics: Metrics = CALIBRI) -> float:
    """A table row's height in points at `size`: its tallest cell plus the margins."""
    lines = max(metrics.lines(v, room, size) for v, room in zip(row, inner, strict=True))
    return lines * size * metrics.line_spacing + 2 * CELL_MARGIN_Y + 2


def _whole(row, inner, size: float, metrics: Metrics) -> bool:
    return all(
        metrics.whole_words(value, room, size) for value, room in zip(row, inner, strict=True)
    )


def _header_size(spec: TableSpec, inner, size: int, metrics: Metrics) -> int | None:
    return next(
        (
            s
            for s in range(size, HEADER_MIN - 1, -1)
            if _whole(spec.header, inner, s, metrics.as_bold())
        ),
        None,
    )


def table_fit(
    spec: TableSpec,
    width: float,
    height: float | None,
    metrics: Metrics = CALIBRI,
    sizes: range = range(TABLE_MAX, TABLE_MIN - 1, -1),
) -> TableFit | None:
    """The largest body size (and its header size) at which the table keeps whole words and,
    when `height` is given, fits it; None when no size in `sizes` does."""
    inner = _inner(column_widths(spec, width))
    for size in sizes:
        if not all(_whole(row, inner, size, metrics) for row in spec.rows):
            continue
        header = _header_size(spec, inner, size, metrics)
        if header is None:
            continue
        heights = (
            row_height(spec.header, inner, header, metrics.as_bold()),
            *(row_height(row, inner, size, metrics) for row in spec.rows),
        )
        if height is None or sum(heights) <= height:
            return TableFit(size, header, heights)
    return None


def forced_fit(spec: TableSpec, width: float, metrics: Metrics = CALIBRI) -> TableFit:
    """The smallest sizes, for a table that keeps no whole words at any size."""
    inner = _inner(column_widths(spec, width))
    heights = (
        row_height(spec.header, inner, HEADER_MIN, metrics.as_bold()),
        *(row_height(row, inner, TABLE_MIN, metrics) for row in spec.rows),
    )
    return TableFit(TABLE_MIN, HEADER_MIN, heights)


def _columns(spec: TableSpec, columns: list[int]) -> TableSpec:
    def pick(values):
        return None if values is None else tuple(values[c] for c in columns)

    return replace(
        spec,
        header=pick(spec.header),
        rows=tuple(pick(row) for row in spec.rows),
        levels=None if spec.levels is None else tuple(pick(row) for row in spec.levels),
        widths=pick(spec.widths),
        align=pick(spec.align),
        key_columns=min(spec.key_columns, len(columns)),
    )


def column_groups(spec: TableSpec, width: float, metrics: Metrics = CALIBRI) -> list[list[int]]:
    """The table's columns in groups that each keep whole words at the smallest size."""
    key = list(range(min(spec.key_columns, len(spec.header))))
    everything = list(range(len(spec.header)))

    def fits(columns: list[int]) -> bool:
        return table_fit(_columns(spec, columns), width, None, metrics) is not None

    if fits(everything):
        return [everything]
    groups: list[list[int]] = []
    group: list[int] = []
    for column in everything[len(key) :]:
        if group and not fits(key + group + [column]):
            groups.append(key + group)
            group = []
        group.append(column)
    if group:
        groups.append(key + group)
    return groups


def table_pages(
    spec: TableSpec, width: float, height: float, metrics: Metrics = CALIBRI
) -> list[TableSpec]:
    """The table as one or more tables that each fit `width` × `height` points."""
    room = height - (FOOTNOTE if spec.footnote else 0)
    if not spec.rows:
        return []
    fit = table_fit(spec, width, room, metrics)
    if fit is not None:
        return [replace(spec, size=fit.size, header_size=fit.header_size)]
    pages: list[TableSpec] = []
    for columns in column_groups(spec, width, metrics):
        part = _columns(spec, columns)
        fit = table_fit(
            part, width, None, metrics, range(TABLE_SPLIT_MAX, TABLE_MIN - 1, -1)
        ) or forced_fit(part, width, metrics)
        pages += [_rows(part, start, stop, fit) for start, stop in _row_breaks(fit, room)]
    return pages


def _row_breaks(fit: TableFit, room: float) -> list[tuple[int, int]]:
    """Where the rows break over slides: as few slides as fit, the rows spread evenly
    over them (no slide of one lone row) when the even spread fits too."""
    header, *rows = fit.heights
    breaks, start, used = [], 0, header
    for index, row in enumerate(rows):
        if index > start and used + row > room:
            breaks.append((start, index))
            start, used = index, header
        used += row
    breaks.append((start, len(rows)))
    per, extra = divmod(len(rows), len(breaks))
    even, start = [], 0
    for page in range(len(breaks)):
        stop = start + per + (1 if page < extra else 0)
        even.append((start, stop))
        start = stop
    if all(header + sum(rows[a:b]) <= room or b - a == 1 for a, b in even):
        return even
    return breaks


def _rows(spec: TableSpec, start: int, stop: int, fit: TableFit) -> TableSpec:
    return replace(
        spec,
        rows=spec.rows[start:stop],
        levels=None if spec.levels is None else spec.levels[start:stop],
        size=fit.size,
        header_size=fit.header_size,
    )


# -- charts -------------------------------------------------------------------------------------


def _total(chart: ChartSpec, index: int) -> float | None:
    values = [s.values[index] for s in chart.series if s.values[index] is not None]
    return sum(values) if values else None


def _axis_max(chart: ChartSpec) -> float | None:
    if chart.kind == "stacked":
        totals = [_total(chart, i) for i in range(len(chart.categories))]
    else:
        totals = [v for s in chart.series for v in s.values]
    known = [v for v in totals if v is not None]
    if not known or max(known) <= 0:
        return None
    # Room beyond the longest bar for its data label.
    return float(math.ceil(max(known) * 1.15))


def _sorted(chart: ChartSpec) -> ChartSpec:
    """Categories by value, largest first; a category without a value last."""
    order = sorted(
        range(len(chart.categories)),
        key=lambda i: (_total(chart, i) is None, -(_total(chart, i) or 0)),
    )
    return _pick(chart, order)


def _pick(chart: ChartSpec, order) -> ChartSpec:
    return replace(
        chart,
        categories=tuple(chart.categories[i] for i in order),
        series=tuple(Series(s.name, tuple(s.values[i] for i in order)) for s in chart.series),
    )


def bar_capacity(chart: ChartSpec, width: float, height: float, metrics: Metrics) -> int:
    """How many categories a horizontal bar chart shows in the box without overlapping labels."""
    plot = height - (FOOTNOTE if chart.footnote else 0)
    plot -= (CHART_TITLE if chart.title else 0) + (LEGEND if chart.legend else 0)
    label_room = min(max(metrics.width(c, LABEL) for c in chart.categories) + 8, width * 0.4)
    lines = max(metrics.lines(c, label_room - 8, LABEL) for c in chart.categories)
    bars = 1 if chart.kind == "stacked" else len(chart.series)
    band = max(lines * LABEL * metrics.line_spacing, bars * (LABEL + 3)) + 6
    return max(1, int(plot // band))


COLUMN_LABEL_MIN = 9


def _column_label_size(chart: ChartSpec, width: float, metrics: Metrics) -> int | None:
    """The largest label size (12 down to 9 pt) at which every column's label keeps whole
    words in at most three lines under its column; None when columns do not fit."""
    count = len(chart.categories)
    if count > COLUMN_MAX_CATEGORIES:
        return None
    slot = width / count - 6
    for size in range(12 if count <= 10 else LABEL, COLUMN_LABEL_MIN - 1, -1):
        if all(
            metrics.whole_words(c, slot, size) and metrics.lines(c, slot, size) <= 3
            for c in chart.categories
        ):
            return size
    return None


def chart_pages(
    chart: ChartSpec,
    width: float,
    height: float,
    metrics: Metrics = CALIBRI,
    lang: Lang = "da",
) -> list[ChartSpec]:
    """The chart as one or more charts whose labels fit `width` × `height` points.

    A chart without categories gives no chart at all (the slide says there is no data).
    """
    if not chart.categories:
        return []
    if chart.kind in ("pie", "doughnut"):
        return [_slices(chart, lang)]
    must_sort = False
    if chart.kind == "column":
        size = _column_label_size(chart, width, metrics)
        if size is not None:
            return [replace(chart, label_size=size)]
        chart, must_sort = replace(chart, kind="bar"), True
    capacity = bar_capacity(chart, width, height, metrics)
    count = len(chart.categories)
    if count <= capacity:
        chart = _sorted(chart) if must_sort else chart
        return [replace(chart, label_size=LABEL if count > 10 else 12)]
    chart = _without_unstated(_sorted(chart), lang)
    count = len(chart.categories)
    if count <= capacity:
        return [replace(chart, label_size=LABEL if count > 10 else 12)]
    pages = math.ceil(count / capacity)
    per = math.ceil(count / pages)
    shared = _axis_max(chart)
    return [
        replace(
            _pick(chart, range(start, min(start + per, count))),
            axis_max=shared,
            label_size=LABEL,
        )
        for start in range(0, count, per)
    ]


UNSTATED_NAMES = 160


def _without_unstated(chart: ChartSpec, lang: Lang) -> ChartSpec:
    """A long chart without its categories that have no value (or only zeros), named below.

    A slide of empty bars says less than "ikke oplyst: …" in the chart's footnote.
    """
    totals = [_total(chart, i) for i in range(len(chart.categories))]
    unstated = [i for i, total in enumerate(totals) if total is None]
    zero = [i for i, total in enumerate(totals) if total == 0]
    if len(unstated) + len(zero) == len(chart.categories):
        return chart
    notes = []
    many = len(chart.series) > 1
    for indices, da, en in (
        (unstated, "ikke oplyst", "not stated"),
        (zero, *(("0 i alle serier", "0 in every series") if many else ("0", "0"))),
    ):
        if not indices:
            continue
        listed = ", ".join(chart.categories[i] for i in indices)
        if len(listed) <= UNSTATED_NAMES:
            notes.append(f"{da}: {listed}" if lang == "da" else f"{en}: {listed}")
        else:
            notes.append(
                f"{da}: {len(indices)} (ikke vist)"
                if lang == "da"
                else f"{en}: {len(indices)} (not shown)"
            )
    left_out = set(unstated) | set(zero)
    kept = _pick(chart, [i for i in range(len(chart.categories)) if i not in left_out])
    footnote = chart.footnote
    footnote = (
        Footnote(footnote.base, (*footnote.qualifiers, *notes))
        if footnote
        else Footnote(" · ".join(notes))
    )
    return replace(kept, footnote=footnote)


def _slices(chart: ChartSpec, lang: Lang) -> ChartSpec:
    """A pie's largest slices, the rest summed as "Øvrige" (a pie's parts add up)."""
    if len(chart.categories) <= PIE_MAX_SLICES:
        return chart
    ordered = _sorted(chart)
    keep = PIE_MAX_SLICES - 1
    values = ordered.series[0].values
    rest = [v for v in values[keep:] if v is not None]
    other = "Øvrige" if lang == "da" else "Other"
    return replace(
        ordered,
        categories=(*ordered.categories[:keep], other),
        series=(Series(ordered.series[0].name, (*values[:keep], sum(rest) if rest else None)),),
    )


# -- text ---------------------------------------------------------------------------------------


def text_pages(text: Text, width: float, height: float, metrics: Metrics = CALIBRI) -> list[Text]:
    """The bullets as one or more blocks that fit at 14 pt or more; sub-bullets stay with theirs."""
    paragraphs = [(b.text, b.level, b.bold) for b in text.bullets]
    if not paragraphs or fitting_size(
        paragraphs, width, height, TEXT_MAX, TEXT_MIN, metrics=metrics
    ):
        return [text]
    blocks: list[list] = []
    for bullet in text.bullets:
        if bullet.level == 0 or not blocks:
            blocks.append([bullet])
        else:
            blocks[-1].append(bullet)
    pages: list[list] = [[]]
    for block in blocks:
        trial = pages[-1] + block
        measured = [(b.text, b.level, b.bold) for b in trial]
        if pages[-1] and not fitting_size(
            measured, width, height, TEXT_SPLIT, TEXT_SPLIT, metrics=metrics
        ):
            pages.append(list(block))
        else:
            pages[-1] = trial
    return [Text(tuple(page)) for page in pages]
