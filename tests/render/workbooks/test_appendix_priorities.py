"""The appendices' "Kortliste", "Næste skridt" and "Citater": the deck's lines, on sheets."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.reports.outline_quotes import Quote, default_quotes
from klyngeradar.core.strategy.decisions import AnalystDecision, apply_decisions
from klyngeradar.core.strategy.plan import demo_strategy
from klyngeradar.core.strategy.priorities import (
    NextStep,
    PriorityInputs,
    ShortlistOverride,
    priorities,
)
from klyngeradar.core.strategy.recommendations import recommend
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.workbooks.appendices import write_appendices

ROUND_DAY = date(2023, 10, 1)


def rows_of(sheet):
    header = [cell.value for cell in sheet[1]]
    result = []
    for row in sheet.iter_rows(min_row=2, values_only=True):
        if all(value is None for value in row):
            break  # the notes under the table
        result.append(dict(zip(header, row, strict=True)))
    return result


def notes_of(sheet):
    return [row[0] for row in sheet.iter_rows(values_only=True) if row[0] and not any(row[1:])]


def rec():
    return recommend(demo_round(), strategy=demo_strategy())


def write(path, lang="da", recommendations=None, **options):
    round = demo_round()
    return load_workbook(
        write_appendices(
            path,
            round=round,
            findings=compute_findings(round),
            recommendations=recommendations or rec(),
            lang=lang,
            as_of=ROUND_DAY,
            **options,
        )
    )


@pytest.fixture(scope="module")
def defaults(tmp_path_factory):
    """The appendices as the CLI writes them on a file: no analyst inputs."""
    return write(tmp_path_factory.mktemp("bilag") / "bilag.xlsx")


def test_the_shortlist_sheet_holds_the_rules_shortlist_line_by_line(defaults):
    found = priorities(rec())
    rows = rows_of(defaults["Kortliste"])
    items = (*found.clusters, *found.efforts)
    assert [(r["nr."], r["klynge / indsats"]) for r in rows] == [(i.rank, i.label) for i in items]
    first = rows[0]
    assert (first["slags"], first["nr. efter reglen"], first["sat af"]) == ("klynge", 1, "reglen")
    assert first["gruppe"] == "Højt fit og højt engagement"
    assert first["fit-score"] == found.clusters[0].fit
    assert first["samarbejdsmodel"] == "Tværkommunale aftaler gennem BRN"
    assert first["beslutning"] == "ikke behandlet"
    call = next(r for r in rows if r["slags"] == "satsning")
    assert call["klynger bag"] == found.efforts[0].support and call["engagement-score"] is None
    notes = notes_of(defaults["Kortliste"])
    assert notes[0].startswith("Regel: højt fit og højt engagement først")
    assert "af 13 klynger har både fit og engagement-score" in notes[1]


def test_the_next_steps_sheet_holds_the_drafts_until_the_analyst_writes_any(defaults):
    rows = rows_of(defaults["Næste skridt"])
    *steps, total = rows
    assert steps and all(r["skrevet af"] == "udkast fra anbefalingerne" for r in steps)
    assert all((r["ansvarlig"], r["dato"], r["budget (kr.)"]) == ("mangler",) * 3 for r in steps)
    # No budget at all is not a total of 0.
    assert total["skridt"] == f"i alt (0 af {len(steps)} skridt har et budget)"
    assert total["budget (kr.)"] == "mangler"
    assert notes_of(defaults["Næste skridt"])[0].startswith("Udkast ud fra anbefalingerne")


def test_the_quotes_sheet_holds_the_decks_default_quotes_with_their_clusters(defaults):
    round = demo_round()
    rows = rows_of(defaults["Citater"])
    chosen = default_quotes(round)
    texts = [
        text
        for question in ("agreements.description", "agreements.optimal")
        for text in chosen[question]
    ]
    assert sorted(r["tekst i præsentationen"] for r in rows) == sorted(texts)
    authors = {
        r.get(q).strip(): r.label
        for r in round.responders
        for q in ("agreements.description", "agreements.optimal")
        if isinstance(r.get(q), str)
    }
    assert all(r["klynge"] == authors[r["tekst i præsentationen"]] for r in rows)
    assert all(
        r["tema"] == "uden tema" and r["oprindeligt svar (når redigeret)"] is None for r in rows
    )
    assert rows[0]["spørgsmål"].startswith(("Beskriv", "Hvordan", "Hvad"))


def decisions(rec):
    model = {r.cluster: r.model for r in rec.clusters}
    return (
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
            verdict="accepted",
            model=model["klynge-b"],
            recommended=model["klynge-b"],
        ),
    )


@pytest.fixture(scope="module")
def analysts(tmp_path_factory):
    """The appendices with the analyst's decisions, shortlist choices, steps and quotes."""
    recommendations = rec()
    inputs = PriorityInputs(
        overrides=(
            ShortlistOverride("cluster", "klynge-l", "pinned", 1, "ny strategi"),
            ShortlistOverride("cluster", "klynge-c", "excluded", reason="har aftale"),
        ),
        next_steps=(
            NextStep("Møde med Klynge B", "Anna", date(2024, 2, 1), 250_000),
            NextStep("Forbered udbud", None, None, 100_000),
            NextStep("Gentag surveyen"),
        ),
    )
    quotes = {
        "agreements.optimal": (
            Quote(
                "agreements.optimal",
                "klynge-b",
                "Faste møder to gange om året.",
                answer="Vi ønsker faste møder to gange om året og en fælles plan.",
                theme="Faste koordineringsmøder",
            ),
        ),
        "agreements.description": (),
    }
    return write(
        tmp_path_factory.mktemp("analytiker") / "bilag.xlsx",
        recommendations=apply_decisions(recommendations, decisions(recommendations)),
        priorities=inputs,
        quotes=quotes,
    )


