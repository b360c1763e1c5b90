"""The demo deck in templates made with other tools, and templates that are refused.

The templates are in tests/fixtures/templates (made by make_templates.py there):
one saved by LibreOffice Impress, 4:3 ones with DejaVu theme fonts and with
fonts no machine has, and one with the organisation's own layout names.
"""

import io
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches, Pt

# `office`: LibreOffice and poppler, or a skip (a failure in CI) saying what to install.
from test_rendered_deck import blank_pages, misplaced_words, office, render  # noqa: F401

from klyngeradar.cli import main
from klyngeradar.core.problems import InputError
from klyngeradar.core.reports.deck import ContentSlide, Deck, Footnote, TableSpec, Text
from klyngeradar.core.reports.scaled import scaled_round
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.deck.check import check_presentation
from klyngeradar.render.deck.template import load_template
from klyngeradar.render.deck.writer import write_deck
from klyngeradar.render.report import write_report_deck
from klyngeradar.render.workbooks.exchange import write_xlsx

FIXTURES = Path(__file__).parents[2] / "fixtures" / "templates"
MAPPING = {"content": "BRN Brødtekst med billede", "section": "BRN Kapitel"}
TEMPLATES = {
    "impress": ("impress.pptx", None),
    "dejavu-4x3": ("dejavu-4x3.pptx", None),
    "absent-font-4x3": ("absent-font-4x3.pptx", None),
    "custom-names": ("custom-names.pptx", None),
    "custom-names-mapped": ("custom-names.pptx", MAPPING),
}
DAY = date(2023, 10, 1)


def write(tmp_path, name, round=None):
    file, layouts = TEMPLATES[name]
    template = FIXTURES / file
    path = write_report_deck(
        round or demo_round(),
        tmp_path / f"{name}.pptx",
        as_of=DAY,
        template=template,
        layouts=layouts,
    )
    return path, load_template(template, layouts)


def assert_clean(path, template):
    presentation = Presentation(str(path))
    width, height = presentation.slide_width, presentation.slide_height
    for number, slide in enumerate(presentation.slides, start=1):
        title = slide.shapes.title
        for shape in slide.shapes:
            where = f"slide {number}, {shape.name}"
            assert shape.left >= 0 and shape.top >= 0, where
            assert shape.left + shape.width <= width, where
            assert shape.top + shape.height <= height, where
            if (shape.has_chart or shape.has_table) and title is not None:
                assert shape.top >= title.top + title.height, f"{where} is over the title"
    metrics, title_metrics = template.metrics, template.title_metrics
    assert check_presentation(presentation, path.name, metrics, title_metrics) == []
    # The written file alone, measured with the fonts its own theme and layouts name.
    assert check_presentation(presentation, path.name) == []
    return presentation


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_it_writes_a_clean_demo_deck_into_the_template(tmp_path, name):
    path, template = write(tmp_path, name)
    presentation = assert_clean(path, template)
    source = Presentation(str(FIXTURES / TEMPLATES[name][0]))
    assert presentation.slide_width == source.slide_width  # the template's page is kept


@pytest.mark.parametrize("name", ["impress", "absent-font-4x3"])
def test_it_writes_a_clean_deck_of_fifty_clusters_into_the_template(tmp_path, name):
    path, template = write(tmp_path, name, scaled_round(50, 15))
    assert_clean(path, template)


def test_it_uses_the_layouts_libreoffice_renamed():
    layouts = {k: v.name for k, v in load_template(FIXTURES / "impress.pptx").layouts.items()}
    assert layouts == {
        "title": "Title Slide",
        "content": "Title, Content",
        "two": "Title, 2 Content",
        "section": "Title Slide",  # Impress writes no section layout
    }


