"""Templates: the shipped default and an organisation's own, mapped to our slides by name."""

from datetime import date

import pytest
from pptx import Presentation

from klyngeradar.core.problems import InputError
from klyngeradar.core.reports.deck import ContentSlide, Deck, Text, TitleSlide
from klyngeradar.render.deck.template import (
    LAYOUT_NAMES,
    default_template_path,
    load_template,
    normalise,
)
from klyngeradar.render.deck.writer import write_deck


def own_template(tmp_path, rename=None, drop=(), slides=0):
    """An organisation's template: python-pptx's default with renamed layouts and a slide."""
    presentation = Presentation()
    for layout in list(presentation.slide_layouts):
        if layout.name in drop:
            presentation.slide_layouts.remove(layout)
        elif rename and layout.name in rename:
            layout.name = rename[layout.name]
    for _ in range(slides):
        presentation.slides.add_slide(presentation.slide_layouts[0])
    path = tmp_path / "brn-skabelon.pptx"
    presentation.save(str(path))
    return path


def test_it_ships_a_16_by_9_default_template_with_every_layout():
    template = load_template()
    presentation = template.presentation
    assert default_template_path().name == "default.pptx"
    assert presentation.slide_width / presentation.slide_height == pytest.approx(16 / 9, 0.01)
    assert set(template.layouts) == set(LAYOUT_NAMES)
    assert len(presentation.slides) == 0


def test_it_uses_a_readable_theme_font_with_danish_letters():
    theme = load_template().presentation.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    )
    assert b'typeface="Calibri"' in theme.blob


@pytest.mark.parametrize(
    ("danish", "kind"),
    [
        ("Titelslide", "title"),
        ("Titel og indhold", "content"),
        ("Sektionsoverskrift", "section"),
        ("To indholdsobjekter", "two"),
    ],
)
def test_it_maps_danish_layout_names(tmp_path, danish, kind):
    english = {
        v: k
        for k, v in {
            "Title Slide": "Titelslide",
            "Title and Content": "Titel og indhold",
            "Section Header": "Sektionsoverskrift",
            "Two Content": "To indholdsobjekter",
        }.items()
    }
    path = own_template(tmp_path, rename={english[danish]: danish})
    assert load_template(path).layouts[kind].name == danish


def test_it_ignores_case_spacing_and_copy_prefixes_in_layout_names():
    assert normalise("1_Title  and CONTENT ") == normalise("Title and Content")


def test_it_removes_the_templates_own_slides_and_keeps_its_layouts(tmp_path):
    path = own_template(tmp_path, slides=3)
    deck = Deck(
        "Titel",
        "BRN",
        date(2023, 10, 1),
        "da",
        (
            TitleSlide(title="Forside"),
            ContentSlide(title="Indhold", body=Text.of("Punkt")),
        ),
    )
    out = write_deck(deck, tmp_path / "deck.pptx", template=path)
    presentation = Presentation(str(out))
    assert [s.shapes.title.text for s in presentation.slides] == ["Forside", "Indhold"]
    assert presentation.slides[0].slide_layout.name == "Title Slide"
    # The organisation's 4:3 size is kept: the theme and page are theirs.
    assert presentation.slide_width == Presentation().slide_width


def test_it_names_the_file_the_missing_layout_and_the_layouts_it_has(tmp_path):
    # Without a layout of two bodies side by side, "two" slides have no layout.
    path = own_template(tmp_path, drop=("Two Content", "Comparison"))
    with pytest.raises(InputError) as raised:
        load_template(path)
    message = str(raised.value)
    assert "brn-skabelon.pptx" in message
    assert '"two"' in message and '"To indholdsobjekter"' in message
    assert '"Title and Content"' in message  # one of the layouts it has


def test_it_refuses_a_file_that_is_not_a_presentation(tmp_path):
    path = tmp_path / "skabelon.pptx"
    path.write_text("ikke en præsentation")
    with pytest.raises(InputError, match="skabelon.pptx"):
        load_template(path)
