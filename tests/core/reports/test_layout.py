"""The layout fits every slide from measured sizes: tables, charts and text continue."""

from dataclasses import replace
from datetime import date

import pytest

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.reports.deck import (
    Bullet,
    ChartSpec,
    ContentSlide,
    Deck,
    Footnote,
    MapPanel,
    MapSpec,
    ScatterGroup,
    ScatterPoint,
    ScatterSlide,
    ScatterSpec,
    Series,
    TableSpec,
    Text,
    TwoContentSlide,
)
from klyngeradar.core.reports.layout import (
    DEFAULT_GEOMETRY,
    FOOTNOTE,
    FOOTNOTE_SIZE,
    bar_capacity,
    chart_pages,
    layout_deck,
    layout_slide,
    table_fit,
    table_pages,
    text_pages,
)
from klyngeradar.core.reports.measure import fitting_size
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.reports.scaled import scaled_round
from klyngeradar.core.strategy.recommendations import recommend

WIDTH, HEIGHT = DEFAULT_GEOMETRY.content
HALF_WIDTH, HALF_HEIGHT = DEFAULT_GEOMETRY.half
NAME = "Klyngeorganisation for Bæredygtigt Byggeri og Cirkulær Økonomi"


def table(rows: int, *, columns: int = 3, footnote: bool = True) -> TableSpec:
    return TableSpec(
        header=("Klynge", *(f"Indsats nummer {c}" for c in range(1, columns))),
        rows=tuple((f"{NAME} {r}", *("2" for _ in range(1, columns))) for r in range(rows)),
        footnote=Footnote("Base: test") if footnote else None,
    )


def chart(categories: int, kind="bar", values=None) -> ChartSpec:
    values = values or tuple(range(1, categories + 1))
    return ChartSpec(
        kind,
        tuple(f"Klynge {i}" for i in range(categories)),
        (Series("Klynger", values),),
        footnote=Footnote("Base: test"),
    )


@pytest.mark.parametrize("rows", [1, 2, 13, 50, 100])
def test_it_keeps_every_row_once_in_order_with_the_header_on_every_part(rows):
    spec = table(rows)
    pages = table_pages(spec, WIDTH, HEIGHT)
    assert [row for page in pages for row in page.rows] == list(spec.rows)
    assert all(page.header == spec.header for page in pages)
    for page in pages:
        fit = table_fit(page, WIDTH, None, sizes=range(page.size, page.size - 1, -1))
        assert sum(fit.heights) <= HEIGHT - FOOTNOTE


