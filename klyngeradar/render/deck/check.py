"""The check of a built deck: every shape inside the slide, nothing over the title, no overflow.

`write_deck` runs it before anything is written; a deck that fails is refused
with an `InputError` naming the slide and the shape, so a template that would
put a chart over its title or a table off the slide never reaches the board.
"""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from klyngeradar.core.problems import Problem
from klyngeradar.core.reports.measure import CALIBRI, Metrics, fitting_size

# Shapes may touch the slide's edge or the title's foot within this margin (EMU, 0.02 in).
SLACK = 18288
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def check_presentation(presentation, source: str, metrics: Metrics = CALIBRI) -> list[Problem]:
    """Every problem of the built `presentation`, each naming its slide and shape."""
    problems: list[Problem] = []
    width, height = presentation.slide_width, presentation.slide_height
    for number, slide in enumerate(presentation.slides, start=1):
        title = slide.shapes.title
        title_name = title.text_frame.text if title is not None else ""
        # A placeholder's position is looked up in its layout on every access: read it once.
        title_box = _box(title) if title is not None else None
        for shape in slide.shapes:
            box = _box(shape)
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
            if shape.has_text_frame and _overflows(shape, box, metrics):
                problems.append(
                    Problem(
                        f"{where}: its text does not fit its box",
                        file=source,
                        reason_da=f"{where_da}: teksten er for stor til feltet",
                    )
                )
    return problems


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


def _overflows(shape, box, metrics: Metrics) -> bool:
    """Whether the shape's text, at the sizes written, is taller than its box."""
    frame = shape.text_frame
    paragraphs, sizes = [], []
    for paragraph in frame.paragraphs:
        text = "".join(run.text for run in paragraph.runs)
        size = next((run.font.size for run in paragraph.runs if run.font.size), None)
        if not text or size is None:
            continue
        paragraphs.append((text, 0))
        sizes.append(size.pt)
    if not paragraphs:
        return False
    width = Emu(box[2] - box[0] - frame.margin_left - frame.margin_right).pt
    height = Emu(box[3] - box[1] - frame.margin_top - frame.margin_bottom).pt
    # Measured at the smallest size written, without bullet indents: a lower bound of the
    # text's height, so a text reported here overflows for certain.
    size = int(min(sizes))
    return (
        fitting_size(paragraphs, width, height, size, size, bullets=False, metrics=metrics) is None
    )
