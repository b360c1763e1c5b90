"""A slide's marker: a small muted label above its title, never over the title or content."""

from datetime import date

import pytest
from pptx import Presentation
from pptx.util import Emu, Inches

from klyngeradar.core.reports.deck import ContentSlide, Deck, Text, TwoContentSlide
from klyngeradar.render.deck.writer import MARKER_SIZE, MUTED, write_deck

MESSAGE = "7 af 12 klynger er fysisk til stede i regionen – 5 med eget kontor"
# As long as the web's form lets an analyst's title be, in wide Danish words.
LONG = (
    "Erhvervsfremmebestyrelsens Klyngeprogram: Nordjyllands Samarbejdsaftaler Måles På "
    "Virksomhedsdeltagelse Og Medlemmer"
)


def deck_of(*slides):
    return Deck("Samarbejde med de nationale klynger", "BRN", date(2023, 10, 1), "da", slides)


def box(shape):
    return shape.left, shape.top, shape.left + shape.width, shape.top + shape.height


def overlaps(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def marker_of(slide):
    (found,) = [s for s in slide.shapes if s.name == "Marker"]
    return found


def content_slide(title=MESSAGE):
    return ContentSlide(
        title=title,
        marker="Fysisk tilstedeværelse",
        key="survey.presence",
        body=Text.of("Fem har eget kontor", "To sidder i erhvervshuset"),
    )


def test_it_draws_the_marker_small_and_muted_above_the_title(tmp_path):
    path = write_deck(deck_of(content_slide()), tmp_path / "deck.pptx")
    slide = Presentation(str(path)).slides[0]

    marker, title = marker_of(slide), slide.shapes.title
    run = marker.text_frame.paragraphs[0].runs[0]
    assert run.text == "Fysisk tilstedeværelse"
    assert run.font.size.pt == MARKER_SIZE
    assert run.font.color.rgb == MUTED
    assert title.text_frame.text == MESSAGE
    assert marker.top >= 0 and marker.top + marker.height <= title.top
    others = [s for s in slide.shapes if s.shape_id != marker.shape_id]
    assert not any(overlaps(box(marker), box(shape)) for shape in others)


def test_a_slide_without_a_marker_has_none(tmp_path):
    spec = ContentSlide(title=MESSAGE, body=Text.of("Tekst"))
    path = write_deck(deck_of(spec), tmp_path / "deck.pptx")
    assert not [s for s in Presentation(str(path)).slides[0].shapes if s.name == "Marker"]


@pytest.mark.parametrize("kind", [ContentSlide, TwoContentSlide])
def test_a_long_message_title_fits_beside_its_marker(tmp_path, kind):
    spec = (
        content_slide(LONG)
        if kind is ContentSlide
        else TwoContentSlide(
            title=LONG, marker="Fysisk tilstedeværelse", left=Text.of("a"), right=Text.of("b")
        )
    )
    # The deck's check (nothing overflows its box) runs before the file is written.
    path = write_deck(deck_of(spec), tmp_path / "deck.pptx")
    slide = Presentation(str(path)).slides[0]
    sizes = [r.font.size.pt for p in slide.shapes.title.text_frame.paragraphs for r in p.runs]
    assert sizes and min(sizes) >= 16
    assert not overlaps(box(marker_of(slide)), box(slide.shapes.title))


def template_with_title_at_the_top(path, *, gap):
    """python-pptx's default template with the title at the slide's top edge."""
    presentation = Presentation()
    for layout in presentation.slide_layouts:
        if layout.name not in ("Title and Content", "Two Content"):
            continue
        for placeholder in layout.placeholders:
            left, width = placeholder.left, placeholder.width
            if placeholder.placeholder_format.idx == 0:
                top, height = 0, Inches(1.2)
            elif placeholder.placeholder_format.idx in (1, 2):
                top, height = Inches(1.2) + gap, Inches(5) - gap
            else:
                continue
            placeholder.left, placeholder.width = left, width
            placeholder.top, placeholder.height = top, height
    presentation.save(str(path))
    return path


@pytest.mark.parametrize("gap", [Inches(0.4), Emu(0)])
def test_it_finds_room_for_the_marker_when_the_title_starts_at_the_top(tmp_path, gap):
    template = template_with_title_at_the_top(tmp_path / "top.pptx", gap=gap)
    path = write_deck(deck_of(content_slide()), tmp_path / "deck.pptx", template=template)
    slide = Presentation(str(path)).slides[0]

    marker, title = marker_of(slide), slide.shapes.title
    assert not overlaps(box(marker), box(title))
    others = [s for s in slide.shapes if s.shape_id != marker.shape_id]
    assert not any(overlaps(box(marker), box(shape)) for shape in others)
    assert title.text_frame.text == MESSAGE