@pytest.mark.parametrize("rows", [13, 50, 100])
def test_it_continues_a_long_table_on_as_few_slides_as_it_needs(rows):
    spec = table(rows)
    pages = table_pages(spec, WIDTH, HEIGHT)
    size = pages[0].size
    # The most rows one slide holds at that size (the rows of this table are alike).
    most = max(
        n
        for n in range(1, rows + 1)
        if sum(
            table_fit(
                replace(spec, rows=spec.rows[:n]), WIDTH, None, sizes=range(size, size - 1, -1)
            ).heights
        )
        <= HEIGHT - FOOTNOTE
    )
    assert len(pages) == -(-rows // most), "as few slides as the rows need"
    counts = [len(page.rows) for page in pages]
    assert max(counts) - min(counts) <= 1, f"rows spread evenly, no lone last row: {counts}"
    assert sum(counts) == rows


def test_it_sets_a_table_that_fits_at_its_largest_size():
    (page,) = table_pages(table(2), WIDTH, HEIGHT)
    assert page.size == 16


@pytest.mark.parametrize("efforts", [1, 6, 15])
def test_it_splits_columns_that_cannot_keep_whole_words_and_repeats_the_key_column(efforts):
    spec = TableSpec(
        header=("Klynge", *(f"Robotteknologi og automatisering {e}" for e in range(efforts))),
        rows=(("Klynge A", *("1" for _ in range(efforts))),),
    )
    pages = table_pages(spec, WIDTH, HEIGHT)
    assert all(page.header[0] == "Klynge" for page in pages)
    shown = [head for page in pages for head in page.header[1:]]
    assert shown == list(spec.header[1:])
    for page in pages:
        assert table_fit(page, WIDTH, None) is not None, "every part keeps whole words"


@pytest.mark.parametrize("categories", [1, 5, 12, 13, 50, 100])
def test_it_never_puts_more_bars_on_a_chart_than_it_can_label(categories):
    spec = chart(categories)
    pages = chart_pages(spec, WIDTH, HEIGHT)
    assert sum(len(p.categories) for p in pages) == categories
    for page in pages:
        assert len(page.categories) <= bar_capacity(page, WIDTH, HEIGHT, DEFAULT_GEOMETRY.metrics)
    if len(pages) > 1:
        assert len({p.axis_max for p in pages}) == 1, "the parts share one scale"
        values = [v for p in pages for v in p.series[0].values]
        assert values == sorted(values, reverse=True)


@pytest.mark.parametrize(
    ("categories", "kind"), [(4, "column"), (12, "column"), (13, "bar"), (40, "bar")]
)
def test_it_turns_columns_with_many_categories_into_sorted_bars(categories, kind):
    pages = chart_pages(chart(categories, "column"), WIDTH, HEIGHT)
    assert {p.kind for p in pages} == {kind}


def test_it_names_the_categories_without_a_value_under_a_long_chart():
    values = tuple(None if i % 2 else i + 1 for i in range(60))
    pages = chart_pages(chart(60, values=values), WIDTH, HEIGHT)
    shown = [c for p in pages for c in p.categories]
    assert len(shown) == 30
    assert "ikke oplyst: 30 (ikke vist)" in pages[0].footnote.text


def test_it_keeps_the_largest_slices_of_a_pie_and_sums_the_rest_as_other():
    (page,) = chart_pages(chart(12, "pie"), WIDTH, HEIGHT)
    assert page.categories[-1] == "Øvrige"
    assert len(page.categories) == 8
    assert sum(page.series[0].values) == sum(range(1, 13))


def test_it_shows_no_chart_without_categories():
    assert chart_pages(ChartSpec("bar", (), (Series("x", ()),)), WIDTH, HEIGHT) == []


@pytest.mark.parametrize(("bullets", "parts"), [(3, 1), (40, 3)])
def test_it_continues_text_that_does_not_fit_keeping_sub_bullets_with_theirs(bullets, parts):
    lines = []
    for i in range(bullets):
        lines += [Bullet(f"Anbefaling {i}: {NAME}", bold=True), Bullet(NAME * 2, level=1)]
    pages = text_pages(Text(tuple(lines)), WIDTH, HEIGHT)
    assert len(pages) >= parts
    assert all(page.bullets[0].level == 0 for page in pages)
    assert [b for page in pages for b in page.bullets] == lines


def test_it_marks_continued_slides_and_keeps_the_notes_on_the_first():
    deck = Deck(
        "T",
        None,
        date(2023, 10, 1),
        "da",
        (ContentSlide(title="Fit", body=table(60), notes="noter"),),
    )
    slides = layout_deck(deck).slides
    assert slides[0].title == "Fit" and slides[0].notes == "noter"
    assert all(s.title == "Fit (fortsat)" and s.notes == "" for s in slides[1:])
    assert [(s.page, s.pages) for s in slides] == [(i, len(slides)) for i in range(1, 7)][
        : len(slides)
    ]


def test_it_continues_two_charts_of_the_same_clusters_side_by_side():
    left, right = chart(40), chart(40)
    slide = TwoContentSlide(title="Deltagelse", left=left, right=right)
    deck = Deck("T", None, date(2023, 10, 1), "da", (slide,))
    slides = layout_deck(deck).slides
    assert len(slides) > 1
    for part in slides:
        assert part.left.categories == part.right.categories


@pytest.mark.parametrize(
    ("clusters", "efforts"), [(0, 6), (1, 1), (2, 3), (13, 6), (50, 15), (100, 15)]
)
def test_it_fits_the_deck_of_a_round_of_any_size(clusters, efforts):
    round = scaled_round(clusters, efforts)
    deck = build_deck(
        round,
        findings=compute_findings(round),
        recommendations=recommend(round),
        as_of=date(2023, 10, 1),
    )
    slides = layout_deck(deck).slides
    fit_rows = [
        row[0]
        for s in slides
        if isinstance(s, ContentSlide) and isinstance(s.body, TableSpec) and s.key == "models.fit"
        for row in s.body.rows
    ]
    # Every cluster is in the fit matrix (once per column group).
    assert set(fit_rows) == {r.label for r in round.responses}
    for slide in slides:
        for body in (
            (slide.body,)
            if isinstance(slide, ContentSlide)
            else (slide.left, slide.right)
            if isinstance(slide, TwoContentSlide)
            else ()
        ):
            if isinstance(body, ChartSpec):
                assert body.categories, f"{slide.title}: a chart without categories"
            if isinstance(body, TableSpec):
                assert body.size is not None and body.size >= 10, slide.title


LONG = tuple(f"forbehold nummer {i} om tallenes grundlag og deres base" for i in range(40))


def _scatter_slide(footnote):
    point = ScatterPoint("Klynge A", 2, 50)
    spec = ScatterSpec(
        (ScatterGroup("Højt fit", (point,)),), (), "Fit", "Engagement", 18, 100, footnote
    )
    return ScatterSlide(title="Prioritering", chart=spec)


def _map_slide(footnote):
    spec = MapSpec((MapPanel("Klynger", (), ()),), "DAGI", footnote)
    return ContentSlide(title="Kommunerne", map=spec)


def _footnote_of(slide):
    for body in (
        getattr(slide, "body", None),
        getattr(slide, "left", None),
        getattr(slide, "map", None),
        getattr(slide, "chart", None),
    ):
        if body is not None and body.footnote is not None:
            return body.footnote
    raise AssertionError("no footnote")


FOOTNOTED = [
    ("table", lambda f: ContentSlide(title="T", body=replace(table(3), footnote=f)), WIDTH),
    ("chart", lambda f: ContentSlide(title="T", body=replace(chart(3), footnote=f)), WIDTH),
    (
        "chart beside text",
        lambda f: TwoContentSlide(title="T", left=replace(chart(3), footnote=f), right=None),
        HALF_WIDTH,
    ),
    ("scatter chart", _scatter_slide, WIDTH),
    ("map", _map_slide, WIDTH),
]


@pytest.mark.parametrize(("kind", "make", "width"), FOOTNOTED)
def test_it_cuts_every_long_footnote_to_what_fits_at_the_one_footnote_size(kind, make, width):
    (laid,) = layout_slide(make(Footnote("Base: 12 af 13 klynger", LONG)), DEFAULT_GEOMETRY, "da")
    short = _footnote_of(laid)
    assert short.base == "Base: 12 af 13 klynger"
    assert short.qualifiers[-1] == "flere forbehold i noterne"
    assert len(short.qualifiers) < len(LONG)
    assert (
        fitting_size(
            [(short.text, 0)],
            width - 14.4,
            FOOTNOTE - 10.8,
            FOOTNOTE_SIZE,
            FOOTNOTE_SIZE,
            bullets=False,
        )
        == FOOTNOTE_SIZE
    )
    assert LONG[-1] in laid.notes, "the whole footnote is kept in the notes"


@pytest.mark.parametrize(("kind", "make", "width"), FOOTNOTED)
def test_it_leaves_a_footnote_that_fits_as_it_is(kind, make, width):
    footnote = Footnote("Base: 12 af 13 klynger", ("4 af tallene er skøn",))
    (laid,) = layout_slide(make(footnote), DEFAULT_GEOMETRY, "da")
    assert _footnote_of(laid) == footnote
    assert laid.notes == ""
