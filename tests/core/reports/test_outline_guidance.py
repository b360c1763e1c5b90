"""The deck's slide "Vejledning til kommunal medfinansiering af klynger"."""

from dataclasses import replace
from datetime import date

import pytest

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.reports.deck import ContentSlide, TableSpec
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.reports.outline_base import Context
from klyngeradar.core.reports.outline_guidance import AGREEMENT_KINDS, guidance_slides, kind_label
from klyngeradar.core.surveys.demo import demo_round

DAY = date(2023, 10, 1)


def context(lang="da", **municipal):
    round = demo_round()
    findings = compute_findings(round)
    if municipal:
        findings = replace(
            findings, municipal_agreements=replace(findings.municipal_agreements, **municipal)
        )
    return Context(round, findings, lang, DAY, "BRN")


def test_the_deck_ends_with_the_guidance_slide_under_a_stable_key():
    round = demo_round()
    deck = build_deck(round, findings=compute_findings(round), as_of=DAY)
    slide = next(s for s in deck.slides if s.key == "cofinancing_guidance")
    assert slide is deck.slides[-1]
    assert slide.marker == "Vejledning til kommunal medfinansiering af klynger"


def test_its_title_says_what_the_survey_shows_today():
    (slide,) = guidance_slides(context())
    assert isinstance(slide, ContentSlide) and isinstance(slide.body, TableSpec)
    assert slide.title == "Kommunal medfinansiering: i dag 7 aftaler med 5 kommuner"
    steps = dict(slide.body.rows)
    assert "§ 14, stk. 3" in steps["1. Hjemmel"]
    assert steps["3. Aftaletype"].startswith("Rammeaftale, Projektaftale, Kontorfællesskab")
    assert "Erhvervsfremmeloven" in slide.body.footnote.text
    assert "tjekliste" in slide.notes


@pytest.mark.parametrize(
    ("lang", "agreements", "municipalities", "title"),
    [
        ("da", 1, 1, "Kommunal medfinansiering: i dag 1 aftale med 1 kommune"),
        ("da", 0, 0, "Kommunal medfinansiering: i dag ingen aftaler med kommuner"),
        ("en", 1, 1, "Municipal co-financing: today 1 agreement with 1 municipality"),
        ("en", 3, 2, "Municipal co-financing: today 3 agreements with 2 municipalities"),
    ],
)
def test_its_title_agrees_with_its_numbers(lang, agreements, municipalities, title):
    ctx = context(lang, agreements=agreements, municipalities=municipalities)
    (slide,) = guidance_slides(ctx)
    assert slide.title == title


def test_kinds_are_named_in_either_language_and_an_unknown_kind_is_kept():
    assert [code for code, _, _ in AGREEMENT_KINDS] == [
        "framework",
        "project",
        "office",
        "financing",
        "other",
    ]
    assert kind_label("office", "da") == "Kontorfællesskab"
    assert kind_label("office", "en") == "Shared office"
    assert kind_label("barter", "da") == "barter"
    assert kind_label(None, "da") is None
