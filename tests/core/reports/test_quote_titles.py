"""A slide of quotes without themes says its message with a base, not a question.

"8 af 12 klynger beskriver deres aftaler i dag – 3 udvalgte citater": how many of the
responding clusters answered the question, and how many quotes the slide shows; the
marker ("Citater: aftalerne i dag") stays above it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.reports.outline_quotes import Quote
from klyngeradar.core.reports.scaled import scaled_round
from klyngeradar.core.surveys.demo import demo_round

TODAY, OPTIMAL = "agreements.description", "agreements.optimal"


def without_answers(round, question):
    return replace(
        round,
        responses=tuple(
            replace(r, answers={k: v for k, v in r.answers.items() if k != question})
            for r in round.responses
        ),
    )


def quote_slides(round, lang="da", quotes=None):
    deck = build_deck(
        round, findings=compute_findings(round), as_of=date(2023, 12, 31), lang=lang, quotes=quotes
    )
    return {s.key: s for s in deck.slides if s.key.startswith("quotes.")}


CASES = [
    (
        "demo",
        demo_round,
        "da",
        None,
        "quotes.description",
        "8 af 12 klynger beskriver deres aftaler i dag – 3 udvalgte citater",
    ),
    (
        "demo",
        demo_round,
        "da",
        None,
        "quotes.optimal",
        "10 af 12 klynger beskriver den optimale aftale – 4 udvalgte citater",
    ),
    (
        "demo",
        demo_round,
        "en",
        None,
        "quotes.description",
        "8 of 12 clusters describe their agreements today – 3 selected quotes",
    ),
    (
        "one cluster",
        lambda: scaled_round(1),
        "da",
        None,
        "quotes.description",
        "1 af 1 klynge beskriver sine aftaler i dag – 1 udvalgt citat",
    ),
    (
        "one cluster",
        lambda: scaled_round(1),
        "en",
        None,
        "quotes.optimal",
        "1 of 1 cluster describes the optimal agreement – 1 selected quote",
    ),
    (
        "nobody answered",
        lambda: without_answers(demo_round(), TODAY),
        "da",
        None,
        "quotes.description",
        "Ingen af de 12 klynger beskriver deres aftaler i dag",
    ),
    (
        "the analyst chose none",
        demo_round,
        "da",
        {OPTIMAL: ()},
        "quotes.optimal",
        "10 af 12 klynger beskriver den optimale aftale – ingen citater valgt endnu",
    ),
    (
        "the analyst chose one",
        demo_round,
        "en",
        {OPTIMAL: (Quote(OPTIMAL, "klynge-a", "Konkrete projekter."),)},
        "quotes.optimal",
        "10 of 12 clusters describe the optimal agreement – 1 selected quote",
    ),
]


@pytest.mark.parametrize(("name", "make", "lang", "quotes", "key", "title"), CASES)
def test_it_titles_unthemed_quotes_with_their_base(name, make, lang, quotes, key, title):
    slide = quote_slides(make(), lang, quotes)[key]
    assert slide.title == title
    assert slide.marker.startswith("Citater: " if lang == "da" else "Quotes: ")
    assert "?" not in slide.title
