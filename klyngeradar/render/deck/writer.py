"""Write a `Deck` spec as an editable .pptx: native charts, real tables, text in placeholders.

The writer only translates the spec. Its one piece of judgement is fitting text:
every text is given an explicit size at which it fits its box, measured with the
template's own fonts (`klyngeradar.render.deck.fonts`), so long Danish cluster
names wrap or shrink instead of overflowing. Charts and the heatmap take the
template's theme colours (`klyngeradar.render.deck.theme`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_DATA_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
)
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from klyngeradar.core.problems import InputError
from klyngeradar.core.reports.deck import (
    AgendaSlide,
    Bullet,
    ChartSpec,
    Content,
    ContentSlide,
    Deck,
    ScatterSlide,
    ScatterSpec,
    SectionSlide,
    Slide,
    TableSpec,
    Text,
    TitleSlide,
    TwoContentSlide,
)
from klyngeradar.core.reports.layout import (
    CELL_MARGIN_X as CELL_MARGIN_X_PT,
)
from klyngeradar.core.reports.layout import (
    CELL_MARGIN_Y as CELL_MARGIN_Y_PT,
)
from klyngeradar.core.reports.layout import (
    FOOTNOTE_SIZE,
    Geometry,
    column_widths,
    forced_fit,
    layout_deck,
    row_height,
    table_fit,
)
from klyngeradar.core.reports.measure import (
    CALIBRI,
    Metrics,
    fitting_size,
    text_height,
)
from klyngeradar.core.reports.measure import line_count as _line_count
from klyngeradar.core.reports.measure import text_width as _text_width
from klyngeradar.render.atomic import writes_atomically
from klyngeradar.render.deck.check import check_presentation
from klyngeradar.render.deck.map import draw_map
from klyngeradar.render.deck.template import DEFAULT_PALETTE, Template, load_template
from klyngeradar.render.deck.theme import Palette, contrast, readable_on, set_in_capitals

CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "stacked": XL_CHART_TYPE.BAR_STACKED,
    "pie": XL_CHART_TYPE.PIE,
    "doughnut": XL_CHART_TYPE.DOUGHNUT,
}
# The shipped theme's heatmap fills for fit levels 0–3 and their text colours; a
# template's own theme gives its own (`Template.palette`).
LEVEL_FILLS, LEVEL_TEXT = DEFAULT_PALETTE.level_fills, DEFAULT_PALETTE.level_text
MUTED = RGBColor.from_string("6B7B8C")
WHITE = RGBColor.from_string("FFFFFF")
LANGUAGES = {"da": MSO_LANGUAGE_ID.DANISH, "en": MSO_LANGUAGE_ID.ENGLISH_UK}
FOOTNOTE_HEIGHT = Inches(0.5)
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
# The section label above a slide's title, in points.
MARKER_SIZE, MARKER_MIN = 12, 9
NON_BODY = {
    PP_PLACEHOLDER.TITLE,
    PP_PLACEHOLDER.CENTER_TITLE,
    PP_PLACEHOLDER.DATE,
    PP_PLACEHOLDER.FOOTER,
    PP_PLACEHOLDER.SLIDE_NUMBER,
}


@writes_atomically
def write_deck(
    deck: Deck,
    path: str | Path,
    *,
    template: str | Path | None = None,
    layouts: Mapping[str, str] | None = None,
) -> Path:
    """Write `deck` to `path` using `template` (default: the shipped one); return the path.

    `layouts` names the template's layout for a slide kind (title, content, section,
    two) where it is not found by its arrangement. A deck that fails the check
    (`klyngeradar.render.deck.check`) is refused with InputError and not written.
    """
    loaded = load_template(template, layouts)
    presentation = loaded.presentation
    presentation.core_properties.title = deck.title
    presentation.core_properties.language = "da-DK" if deck.lang == "da" else "en-GB"
    geometry = template_geometry(loaded)
    deck = layout_deck(deck, geometry)
    writer = _Writer(deck, loaded, geometry.metrics)
    for spec in deck.slides:
        writer.add(spec)
    problems = check_presentation(
        presentation, loaded.source, geometry.metrics, loaded.title_metrics
    )
    if problems:
        raise InputError(problems)
    path = Path(path)
    # Written next to its place and renamed, so a failed write leaves no half file.
    partial = path.with_name(f".{path.name}.partial")
    try:
        presentation.save(str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    width: int
    height: int


def _body_boxes(layout) -> list:
    return sorted(
        (ph for ph in layout.placeholders if ph.placeholder_format.type not in NON_BODY),
        key=lambda ph: (ph.left or 0, ph.top or 0),
    )


def template_geometry(template: Template) -> Geometry:
    """The content areas of the template's content and two-content layouts, in points."""
    default = _Writer._default_box(template.presentation)

    def size(layout, index: int) -> tuple[float, float]:
        boxes = _body_boxes(layout)
        box = boxes[index] if len(boxes) > index else None
        if box is None or not box.width or not box.height:
            box = default
        return (Emu(box.width).pt, Emu(box.height).pt)

    content = size(template.layouts["content"], 0)
    halves = [size(template.layouts["two"], i) for i in (0, 1)]
    half = (min(h[0] for h in halves), min(h[1] for h in halves))
    return Geometry(content=content, half=half, metrics=getattr(template, "metrics", CALIBRI))


