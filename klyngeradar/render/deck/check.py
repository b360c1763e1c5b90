"""The check of a built deck: every shape inside the slide, nothing over the title, no overflow.

`write_deck` runs it before anything is written; a deck that fails is refused
with an `InputError` naming the slide and the shape, so a template that would
put a chart over its title or a table off the slide never reaches the board.

Text is measured with the deck's theme fonts (`klyngeradar.render.deck.fonts`):
a text box whose text is taller than the box, a word wider than its box or
table column (it would break inside the word), a table whose rows need more
height than the table has, and a chart or table lying over another text (its
footnote) are each a problem.
"""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from klyngeradar.core.problems import Problem
from klyngeradar.core.reports.layout import CELL_MARGIN_X, CELL_MARGIN_Y
from klyngeradar.core.reports.measure import Metrics, text_height, widest
from klyngeradar.render.deck.fonts import font_metrics
from klyngeradar.render.deck.theme import set_in_capitals, text_fonts

# Shapes may touch the slide's edge or the title's foot within this margin (EMU, 0.02 in).
SLACK = 18288
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def check_presentation(
    presentation,
    source: str,
    metrics: Metrics | None = None,
    title_metrics: Metrics | None = None,
) -> list[Problem]:
    """Every problem of the built `presentation`, each naming its slide and shape.

    `metrics` measures body text and `title_metrics` titles; by default, the fonts
    the presentation's theme and its slides' layouts name (as `load_template` does).
    """
    if metrics is None or title_metrics is None:
        layouts = {
            slide.slide_layout.part.partname: slide.slide_layout for slide in presentation.slides
        }
        titles, bodies = text_fonts(presentation, list(layouts.values()))
        metrics = metrics or widest(*(font_metrics(font) for font in bodies))
        title_metrics = title_metrics or widest(*(font_metrics(font) for font in titles))
    problems: list[Problem] = []
    width, height = presentation.slide_width, presentation.slide_height
    for number, slide in enumerate(presentation.slides, start=1):
        title = slide.shapes.title
        title_name = title.text_frame.text if title is not None else ""
        # A placeholder's position is looked up in its layout on every access: read it once.
        title_box = _box(title) if title is not None else None
        title_id = title.shape_id if title is not None else None
        shapes = [(shape, _box(shape)) for shape in slide.shapes]
        texts = [
            (other, other_box)
            for other, other_box in shapes
            if other_box is not None
            and other.shape_id != title_id
            and other.has_text_frame
            and other.text_frame.text.strip()
        ]
        for shape, box in shapes:
            if box is None:
                continue
            left, top, right, bottom = box
            where = f'slide {number} ("{title_name[:60]}"), shape "{shape.name}"'
            where_da = f'dias {number} ("{title_name[:60]}"), figur "{shape.name}"'
            if left < -SLACK or top < -SLACK or right > width + SLACK or bottom > height + SLACK:
                problems.append(
                    Problem(
                        f"{where} lies outside the slide",
                        file=source,
                        reason_da=f"{where_da} ligger uden for diaset",
                    )
                )
            if (
                title_box is not None
                and shape.shape_id != title.shape_id
                and (shape.has_chart or shape.has_table)
                and _overlaps(box, title_box)
            ):
                problems.append(
                    Problem(
                        f"{where} lies over the slide's title",
                        file=source,
                        reason_da=f"{where_da} ligger over diasets titel",
                    )
                )
            if shape.has_chart or shape.has_table:
                for other, other_box in texts:
                    if other.shape_id != shape.shape_id and _overlaps(box, other_box):
                        problems.append(
                            Problem(
                                f'{where} lies over shape "{other.name}"',
                                file=source,
                                reason_da=f'{where_da} ligger over figuren "{other.name}"',
                            )
                        )
            is_title = title is not None and shape.shape_id == title.shape_id
            measure = title_metrics.as_bold() if is_title else metrics
            for english, danish in _text_problems(shape, box, measure):
                problems.append(
                    Problem(f"{where}{english}", file=source, reason_da=f"{where_da}{danish}")
                )
    return problems


