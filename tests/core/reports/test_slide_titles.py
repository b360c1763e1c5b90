"""Slide titles say the message with its base: typical, tiny (0, 1, 2 clusters) and missing data."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from klyngeradar.core.findings.comparison import compare_rounds
from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.registry.landscape import business_models
from klyngeradar.core.registry.programmes import reference_programmes
from klyngeradar.core.registry.reference import (
    reference_areas,
    reference_clusters,
    reference_landscape_facts,
)
from klyngeradar.core.reports.deck import AgendaSlide, ContentSlide, TwoContentSlide
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.reports.outline_specialisation import RegionalStrengths
from klyngeradar.core.reports.scaled import scaled_round
from klyngeradar.core.specialisation.employment import read_employment
from klyngeradar.core.specialisation.mapping import default_mapping
from klyngeradar.core.specialisation.quotients import compute
from klyngeradar.core.strategy.plan import demo_strategy
from klyngeradar.core.strategy.recommendations import recommend
from klyngeradar.core.surveys.demo import demo_round, demo_round_2025

AS_OF_2023, AS_OF_2025 = date(2023, 10, 1), date(2025, 11, 1)
RAS = (
    Path(__file__).resolve().parents[2] / "fixtures" / "specialisation" / "ras-statistikbanken.csv"
)
# The slides of the parts built here; the summary and the models' slides are another's.
OWN_PREFIXES = ("landscape.", "survey.", "comparison.", "map.", "specialisation.", "agenda")


def without(round, *questions):
    """The round with `questions` unanswered by every cluster."""
    responses = tuple(
        replace(
            r,
            answers={k: v for k, v in r.answers.items() if k not in questions},
            basis={k: v for k, v in r.basis.items() if k not in questions},
        )
        for r in round.responses
    )
    return replace(round, responses=responses)


def deck(round, lang="da", as_of=AS_OF_2023, **options):
    return build_deck(round, findings=compute_findings(round), as_of=as_of, lang=lang, **options)


def title(deck, key):
    (found,) = {s.title for s in deck.slides if s.key == key}
    return found


TYPICAL = [
    ("da", "survey.response", "12 af 13 klynger har svaret (92 %) – 12 vil gerne i tættere dialog"),
    ("en", "survey.response", "12 of 13 clusters responded (92%) – 12 want a closer dialogue"),
    ("da", "survey.presence", "7 af 12 klynger er fysisk til stede i regionen – 5 med eget kontor"),
    (
        "en",
        "survey.presence",
        "7 of 12 clusters are physically present in the region – 5 with an own office",
    ),
    (
        "da",
        "survey.partners",
        "Alle 12 klynger samarbejder med aktører i regionen – flest med Erhvervshus "
        "Nordjylland (8)",
    ),
    ("da", "survey.members", "Klyngerne har ca. 375 medlemmer i regionen"),
    (
        "da",
        "survey.participation",
        "Mindst 1.740 unikke virksomheder og mindst 4.324 deltagere siden 2021",
    ),
    (
        "da",
        "survey.agreements",
        "8 af 12 klynger har en samarbejdsaftale i regionen – 7 aftaler med 5 kommuner",
    ),
    (
        "en",
        "survey.agreements",
        "8 of 12 clusters have an agreement in the region – 7 agreements with 5 municipalities",
    ),
    (
        "da",
        "survey.municipalities",
        "Klyngerne er fysisk til stede i 3 af 11 kommuner og har aftaler med 5",
    ),
    (
        "da",
        "survey.presence_members",
        "De 7 klynger med fysisk tilstedeværelse har 86 % af medlemmerne",
    ),
    (
        "da",
        "map.municipalities",
        "Klyngerne er til stede i 3 af 11 kommuner i Region Nordjylland, med aftaler i 5",
    ),
]


@pytest.mark.parametrize(("lang", "key", "expected"), TYPICAL)
def test_it_titles_the_demo_rounds_slides_with_their_message(lang, key, expected):
    assert title(deck(demo_round(), lang), key) == expected


TINY = [
    (0, "survey.response", "Surveyen: ingen klynger inviteret endnu"),
    (1, "survey.response", "1 af 1 klynge har svaret (100 %) – 1 vil gerne i tættere dialog"),
    (1, "survey.presence", "1 af 1 klynge er fysisk til stede i regionen – 1 med eget kontor"),
    (
        1,
        "survey.agreements",
        "1 af 1 klynge har en samarbejdsaftale i regionen – 4 aftaler med 4 kommuner",
    ),
    (
        1,
        "survey.presence_members",
        "Den ene klynge med fysisk tilstedeværelse har 100 % af medlemmerne",
    ),
    (2, "survey.response", "Alle 2 klynger har svaret (100 %) – 2 vil gerne i tættere dialog"),
    (2, "survey.presence", "Alle 2 klynger er fysisk til stede i regionen – 2 med eget kontor"),
    (2, "survey.members", "Klyngerne har 145 medlemmer i regionen"),
]


@pytest.mark.parametrize(("clusters", "key", "expected"), TINY)
def test_it_titles_tiny_rounds_in_correct_danish(clusters, key, expected):
    assert title(deck(scaled_round(clusters)), key) == expected


def test_it_says_in_english_when_one_cluster_is_present():
    english = deck(scaled_round(1), "en")
    assert title(english, "survey.presence") == (
        "1 of 1 cluster is physically present in the region – 1 with an own office"
    )


def test_it_says_none_rather_than_zero_of_many():
    round = scaled_round(2)
    round = replace(
        round,
        responses=tuple(
            replace(r, answers={**r.answers, "presence.type": "none"}) for r in round.responses
        ),
    )
    assert title(deck(round), "survey.presence") == (
        "Ingen af de 2 klynger er fysisk til stede i regionen"
    )


MISSING = [
    (("presence.type",), "survey.presence", "Tilstedeværelse: ingen svar endnu"),
    (("members.region",), "survey.members", "Medlemmer i regionen: ingen har oplyst endnu"),
    (
        ("participation.companies", "participation.persons"),
        "survey.participation",
        "Deltagelse: ingen tal oplyst endnu",
    ),
    (
        ("partners.actors", "partners.municipalities", "partners.other"),
        "survey.partners",
        "Samarbejdspartnere: ingen svar endnu",
    ),
]


@pytest.mark.parametrize(("questions", "key", "expected"), MISSING)
def test_it_says_honestly_when_the_answers_are_missing(questions, key, expected):
    assert title(deck(without(demo_round(), *questions)), key) == expected


def test_it_names_who_reported_when_not_everyone_did():
    round = demo_round()
    first = without(replace(round, responses=round.responses[:1]), "members.region")
    responses = (*first.responses, *round.responses[1:])
    members = title(deck(replace(round, responses=responses)), "survey.members")
    assert members.startswith("Klyngerne har mindst ")
    assert members.endswith("(11 af 12 har oplyst)")


def strengths():
    result = compute(read_employment(RAS), default_mapping(), region="1081")
    return RegionalStrengths(
        result, "Danmarks Statistik, RAS300", {a.slug: a.name for a in reference_areas()}, True
    )


def demo_decks():
    """The 2023 demo deck and the 2025 demo round's deck with its comparison."""
    old, new = demo_round(), demo_round_2025()
    yield (
        "2023",
        build_deck(
            old,
            findings=compute_findings(old),
            recommendations=recommend(old, strategy=demo_strategy()),
            clusters=reference_clusters(),
            landscape=business_models(reference_clusters(), reference_landscape_facts()),
            programmes=reference_programmes(),
            strategy=demo_strategy(),
            as_of=AS_OF_2023,
        ),
    )
    yield (
        "2025",
        build_deck(
            new,
            findings=compute_findings(new),
            recommendations=recommend(new, strategy=demo_strategy()),
            clusters=reference_clusters(),
            landscape=business_models(reference_clusters(), reference_landscape_facts()),
            programmes=reference_programmes(),
            strategy=demo_strategy(),
            as_of=AS_OF_2025,
            comparison=compare_rounds(old, new),
            specialisation=strengths(),
            lang="en",
        ),
    )


