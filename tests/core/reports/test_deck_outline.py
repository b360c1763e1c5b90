"""The deck's outline on the demo round: the seed's three parts, every number from findings."""

from datetime import date

import pytest

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.registry.landscape import business_models
from klyngeradar.core.registry.reference import reference_clusters, reference_landscape_facts
from klyngeradar.core.reports.deck import (
    AgendaSlide,
    ChartSpec,
    ContentSlide,
    SectionSlide,
    TableSpec,
    TwoContentSlide,
)
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.strategy.plan import demo_strategy
from klyngeradar.core.strategy.recommendations import recommend
from klyngeradar.core.surveys.demo import demo_round

AS_OF = date(2023, 10, 1)


@pytest.fixture(scope="module")
def round():
    return demo_round()


def full_deck(round, lang="da"):
    return build_deck(
        round,
        findings=compute_findings(round),
        recommendations=recommend(round, strategy=demo_strategy()),
        clusters=reference_clusters(),
        landscape=business_models(reference_clusters(), reference_landscape_facts(), as_of=AS_OF),
        strategy=demo_strategy(),
        lang=lang,
        as_of=AS_OF,
    )


def keyed(deck, key):
    (slide,) = [s for s in deck.slides if s.key == key]
    return slide


def bodies(deck):
    for slide in deck.slides:
        if isinstance(slide, ContentSlide):
            yield slide, slide.body
        elif isinstance(slide, TwoContentSlide):
            yield slide, slide.left
            yield slide, slide.right


def test_it_follows_the_seeds_three_parts(round):
    deck = full_deck(round)
    sections = [s.title for s in deck.slides if isinstance(s, SectionSlide)]
    assert sections == ["Det danske klyngelandskab", "Klyngerne og regionen", "Samarbejdsmodeller"]
    assert deck.slides[0].title == "Samarbejde med de nationale klynger"
    assert "BRN · Oktober 2023" in deck.slides[0].subtitle
    agenda = next(s for s in deck.slides if isinstance(s, AgendaSlide))
    # The map has no section slide of its own: the agenda names it by its marker.
    assert agenda.items == (
        *sections[:2],
        "Klyngerne i kommunerne i Region Nordjylland",
        sections[2],
    )


def test_it_has_at_least_six_native_charts_each_with_a_footnote(round):
    charts = full_deck(round).charts
    assert len(charts) >= 6
    assert all(chart.footnote is not None and chart.footnote.base for chart in charts)


def test_it_states_the_base_of_the_participation_figures_honestly(round):
    deck = full_deck(round)
    slide = next(s for s in deck.slides if "unikke virksomheder og" in s.title)
    assert slide.title == "Mindst 1.740 unikke virksomheder og mindst 4.324 deltagere siden 2021"
    companies, persons = slide.left.footnote, slide.right.footnote
    assert companies.base == "10 af 12 klynger har oplyst et tal"
    assert "summen er et minimum" in companies.qualifiers
    assert "samme virksomhed kan indgå hos flere klynger" in companies.qualifiers
    assert persons.base == "7 af 12 klynger har oplyst et tal"


def test_it_takes_the_seeds_reference_figures_from_the_findings(round):
    deck = full_deck(round)
    text = " ".join(
        " ".join(b.text for b in body.bullets)
        for _, body in bodies(deck)
        if body is not None and hasattr(body, "bullets")
    )
    assert "12 ud af 13 klynger har svaret (92 %)" in text
    assert "7 af 12 klynger er fysisk til stede i regionen" in text
    assert "4 klynger har ingen samarbejdsaftale" in text
    assert "7 aftaler med 5 kommuner fordelt på 3 klynger; én klynge har 4 af de 7" in text
    members = next(s for s in deck.slides if s.title.startswith("Klyngerne har"))
    assert members.title == "Klyngerne har ca. 375 medlemmer i regionen"


def test_it_keeps_an_unreported_value_as_a_gap_in_the_chart(round):
    slide = next(s for s in full_deck(round).slides if "unikke virksomheder og" in s.title)
    persons = slide.right.series[0].values
    assert None in persons and 0 not in persons


def test_it_shows_the_municipalities_of_the_region(round):
    slide = keyed(full_deck(round), "survey.municipalities")
    assert slide.title == "Klyngerne er fysisk til stede i 3 af 11 kommuner og har aftaler med 5"
    assert isinstance(slide.body, ChartSpec)
    assert "Aalborg" in slide.body.categories and len(slide.body.categories) == 11
    agreements = dict(zip(slide.body.categories, slide.body.series[2].values, strict=True))
    assert agreements["Aalborg"] == 3


def test_it_colours_the_fit_matrix_and_lists_a_model_per_cluster(round):
    deck = full_deck(round)
    fit = next(b for s, b in bodies(deck) if s.key == "models.fit")
    assert isinstance(fit, TableSpec) and fit.levels is not None
    per_cluster = next(b for s, b in bodies(deck) if s.key == "models.per_cluster")
    assert len(per_cluster.rows) == 13
    assert per_cluster.rows[0][1] == "Tværkommunale aftaler gennem BRN"
    assert per_cluster.rows[-1][1] == "Hold orienteret"


def test_it_puts_the_narrative_sentences_in_the_speaker_notes(round):
    slide = keyed(full_deck(round), "survey.response")
    assert "92 %" in slide.notes


def test_it_says_on_the_slide_when_recommendations_are_missing(round):
    deck = build_deck(round, findings=compute_findings(round), as_of=AS_OF)
    notes = [s.placeholder_note for s in deck.slides if s.placeholder_note]
    assert "Ingen data endnu: anbefalingerne er ikke beregnet" in notes
    assert "Ingen data endnu: ingen klynger i registret" in notes


def test_it_speaks_english_on_request(round):
    deck = full_deck(round, lang="en")
    assert deck.slides[0].title == "Working with the national clusters"
    assert any(s.title == "The clusters and the region" for s in deck.slides)


def test_it_uses_the_analysts_chosen_quotes(round):
    chosen = {"agreements.optimal": ["En forpligtende aftale med konkret indhold."]}
    deck = build_deck(round, findings=compute_findings(round), as_of=AS_OF, quotes=chosen)
    slide = next(s for s in deck.slides if "optimale" in s.title)
    assert slide.body.rows == (("»En forpligtende aftale med konkret indhold.«",),)