class _Writer:
    def __init__(self, deck: Deck, template: Template, metrics: Metrics = CALIBRI):
        self.deck = deck
        self.template = template
        self.metrics = metrics
        self.title_metrics = getattr(template, "title_metrics", metrics)
        self.language = LANGUAGES.get(deck.lang, MSO_LANGUAGE_ID.DANISH)

    def add(self, spec: Slide) -> None:
        layout = self.template.layouts[spec.layout]
        slide = self.template.presentation.slides.add_slide(layout)
        _pin_placeholders(slide, layout)
        if not isinstance(spec, TitleSlide | SectionSlide):
            self._footer(slide, layout)
        bodies = sorted(
            (ph for ph in slide.placeholders if ph.placeholder_format.type not in NON_BODY),
            key=lambda ph: (ph.left or 0, ph.top or 0),
        )
        if slide.shapes.title is not None:
            self._marker(slide, spec.marker, bodies, spec.title)
            title_size = 40 if isinstance(spec, TitleSlide) else 28
            self._fill(slide.shapes.title, Text.of(spec.title), title_size, 16, bullets=False)
        if isinstance(spec, TitleSlide | SectionSlide):
            if bodies and spec.subtitle:
                self._fill(bodies[0], Text.of(*spec.subtitle.split("\n")), 20, 12, bullets=False)
            self._drop(bodies[1:] if spec.subtitle else bodies)
        elif isinstance(spec, AgendaSlide):
            self._content(slide, bodies[:1], Text.of(*spec.items), spec.placeholder_note)
            self._drop(bodies[1:])
        elif isinstance(spec, ContentSlide) and spec.map is not None:
            box = self._box_of(bodies[0] if bodies else None)
            draw_map(slide, spec.map, box.left, box.top, box.width, box.height, self.metrics)
            self._drop(bodies)
        elif isinstance(spec, ContentSlide):
            self._content(slide, bodies[:1], spec.body, spec.placeholder_note)
            self._drop(bodies[1:])
        elif isinstance(spec, ScatterSlide):
            self._scatter_slide(slide, bodies, spec)
        elif isinstance(spec, TwoContentSlide):
            if len(bodies) < 2:
                bodies = bodies + [None] * (2 - len(bodies))
            self._content(slide, bodies[:1], spec.left, spec.placeholder_note)
            self._content(slide, bodies[1:2], spec.right, None)
            self._drop(bodies[2:])
        if spec.notes:
            slide.notes_slide.notes_text_frame.text = spec.notes

    # -- the marker -----------------------------------------------------------------------------

    def _marker(self, slide, text: str, bodies, title_text: str) -> None:
        """The slide's section label, small and muted, above its title.

        It goes in the room above the title; in a layout with none, in the gap between
        the title and the content; else at the top of the title's box, which gives up
        that room only when the title still fits at its smallest size. A layout with no
        room anywhere gets no marker (the title carries the message).
        """
        title = slide.shapes.title
        if not text or title.top is None or title.height is None:
            return
        # One line at the marker's size, measured as the fit measures it; the label's text
        # frame has no top and bottom margins, so it needs no more room than that.
        line = text_height([(text, 0)], Emu(title.width).pt, MARKER_SIZE, bullets=False)
        height = int(Pt(line + 1))
        tops = [b.top for b in bodies if b is not None and b.top is not None]
        foot = title.top + title.height
        if title.top >= height:
            top = title.top - height
        elif tops and min(tops) - foot >= height:
            top = foot
        else:
            inner = Emu(title.width).pt - 14.4
            room = Emu(title.height - height).pt - 7.2
            if (
                fitting_size(
                    [(title_text, 0)], inner, room, 16, 16, bullets=False, metrics=self.metrics
                )
                is None
            ):
                return
            top = title.top
            title.top, title.height = title.top + height, title.height - height
        shape = slide.shapes.add_textbox(title.left, top, title.width, height)
        shape.name = "Marker"
        shape.text_frame.margin_top = shape.text_frame.margin_bottom = 0
        self._fill(shape, Text.of(text), MARKER_SIZE, MARKER_MIN, bullets=False, color=MUTED)

    # -- bodies ---------------------------------------------------------------------------------

    def _content(self, slide, placeholders, body: Content | None, note: str | None) -> None:
        placeholder = placeholders[0] if placeholders and placeholders[0] is not None else None
        box = self._below_title(slide, self._box_of(placeholder))
        if body is None:
            text = Text.of(note or "")
            if placeholder is None:
                placeholder = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
            self._fill(placeholder, text, 20, 12, bullets=False, italic=True, color=MUTED)
            return
        if isinstance(body, Text):
            if placeholder is None:
                placeholder = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
            self._fill(placeholder, body, 20, 11)
            if note:
                self._footnote(slide, box, note)
            return
        self._drop([placeholder])
        footnote = " · ".join(t for t in (body.footnote and body.footnote.text, note) if t)
        if footnote:
            box = Box(box.left, box.top, box.width, box.height - FOOTNOTE_HEIGHT)
        if isinstance(body, ChartSpec):
            self._chart(slide, box, body)
        else:
            # A table's footnote sits right under the table, not at the foot of the slide.
            height = self._table(slide, box, body)
            box = Box(box.left, box.top, box.width, min(height, box.height))
        if footnote:
            self._footnote(slide, box, footnote)

    @staticmethod
    def _below_title(slide, box: Box) -> Box:
        """The box, moved below the slide's title when the layout lets it reach into it."""
        title = slide.shapes.title
        if title is None or title.top is None:
            return box
        foot = title.top + title.height
        overlaps = box.left < title.left + title.width and title.left < box.left + box.width
        if not overlaps or box.top >= foot:
            return box
        gap = int(Inches(0.1))
        top = foot + gap
        return Box(box.left, top, box.width, max(box.top + box.height - top, int(Inches(1))))

    def _box_of(self, placeholder) -> Box:
        if placeholder is not None:
            return Box(placeholder.left, placeholder.top, placeholder.width, placeholder.height)
        return self._default_box(self.template.presentation)

    @staticmethod
    def _default_box(presentation) -> Box:
        width, height = presentation.slide_width, presentation.slide_height
        return Box(int(width * 0.05), int(height * 0.2), int(width * 0.9), int(height * 0.68))

    def _footnote(self, slide, box: Box, text: str) -> None:
        shape = slide.shapes.add_textbox(
            box.left, box.top + box.height + Inches(0.05), box.width, FOOTNOTE_HEIGHT - Inches(0.05)
        )
        shape.name = "Footnote"
        self._fill(shape, Text.of(text), FOOTNOTE_SIZE, FOOTNOTE_SIZE, bullets=False, color=MUTED)

    def _chart(self, slide, box: Box, spec: ChartSpec) -> None:
        data = CategoryChartData(number_format=spec.number_format)
        data.categories = spec.categories
        for series in spec.series:
            data.add_series(series.name, series.values)
        frame = slide.shapes.add_chart(
            CHART_TYPES[spec.kind], box.left, box.top, box.width, box.height, data
        )
        chart = frame.chart
        chart.font.size = Pt(12)
        chart.has_title = bool(spec.title)
        if spec.title:
            chart.chart_title.text_frame.text = spec.title
            chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
        chart.has_legend = spec.legend
        if spec.legend:
            chart.legend.position = (
                XL_LEGEND_POSITION.RIGHT
                if spec.kind in ("pie", "doughnut")
                else XL_LEGEND_POSITION.BOTTOM
            )
            chart.legend.include_in_layout = False
            chart.legend.font.size = Pt(12)
        plot = chart.plots[0]
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = spec.number_format
        labels.number_format_is_linked = False
        label_size = spec.label_size or (11 if len(spec.categories) > 10 else 12)
        labels.font.size = Pt(label_size)
        _colour_series(chart, spec, self._palette)
        if spec.kind in ("pie", "doughnut"):
            labels.font.color.rgb = _pie_label_colour(spec, self._palette)
            labels.font.bold = True
            if spec.kind == "pie":
                labels.position = XL_DATA_LABEL_POSITION.CENTER
            return
        plot.gap_width = 60
        if spec.kind == "stacked":
            plot.overlap = 100
            labels.position = XL_DATA_LABEL_POSITION.CENTER
            _stacked_label_colours(chart, spec, self._palette, label_size)
        else:
            labels.position = XL_DATA_LABEL_POSITION.OUTSIDE_END
        if len(spec.series) == 1:
            plot.vary_by_categories = False
        value_axis = chart.value_axis
        if spec.axis_max is not None:
            # The parts of a split chart share one scale, so their bars compare.
            value_axis.minimum_scale = 0
            value_axis.maximum_scale = spec.axis_max
        value_axis.visible = False
        value_axis.has_major_gridlines = False
        category_axis = chart.category_axis
        category_axis.tick_labels.font.size = Pt(label_size)
        category_axis.format.line.color.rgb = RGBColor.from_string("BFBFBF")
        if spec.kind in ("bar", "stacked"):
            # Horizontal bars read top-down in the order of the categories.
            category_axis.reverse_order = True

    def _table(self, slide, box: Box, spec: TableSpec) -> int:
        columns = len(spec.header)
        widths = [int(Pt(w)) for w in column_widths(spec, Emu(box.width).pt)]
        size, header_size, heights = _fit_table(spec, box, self.metrics)
        frame = slide.shapes.add_table(
            len(spec.rows) + 1, columns, box.left, box.top, box.width, sum(heights)
        )
        table = frame.table
        table.horz_banding = spec.levels is None
        for index, width in enumerate(widths):
            table.columns[index].width = width
        for index, height in enumerate(heights):
            table.rows[index].height = height
        align = spec.align or ("left",) * columns
        for r, row in enumerate((spec.header, *spec.rows)):
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                cell.margin_left = cell.margin_right = CELL_MARGIN_X
                cell.margin_top = cell.margin_bottom = CELL_MARGIN_Y
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                paragraph = cell.text_frame.paragraphs[0]
                paragraph.alignment = _ALIGN[align[c]]
                run = paragraph.add_run()
                run.text = value
                run.font.size = Pt(header_size if r == 0 else size)
                run.font.language_id = self.language
                level = spec.levels[r - 1][c] if spec.levels and r > 0 else None
                if r == 0:
                    run.font.bold = True
                elif level is not None:
                    cell.fill.solid()
                    fill, ink = self._level_colours(level)
                    cell.fill.fore_color.rgb = RGBColor.from_string(fill)
                    run.font.color.rgb = RGBColor.from_string(ink)
        return sum(heights)

    def _scatter_slide(self, slide, placeholders, spec: ScatterSlide) -> None:
        """The scatter chart in the body's box, its footnote under it."""
        placeholder = placeholders[0] if placeholders else None
        box = self._below_title(slide, self._box_of(placeholder))
        self._drop(placeholders)
        if spec.chart is None:
            shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
            text = Text.of(spec.placeholder_note or "")
            self._fill(shape, text, 20, 12, bullets=False, italic=True, color=MUTED)
            return
        # The layout has already cut a long footnote to what fits, like every other.
        footnote = spec.chart.footnote.text if spec.chart.footnote is not None else None
        if footnote:
            box = Box(box.left, box.top, box.width, box.height - FOOTNOTE_HEIGHT)
        draw_scatter(slide, box, spec.chart)
        if footnote:
            self._footnote(slide, box, footnote)

    # -- text -----------------------------------------------------------------------------------

    def _fill(
        self, shape, text: Text, max_size, min_size, *, bullets=True, italic=False, color=None
    ):
        frame = shape.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        width = shape.width - (frame.margin_left + frame.margin_right)
        height = shape.height - (frame.margin_top + frame.margin_bottom)
        size = fit_size(
            _as_drawn(shape, text.bullets),
            width,
            height,
            max_size,
            min_size,
            bullets=bullets,
            metrics=self._metrics_of(shape),
        )
        frame.clear()
        for index, bullet in enumerate(text.bullets):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.level = bullet.level
            if not bullets:
                _no_bullet(paragraph)
            run = paragraph.add_run()
            run.text = bullet.text
            font = run.font
            font.size = Pt(size - 2 * bullet.level)
            font.language_id = self.language
            font.bold = bullet.bold or None
            font.italic = italic or None
            if color is not None:
                font.color.rgb = color

    def _footer(self, slide, layout) -> None:
        for placeholder in layout.placeholders:
            kind = placeholder.placeholder_format.type
            if kind not in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER):
                continue
            slide.shapes.clone_placeholder(placeholder)
            shape = slide.placeholders[placeholder.placeholder_format.idx]
            paragraph = shape.text_frame.paragraphs[0]
            # Explicit size, colour and theme font: LibreOffice does not apply the
            # layout's footer style to a slide's own footer placeholder.
            if kind == PP_PLACEHOLDER.FOOTER:
                paragraph.alignment = PP_ALIGN.LEFT
                run = paragraph.add_run()
                text, size = self._footer_text(shape)
                run.text = text
                _footer_font(run.font, self.language, size)
            else:
                paragraph.alignment = PP_ALIGN.RIGHT
                _slide_number_field(paragraph)

    def _metrics_of(self, shape) -> Metrics:
        """A title is set in the theme's heading font, measured bold (titles often are)."""
        if shape.is_placeholder and shape.placeholder_format.type in TITLES:
            return self.title_metrics.as_bold()
        return self.metrics

    @property
    def _palette(self) -> Palette:
        return getattr(self.template, "palette", DEFAULT_PALETTE)

    def _level_colours(self, level: int) -> tuple[str, str]:
        """A fit level's heatmap fill and the text colour that reads on it."""
        palette = self._palette
        return palette.level_fills[level], palette.level_text[level]

    def _footer_text(self, shape) -> tuple[str, int]:
        """The footer's text and size: organisation and title at 10 pt down to 7 pt, or less."""
        frame = shape.text_frame
        width = Emu(shape.width - frame.margin_left - frame.margin_right).pt
        height = Emu(shape.height - frame.margin_top - frame.margin_bottom).pt
        full = " · ".join(t for t in (self.deck.organisation, self.deck.title) if t)
        for text in (full, self.deck.organisation or self.deck.title):
            size = fitting_size(
                [(text, 0)], width, height, 10, 7, bullets=False, metrics=self.metrics
            )
            if size is not None:
                return text, size
        return "", 10

    @staticmethod
    def _drop(placeholders) -> None:
        for placeholder in placeholders:
            if placeholder is not None:
                placeholder._element.getparent().remove(placeholder._element)