def test_it_uses_the_organisations_layouts_and_the_explicit_mapping(tmp_path):
    found = {k: v.name for k, v in load_template(FIXTURES / "custom-names.pptx").layouts.items()}
    # By arrangement alone: the first content layout, and the title layout for sections.
    assert found == {
        "title": "BRN Forside",
        "content": "BRN Brødtekst",
        "two": "BRN To spalter",
        "section": "BRN Forside",
    }
    path, _ = write(tmp_path, "custom-names-mapped")
    used = {slide.slide_layout.name for slide in Presentation(str(path)).slides}
    assert {"BRN Brødtekst med billede", "BRN Kapitel", "BRN Forside", "BRN To spalter"} <= used
    assert "BRN Brødtekst" not in used


def test_it_measures_the_4x3_templates_with_their_own_fonts():
    dejavu = load_template(FIXTURES / "dejavu-4x3.pptx")
    absent = load_template(FIXTURES / "absent-font-4x3.pptx")
    assert "dejavu sans" in dejavu.metrics.font and "dejavu serif" in dejavu.title_metrics.font
    assert "nordlys sans" in absent.metrics.font
    word = "Medfinansieringsaftale"
    # A font that is not there is measured wider than the stand-in drawing it.
    assert absent.metrics.width(word, 12) > dejavu.metrics.width(word, 12)


# -- templates that are refused ---------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_xlsx(tmp_path_factory):
    return write_xlsx(demo_round(), tmp_path_factory.mktemp("demo") / "svar.xlsx")


def run(capsys, *args):
    with pytest.raises(SystemExit) as stopped:
        main(["report", *map(str, args)])
        sys.exit(0)
    captured = capsys.readouterr()
    return stopped.value.code or 0, captured.out, captured.err


def without_content(path):
    presentation = Presentation()
    for layout in list(presentation.slide_layouts):
        if layout.name not in ("Title Slide", "Title Only", "Blank"):
            presentation.slide_layouts.remove(layout)
    presentation.save(str(path))
    return path


def zip_bomb(path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/slides/slide1.xml", b"\0" * (40 * 1024 * 1024))
    path.write_bytes(buffer.getvalue())
    return path


def outside_the_slide(path):
    """A template whose content area runs off the slide's right edge."""
    presentation = Presentation()
    layout = next(x for x in presentation.slide_layouts if x.name == "Title and Content")
    body = layout.placeholders.get(idx=1)
    body.left, body.top = Inches(1), Inches(1.6)
    body.width, body.height = presentation.slide_width, Inches(5)
    presentation.save(str(path))
    return path


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (without_content, 'has no slide layout for "content" slides'),
        (zip_bomb, "looks like a zip bomb"),
    ],
    ids=["no-content-area", "zip-bomb"],
)
def test_it_refuses_a_bad_template_naming_the_problem(capsys, tmp_path, demo_xlsx, make, says):
    template = make(tmp_path / "skabelon.pptx")
    with pytest.raises(InputError) as refused:
        load_template(template)
    assert says in str(refused.value) and "skabelon.pptx" in str(refused.value)
    out = tmp_path / "rapport"
    status, _, err = run(capsys, demo_xlsx, "--out", out, "--template", template)
    assert status == 2 and says in err and "Traceback" not in err
    assert not out.exists(), "no folder is left behind for a refused deck"


def test_it_refuses_a_deck_that_fails_its_check_naming_slide_and_shape(capsys, tmp_path, demo_xlsx):
    template = outside_the_slide(tmp_path / "skabelon.pptx")
    out = tmp_path / "rapport"
    out.mkdir()
    (out / "klyngesamarbejde.pptx").write_bytes(b"the previous deck")
    status, _, err = run(capsys, demo_xlsx, "--out", out, "--template", template)
    assert status == 2 and "Traceback" not in err
    assert "lies outside the slide" in err
    assert 'slide 2 ("' in err and 'shape "' in err
    # Nothing is written: the previous deck is kept, no appendices, no temporary file.
    assert sorted(p.name for p in out.iterdir()) == ["klyngesamarbejde.pptx"]
    assert (out / "klyngesamarbejde.pptx").read_bytes() == b"the previous deck"