OWN_KEYS = (
    "landscape.clusters",
    "landscape.narrative",
    "landscape.business_models",
    "landscape.programme",
    "survey.response",
    "survey.presence",
    "survey.partners",
    "survey.members",
    "survey.participation",
    "survey.activities",
    "survey.agreements",
    "survey.municipalities",
    "survey.presence_members",
    "map.municipalities",
)
LATER_KEYS = (
    "comparison.who",
    "comparison.counts",
    "comparison.members",
    "comparison.participation",
    "specialisation.lq",
)


@pytest.mark.parametrize(("year", "built"), list(demo_decks()))
def test_every_content_slide_has_a_unique_key_and_a_message_beyond_its_marker(year, built):
    own = [
        s
        for s in built.slides
        if isinstance(s, ContentSlide | TwoContentSlide) and s.key.startswith(OWN_PREFIXES)
    ]
    keys = [s.key for s in own]
    assert len(keys) == len(set(keys)), keys
    assert set(keys) == set(OWN_KEYS + (LATER_KEYS if year == "2025" else ()))
    assert all(s.title and s.marker and s.title != s.marker for s in own)


def test_the_2025_deck_has_the_comparison_specialisation_and_map_slides():
    _, built = list(demo_decks())[1]
    keys = {s.key for s in built.slides}
    assert {
        "comparison.who",
        "comparison.counts",
        "comparison.members",
        "comparison.participation",
        "specialisation.lq",
        "map.municipalities",
    } <= keys