SCATTER_LINE = RGBColor.from_string("8C8C8C")
LONG_LABEL = 24
SCATTER_LABELS = {
    "right": XL_DATA_LABEL_POSITION.RIGHT,
    "left": XL_DATA_LABEL_POSITION.LEFT,
    "above": XL_DATA_LABEL_POSITION.ABOVE,
    "below": XL_DATA_LABEL_POSITION.BELOW,
}


def draw_scatter(slide, box: Box, spec: ScatterSpec) -> None:
    """Draw `spec` as a native XY scatter chart: a series per group, each point labelled.

    Threshold lines are two-point series drawn as dashed lines without markers, so
    they stay editable data in the chart like the points.
    """
    data = XyChartData()
    for group in spec.groups:
        series = data.add_series(group.name)
        for point in group.points:
            series.add_data_point(point.x, point.y)
    for line in spec.lines:
        series = data.add_series(line.name)
        series.add_data_point(*line.start)
        series.add_data_point(*line.end)
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.XY_SCATTER, box.left, box.top, box.width, box.height, data
    )
    frame.name = "Scatter"
    chart = frame.chart
    chart.font.size = Pt(11)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(11)
    plot = chart.plots[0]
    for group, series in zip(spec.groups, plot.series, strict=False):
        color = RGBColor.from_string(group.color)
        series.marker.style = XL_MARKER_STYLE.CIRCLE
        series.marker.size = 10
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = color
        series.marker.format.line.color.rgb = WHITE
        series.format.line.fill.background()
        for index, point in enumerate(group.points):
            if not point.label:
                continue
            label = series.points[index].data_label
            label.has_text_frame = True
            label.text_frame.text = point.label
            label.position = SCATTER_LABELS[point.label_position]
            label.font.size = Pt(10)
    for series in list(plot.series)[len(spec.groups) :]:
        series.marker.style = XL_MARKER_STYLE.NONE
        series.format.line.color.rgb = SCATTER_LINE
        series.format.line.width = Pt(1.25)
        series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        series.smooth = False
    for axis, maximum, title in (
        (chart.category_axis, spec.x_max, spec.x_title),
        (chart.value_axis, spec.y_max, spec.y_title),
    ):
        axis.minimum_scale = 0
        axis.maximum_scale = maximum
        axis.has_major_gridlines = False
        axis.tick_labels.font.size = Pt(10)
        axis.format.line.color.rgb = RGBColor.from_string("BFBFBF")
        axis.has_title = True
        axis.axis_title.text_frame.text = title
        axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(11)
        axis.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False
    # Short labels fit beside their points; long ones wrap into tall boxes, which would
    # make the office program shrink the plot to make room for them.
    if max((len(p.label) for p in spec.points), default=0) > LONG_LABEL:
        _fixed_plot_area(chart)


