"""Templates made with other tools: layouts found by what they hold, or named explicitly."""

from datetime import date
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from klyngeradar.core.problems import InputError
from klyngeradar.core.reports.scaled import scaled_round
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.deck.check import check_presentation
from klyngeradar.render.deck.template import load_template
from klyngeradar.render.report import write_report_deck

# Saved by LibreOffice Impress (the shipped default opened in Impress and saved as .pptx):
# its layouts are "Title, Content", "Title, 2 Content", …, its placeholders carry no index.
IMPRESS = Path(__file__).parent / "templates" / "libreoffice-impress.pptx"
CUSTOM = {
    "Title Slide": "Forside BRN",
    "Title and Content": "Indhold med titel",
    "Section Header": "Afsnit",
    "Two Content": "Titel og indhold",  # a misleading name: the arrangement decides
    "Comparison": "Sammenligning af to",
}


def four_by_three(tmp_path, font="Verdana", names=CUSTOM) -> Path:
    """A 4:3 template with `font` as its theme font and custom layout names."""
    presentation = Presentation()  # python-pptx's default is 10 × 7.5 in
    for layout in presentation.slide_layouts:
        if layout.name in names:
            layout.name = names[layout.name]
    theme = presentation.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    for latin in root.iter(qn("a:latin")):
        latin.set("typeface", font)
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    path = tmp_path / "brn-4x3.pptx"
    presentation.save(str(path))
    return path


def test_it_finds_the_layouts_of_a_template_saved_by_libreoffice():
    layouts = {kind: layout.name for kind, layout in load_template(IMPRESS).layouts.items()}
    assert layouts["content"] == "Title, Content"
    assert layouts["two"] == "Title, 2 Content"
    assert layouts["title"] == "Title Slide"
    # Impress has no section layout: sections use the title layout and keep their subtitle.
    assert layouts["section"] == "Title Slide"


def test_it_goes_by_arrangement_not_by_a_misleading_name(tmp_path):
    template = load_template(four_by_three(tmp_path))
    assert template.layouts["content"].name == "Indhold med titel"
    # "Titel og indhold" is the two-column layout; "Sammenligning af to" has four bodies.
    assert template.layouts["two"].name == "Titel og indhold"
    assert template.layouts["title"].name == "Forside BRN"


def test_it_measures_text_with_the_templates_theme_font(tmp_path):
    text = "Klyngesamarbejde med de nationale klynger i Nordjylland"
    calibri = load_template().metrics.width(text, 12)
    verdana = load_template(four_by_three(tmp_path)).metrics.width(text, 12)
    unknown = load_template(four_by_three(tmp_path, font="Futura Unknown")).metrics
    assert verdana > 1.15 * calibri, "Verdana (or its stand-in) is much wider than Calibri"
    assert unknown.width(text, 12) > 1.15 * calibri, "an unknown font is measured wide"


def test_it_takes_an_explicit_layout_for_a_slide_kind(tmp_path):
    mapping = {"title": "Forside BRN", "section": "Afsnit", "two": "Titel og indhold"}
    template = load_template(four_by_three(tmp_path), mapping)
    assert {kind: template.layouts[kind].name for kind in mapping} == mapping


@pytest.mark.parametrize(
    ("mapping", "says"),
    [
        ({"content": "Findes ikke"}, 'has no layout "Findes ikke"'),
        ({"content": "Forside BRN"}, 'cannot serve "content" slides'),
        ({"forside": "Forside BRN"}, "unknown slide kind"),
        ({"two": "Sammenligning af to"}, "does not have two large bodies"),
    ],
)
def test_it_refuses_an_explicit_layout_that_cannot_serve(tmp_path, mapping, says):
    with pytest.raises(InputError) as refused:
        load_template(four_by_three(tmp_path), mapping)
    assert says in str(refused.value)
    assert "brn-4x3.pptx" in str(refused.value)


def test_it_refuses_a_template_without_a_two_column_layout_saying_how_to_name_one(tmp_path):
    presentation = Presentation()
    for layout in list(presentation.slide_layouts):
        if layout.name in ("Two Content", "Comparison"):
            presentation.slide_layouts.remove(layout)
    path = tmp_path / "uden-to.pptx"
    presentation.save(str(path))
    with pytest.raises(InputError) as refused:
        load_template(path)
    message = str(refused.value)
    assert '"two" slides' in message and "--layout two=NAME" in message
    assert '"Title and Content"' in message


@pytest.mark.parametrize(
    ("template", "round"),
    [
        ("impress", demo_round()),
        ("4:3", demo_round()),
        ("4:3", scaled_round(50, 15)),
        ("impress", scaled_round(2, 3)),
    ],
    ids=["impress-demo", "4x3-demo", "4x3-50x15", "impress-2"],
)
def test_it_writes_a_clean_deck_in_other_templates(tmp_path, template, round):
    source = IMPRESS if template == "impress" else four_by_three(tmp_path)
    day = date(2023, 10, 1)
    path = write_report_deck(round, tmp_path / "deck.pptx", as_of=day, template=source)
    presentation = Presentation(str(path))
    assert check_presentation(presentation, path.name, load_template(source).metrics) == []
    for slide in presentation.slides:
        title = slide.shapes.title
        for shape in slide.shapes:
            if shape.has_chart or shape.has_table:
                assert shape.top >= title.top + title.height, "nothing over the title"