COMPARISON = [
    ("comparison.who", "10 klynger svarede både i 2023 og 2025 – 1 kom til, 2 faldt fra"),
    (
        "comparison.counts",
        "Blandt de samme 10 klynger: fysisk til stede 7 → 7, med aftale 8 → 8",
    ),
    (
        "comparison.members",
        "Medlemmer i regionen: ca. 375 i 2023, ca. 399 i 2025 – samme 10 klynger: 360 → 385",
    ),
    # Against a minimum and over different periods: never called growth or decline.
    (
        "comparison.participation",
        "Unikke virksomheder: mindst 1.740 i 2023, ca. 1.235 i 2025 – perioderne er forskellige",
    ),
]


@pytest.mark.parametrize(("key", "expected"), COMPARISON)
def test_it_titles_the_comparison_with_the_panels_like_for_like_figures(key, expected):
    new = demo_round_2025()
    built = deck(new, as_of=AS_OF_2025, comparison=compare_rounds(demo_round(), new))
    assert title(built, key) == expected


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            {},
            (
                "Det danske klyngelandskab",
                "Klyngerne og regionen",
                "Klyngerne i kommunerne i Region Nordjylland",
                "Samarbejdsmodeller",
            ),
        ),
        (
            {"comparison": True, "specialisation": True},
            (
                "Det danske klyngelandskab",
                "Klyngerne og regionen",
                "Udvikling siden 2023",
                "Regionens erhvervsmæssige styrker",
                "Klyngerne i kommunerne i Region Nordjylland",
                "Samarbejdsmodeller",
            ),
        ),
    ],
)
def test_the_agenda_lists_the_parts_the_deck_has(options, expected):
    new = demo_round_2025()
    if options.get("comparison"):
        options["comparison"] = compare_rounds(demo_round(), new)
    if options.get("specialisation"):
        options["specialisation"] = strengths()
    built = deck(new, as_of=AS_OF_2025, **options)
    (agenda,) = [s for s in built.slides if isinstance(s, AgendaSlide)]
    assert agenda.items == expected


def test_the_analysts_title_replaces_the_generated_one_by_key():
    own = "Vi skal have flere klynger til Nordjylland"
    built = deck(demo_round(), titles={"survey.presence": own, "landscape.clusters": "  "})
    assert title(built, "survey.presence") == own
    assert title(built, "landscape.clusters") == "De nationale klynger: ingen i registret endnu"