def _fixed_plot_area(chart) -> None:
    """Give the plot area a fixed place, so that long labels cannot squeeze the points."""
    plot_area = chart._chartSpace.chart.plotArea
    layout = plot_area.find(qn("c:layout"))
    if layout is None:
        layout = plot_area.makeelement(qn("c:layout"), {})
        plot_area.insert(0, layout)
    for child in list(layout):
        layout.remove(child)
    manual = layout.makeelement(qn("c:manualLayout"), {})
    for tag, value in (
        ("layoutTarget", "inner"),
        ("xMode", "edge"),
        ("yMode", "edge"),
        ("x", "0.08"),
        ("y", "0.05"),
        ("w", "0.86"),
        ("h", "0.64"),
    ):
        manual.append(manual.makeelement(qn(f"c:{tag}"), {"val": value}))
    layout.append(manual)


_ALIGN = {"left": PP_ALIGN.LEFT, "right": PP_ALIGN.RIGHT, "center": PP_ALIGN.CENTER}
CELL_MARGIN_X, CELL_MARGIN_Y = Pt(CELL_MARGIN_X_PT), Pt(CELL_MARGIN_Y_PT)


def _pin_placeholders(slide, layout) -> None:
    """Give each of the slide's placeholders its layout placeholder's place, explicitly.

    A slide placeholder inherits its place from the layout placeholder with the same
    index; layouts saved by LibreOffice leave the index out, so every placeholder
    would inherit the title's place. The slide's placeholders are cloned from the
    layout's in order, so the n-th is the n-th's copy.
    """
    for placeholder, source in zip(
        slide.placeholders, layout.iter_cloneable_placeholders(), strict=False
    ):
        box = (source.left, source.top, source.width, source.height)
        if None not in box:
            placeholder.left, placeholder.top, placeholder.width, placeholder.height = box


