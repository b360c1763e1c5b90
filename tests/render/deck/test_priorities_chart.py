"""The priorities slide as written: a native XY scatter chart, labelled, with its bars."""

from __future__ import annotations

from datetime import date

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE, XL_DATA_LABEL_POSITION
from pptx.oxml.ns import qn

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.reports.deck import (
    Deck,
    Footnote,
    ScatterGroup,
    ScatterLine,
    ScatterPoint,
    ScatterSlide,
    ScatterSpec,
)
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.strategy.priorities import NextStep, PriorityInputs
from klyngeradar.core.strategy.recommendations import recommend
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.deck.writer import write_deck

AS_OF = date(2023, 10, 1)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    round = demo_round()
    steps = (
        NextStep("Dialog med Klynge A", "Anna Analytiker", date(2024, 3, 15), 250_000),
        NextStep("Temadag om grøn omstilling", None, None, None),
    )
    deck = build_deck(
        round,
        findings=compute_findings(round),
        recommendations=recommend(round),
        as_of=AS_OF,
        priorities=PriorityInputs(next_steps=steps),
    )
    path = tmp_path_factory.mktemp("deck") / "deck.pptx"
    write_deck(deck, path)
    return Presentation(str(path))


def titled(presentation, part):
    return next(
        s for s in presentation.slides if s.shapes.title is not None and part in s.shapes.title.text
    )


def scatter_of(slide):
    return next(shape.chart for shape in slide.shapes if shape.has_chart)


def test_it_writes_the_priorities_as_a_native_xy_scatter_chart(written):
    slide = titled(written, "højt strategisk fit")
    chart = scatter_of(slide)
    assert chart.chart_type == XL_CHART_TYPE.XY_SCATTER
    names = [series.name for series in chart.plots[0].series]
    assert names[:2] == ["Højt fit og højt engagement", "Højt fit, lavere engagement"]
    assert names[-2].startswith("Grænse for højt fit") and names[-1].startswith(
        "Grænse for højt engagement"
    )
    bar = chart.plots[0].series[-1]
    assert len(bar.values) == 2 and len(set(bar.values)) == 1, "a level line of two points"
    layout = chart._chartSpace.chart.plotArea.find(qn("c:layout"))
    assert layout is None or layout.find(qn("c:manualLayout")) is None, "short labels: auto"


def test_it_labels_each_point_with_the_clusters_name(written):
    chart = scatter_of(titled(written, "højt strategisk fit"))
    labels, positions = [], set()
    for series in list(chart.plots[0].series)[:-2]:
        for index in range(len(series.values)):
            label = series.points[index].data_label
            assert label.has_text_frame
            labels += label.text_frame.text.split(", ")
            positions.add(label.position)
    assert len(labels) == 12 and "Klynge A" in labels and "Klynge M" not in labels
    assert positions == {XL_DATA_LABEL_POSITION.RIGHT, XL_DATA_LABEL_POSITION.LEFT}


def test_it_writes_the_footnote_with_who_is_left_out(written):
    slide = titled(written, "højt strategisk fit")
    footnote = next(s for s in slide.shapes if s.name == "Footnote")
    assert "1 klynge ikke vist: Klynge M (har ikke svaret)" in footnote.text_frame.text


def test_it_writes_the_next_steps_table_with_the_missing_fields(written):
    slide = titled(written, "næste skridt")
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Skridt", "Ansvarlig", "Dato", "Budget"]
    assert rows[1] == ["Dialog med Klynge A", "Anna Analytiker", "15. marts 2024", "250.000 kr."]
    assert rows[2] == [
        "Temadag om grøn omstilling",
        "ansvarlig mangler",
        "dato mangler",
        "budget mangler",
    ]


def test_it_writes_a_hand_made_scatter_with_its_axes(tmp_path):
    chart = ScatterSpec(
        groups=(
            ScatterGroup(
                "Klynger", (ScatterPoint("Klynge Æblø for Vandteknologi og Havne", 3, 40),)
            ),
        ),
        lines=(ScatterLine("Grænse", (2, 0), (2, 100)),),
        x_title="Fit",
        y_title="Engagement",
        x_max=5,
        y_max=100,
        footnote=Footnote("1 af 1 klynge"),
    )
    deck = Deck("T", None, AS_OF, "da", (ScatterSlide(title="Én klynge", chart=chart),))
    presentation = Presentation(str(write_deck(deck, tmp_path / "x.pptx")))
    written = scatter_of(presentation.slides[0])
    assert written.category_axis.maximum_scale == 5
    assert written.value_axis.maximum_scale == 100
    assert written.value_axis.axis_title.text_frame.text == "Engagement"
    assert written.plots[0].series[0].points[0].data_label.text_frame.text == (
        "Klynge Æblø for Vandteknologi og Havne"
    )
    layout = written._chartSpace.chart.plotArea.find(qn("c:layout"))
    assert layout.find(qn("c:manualLayout")) is not None, "long labels cannot squeeze the plot"


def test_it_refuses_a_point_outside_the_axes():
    with pytest.raises(ValueError, match="outside the axes"):
        ScatterSpec(
            groups=(ScatterGroup("g", (ScatterPoint("p", 9, 10),)),),
            lines=(),
            x_title="x",
            y_title="y",
            x_max=5,
            y_max=100,
        )
