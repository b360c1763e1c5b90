"""The deck writer: specs in, an editable .pptx out (native charts, real tables, notes)."""

from datetime import date

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import PP_PLACEHOLDER

from klyngeradar.core.reports.deck import (
    INTEGER_DA,
    AgendaSlide,
    Bullet,
    ChartSpec,
    ContentSlide,
    Deck,
    Footnote,
    SectionSlide,
    Series,
    TableSpec,
    Text,
    TitleSlide,
    TwoContentSlide,
    integer_format,
    placeholder_text,
)
from klyngeradar.render.deck.writer import fit_size, line_count, text_width, write_deck

LONG_NAME = "Danish Life Science Cluster – Life science og velfærdsteknologi"


def deck_of(*slides, lang="da"):
    return Deck("Samarbejde med de nationale klynger", "BRN", date(2023, 10, 1), lang, slides)


def written(tmp_path, *slides):
    path = write_deck(deck_of(*slides), tmp_path / "deck.pptx")
    return Presentation(str(path))


def chart_of(slide):
    return next(shape.chart for shape in slide.shapes if shape.has_chart)


def texts_of(slide):
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


@pytest.mark.parametrize(
    ("kind", "chart_type"),
    [
        ("bar", XL_CHART_TYPE.BAR_CLUSTERED),
        ("column", XL_CHART_TYPE.COLUMN_CLUSTERED),
        ("stacked", XL_CHART_TYPE.BAR_STACKED),
        ("pie", XL_CHART_TYPE.PIE),
        ("doughnut", XL_CHART_TYPE.DOUGHNUT),
    ],
)
def test_it_writes_each_chart_kind_as_a_native_chart_with_its_data(tmp_path, kind, chart_type):
    spec = ChartSpec(kind, ("Aalborg", "Hjørring"), (Series("Klynger", (7, 2)),))
    slide = written(tmp_path, ContentSlide(title="Kommuner", body=spec)).slides[0]
    chart = chart_of(slide)
    assert chart.chart_type == chart_type
    assert tuple(chart.plots[0].categories) == ("Aalborg", "Hjørring")
    assert chart.series[0].values == (7.0, 2.0)


def test_it_keeps_a_missing_value_as_a_gap_not_zero(tmp_path):
    spec = ChartSpec("bar", ("Klynge A", "Klynge B"), (Series("Medlemmer", (80, None)),))
    chart = chart_of(written(tmp_path, ContentSlide(title="Medlemmer", body=spec)).slides[0])
    assert chart.series[0].values == (80.0, None)


def test_it_labels_values_in_the_danish_number_format(tmp_path):
    spec = ChartSpec("column", ("Virksomheder",), (Series("Antal", (1740,)),))
    chart = chart_of(written(tmp_path, ContentSlide(title="Tal", body=spec)).slides[0])
    labels = chart.plots[0].data_labels
    assert labels.number_format == INTEGER_DA
    assert not labels.number_format_is_linked


def test_it_writes_the_footnote_with_base_and_qualifiers_under_the_chart(tmp_path):
    footnote = Footnote("10 af 12 klynger har oplyst et skøn", ("summen er et minimum",))
    spec = ChartSpec("bar", ("A",), (Series("S", (1,)),), footnote=footnote)
    slide = written(tmp_path, ContentSlide(title="Deltagere", body=spec)).slides[0]
    assert "10 af 12 klynger har oplyst et skøn · summen er et minimum" in texts_of(slide)


def test_it_puts_titles_and_bullets_in_placeholders_and_notes_in_the_notes(tmp_path):
    slide = written(
        tmp_path,
        ContentSlide(
            title="Før en aftale indgås",
            body=Text.of("Respektér kerneopgaven", Bullet("Ingen driftsbevilling", level=1)),
            notes="Jo mere konkret, jo større udbytte.",
        ),
    ).slides[0]
    assert slide.shapes.title.text == "Før en aftale indgås"
    body = next(
        shape
        for shape in slide.placeholders
        if shape.placeholder_format.type not in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.FOOTER)
        and shape.placeholder_format.idx == 1
    )
    assert [p.text for p in body.text_frame.paragraphs] == [
        "Respektér kerneopgaven",
        "Ingen driftsbevilling",
    ]
    assert body.text_frame.paragraphs[1].level == 1
    assert slide.notes_slide.notes_text_frame.text == "Jo mere konkret, jo større udbytte."