def _no_bullet(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("marL", "0")
    ppr.set("indent", "0")
    ppr.insert(0, ppr.makeelement(qn("a:buNone"), {}))


def _footer_font(font, language, size: int = 10) -> None:
    font.size = Pt(size)
    font.color.rgb = MUTED
    font.name = "+mn-lt"
    if language is not None:
        font.language_id = language


def _slide_number_field(paragraph) -> None:
    field = paragraph._p.makeelement(
        qn("a:fld"), {"id": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", "type": "slidenum"}
    )
    rpr = field.makeelement(qn("a:rPr"), {"lang": "da-DK", "sz": "1000"})
    fill = rpr.makeelement(qn("a:solidFill"), {})
    fill.append(fill.makeelement(qn("a:srgbClr"), {"val": str(MUTED)}))
    rpr.append(fill)
    rpr.append(rpr.makeelement(qn("a:latin"), {"typeface": "+mn-lt"}))
    field.append(rpr)
    text = field.makeelement(qn("a:t"), {})
    text.text = "‹#›"
    field.append(text)
    paragraph._p.append(field)


def _as_drawn(shape, bullets: tuple[Bullet, ...]) -> tuple[Bullet, ...]:
    """The bullets as the template draws them: in capitals where its style says so."""
    if not set_in_capitals(shape):
        return bullets
    return tuple(Bullet(b.text.upper(), b.level, b.bold) for b in bullets)


# -- colours -----------------------------------------------------------------------------------
# Charts are drawn in the template's theme accents, in order (a series each, or a slice
# each in a pie), and labels inside a bar or slice in the colour that reads on it.


def _colour_series(chart, spec: ChartSpec, palette: Palette) -> None:
    plot = chart.plots[0]
    if spec.kind in ("pie", "doughnut"):
        points = plot.series[0].points
        for index in range(len(spec.categories)):
            fill = points[index].format.fill
            fill.solid()
            fill.fore_color.rgb = RGBColor.from_string(palette.series_colour(index))
        return
    for index, series in enumerate(plot.series):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(palette.series_colour(index))


def _pie_label_colour(spec: ChartSpec, palette: Palette) -> RGBColor:
    """The one label colour (the theme's dark or light) that reads best on every slice."""
    fills = [palette.series_colour(i) for i in range(len(spec.categories))] or [palette.light]
    best = max(
        (palette.light, palette.dark, "FFFFFF", "000000"),
        key=lambda ink: min(contrast(ink, fill) for fill in fills),
    )
    return RGBColor.from_string(best)


def _stacked_label_colours(chart, spec: ChartSpec, palette: Palette, size: int) -> None:
    """Each series' labels (inside its bars) in the colour that reads on its fill."""
    for index, series in enumerate(chart.plots[0].series):
        labels = series.data_labels
        labels.show_value = True
        labels.number_format = spec.number_format
        labels.number_format_is_linked = False
        labels.position = XL_DATA_LABEL_POSITION.CENTER
        labels.font.size = Pt(size)
        ink = readable_on(palette.series_colour(index), palette.dark, palette.light)
        labels.font.color.rgb = RGBColor.from_string(ink)


# -- fitting text -------------------------------------------------------------------------------
# The measures are the core's (`klyngeradar.core.reports.measure`), so that what the
# layout decided fits is what the writer draws.


def text_width(text: str, size: float) -> float:
    """Estimated width of `text` at `size` points, in points."""
    return _text_width(text, size)


def line_count(text: str, width: float, size: float) -> int:
    """How many lines `text` takes in `width` points at `size`, wrapping at spaces."""
    return _line_count(text, width, size)


def fit_size(
    paragraphs: tuple[Bullet, ...],
    width: int,
    height: int,
    max_size,
    min_size,
    *,
    bullets=True,
    metrics: Metrics = CALIBRI,
) -> int:
    """The largest whole point size from `max_size` down at which the paragraphs fit the box."""
    found = fitting_size(
        [(b.text, b.level, b.bold) for b in paragraphs],
        Emu(width).pt,
        Emu(height).pt,
        max_size,
        min_size,
        bullets=bullets,
        metrics=metrics,
    )
    return found or min_size


def _fit_table(spec: TableSpec, box: Box, metrics: Metrics) -> tuple[int, int, list[int]]:
    """The body size, the header size and the row heights (EMU) the table is drawn at.

    The layout has set the sizes at which the table fits; a table drawn without a
    layout gets the largest that fits here.
    """
    width, height = Emu(box.width).pt, Emu(box.height).pt
    if spec.size is not None and spec.header_size is not None:
        inner = [w - 2 * CELL_MARGIN_X_PT for w in column_widths(spec, width)]
        size, header = spec.size, spec.header_size
        heights = [row_height(spec.header, inner, header, metrics.as_bold())]
        heights += [row_height(row, inner, size, metrics) for row in spec.rows]
    else:
        fit = table_fit(spec, width, height, metrics) or forced_fit(spec, width, metrics)
        size, header, heights = fit.size, fit.header_size, list(fit.heights)
    return size, header, [int(Pt(h)) for h in heights]
