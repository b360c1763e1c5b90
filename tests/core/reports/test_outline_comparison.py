"""The deck's section "Udvikling siden {year}": present with an earlier round, absent without."""

from datetime import date

import pytest

from klyngeradar.core.findings.comparison import compare_rounds
from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.reports.deck import ChartSpec, ContentSlide, SectionSlide
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.surveys.demo import demo_round, demo_round_2025


def deck(comparison, lang="da"):
    new = demo_round_2025()
    return build_deck(
        new,
        findings=compute_findings(new),
        as_of=date(2025, 11, 1),
        comparison=comparison,
        lang=lang,
    )


@pytest.fixture(scope="module")
def comparison():
    return compare_rounds(demo_round(), demo_round_2025())


def test_without_an_earlier_round_the_deck_has_no_comparison_section():
    assert not any(s.title.startswith("Udvikling siden") for s in deck(None).slides)


@pytest.mark.parametrize(("lang", "title"), [("da", "Udvikling siden 2023"), ("en", "since 2023")])
def test_it_adds_the_section_with_the_old_year(comparison, lang, title):
    sections = [s for s in deck(comparison, lang).slides if isinstance(s, SectionSlide)]
    assert any(title in s.title for s in sections)


def test_its_charts_put_old_beside_new_with_the_panel_in_the_footnote(comparison):
    charts = [
        s.body
        for s in deck(comparison).slides
        if isinstance(s, ContentSlide)
        and isinstance(s.body, ChartSpec)
        and s.body.series
        and s.body.series[0].name == "2023"
    ]
    assert len(charts) == 3
    assert all([x.name for x in c.series] == ["2023", "2025"] for c in charts)
    assert all(c.kind in ("bar", "column") for c in charts)
    members = next(c for c in charts if "Medlemmer i regionen" in c.categories)
    assert members.series[0].values[0] == 375 and members.series[1].values[0] == 399
    assert "Panel: 10 klynger svarede begge år" in members.footnote.text
    assert "Medlemmer i regionen: 360 → 385 (10 klynger)" in members.footnote.text
    participation = next(c for c in charts if "Deltagere" in c.categories)
    assert "perioderne er forskellige" in participation.footnote.text
    assert "minimum" in participation.footnote.text
