"""Quotes by theme: each theme counts its clusters out of those who answered the question."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.reports.outline_quotes import (
    Quote,
    answered,
    default_quotes,
    group_quotes,
)
from klyngeradar.core.surveys.demo import demo_round

AS_OF = date(2023, 10, 1)
OPTIMAL = "agreements.optimal"


@pytest.fixture
def round():
    return demo_round()


def q(cluster, theme="", text="Et citat.", answer=""):
    return Quote(OPTIMAL, cluster, text, answer=answer, theme=theme)


def test_the_base_is_the_clusters_who_answered_the_question(round):
    written = [
        r for r in round.responders if isinstance(r.get(OPTIMAL), str) and r.get(OPTIMAL).strip()
    ]
    assert answered(round, OPTIMAL) == len(written) == 10


def test_a_blank_answer_is_not_in_the_base(round):
    first = round.responses[0]
    blank = replace(first, answers={**first.answers, OPTIMAL: "   "})
    round = replace(round, responses=(blank, *round.responses[1:]))
    assert answered(round, OPTIMAL) == 9


@pytest.mark.parametrize(
    ("quotes", "expected"),
    [
        # One theme, three clusters.
        (
            [q("klynge-a", "Møder"), q("klynge-b", "Møder"), q("klynge-c", "Møder")],
            [("Møder", 3)],
        ),
        # A cluster counts once in a theme, however many of its quotes carry it.
        ([q("klynge-a", "Møder"), q("klynge-a", "Møder")], [("Møder", 1)]),
        # ...but once in each theme it is quoted in.
        ([q("klynge-a", "Møder"), q("klynge-a", "Data")], [("Møder", 1), ("Data", 1)]),
        # Most clusters first; equal counts keep the analyst's order; no theme last.
        (
            [
                q("klynge-a"),
                q("klynge-b", "Data"),
                q("klynge-c", "Møder"),
                q("klynge-d", "Møder"),
                q("klynge-e", "Projekter"),
            ],
            [("Møder", 2), ("Data", 1), ("Projekter", 1), ("", 1)],
        ),
        # A theme is the same with stray spaces.
        ([q("klynge-a", "Møder "), q("klynge-b", " Møder")], [("Møder", 2)]),
    ],
)
def test_it_groups_the_quotes_by_theme_with_their_clusters(round, quotes, expected):
    groups = group_quotes(round, OPTIMAL, quotes)
    assert [(g.theme, g.clusters) for g in groups] == expected
    assert {g.base for g in groups} == {10}


def test_it_leaves_out_the_quotes_of_another_question(round):
    other = Quote("agreements.description", "klynge-a", "I dag.", theme="Møder")
    assert group_quotes(round, OPTIMAL, [other]) == ()


def themed_deck(round, quotes, lang="da"):
    return build_deck(
        round,
        findings=compute_findings(round),
        as_of=AS_OF,
        lang=lang,
        quotes={OPTIMAL: quotes, "agreements.description": []},
    )


def test_the_slide_says_how_many_clusters_name_the_leading_theme(round):
    quotes = [
        q("klynge-a", "Faste koordineringsmøder", "To møder om året."),
        q("klynge-b", "Faste koordineringsmøder", "Faste møder."),
        q("klynge-c", "Konkrete projekter", "Projekter frem for hensigter."),
    ]
    deck = themed_deck(round, quotes)
    slide = next(s for s in deck.slides if s.key == "quotes.optimal")

    assert slide.title == "2 af 10 klynger nævner faste koordineringsmøder"
    assert slide.marker == "Citater: den optimale aftale"
    assert slide.body.rows == (
        ("Faste koordineringsmøder\n2 af 10 klynger", "»To møder om året.«"),
        ("", "»Faste møder.«"),
        ("Konkrete projekter\n1 af 10 klynger", "»Projekter frem for hensigter.«"),
    )
    assert slide.body.footnote.base.startswith("Base: 10 klynger har besvaret spørgsmålet")
    assert "1 af 10 klynger nævner konkrete projekter" in slide.notes


def test_an_edited_quote_is_marked_and_explained(round):
    quotes = [q("klynge-a", "Møder", "Faste møder.", answer="Vi vil have faste møder, tak.")]
    slide = next(s for s in themed_deck(round, quotes).slides if s.key == "quotes.optimal")

    assert slide.body.rows == (("Møder\n1 af 10 klynger", "»Faste møder.« *"),)
    assert "* forkortet eller redigeret af analytikeren" in slide.body.footnote.text


def test_it_speaks_english(round):
    quotes = [q("klynge-a", "Regular meetings", "Two a year.")]
    slide = next(s for s in themed_deck(round, quotes, "en").slides if s.key == "quotes.optimal")
    assert slide.title == "1 of 10 clusters mentions regular meetings"
    assert slide.body.rows == (("Regular meetings\n1 of 10 clusters", "“Two a year.”"),)


def test_every_quote_slide_has_a_marker_and_a_unique_key(round):
    deck = build_deck(round, findings=compute_findings(round), as_of=AS_OF)
    quote_slides = [s for s in deck.slides if s.key.startswith("quotes.")]
    assert [s.key for s in quote_slides] == ["quotes.description", "quotes.optimal"]
    assert all(s.marker and s.title for s in quote_slides)


def test_the_default_never_quotes_an_answer_that_names_someone(round):
    first = round.responses[0]
    named = "Vi vil gerne have faste møder med Aalborg Kommune og Lars Hansen to gange om året."
    round = replace(
        round,
        responses=(replace(first, answers={**first.answers, OPTIMAL: named}), *round.responses[1:]),
    )
    assert named not in default_quotes(round)[OPTIMAL]
    unnamed = named.replace("Aalborg Kommune og Lars Hansen", "kommunen og klyngen")
    round = replace(
        round,
        responses=(
            replace(first, answers={**first.answers, OPTIMAL: unnamed}),
            *round.responses[1:],
        ),
    )
    assert unnamed in default_quotes(round)[OPTIMAL]