def test_it_shows_the_placeholder_note_on_a_slide_without_data(tmp_path):
    note = placeholder_text("strategiens indsatser er ikke registreret")
    slide = written(tmp_path, ContentSlide(title="Fit", placeholder_note=note)).slides[0]
    assert "Ingen data endnu: strategiens indsatser er ikke registreret" in texts_of(slide)


def test_it_writes_a_real_table_with_heatmap_fills_by_level(tmp_path):
    spec = TableSpec(
        header=("Klynge", "Grøn omstilling", "Digitalisering"),
        rows=(("Klynge A", "3", "0"), ("Klynge B", "–", "2")),
        levels=((None, 3, 0), (None, None, 2)),
    )
    slide = written(tmp_path, ContentSlide(title="Fit", body=spec)).slides[0]
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    assert table.cell(0, 1).text == "Grøn omstilling"
    assert table.cell(1, 1).text == "3"
    assert str(table.cell(1, 1).fill.fore_color.rgb) == "1F5F8B"
    assert str(table.cell(2, 2).fill.fore_color.rgb) == "8DBAD8"


def test_it_writes_every_slide_kind_in_order_with_footer_and_number(tmp_path):
    presentation = written(
        tmp_path,
        TitleSlide(title="Samarbejde med de nationale klynger", subtitle="BRN\nOktober 2023"),
        AgendaSlide(title="Dagsorden", items=("Landskabet", "Surveyen", "Modellerne")),
        SectionSlide(title="Klyngerne og regionen", subtitle="Survey"),
        TwoContentSlide(
            title="Tilstedeværelse",
            left=ChartSpec("column", ("Eget kontor",), (Series("Klynger", (5,)),)),
            right=Text.of("7 af 12 klynger er fysisk til stede"),
        ),
    )
    titles = [slide.shapes.title.text for slide in presentation.slides]
    assert titles == [
        "Samarbejde med de nationale klynger",
        "Dagsorden",
        "Klyngerne og regionen",
        "Tilstedeværelse",
    ]
    agenda = presentation.slides[1]
    kinds = {shape.placeholder_format.type for shape in agenda.placeholders}
    assert {PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER} <= kinds
    assert "BRN · Samarbejde med de nationale klynger" in texts_of(agenda)
    assert 'type="slidenum"' in agenda.shapes._spTree.xml


def test_it_writes_a_16_by_9_deck(tmp_path):
    presentation = written(tmp_path, TitleSlide(title="Titel"))
    assert presentation.slide_width / presentation.slide_height == pytest.approx(16 / 9, 0.01)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (lambda: ChartSpec("bar", ("A", "B"), (Series("S", (1,)),)), "1 values for 2"),
        (lambda: ChartSpec("pie", ("A",), (Series("S", (1,)), Series("T", (2,)))), "one series"),
        (lambda: ChartSpec("bar", ("A",), ()), "at least one series"),
        (lambda: TableSpec(("A", "B"), (("1",),)), "1 cells for 2"),
        (lambda: TableSpec(("A",), (("1",),), levels=((4,),)), "0, 1, 2, 3"),
    ],
)
def test_it_refuses_a_spec_that_does_not_add_up(spec, message):
    with pytest.raises(ValueError, match=message):
        spec()


@pytest.mark.parametrize(
    ("lang", "hide_zero", "expected"),
    [
        ("da", False, INTEGER_DA),
        ("en", False, "#,##0"),
        ("da", True, '[=0]"";[>=1000]#"."##0;0'),
    ],
)
def test_it_chooses_the_number_format_by_language(lang, hide_zero, expected):
    assert integer_format(lang, hide_zero=hide_zero) == expected


def test_it_wraps_a_long_danish_name_onto_more_lines_in_a_narrow_box():
    assert line_count(LONG_NAME, width=1000, size=14) == 1
    assert line_count(LONG_NAME, width=150, size=14) >= 3


def test_it_shrinks_text_until_it_fits_its_box():
    bullets = tuple(Bullet(LONG_NAME) for _ in range(12))
    roomy = fit_size(bullets[:1], width=8_000_000, height=4_000_000, max_size=20, min_size=10)
    crowded = fit_size(bullets, width=3_000_000, height=2_000_000, max_size=20, min_size=10)
    assert roomy == 20
    assert crowded < 20


def test_it_measures_capitals_wider_than_lower_case():
    assert text_width("ÆØÅ", 10) > text_width("æøå", 10)
