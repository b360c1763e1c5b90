"""Context slides: sourced reference facts only, their sources as footnotes, doubts flagged."""

from __future__ import annotations

from datetime import date

import pytest

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.problems import InputError
from klyngeradar.core.registry.context import load_context, reference_context
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.reports.outline_base import Context
from klyngeradar.core.reports.outline_context import context_slides
from klyngeradar.core.surveys.demo import demo_round

AS_OF = date(2023, 10, 1)


@pytest.fixture(scope="module")
def round():
    return demo_round()


def ctx(round, lang="da", as_of=AS_OF):
    return Context(round, compute_findings(round), lang, as_of, "BRN")


def fact(key, *, source="https://example.dk/kilde", verified=True, **extra):
    return {
        "key": key,
        "text_da": f"Fakta {key}.",
        "text_en": f"Fact {key}.",
        "source": source,
        "source_label": "Eksempel" if source else "",
        "verified": verified,
        **extra,
    }


def document(*facts, title_facts=("a",), **extra):
    return {
        "slides": [
            {
                "key": "context.test",
                "marker_da": "Test",
                "marker_en": "Test",
                "title_da": "En besked",
                "title_en": "A message",
                "title_facts": list(title_facts),
                "facts": list(facts),
                **extra,
            }
        ]
    }


def slides_of(round, doc, **kwargs):
    return context_slides(ctx(round, **kwargs), load_context(doc))


def test_the_deck_has_the_seeds_context_slides_each_with_its_sources(round):
    deck = build_deck(round, findings=compute_findings(round), as_of=AS_OF)
    context = [s for s in deck.slides if s.key.startswith("context.")]

    assert [s.key for s in context] == [
        "context.history",
        "context.programme",
        "context.national",
        "context.survey-2022",
        "context.maturity",
        "context.target-groups",
    ]
    keys = [s.key for s in deck.slides if s.key]
    assert len(keys) == len(set(keys))
    for slide in context:
        assert slide.title and slide.marker
        assert slide.body.footnote.base.startswith("Kilder: ")
        assert slide.notes.startswith("Kilder:")
        assert all(label for _, label in slide.body.rows)


def test_the_national_comparison_sets_the_rounds_figure_with_its_base_beside(round):
    slide = next(s for s in context_slides(ctx(round)) if s.key == "context.national")

    assert "15.600" in slide.title
    assert (
        "Denne runde: mindst 1.740 unikke virksomheder i Region Nordjylland siden 2021 "
        "(10 af 12 klynger har oplyst et tal).",
        "Rundens survey",
    ) in slide.body.rows
    assert "samme virksomhed kan indgå hos flere klynger" in slide.body.footnote.text


def test_the_unverified_maturity_claim_is_flagged_not_stated(round):
    slide = next(s for s in context_slides(ctx(round)) if s.key == "context.maturity")
    texts = [text for text, _ in slide.body.rows]

    claim = next(text for text in texts if "4–5 år" in text)
    assert claim.startswith("Ikke verificeret: ")
    assert "4–5" not in slide.title  # the title rests on verified facts only
    assert "ikke verificeret: rapporten angiver ingen kilde" in slide.body.footnote.text


def test_a_fact_without_a_source_is_not_shown(round):
    (slide,) = slides_of(round, document(fact("a"), fact("b", source="")))
    assert slide.body.rows == (("Fakta a.", "Eksempel"),)
    assert slide.body.footnote.base == "Kilder: Eksempel"
    assert "https://example.dk/kilde" in slide.notes


def test_a_slide_whose_title_rests_on_an_unsourced_fact_is_left_out(round):
    assert slides_of(round, document(fact("a", source=""), fact("b"))) == []


def test_a_slide_without_any_sourced_fact_is_left_out(round):
    assert slides_of(round, document(fact("a", source=""), title_facts=())) == []


def test_a_title_resting_on_an_unverified_fact_says_so(round):
    (slide,) = slides_of(round, document(fact("a", verified=False, note_da="kilden er uklar")))
    assert slide.title == "En besked (ikke verificeret)"
    assert slide.body.rows == (("Ikke verificeret: Fakta a.", "Eksempel"),)
    assert slide.body.footnote.qualifiers == ("ikke verificeret: kilden er uklar",)


def test_it_speaks_english(round):
    (slide,) = slides_of(round, document(fact("a", verified=False)), lang="en")
    assert slide.title == "A message (not verified)"
    assert slide.body.rows == (("Not verified: Fact a.", "Eksempel"),)
    assert slide.body.footnote.base == "Sources: Eksempel"


def test_a_regions_fact_is_only_on_that_regions_decks(round):
    doc = document(fact("a"), fact("b", region="1084"), fact("c", region="1081"))
    (slide,) = slides_of(round, doc)  # the demo round is North Jutland's (1081)
    assert [text for text, _ in slide.body.rows] == ["Fakta a.", "Fakta c."]


def test_a_fact_is_not_on_a_deck_dated_before_its_source(round):
    doc = document(fact("a"), fact("b", known_from="2025-09-01"))
    (early,) = slides_of(round, doc, as_of=date(2023, 10, 1))
    (late,) = slides_of(round, doc, as_of=date(2025, 10, 1))
    assert len(early.body.rows) == 1 and len(late.body.rows) == 2


@pytest.mark.parametrize(
    ("doc", "field"),
    [
        (document(fact("a", verified="ja")), "verified"),
        (document(fact("a"), title_facts=("z",)), "title_facts"),
        (document(fact("a", region="Nordjylland")), "region"),
        (document(fact("a", known_from="1. maj")), "known_from"),
        (document(fact("a", kilde="x")), "kilde"),
        (document(fact("a"), round_finding="members"), "round_finding"),
        (document({**fact("a"), "source_label": ""}), "source_label"),
    ],
)
def test_a_bad_entry_is_refused_naming_its_field(doc, field):
    with pytest.raises(InputError) as error:
        load_context(doc)
    assert field in {problem.column for problem in error.value.problems}


def test_the_shipped_file_is_valid_and_every_shown_fact_has_a_source():
    slides = reference_context()
    assert slides
    for slide in slides:
        for item in slide.facts:
            assert item.sourced and item.source_label