def test_the_shortlist_sheet_says_who_set_each_line_and_what_was_left_off(analysts):
    rows = rows_of(analysts["Kortliste"])
    by_name = {r["klynge / indsats"]: r for r in rows}
    pinned = rows[0]
    assert (pinned["klynge / indsats"], pinned["nr."], pinned["begrundelse"]) == (
        "Klynge L",
        1,
        "ny strategi",
    )
    assert pinned["sat af"].startswith("analytikeren")
    removed = by_name["Klynge C"]
    assert (removed["nr."], removed["sat af"], removed["begrundelse"]) == (
        None,
        "analytikeren: fjernet",
        "har aftale",
    )
    rejected = by_name["Klynge A"]
    assert (rejected["nr."], rejected["nr. efter reglen"], rejected["sat af"]) == (
        None,
        None,
        "reglen: afvist af analytikeren",
    )
    assert rejected["beslutning"] == "afvist af analytikeren"
    assert rejected["begrundelse"] == "Ingen kapacitet i år"
    assert by_name["Klynge B"]["beslutning"] == "accepteret"
    assert by_name["Klynge B"]["nr. efter reglen"] == 1, "the rule ranks what is left from 1"


def test_the_next_steps_sheet_says_what_is_missing_and_totals_the_budget_with_its_base(analysts):
    rows = rows_of(analysts["Næste skridt"])
    first, second, third, total = rows
    assert (first["ansvarlig"], first["dato"], first["budget (kr.)"]) == (
        "Anna",
        datetime(2024, 2, 1),
        250_000,
    )
    assert (second["ansvarlig"], second["dato"]) == ("mangler", "mangler")
    assert third["budget (kr.)"] == "mangler"
    assert all(r["skrevet af"] == "analytikeren" for r in (first, second, third))
    assert total["skridt"] == "i alt (2 af 3 skridt har et budget)"
    assert total["budget (kr.)"] == 350_000
    sheet = analysts["Næste skridt"]
    assert sheet.cell(2, 3).number_format == "dd-mm-yyyy"
    assert sheet.cell(2, 4).number_format == "#,##0"


def test_the_quotes_sheet_shows_the_edited_text_and_the_original_answer(analysts):
    (row,) = rows_of(analysts["Citater"])
    assert row["klynge"] == "Klynge B"
    assert row["tema"] == "Faste koordineringsmøder"
    assert row["tekst i præsentationen"] == "Faste møder to gange om året."
    assert row["oprindeligt svar (når redigeret)"].startswith("Vi ønsker faste møder")
    assert notes_of(analysts["Citater"])[0] == "Valgt af analytikeren."


def test_the_sheets_speak_english(tmp_path):
    book = write(
        tmp_path / "bilag.xlsx",
        lang="en",
        priorities=PriorityInputs(next_steps=(NextStep("Meet cluster B"),)),
    )
    shortlist = rows_of(book["Shortlist"])
    assert shortlist[0]["set by"] == "the rule"
    assert shortlist[0]["group"] == "High fit and high engagement"
    step, total = rows_of(book["Next steps"])
    assert (step["owner"], step["date"], step["budget (DKK)"]) == ("missing",) * 3
    assert total["step"] == "total (0 of 1 steps have a budget)"
    assert [c.value for c in book["Quotes"][1]] == [
        "question",
        "cluster",
        "theme",
        "text in the deck",
        "original answer (when edited)",
    ]


def test_the_shortlist_sheet_says_so_without_recommendations(tmp_path):
    round = demo_round()
    path = write_appendices(
        tmp_path / "bilag.xlsx", round=round, findings=compute_findings(round), as_of=ROUND_DAY
    )
    book = load_workbook(path)
    assert book["Kortliste"]["A2"].value == "ingen anbefalinger beregnet"
    assert book["Næste skridt"]["A2"].value == "ingen næste skridt"
