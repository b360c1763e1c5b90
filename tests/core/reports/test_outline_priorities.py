"""The deck's priorities: fit × engagement chart, shortlist, ranked calls and next steps."""

from __future__ import annotations

from datetime import date

import pytest

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.reports.deck import ContentSlide, ScatterSlide, TableSpec
from klyngeradar.core.reports.layout import layout_deck
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.reports.scaled import scaled_round
from klyngeradar.core.strategy.priorities import NextStep, PriorityInputs, ShortlistOverride
from klyngeradar.core.strategy.recommendations import recommend
from klyngeradar.core.surveys.demo import demo_round

AS_OF = date(2023, 10, 1)


def deck(round=None, lang="da", **options):
    round = round or demo_round()
    return build_deck(
        round,
        findings=compute_findings(round),
        recommendations=recommend(round),
        as_of=AS_OF,
        lang=lang,
        **options,
    )


def by_key(built, key):
    return next(s for s in built.slides if s.key == key)


def test_it_plots_every_cluster_with_fit_and_engagement_and_counts_the_rest():
    slide = by_key(deck(), "models.priorities")
    assert isinstance(slide, ScatterSlide) and slide.marker == "Prioritering: fit × engagement"
    chart = slide.chart
    labels = [label for p in chart.points for label in p.label.split(", ")]
    # 12 of the 13 demo clusters answered; Klynge M did not, so it has no fit or score.
    assert len(labels) == 12 and "Klynge M" not in labels
    assert "1 klynge ikke vist: Klynge M (har ikke svaret)" in chart.footnote.text
    assert chart.footnote.base.startswith("12 af 13 klynger vist")
    assert [line.start[0] for line in chart.lines[:1]] == [2], "the high-fit bar is drawn"
    assert chart.lines[1].start[1] == chart.lines[1].end[1], "the engagement bar is level"
    first = next(g for g in chart.groups if g.name == "Højt fit og højt engagement")
    assert sum(len(p.label.split(", ")) for p in first.points) == 6
    # Six have both, the shortlist holds five: the title says so, so the slides agree.
    assert slide.title == (
        "6 klynger har højt strategisk fit og er aktive i regionen – 5 står først på kortlisten"
    )


def test_it_asks_to_prioritise_the_group_when_the_shortlist_holds_it_all():
    pins = tuple(
        ShortlistOverride("cluster", f"klynge-{letter}", "pinned", position)
        for position, letter in enumerate("abcdef", start=1)
    )
    slide = by_key(deck(priorities=PriorityInputs(overrides=pins)), "models.priorities")
    assert (
        slide.title == "6 klynger bør prioriteres først: højt strategisk fit og aktive i regionen"
    )


def test_it_moves_a_label_that_would_cover_its_neighbours():
    chart = by_key(deck(), "models.priorities").chart
    right = [(p.x, p.y) for p in chart.points if p.label_position == "right"]
    for x, y in right:
        assert not any(x == x2 and 0 < abs(y - y2) < 6 for x2, y2 in right)
    assert any(p.label_position != "right" for p in chart.points), "the demo has a close pair"


def test_it_shares_a_point_between_clusters_at_the_same_place():
    chart = by_key(deck(), "models.priorities").chart
    places = [(p.x, p.y) for p in chart.points]
    assert len(places) == len(set(places))


@pytest.mark.parametrize(("clusters", "efforts"), [(1, 1), (2, 3)])
def test_it_builds_the_priorities_of_a_tiny_round(clusters, efforts):
    built = layout_deck(deck(scaled_round(clusters, efforts)))
    keys = [s.key for s in built.slides]
    assert {"models.priorities", "models.shortlist", "models.next_steps"} <= set(keys)


def test_it_says_so_when_no_cluster_can_be_placed():
    slide = by_key(deck(scaled_round(0, 6)), "models.priorities")
    assert slide.chart is None
    assert slide.placeholder_note.startswith("Ingen data endnu")


