"""Write a `Deck` spec as an editable .pptx: native charts, real tables, text in placeholders.

The writer only translates the spec. Its one piece of judgement is fitting text:
every text is given an explicit size at which it fits its box, estimated from
Calibri's character widths (LibreOffice renders with the metric-compatible
Carlito), so long Danish cluster names wrap or shrink instead of overflowing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_DATA_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from klyngeradar.core.reports.deck import (
    AgendaSlide,
    Bullet,
    ChartSpec,
    Content,
    ContentSlide,
    Deck,
    SectionSlide,
    Slide,
    TableSpec,
    Text,
    TitleSlide,
    TwoContentSlide,
)
from klyngeradar.render.atomic import writes_atomically
from klyngeradar.render.deck.template import Template, load_template

CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "stacked": XL_CHART_TYPE.BAR_STACKED,
    "pie": XL_CHART_TYPE.PIE,
    "doughnut": XL_CHART_TYPE.DOUGHNUT,
}
# Heatmap fills for fit levels 0–3 (none, weak, clear, strong) and their text colours.
LEVEL_FILLS = ("F2F2F2", "D6E6F2", "8DBAD8", "1F5F8B")
LEVEL_TEXT = ("595959", "262626", "262626", "FFFFFF")
MUTED = RGBColor.from_string("6B7B8C")
WHITE = RGBColor.from_string("FFFFFF")
LANGUAGES = {"da": MSO_LANGUAGE_ID.DANISH, "en": MSO_LANGUAGE_ID.ENGLISH_UK}
FOOTNOTE_HEIGHT = Inches(0.5)
NON_BODY = {
    PP_PLACEHOLDER.TITLE,
    PP_PLACEHOLDER.CENTER_TITLE,
    PP_PLACEHOLDER.DATE,
    PP_PLACEHOLDER.FOOTER,
    PP_PLACEHOLDER.SLIDE_NUMBER,
}


@writes_atomically
def write_deck(deck: Deck, path: str | Path, *, template: str | Path | None = None) -> Path:
    """Write `deck` to `path` using `template` (default: the shipped one); return the path."""
    loaded = load_template(template)
    presentation = loaded.presentation
    presentation.core_properties.title = deck.title
    presentation.core_properties.language = "da-DK" if deck.lang == "da" else "en-GB"
    writer = _Writer(deck, loaded)
    for spec in deck.slides:
        writer.add(spec)
    path = Path(path)
    presentation.save(str(path))
    return path


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    width: int
    height: int


class _Writer:
    def __init__(self, deck: Deck, template: Template):
        self.deck = deck
        self.template = template
        self.language = LANGUAGES.get(deck.lang, MSO_LANGUAGE_ID.DANISH)

    def add(self, spec: Slide) -> None:
        layout = self.template.layouts[spec.layout]
        slide = self.template.presentation.slides.add_slide(layout)
        if not isinstance(spec, TitleSlide | SectionSlide):
            self._footer(slide, layout)
        bodies = sorted(
            (ph for ph in slide.placeholders if ph.placeholder_format.type not in NON_BODY),
            key=lambda ph: (ph.left or 0, ph.top or 0),
        )
        if slide.shapes.title is not None:
            title_size = 40 if isinstance(spec, TitleSlide) else 28
            self._fill(slide.shapes.title, Text.of(spec.title), title_size, 16, bullets=False)
        if isinstance(spec, TitleSlide | SectionSlide):
            if bodies and spec.subtitle:
                self._fill(bodies[0], Text.of(*spec.subtitle.split("\n")), 20, 12, bullets=False)
            self._drop(bodies[1:] if spec.subtitle else bodies)
        elif isinstance(spec, AgendaSlide):
            self._content(slide, bodies[:1], Text.of(*spec.items), spec.placeholder_note)
            self._drop(bodies[1:])
        elif isinstance(spec, ContentSlide):
            self._content(slide, bodies[:1], spec.body, spec.placeholder_note)
            self._drop(bodies[1:])
        elif isinstance(spec, TwoContentSlide):
            if len(bodies) < 2:
                bodies = bodies + [None] * (2 - len(bodies))
            self._content(slide, bodies[:1], spec.left, spec.placeholder_note)
            self._content(slide, bodies[1:2], spec.right, None)
            self._drop(bodies[2:])
        if spec.notes:
            slide.notes_slide.notes_text_frame.text = spec.notes

    # -- bodies ---------------------------------------------------------------------------------

    def _content(self, slide, placeholders, body: Content | None, note: str | None) -> None:
        placeholder = placeholders[0] if placeholders and placeholders[0] is not None else None
        box = self._box_of(placeholder)
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

    def _box_of(self, placeholder) -> Box:
        if placeholder is not None:
            return Box(placeholder.left, placeholder.top, placeholder.width, placeholder.height)
        width = self.template.presentation.slide_width
        height = self.template.presentation.slide_height
        return Box(int(width * 0.05), int(height * 0.2), int(width * 0.9), int(height * 0.68))

    def _footnote(self, slide, box: Box, text: str) -> None:
        shape = slide.shapes.add_textbox(
            box.left, box.top + box.height + Inches(0.05), box.width, FOOTNOTE_HEIGHT - Inches(0.05)
        )
        shape.name = "Footnote"
        self._fill(shape, Text.of(text), 11, 8, bullets=False, color=MUTED)

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
        labels.font.size = Pt(11 if len(spec.categories) > 10 else 12)
        if spec.kind in ("pie", "doughnut"):
            labels.font.color.rgb = WHITE
            labels.font.bold = True
            if spec.kind == "pie":
                labels.position = XL_DATA_LABEL_POSITION.CENTER
            return
        plot.gap_width = 60
        if spec.kind == "stacked":
            plot.overlap = 100
            labels.position = XL_DATA_LABEL_POSITION.CENTER
            labels.font.color.rgb = WHITE
        else:
            labels.position = XL_DATA_LABEL_POSITION.OUTSIDE_END
        if len(spec.series) == 1:
            plot.vary_by_categories = False
        value_axis = chart.value_axis
        value_axis.visible = False
        value_axis.has_major_gridlines = False
        category_axis = chart.category_axis
        category_axis.tick_labels.font.size = Pt(11 if len(spec.categories) > 10 else 12)
        category_axis.format.line.color.rgb = RGBColor.from_string("BFBFBF")
        if spec.kind in ("bar", "stacked"):
            # Horizontal bars read top-down in the order of the categories.
            category_axis.reverse_order = True

    def _table(self, slide, box: Box, spec: TableSpec) -> int:
        columns = len(spec.header)
        weights = spec.widths or _auto_widths(spec)
        total = sum(weights)
        widths = [int(box.width * w / total) for w in weights]
        size, header_size, heights = _fit_table(spec, widths, box.height)
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
                    cell.fill.fore_color.rgb = RGBColor.from_string(LEVEL_FILLS[level])
                    run.font.color.rgb = RGBColor.from_string(LEVEL_TEXT[level])
        return sum(heights)

    # -- text -----------------------------------------------------------------------------------

    def _fill(
        self, shape, text: Text, max_size, min_size, *, bullets=True, italic=False, color=None
    ):
        frame = shape.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        width = shape.width - (frame.margin_left + frame.margin_right)
        height = shape.height - (frame.margin_top + frame.margin_bottom)
        size = fit_size(text.bullets, width, height, max_size, min_size, bullets=bullets)
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
                run.text = " · ".join(t for t in (self.deck.organisation, self.deck.title) if t)
                _footer_font(run.font, self.language)
            else:
                paragraph.alignment = PP_ALIGN.RIGHT
                _slide_number_field(paragraph)

    @staticmethod
    def _drop(placeholders) -> None:
        for placeholder in placeholders:
            if placeholder is not None:
                placeholder._element.getparent().remove(placeholder._element)


_ALIGN = {"left": PP_ALIGN.LEFT, "right": PP_ALIGN.RIGHT, "center": PP_ALIGN.CENTER}
CELL_MARGIN_X, CELL_MARGIN_Y = Inches(0.08), Inches(0.04)


def _no_bullet(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("marL", "0")
    ppr.set("indent", "0")
    ppr.insert(0, ppr.makeelement(qn("a:buNone"), {}))


def _footer_font(font, language) -> None:
    font.size = Pt(10)
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


# -- fitting text -------------------------------------------------------------------------------
# Advance widths in em, grouped the way Calibri/Carlito draws them; rounded up so that the
# estimate errs towards wrapping early rather than overflowing.
_NARROW = set("fijlrtI.,:;'!|()[]-/ ")
_WIDE = set("mwMW@%")
_CAPITAL = set("ABCDEFGHJKLNOPQRSTUVXYZÆØÅ&")
_DIGITS = set("0123456789")
LINE_SPACING = 1.2


def text_width(text: str, size: float) -> float:
    """Estimated width of `text` at `size` points, in points."""
    em = 0.0
    for char in text:
        if char in _NARROW:
            em += 0.3
        elif char in _WIDE:
            em += 0.86
        elif char in _CAPITAL:
            em += 0.62
        elif char in _DIGITS:
            em += 0.52
        else:
            em += 0.5
    return em * size


def line_count(text: str, width: float, size: float) -> int:
    """How many lines `text` takes in `width` points at `size`, wrapping at spaces."""
    lines, current = 1, 0.0
    space = text_width(" ", size)
    for word in text.split():
        word_width = text_width(word, size)
        if current and current + space + word_width > width:
            lines, current = lines + 1, 0.0
        if word_width > width:  # A word longer than the line breaks inside.
            extra = math.ceil(word_width / width) - 1
            lines, current = lines + extra, word_width - extra * width
        else:
            current = current + (space if current else 0) + word_width
    return lines


def fit_size(
    paragraphs: tuple[Bullet, ...], width: int, height: int, max_size, min_size, *, bullets=True
) -> int:
    """The largest whole point size from `max_size` down at which the paragraphs fit the box."""
    width_pt, height_pt = Emu(width).pt, Emu(height).pt
    for size in range(max_size, min_size - 1, -1):
        used = 0.0
        for bullet in paragraphs:
            item_size = size - 2 * bullet.level
            indent = (18 + 18 * bullet.level) if bullets else 0
            lines = line_count(bullet.text, width_pt - indent, item_size)
            used += lines * item_size * LINE_SPACING + item_size * 0.4
        if used <= height_pt:
            return size
    return min_size


def _auto_widths(spec: TableSpec) -> tuple[float, ...]:
    longest = []
    for c, head in enumerate(spec.header):
        cells = [row[c] for row in spec.rows] + [head]
        longest.append(min(max(len(v) for v in cells), 40) + 4)
    return tuple(longest)


def _fit_table(spec: TableSpec, widths: list[int], height: int) -> tuple[int, int, list[int]]:
    """The body size, the header size and the row heights at which the table fits `height`.

    A size at which a word would break in the middle does not fit; the header may
    go smaller than the body so that long effort names keep whole words.
    """
    margin_x, margin_y = Emu(CELL_MARGIN_X).pt, Emu(CELL_MARGIN_Y).pt
    inner = [Emu(w).pt - 2 * margin_x for w in widths]

    def whole_words(row, size) -> bool:
        return all(
            text_width(word, size) <= room
            for value, room in zip(row, inner, strict=True)
            for word in value.split()
        )

    def row_height(row, size) -> int:
        lines = max(line_count(v, room, size) for v, room in zip(row, inner, strict=True))
        return int(Pt(lines * size * LINE_SPACING + 2 * margin_y + 2))

    heights: list[int] = []
    for size in range(16, 7, -1):
        if not all(whole_words(row, size) for row in spec.rows):
            continue
        # Bold header text runs about 10 % wider than regular text.
        header = next((s for s in range(size, 7, -1) if whole_words(spec.header, s * 1.1)), 8)
        heights = [row_height(spec.header, header * 1.1)]
        heights += [row_height(row, size) for row in spec.rows]
        if sum(heights) <= height:
            return size, header, heights
    return 8, 8, heights or [row_height(r, 8) for r in (spec.header, *spec.rows)]
