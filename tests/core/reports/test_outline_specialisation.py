"""The slide "Regionens erhvervsmæssige styrker": areas by LQ, with table, year and measure."""

from datetime import date
from pathlib import Path

import pytest

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.registry.reference import reference_areas
from klyngeradar.core.reports.deck import ChartSpec
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.reports.outline_specialisation import RegionalStrengths
from klyngeradar.core.specialisation.employment import read_employment
from klyngeradar.core.specialisation.mapping import default_mapping
from klyngeradar.core.specialisation.quotients import compute
from klyngeradar.core.surveys.demo import demo_round

RAS = (
    Path(__file__).resolve().parents[2] / "fixtures" / "specialisation" / "ras-statistikbanken.csv"
)
NAMES = {a.slug: a.name for a in reference_areas()}


def strengths(region="1081", illustrative=False):
    result = compute(read_employment(RAS), default_mapping(), region=region)
    return RegionalStrengths(result, "Danmarks Statistik, RAS300", NAMES, illustrative)


def deck(specialisation, lang="da"):
    round = demo_round()
    return build_deck(
        round,
        findings=compute_findings(round),
        as_of=date(2023, 10, 1),
        lang=lang,
        specialisation=specialisation,
    )


def slide_titled(deck, marker):
    return [s for s in deck.slides if s.marker == marker]


def test_it_shows_the_areas_by_lq_as_a_native_bar_chart():
    (slide,) = slide_titled(deck(strengths()), "Regionens erhvervsmæssige styrker")
    assert slide.key == "specialisation.lq"
    assert slide.title == (
        "Regionen er mest specialiseret i Avanceret produktion (LQ 1,08) – 1 af 3 områder over 1"
    )
    chart = slide.body
    assert isinstance(chart, ChartSpec) and chart.kind == "bar"
    assert chart.categories == (
        "Avanceret produktion",
        "Fødevarer og bioressourcer",
        "Energiteknologi",
    )
    assert chart.series[0].values == (1.08, 0.99, 0.9)
    footnote = chart.footnote.text
    assert footnote.startswith(
        "Kilde: Danmarks Statistik, RAS300, 2023. Mål: lokaliseringskvotient (LQ) af "
        "beskæftigelsen, regionen mod filens 4 kommuner"
    )
    assert "Klyngeradars standardnøgle DB07 v1, et skøn" in footnote
    assert "mindst-tal" in footnote
    assert "Avanceret produktion: LQ 1,08; mindst 240 beskæftigede" in slide.notes


def test_it_says_so_in_english_and_labels_invented_figures():
    (slide,) = slide_titled(
        deck(strengths(illustrative=True), "en"), "The region's business strengths"
    )
    assert slide.title == (
        "The region is most specialised in Avanceret produktion (LQ 1.08) – 1 of 3 areas above 1"
    )
    assert slide.body.footnote.text.startswith("Source: Danmarks Statistik, RAS300, 2023.")
    assert "invented demo figures" in slide.body.footnote.text


@pytest.mark.parametrize("specialisation", [None, "no region"])
def test_it_has_no_slide_without_statistics_for_a_region(specialisation):
    if specialisation == "no region":
        specialisation = strengths(region=None)
    assert slide_titled(deck(specialisation), "Regionens erhvervsmæssige styrker") == []
