"""The analyst's decisions in the deck, and the fit matrix's readable header."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pptx import Presentation

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.reports.outline_fit import fit_widths
from klyngeradar.core.strategy.decisions import AnalystDecision, apply_decisions
from klyngeradar.core.strategy.plan import demo_strategy
from klyngeradar.core.strategy.recommendations import recommend
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.report import write_report

AS_OF = date(2023, 10, 1)
AT = datetime(2023, 10, 3, 14, 5)
CMA, CONCRETE, CALL, SHARED = (
    "cross_municipal_agreement",
    "concrete_collaboration",
    "targeted_call",
    "shared_environment",
)
DECISIONS = (
    AnalystDecision(
        subject_kind="cluster",
        subject="klynge-a",
        verdict="changed",
        model=CALL,
        recommended=CMA,
        reason="Passer til udbuddet om digitalisering",
        decided_by="Anna Analytiker",
        decided_at=AT,
    ),
    # Accepted when the rules said "concrete"; they now say "cross-municipal": stale.
    AnalystDecision(
        subject_kind="cluster", subject="klynge-b", verdict="accepted", model=CONCRETE,
        recommended=CONCRETE,
    ),
    AnalystDecision(
        subject_kind="cluster", subject="klynge-g", verdict="rejected", model=None,
        recommended=CONCRETE, reason="Klyngen har ikke kapacitet i år.",
    ),
    AnalystDecision(
        subject_kind="effort", subject="arbejdskraft", verdict="rejected", model=None,
        recommended=CALL, reason="Dækket af et andet udbud",
    ),
    AnalystDecision(
        subject_kind="region", subject=SHARED, verdict="accepted", model=SHARED,
        recommended=SHARED,
    ),
    # No targeted call for this effort any more: the decision is kept in the notes.
    AnalystDecision(
        subject_kind="effort", subject="internationalisering", verdict="accepted", model=CALL,
        recommended=CALL,
    ),
)  # fmt: skip


@pytest.fixture(scope="module")
def round():
    return demo_round()


@pytest.fixture(scope="module")
def recommendations(round):
    return recommend(round, strategy=demo_strategy())


def deck(round, recommendations, lang="da"):
    return build_deck(
        round,
        findings=compute_findings(round),
        recommendations=recommendations,
        strategy=demo_strategy(),
        lang=lang,
        as_of=AS_OF,
    )


def slide(deck, start):
    """The slide whose section marker starts with `start`."""
    return next(s for s in deck.slides if s.marker.startswith(start))


@pytest.fixture(scope="module")
def decided_deck(round, recommendations):
    return deck(round, apply_decisions(recommendations, DECISIONS))


def test_it_shows_the_decision_beside_the_rules_recommendation(decided_deck):
    table = slide(decided_deck, "Anbefalet").body
    assert table.header == ("Klynge", "Anbefaling", "Beslutning", "Fit", "Engagement")
    rows = {row[0]: row[1:3] for row in table.rows}
    assert rows["Klynge A"] == (
        "Tværkommunale aftaler gennem BRN",
        "Ændret til Satsning/udbud inden for en central indsats",
    )
    assert rows["Klynge B"] == ("Tværkommunale aftaler gennem BRN", "Accepteret *")
    assert rows["Klynge G"] == ("Samarbejde om noget konkret", "Afvist")
    assert rows["Klynge C"][1] == "Ikke behandlet"
    assert "* anbefalingen er ændret siden beslutningen" in table.footnote.qualifiers


def test_it_puts_the_reason_who_and_when_in_the_speaker_notes(decided_deck):
    notes = slide(decided_deck, "Anbefalet").notes.splitlines()
    a = next(line for line in notes if line.startswith("Klynge A:"))
    assert a.endswith(
        "Beslutning: ændret til Satsning/udbud inden for en central indsats – begrundelse: "
        "Passer til udbuddet om digitalisering (Anna Analytiker, 3. oktober 2023)."
    )
    assert "Højt fit med strategien" in a, "the rules' reasons stay"
    b = next(line for line in notes if line.startswith("Klynge B:"))
    assert "Anbefalingen er ændret siden beslutningen (dengang: Samarbejde om noget konkret)" in b
    g = next(line for line in notes if line.startswith("Klynge G:"))
    assert "Beslutning: afvist – begrundelse: Klyngen har ikke kapacitet i år." in g


def test_it_shows_the_decisions_on_targeted_calls_and_the_region(decided_deck):
    across = slide(decided_deck, "Anbefalinger på tværs")
    lines = [b.text for b in across.body.bullets]
    call = next(
        i
        for i, line in enumerate(lines)
        if line.endswith(
            ". Satsning/udbud inden for en central indsats: Kvalificeret arbejdskraft "
            "(3 klynger, samlet fit 6)"
        )
    )
    assert lines[call + 2] == "Beslutning: afvist"
    region = lines.index("Fælles fysisk innovations- og erhvervsfremmemiljø")
    assert lines[region + 2] == "Beslutning: accepteret"
    assert (
        "Kvalificeret arbejdskraft: Beslutning: afvist – begrundelse: Dækket af et andet udbud."
        in (across.notes)
    )
    assert (
        "Internationalisering: anbefalingen (Satsning/udbud inden for en central indsats) "
        "gives ikke længere. Beslutning: accepteret." in across.notes
    )


@pytest.mark.parametrize("decisions", [None, ()], ids=["no decisions given", "none made"])
def test_it_leaves_the_deck_as_the_rules_made_it_without_decisions(
    round, recommendations, decisions
):
    given = recommendations if decisions is None else apply_decisions(recommendations, decisions)

    built = deck(round, given)

    assert built == deck(round, recommendations)
    assert "Beslutning" not in slide(built, "Anbefalet").body.header
    assert "Beslutning" not in slide(built, "Anbefalinger på tværs").notes


def test_it_speaks_english_about_decisions(round, recommendations):
    built = deck(round, apply_decisions(recommendations, DECISIONS), lang="en")
    table = slide(built, "Recommended model").body
    assert table.header[2] == "Decision"
    rows = {row[0]: row[2] for row in table.rows}
    assert rows["Klynge A"] == "Changed to A targeted call within a central effort"
    assert rows["Klynge M"] == "Not reviewed"
    assert "(Anna Analytiker, 3 October 2023)" in slide(built, "Recommended model").notes


@pytest.mark.parametrize(
    ("labels", "efforts", "expected"),
    [
        (("Klynge A",), ("Internationalisering",), (20, 22, 5)),
        (("Klynge A",), ("Digitalisering og nye teknologier",), (20, 19, 5)),
        (("Klynge A",), ("Klynger og innovationssamarbejder",), (20, 24, 5)),
        (("MARLOG – Maritime & Logistics Innovation Denmark",), ("IT",), (30, 6, 5)),
        (("Food & Bio Cluster Denmark",), ("Grøn omstilling",), (28, 12, 5)),
    ],
)
def test_it_sizes_the_fit_columns_to_their_names_and_header_words(labels, efforts, expected):
    assert fit_widths(labels, efforts) == expected


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("besluttet")
    report = write_report(
        demo_round(), out, as_of=AS_OF, strategy=demo_strategy(), decisions=DECISIONS
    )
    return Presentation(str(report.deck))


def pptx_slide(presentation, start):
    return next(
        s
        for s in presentation.slides
        if s.shapes.title is not None and start in s.shapes.title.text
    )


def table_of(slide):
    return next(shape.table for shape in slide.shapes if shape.has_table)


def test_it_writes_the_decision_column_and_the_reason_into_the_pptx(written):
    recommended = pptx_slide(written, "anbefales til en tværkommunal aftale")
    table = table_of(recommended)
    assert [cell.text for cell in table.rows[0].cells][2] == "Beslutning"
    assert [cell.text for cell in table.rows[1].cells][:3] == [
        "Klynge A",
        "Tværkommunale aftaler gennem BRN",
        "Ændret til Satsning/udbud inden for en central indsats",
    ]
    notes = recommended.notes_slide.notes_text_frame.text
    assert "begrundelse: Passer til udbuddet om digitalisering (Anna Analytiker" in notes


def test_it_writes_the_fit_matrix_header_at_10_pt_or_more(written):
    table = table_of(pptx_slide(written, "højt fit med strategien"))
    header = [
        run.font.size.pt
        for cell in table.rows[0].cells
        for run in cell.text_frame.paragraphs[0].runs
    ]
    assert min(header) >= 10
    widths = [column.width for column in table.columns]
    assert widths[0] > widths[-1], "the cluster column is wider than the row sum"
    assert widths[4] == max(widths[1:-1]), "'innovationssamarbejder' gets the widest effort column"
