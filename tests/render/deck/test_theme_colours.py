"""Charts and the fit matrix's heatmap are drawn in the template's theme colours, readably."""

from datetime import date
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from klyngeradar.core.reports.deck import ChartSpec, ContentSlide, Deck, Series, TableSpec
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.deck.template import load_template
from klyngeradar.render.deck.theme import (
    LEVEL_FILLS,
    LEVEL_TEXT,
    PALETTE,
    TEXT_CONTRAST,
    contrast,
    palette_of,
    theme_colours,
    theme_palette,
)
from klyngeradar.render.deck.writer import write_deck
from klyngeradar.render.report import write_report_deck

FIXTURES = Path(__file__).parents[2] / "fixtures" / "templates"
DEJAVU = FIXTURES / "dejavu-4x3.pptx"
# The colours make_templates.py gave that template.
GREEN, YELLOW, RED = "2E6B4F", "F2C14E", "C8553D"


def test_it_reads_the_themes_colour_scheme():
    colours = theme_colours(Presentation(str(DEJAVU)))
    assert colours["accent1"] == GREEN and colours["accent2"] == YELLOW
    assert colours["dk1"] == "1E1E1E" and colours["lt1"] == "FFFFFF"


def test_it_reads_system_colours_by_their_last_colour(tmp_path):
    presentation = Presentation()  # python-pptx's theme has sysClr windowText / window
    colours = theme_colours(presentation)
    assert colours["dk1"] == "000000" and colours["lt1"] == "FFFFFF"


def test_it_keeps_the_shipped_heatmap_for_the_shipped_theme():
    palette = load_template().palette
    assert palette.level_fills == LEVEL_FILLS and palette.level_text == LEVEL_TEXT
    assert palette.series[0] == PALETTE["accent1"]


def test_it_draws_the_heatmap_as_tints_of_the_themes_accent():
    palette = theme_palette(Presentation(str(DEJAVU)))
    assert palette.series[:3] == (GREEN, YELLOW, RED)
    assert palette.level_fills[-1] == GREEN
    # Each level is lighter than the next: the heatmap reads from none to strong.
    lightness = [contrast(fill, "000000") for fill in palette.level_fills]
    assert lightness == sorted(lightness, reverse=True)


@pytest.mark.parametrize(
    "colours",
    [
        {},
        {"accent1": "FFC000", "accent2": "FFE699"},  # light accents: the first dark one
        {"accent1": "FFFF00", "accent2": "FFFF66", "accent3": "EEEEEE", "accent4": "DDDDDD"},
        {"dk1": "777777", "lt1": "888888"},  # text colours that do not read on each other
        {"lt1": "1E1E1E", "dk1": "FAFAFA", "accent1": "7FD1AE"},  # a dark theme
    ],
    ids=["none", "light-first", "all-light", "unreadable", "dark"],
)
def test_it_keeps_the_text_on_every_heatmap_cell_readable(colours):
    palette = palette_of(colours)
    for fill, text in zip(palette.level_fills, palette.level_text, strict=True):
        assert contrast(fill, text) >= TEXT_CONTRAST, (fill, text)
    strongest = palette.level_fills[-1]
    assert contrast(strongest, palette.light) >= 3.0 or strongest == PALETTE["accent1"]


def test_it_falls_back_to_the_shipped_colours_for_a_theme_without_them(tmp_path):
    presentation = Presentation()
    part = presentation.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    scheme = root.find(f".//{qn('a:clrScheme')}")
    for child in list(scheme):
        scheme.remove(child)
    part._blob = etree.tostring(root)
    palette = theme_palette(presentation)
    assert palette.series == tuple(PALETTE[f"accent{n}"] for n in range(1, 7))
    assert palette.level_fills == LEVEL_FILLS


def _fill_of(element) -> str | None:
    found = element.find(f"{qn('c:spPr')}/{qn('a:solidFill')}/{qn('a:srgbClr')}")
    return found.get("val") if found is not None else None


def test_it_draws_the_demo_decks_charts_and_heatmap_in_the_templates_colours(tmp_path):
    path = write_report_deck(
        demo_round(), tmp_path / "deck.pptx", as_of=date(2023, 10, 1), template=DEJAVU
    )
    palette = theme_palette(Presentation(str(DEJAVU)))
    presentation = Presentation(str(path))
    series_fills, cell_colours = set(), set()
    for slide in presentation.slides:
        for shape in slide.shapes:
            if shape.has_chart:
                for series in shape.chart._chartSpace.iter(qn("c:ser")):
                    fill = _fill_of(series)
                    if fill:
                        series_fills.add(fill)
            # The fit matrix: its last column is the fit score (its title is a message).
            if shape.has_table and shape.table.cell(0, len(shape.table.columns) - 1).text == "Fit":
                for row in list(shape.table.rows)[1:]:
                    for cell in list(row.cells)[1:-1]:
                        if cell.fill.type is None:  # an unknown fit ("–") is not coloured
                            continue
                        run = cell.text_frame.paragraphs[0].runs[0]
                        cell_colours.add((str(cell.fill.fore_color.rgb), str(run.font.color.rgb)))
    assert {GREEN, YELLOW, RED} <= series_fills
    assert cell_colours, "the fit matrix has coloured cells"
    for fill, text in cell_colours:
        assert fill in palette.level_fills
        assert contrast(fill, text) >= TEXT_CONTRAST


def test_it_labels_stacked_bars_and_pie_slices_in_a_colour_that_reads_on_them(tmp_path):
    deck = Deck(
        "Farver",
        None,
        date(2023, 10, 1),
        "da",
        (
            ContentSlide(
                title="Stablet",
                body=ChartSpec(
                    "stacked",
                    ("Klynge A", "Klynge B"),
                    (Series("Store", (5, 7)), Series("Små", (9, 4)), Series("Øvrige", (2, 3))),
                ),
            ),
            ContentSlide(
                title="Lagkage",
                body=ChartSpec("pie", ("Ja", "Nej", "Måske"), (Series("Svar", (8, 3, 1)),)),
            ),
            ContentSlide(
                title="Tabel",
                body=TableSpec(
                    header=("Klynge", "Fit"), rows=(("Klynge A", "3"),), levels=((None, 3),)
                ),
            ),
        ),
    )
    path = write_deck(deck, tmp_path / "farver.pptx", template=DEJAVU)
    presentation = Presentation(str(path))
    stacked = next(s for s in presentation.slides[0].shapes if s.has_chart).chart
    for series in stacked._chartSpace.iter(qn("c:ser")):
        fill = _fill_of(series)
        label = series.find(
            f"{qn('c:dLbls')}/{qn('c:txPr')}//{qn('a:defRPr')}/{qn('a:solidFill')}/{qn('a:srgbClr')}"
        )
        assert label is not None, "each series labels in its own colour"
        assert contrast(fill, label.get("val")) >= TEXT_CONTRAST
        number_format = series.find(f"{qn('c:dLbls')}/{qn('c:numFmt')}")
        assert number_format is not None, "the series' labels keep the deck's number format"
    pie = next(s for s in presentation.slides[1].shapes if s.has_chart).chart
    slices = [_fill_of(point) for point in pie._chartSpace.iter(qn("c:dPt"))]
    assert slices == [GREEN, YELLOW, RED]
    ink = str(pie.plots[0].data_labels.font.color.rgb)
    assert min(contrast(ink, fill) for fill in slices) >= 3.0
    table = next(s for s in presentation.slides[2].shapes if s.has_table).table
    assert str(table.cell(1, 1).fill.fore_color.rgb) == GREEN
