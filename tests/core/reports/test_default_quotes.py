"""The deck's default quotes: answers that say something, the optimal agreement first."""

from __future__ import annotations

from dataclasses import replace

import pytest

from klyngeradar.core.reports.outline_quotes import (
    QUOTE_MAX_CHARS,
    QUOTE_MIN_CHARS,
    QUOTES_PER_SLIDE,
    default_quotes,
)
from klyngeradar.core.surveys.demo import demo_round


def with_optimal(*answers):
    """The demo round with the given optimal-agreement answers, one per responder."""
    round = demo_round()
    responses = []
    for response, answer in zip(round.responses, answers + (None,) * 20, strict=False):
        values = dict(response.answers)
        values["agreements.optimal"] = answer
        responses.append(replace(response, answers=values, status="complete"))
    return replace(round, responses=tuple(responses))


def test_it_skips_answers_that_are_too_short_to_say_anything():
    quotes = default_quotes(demo_round())["agreements.optimal"]
    assert "Henviser til vores samtale i dag :-)" not in quotes
    assert all(QUOTE_MIN_CHARS <= len(q) <= QUOTE_MAX_CHARS for q in quotes)
    assert len(quotes) == QUOTES_PER_SLIDE


@pytest.mark.parametrize(
    ("answer", "taken"),
    [
        ("Ja.", False),
        ("x" * (QUOTE_MIN_CHARS - 1), False),
        ("x" * QUOTE_MIN_CHARS, True),
        ("x" * QUOTE_MAX_CHARS, True),
        ("x" * (QUOTE_MAX_CHARS + 1), False),
        ("   " + "x" * (QUOTE_MIN_CHARS - 2) + "   ", False),
    ],
)
def test_it_takes_an_answer_only_between_the_bounds(answer, taken):
    quotes = default_quotes(with_optimal(answer))["agreements.optimal"]
    assert (answer.strip() in quotes) is taken


def test_it_puts_the_optimal_agreement_first_and_keeps_the_rounds_order():
    quotes = default_quotes(demo_round())
    assert list(quotes) == ["agreements.optimal", "agreements.description"]
    assert quotes["agreements.optimal"][0].startswith("specifikke omkring projekter")