def test_it_lists_the_shortlist_with_rank_reason_and_the_rule():
    slide = by_key(deck(), "models.shortlist")
    table = slide.body
    assert isinstance(table, TableSpec)
    assert table.header == ("Nr.", "Klynge / indsats", "Hvorfor", "Sat af")
    clusters = [row[0] for row in table.rows if not row[1].startswith("Satsning: ")]
    calls = [row[0] for row in table.rows if row[1].startswith("Satsning: ")]
    assert clusters == [str(i) for i in range(1, len(clusters) + 1)]
    assert calls == [str(i) for i in range(1, len(calls) + 1)], "calls are ranked on their own"
    assert table.rows[0][1] == "Klynge A" and table.rows[0][3] == "Reglen (nr. 1)"
    assert any(row[1].startswith("Satsning: ") for row in table.rows)
    assert table.footnote.base.startswith("Regel: højt fit og højt engagement først")
    assert slide.title.startswith("Start med ")


def test_it_shows_where_the_analyst_departed_from_the_rule():
    overrides = (
        ShortlistOverride("cluster", "klynge-l", "pinned", reason="ny satsning i 2024"),
        ShortlistOverride("cluster", "klynge-a", "excluded", reason="har aftale"),
    )
    slide = by_key(deck(priorities=PriorityInputs(overrides=overrides)), "models.shortlist")
    rows = slide.body.rows
    assert rows[0][1] == "Klynge L" and rows[0][3].startswith("Analytikeren")
    assert all(row[1] != "Klynge A" for row in rows)
    assert "rækkefølgen er justeret af analytikeren" in slide.body.footnote.qualifiers
    assert "Fjernet af analytikeren: Klynge A (har aftale)" in slide.notes
    assert "Klynge L: fastgjort – ny satsning i 2024" in slide.notes


def test_it_ranks_the_targeted_calls_and_gives_the_reason():
    slide = by_key(deck(), "models.across")
    bold = [b.text for b in slide.body.bullets if b.bold]
    calls = [t for t in bold if t.startswith(tuple(f"{i}. " for i in range(1, 10)))]
    assert calls and calls[0].startswith("1. ")
    supports = [int(t.rsplit("(", 1)[1].split()[0]) for t in calls]
    assert supports == sorted(supports, reverse=True), "most clusters behind it first"
    assert "rangeret efter antal klynger bag" in slide.notes
    assert "målrettet indkaldelse" in slide.title


def test_it_drafts_next_steps_with_what_is_missing():
    slide = by_key(deck(), "models.next_steps")
    table = slide.body
    assert table.header == ("Skridt", "Ansvarlig", "Dato", "Budget")
    assert all(row[0].startswith("Udkast: ") for row in table.rows)
    assert {row[1] for row in table.rows} == {"ansvarlig mangler"}
    assert {row[2] for row in table.rows} == {"dato mangler"}
    assert {row[3] for row in table.rows} == {"budget mangler"}
    assert slide.title == "Næste skridt er et udkast: ansvarlige, datoer og budget mangler"


def test_it_shows_the_analysts_next_steps_and_says_what_is_missing():
    steps = (
        NextStep("Dialog med Klynge A", "Anna Analytiker", date(2024, 3, 15), 250_000),
        NextStep("Temadag om grøn omstilling", None, date(2024, 5, 1), None),
    )
    slide = by_key(deck(priorities=PriorityInputs(next_steps=steps)), "models.next_steps")
    assert slide.body.rows == (
        ("Dialog med Klynge A", "Anna Analytiker", "15. marts 2024", "250.000 kr."),
        ("Temadag om grøn omstilling", "ansvarlig mangler", "1. maj 2024", "budget mangler"),
    )
    assert slide.title == "2 næste skridt – 1 mangler ansvarlig, dato eller budget"
    assert "budget i alt 250.000 kr. for 1 af 2 skridt" in slide.body.footnote.qualifiers


