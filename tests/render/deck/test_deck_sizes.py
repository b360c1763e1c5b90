"""Decks of rounds of 0 to 100 clusters: every shape on its slide, nothing over a title."""

from datetime import date

import pytest
from pptx import Presentation

from klyngeradar.core.problems import InputError
from klyngeradar.core.reports.deck import ContentSlide, Deck, TableSpec
from klyngeradar.core.reports.scaled import scaled_round
from klyngeradar.render.deck.check import check_presentation
from klyngeradar.render.deck.writer import write_deck
from klyngeradar.render.report import write_report


@pytest.mark.parametrize(
    ("clusters", "efforts"), [(0, 6), (1, 1), (2, 3), (13, 6), (50, 15), (100, 15)]
)
def test_it_writes_a_clean_deck_for_a_round_of_any_size(tmp_path, clusters, efforts):
    report = write_report(scaled_round(clusters, efforts), tmp_path, as_of=date(2023, 10, 1))
    presentation = Presentation(str(report.deck))
    assert check_presentation(presentation, "deck") == []
    titles = [s.shapes.title.text for s in presentation.slides if s.shapes.title is not None]
    fit_tables = [
        shape.table
        for slide, title in zip(presentation.slides, titles, strict=True)
        if "højt fit med strategien" in title
        for shape in slide.shapes
        if shape.has_table
    ]
    shown = {row.cells[0].text for table in fit_tables for row in list(table.rows)[1:]}
    assert len(shown) == clusters, "every cluster is in the fit matrix"
    for table in fit_tables:
        assert table.cell(0, 0).text == "Klynge", "the header repeats on every part"


def test_it_says_there_is_no_data_instead_of_an_empty_chart(tmp_path):
    report = write_report(scaled_round(0), tmp_path, as_of=date(2023, 10, 1))
    presentation = Presentation(str(report.deck))
    assert not any(shape.has_chart for slide in presentation.slides for shape in slide.shapes)
    texts = [
        shape.text_frame.text
        for s in presentation.slides
        for shape in s.shapes
        if shape.has_text_frame
    ]
    assert any(text.startswith("Ingen data endnu") for text in texts)


def test_it_refuses_a_deck_whose_text_overflows_and_writes_nothing(tmp_path):
    word = "Medfinansieringsaftalegrundlag" * 6
    deck = Deck(
        "T",
        None,
        date(2023, 10, 1),
        "da",
        (
            ContentSlide(
                title="Tabel",
                body=TableSpec(header=("Et ord",), rows=((word,),)),
            ),
            ContentSlide(title=" ".join([word] * 12)),
        ),
    )
    path = tmp_path / "deck.pptx"
    with pytest.raises(InputError) as refused:
        write_deck(deck, path)
    assert "slide 2" in str(refused.value) and "Title" in str(refused.value)
    assert list(tmp_path.iterdir()) == []
