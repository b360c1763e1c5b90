"""The deck opens with 3–5 key messages, each with its base, and what the board is asked."""

from datetime import date

import pytest

from klyngeradar.core.findings.comparison import compare_rounds
from klyngeradar.core.findings.comparison_sentences import comparison_sentences
from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.reports.deck import ContentSlide, TitleSlide
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.reports.scaled import scaled_round
from klyngeradar.core.strategy.recommendations import recommend
from klyngeradar.core.surveys.demo import demo_round, demo_round_2025


def deck(clusters=13, **options):
    round = scaled_round(clusters)
    return build_deck(
        round,
        findings=compute_findings(round),
        recommendations=recommend(round),
        as_of=date(2023, 10, 1),
        **options,
    )


@pytest.mark.parametrize(("clusters", "least"), [(1, 4), (2, 4), (13, 4), (50, 4)])
def test_it_opens_with_key_messages_each_with_its_base(clusters, least):
    slides = deck(clusters).slides
    assert isinstance(slides[0], TitleSlide)
    summary = slides[1]
    assert summary.marker == "Resumé: det viser surveyen" and summary.key == "summary.messages"
    assert summary.title == "Resumé: " + summary.body.bullets[0].text, "the lead message"
    messages = [b for b in summary.body.bullets if b.level == 0]
    bases = [b for b in summary.body.bullets if b.level == 1]
    assert least <= len(messages) <= 5
    assert len(bases) == len(messages)
    assert all(b.text.startswith("Base: ") for b in bases)


def test_it_says_so_when_nobody_has_answered():
    summary = deck(0).slides[1]
    assert summary.body.bullets[0].text == "Ingen klynger har svaret endnu"


def test_it_puts_the_comparison_first():
    comparison = compare_rounds(demo_round(), demo_round_2025())
    summary = deck(comparison=comparison).slides[1]
    first, base = summary.body.bullets[0].text, summary.body.bullets[1].text
    expected = {s.key: s.text for s in comparison_sentences(comparison)}
    assert first == expected["physical_presence"]
    assert base == f"{len(comparison.panel)} klynger svarede både i 2023 og i 2025"


def test_it_drafts_what_the_board_is_asked_from_the_recommendations():
    asks = deck().slides[2]
    assert isinstance(asks, ContentSlide) and asks.marker == "Bestyrelsen bedes …"
    assert asks.title == f"Bestyrelsen bedes tage stilling til {len(asks.body.bullets)} punkter"
    texts = [b.text for b in asks.body.bullets]
    assert any("tværkommunal aftale" in t for t in texts)
    assert texts[-1].startswith("tage stilling til næste skridt")
    assert "Udkast" in asks.notes


def test_it_takes_the_analysts_text_for_what_the_board_is_asked():
    asks = deck(board_asks=("godkende aftalen med Klynge A",)).slides[2]
    assert [b.text for b in asks.body.bullets] == ["godkende aftalen med Klynge A"]
    assert asks.notes == "Formuleret af analytikeren."