def test_it_speaks_english_in_the_next_steps():
    steps = (NextStep("Talk to Cluster A", None, None, 1_500),)
    slide = by_key(
        deck(lang="en", priorities=PriorityInputs(next_steps=steps)), "models.next_steps"
    )
    assert slide.body.rows == (("Talk to Cluster A", "owner missing", "date missing", "DKK 1,500"),)


def test_every_slide_of_the_models_part_and_the_summary_has_a_message_marker_and_key():
    built = deck()
    own = [s for s in built.slides if s.key.startswith(("models.", "summary."))]
    keys = [s.key for s in own]
    assert len(keys) == len(set(keys)), "keys are unique"
    assert {
        "summary.messages",
        "summary.board_asks",
        "models.strategy",
        "models.fit",
        "models.engagement",
        "models.priorities",
        "models.shortlist",
        "models.per_cluster",
        "models.across",
        "models.catalogue",
        "models.checklist",
        "models.next_steps",
    } <= set(keys)
    for slide in own:
        if slide.key == "models.section":
            continue
        assert slide.marker and slide.title != slide.marker, slide.key


def test_it_keeps_the_keys_stable_across_rounds_and_takes_the_analysts_title():
    first = [s.key for s in deck().slides if s.key]
    again = [s.key for s in deck(scaled_round(13, 6)).slides if s.key]
    assert first == again
    own = deck(titles={"models.priorities": "Vores egen titel"})
    assert by_key(own, "models.priorities").title == "Vores egen titel"


def test_it_marks_the_placeholder_slides_without_recommendations():
    round = demo_round()
    built = build_deck(round, findings=compute_findings(round), as_of=AS_OF)
    fit = by_key(built, "models.fit")
    assert isinstance(fit, ContentSlide) and fit.placeholder_note
    assert by_key(built, "models.next_steps").placeholder_note


def test_it_names_only_the_shortlist_on_the_chart_of_a_large_round():
    slide = by_key(deck(scaled_round(50, 6)), "models.priorities")
    chart = slide.chart
    named = [p for p in chart.points if p.label]
    assert named and len(named) < len(chart.points)
    assert all(len(p.label.split(", ")) <= 2 for p in named)
    assert "navne vist for kortlistens 5 klynger" in chart.footnote.qualifiers


def decided_deck(lang="da"):
    """The demo deck with Klynge A's recommendation rejected and Klynge B's changed."""
    from klyngeradar.core.strategy.decisions import AnalystDecision, apply_decisions

    rec = recommend(demo_round())
    model = {r.cluster: r.model for r in rec.clusters}
    other = "shared_environment" if model["klynge-b"] != "shared_environment" else "targeted_call"
    decisions = (
        AnalystDecision(
            subject_kind="cluster",
            subject="klynge-a",
            verdict="rejected",
            model=None,
            recommended=model["klynge-a"],
            reason="Ingen kapacitet i år",
        ),
        AnalystDecision(
            subject_kind="cluster",
            subject="klynge-b",
            verdict="changed",
            model=other,
            recommended=model["klynge-b"],
            reason="Passer bedre",
        ),
    )
    round = demo_round()
    return build_deck(
        round,
        findings=compute_findings(round),
        recommendations=apply_decisions(rec, decisions),
        as_of=AS_OF,
        lang=lang,
    )


def test_the_shortlist_leaves_off_what_the_analyst_rejected_and_says_why():
    slide = by_key(decided_deck(), "models.shortlist")
    rows = slide.body.rows
    assert all(row[1] != "Klynge A" for row in rows)
    assert rows[0][3] == "Reglen (nr. 1)", "the rule ranks what is left from 1"
    assert "ikke på listen, afvist af analytikeren: Klynge A" in slide.body.footnote.qualifiers
    assert "Afvist af analytikeren: Klynge A (Ingen kapacitet i år)" in slide.notes
    b = next(row for row in rows if row[1] == "Klynge B")
    assert "(besluttet; reglerne: " in b[2]


def test_the_shortlist_says_why_in_english_too():
    slide = by_key(decided_deck("en"), "models.shortlist")
    assert "not listed, rejected by the analyst: Klynge A" in slide.body.footnote.qualifiers
