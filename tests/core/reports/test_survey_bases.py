"""The members slide's footnote: the title's total first, its split, and parts that do not add up.

The title says the total; the bars are the split by size. The footnote's first count of
estimates is the total's (the one the notes give for it), and a cluster whose parts do
not add up to its total is flagged, as the findings page's follow-ups flag it.
"""

from dataclasses import replace
from datetime import date

import pytest

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.surveys.demo import demo_round, demo_round_2025


def with_answers(round, cluster, **answers):
    answers = {key.replace("__", "."): value for key, value in answers.items()}
    return replace(
        round,
        responses=tuple(
            replace(r, answers={**r.answers, **answers}) if r.cluster == cluster else r
            for r in round.responses
        ),
    )


def members_slide(round, lang="da"):
    deck = build_deck(round, findings=compute_findings(round), as_of=date(2023, 12, 31), lang=lang)
    (slide,) = [s for s in deck.slides if s.key == "survey.members"]
    return slide


CASES = [
    (
        "2023",
        demo_round(),
        "da",
        "12 af 12 klynger har oplyst et medlemstal · 4 af tallene er skøn · fordelingen på "
        "størrelse: 12 af 12 har oplyst den, 8 af dem skøn",
    ),
    (
        "2023",
        demo_round(),
        "en",
        "12 of 12 clusters reported members · 4 of the figures are estimates · the split by "
        "size: 12 of 12 reported it, 8 of them estimates",
    ),
    (
        "2025",
        demo_round_2025(),
        "da",
        "11 af 11 klynger har oplyst et medlemstal · 3 af tallene er skøn · fordelingen på "
        "størrelse: 11 af 11 har oplyst den, 7 af dem skøn",
    ),
    (
        "a split that does not add up",
        with_answers(demo_round(), "klynge-c", members__region=60),
        "da",
        "12 af 12 klynger har oplyst et medlemstal · 4 af tallene er skøn · delene summer ikke "
        "til totalen: Klynge C (50+: 18 + under 50: 37 = 55, i alt: 60) · fordelingen på "
        "størrelse: 12 af 12 har oplyst den, 8 af dem skøn",
    ),
    (
        "two splits that do not add up",
        with_answers(
            with_answers(demo_round(), "klynge-c", members__region=60),
            "klynge-l",
            members__region_50plus=2,
        ),
        "en",
        "12 of 12 clusters reported members · 4 of the figures are estimates · the parts do not "
        "add up to the total: Klynge C (50+: 18 + under 50: 37 = 55, total: 60); Klynge L (50+: "
        "2 + under 50: 5 = 7, total: 6) · the split by size: 12 of 12 reported it, 8 of them "
        "estimates",
    ),
    (
        "a split not reported by one",
        with_answers(demo_round(), "klynge-a", members__region_50plus=None),
        "da",
        "12 af 12 klynger har oplyst et medlemstal · 4 af tallene er skøn · fordelingen på "
        "størrelse: 11 af 12 har oplyst den, 8 af dem skøn",
    ),
]


@pytest.mark.parametrize(("name", "round", "lang", "expected"), CASES)
def test_it_bases_the_members_chart_on_the_titles_total(name, round, lang, expected):
    # An answer set to None is left out, with its basis.
    round = replace(
        round,
        responses=tuple(
            replace(
                r,
                answers={k: v for k, v in r.answers.items() if v is not None},
                basis={k: v for k, v in r.basis.items() if r.answers.get(k) is not None},
            )
            for r in round.responses
        ),
    )
    assert members_slide(round, lang).body.footnote.text == expected


@pytest.mark.parametrize("round", [demo_round(), demo_round_2025()])
def test_its_first_count_of_estimates_is_the_one_the_notes_give_for_the_total(round):
    slide = members_slide(round)
    estimated = compute_findings(round).members_region.estimated
    assert slide.body.footnote.qualifiers[0] == f"{estimated} af tallene er skøn"
    assert f"({estimated} af dem skøn): tilsammen" in slide.notes