def _text_problems(shape, box, metrics: Metrics):
    if shape.has_text_frame and shape.text_frame.text.strip():
        frame = shape.text_frame
        width = Emu(box[2] - box[0] - frame.margin_left - frame.margin_right).pt
        height = Emu(box[3] - box[1] - frame.margin_top - frame.margin_bottom).pt
        paragraphs = _paragraphs(frame)
        if set_in_capitals(shape):
            paragraphs = [(text.upper(), size, bold) for text, size, bold in paragraphs]
        broken = _broken_word(paragraphs, width, metrics)
        if broken:
            yield (
                f': the word "{broken}" is wider than its box',
                f': ordet "{broken}" er bredere end feltet',
            )
        if _overflows(paragraphs, width, height, metrics):
            yield ": its text does not fit its box", ": teksten er for stor til feltet"
    elif shape.has_table:
        yield from _table_problems(shape, metrics)


def _paragraphs(frame) -> list[tuple[str, float, bool]]:
    """(text, size, bold) of every paragraph with text and an explicit size."""
    found = []
    for paragraph in frame.paragraphs:
        text = "".join(run.text for run in paragraph.runs)
        size = next((run.font.size for run in paragraph.runs if run.font.size), None)
        if text and size is not None:
            bold = any(run.font.bold for run in paragraph.runs)
            found.append((text, size.pt, bold))
    return found


def _broken_word(paragraphs, width: float, metrics: Metrics) -> str | None:
    for text, size, bold in paragraphs:
        measure = metrics.as_bold() if bold else metrics
        for word in text.split():
            if measure.width(word, size) > width + 0.5:
                return word
    return None


def _table_problems(shape, metrics: Metrics):
    """A word wider than its column, or rows taller than the table is drawn."""
    table = shape.table
    needed = 0.0
    for r, row in enumerate(table.rows):
        tallest = 0.0
        for c, cell in enumerate(row.cells):
            inner = Emu(table.columns[c].width).pt - 2 * CELL_MARGIN_X
            paragraphs = _paragraphs(cell.text_frame)
            broken = _broken_word([(t, s, b or r == 0) for t, s, b in paragraphs], inner, metrics)
            if broken:
                yield (
                    f': the word "{broken}" is wider than its column',
                    f': ordet "{broken}" er bredere end sin kolonne',
                )
                return
            measured = [(t, 0, b or r == 0) for t, s, b in paragraphs]
            if measured:
                size = max(s for _, s, _ in paragraphs)
                tallest = max(
                    tallest,
                    text_height(measured, inner, size, bullets=False, metrics=metrics)
                    - size * 0.4 * len(measured),
                )
        needed += max(tallest + 2 * CELL_MARGIN_Y, Emu(row.height).pt)
    if needed > Emu(shape.height).pt + 2:
        yield (
            ": its rows need more height than the table has",
            ": rækkerne fylder mere end tabellen",
        )


def _box(shape) -> tuple[int, int, int, int] | None:
    left, top, width, height = shape.left, shape.top, shape.width, shape.height
    if None in (left, top, width, height):
        return None
    return (left, top, left + width, top + height)


def _overlaps(box, title) -> bool:
    return (
        box[0] < title[2] - SLACK
        and title[0] < box[2] - SLACK
        and box[1] < title[3] - SLACK
        and title[1] < box[3] - SLACK
    )


def _overflows(paragraphs, width: float, height: float, metrics: Metrics) -> bool:
    """Whether the text, each paragraph at its size, is taller than its box.

    Measured without bullet indents: a lower bound of the text's height, so a
    text reported here overflows for certain.
    """
    used = sum(
        text_height([(text, 0, bold)], width, size, bullets=False, metrics=metrics)
        for text, size, bold in paragraphs
    )
    return used > height + 0.5