# -- what the check catches -------------------------------------------------------------------


def one_slide(tmp_path, draw):
    template = load_template(FIXTURES / "dejavu-4x3.pptx")
    slide = template.presentation.slides.add_slide(template.layouts["content"])
    slide.shapes.title.text = "Kontrol"
    draw(slide, template)
    return check_presentation(template.presentation, "kontrol.pptx")


def test_the_check_names_a_word_too_wide_for_its_box(tmp_path):
    def draw(slide, template):
        box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(1.2), Inches(3))
        box.name = "Smal boks"
        run = box.text_frame.paragraphs[0].add_run()
        run.text = "Medfinansieringsaftalegrundlaget"
        run.font.size = Pt(14)

    problems = one_slide(tmp_path, draw)
    assert any(
        'shape "Smal boks": the word "Medfinansieringsaftalegrundlaget"' in p.reason
        for p in problems
    )


def test_the_check_names_a_table_over_its_footnote(tmp_path):
    def draw(slide, template):
        frame = slide.shapes.add_table(3, 2, Inches(1), Inches(2), Inches(6), Inches(2))
        frame.name = "Tabel"
        note = slide.shapes.add_textbox(Inches(1), Inches(3.5), Inches(6), Inches(0.5))
        note.name = "Footnote"
        note.text_frame.text = "Base: 12 af 13 klynger"

    problems = one_slide(tmp_path, draw)
    assert any('shape "Tabel" lies over shape "Footnote"' in p.reason for p in problems)


def test_the_check_names_a_table_whose_rows_need_more_room_than_it_has(tmp_path):
    def draw(slide, template):
        frame = slide.shapes.add_table(2, 1, Inches(1), Inches(2), Inches(3), Inches(0.6))
        frame.name = "Tabel"
        table = frame.table
        for row in table.rows:
            row.height = Inches(0.3)
        cell = table.cell(1, 0)
        run = cell.text_frame.paragraphs[0].add_run()
        run.text = " ".join(["Klyngesamarbejde"] * 20)
        run.font.size = Pt(14)

    problems = one_slide(tmp_path, draw)
    assert any("its rows need more height than the table has" in p.reason for p in problems)


def test_a_deck_in_a_wide_font_keeps_whole_words_by_shrinking_or_splitting(tmp_path):
    long_name = "Klyngeorganisationen for Bæredygtigt Byggeri og Cirkulær Økonomi"
    deck = Deck(
        "Bred skrift",
        "BRN",
        DAY,
        "da",
        (
            ContentSlide(
                title=long_name,
                body=TableSpec(
                    header=("Klynge", "Medfinansieringsaftalegrundlag", "Medlemmer"),
                    rows=tuple(
                        (f"{long_name} {n}", "Programfinansiering", "1.450") for n in range(40)
                    ),
                    footnote=Footnote("40 af 40 klynger", ("* ikke bekræftet",)),
                ),
            ),
            ContentSlide(title="Tekst", body=Text.of(*([long_name] * 30))),
        ),
    )
    template = FIXTURES / "absent-font-4x3.pptx"
    path = write_deck(deck, tmp_path / "bred.pptx", template=template)
    presentation = Presentation(str(path))
    assert len(presentation.slides) > 2, "the table and the text continue on further slides"
    loaded = load_template(template)
    assert check_presentation(presentation, path.name, loaded.metrics, loaded.title_metrics) == []


# -- as a person sees it ----------------------------------------------------------------------


@pytest.mark.office
@pytest.mark.usefixtures("office")
@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_it_renders_every_word_of_the_demo_deck_inside_its_box(tmp_path, name):
    path, _ = write(tmp_path, name)
    pdf = render(path, tmp_path)
    assert blank_pages(pdf, tmp_path) == []
    assert misplaced_words(path, pdf) == []
