"""No text of the deck says "1 klynger": every count agrees with its noun (and verb, in English).

Every text of the laid-out deck is scanned: titles, markers, notes, footnotes, bullets,
table cells, chart and map labels. The decks are the 2023 and 2025 demo rounds and tiny
rounds (1 and 2 clusters, and one where each count is exactly one), in Danish and English.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from datetime import date

import pytest

from klyngeradar.core.findings.comparison import compare_rounds
from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.registry.landscape import business_models
from klyngeradar.core.registry.programmes import reference_programmes
from klyngeradar.core.registry.reference import reference_clusters, reference_landscape_facts
from klyngeradar.core.reports.layout import layout_deck
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.reports.scaled import scaled_round
from klyngeradar.core.strategy.plan import demo_strategy
from klyngeradar.core.strategy.recommendations import recommend
from klyngeradar.core.surveys.demo import demo_round, demo_round_2025

PLURALS = (
    "klynger|aftaler|kommuner|virksomheder|indsatser|medlemmer|deltagere|aktører|citater|"
    "besvarelser|satsninger|skøn|clusters|agreements|municipalities|companies|efforts|members|"
    "participants|estimates|actors|quotes|responses|calls|inputs"
)
# "1 klynger", "1 af 1 klynger" (but "1 af 12 klynger" is right); in English also the verb
# after one: "1 of 12 clusters are", "1 cluster have", "the 1 cluster that are".
WRONG = re.compile(
    rf"(?<![\d.,])1 (?:(?:af|of) 1 )?(?:{PLURALS})\b"
    r"|(?<![\d.,])1 (?:of \d+ clusters? )?(?:are|have|want|work|plan)\b"
    r"|(?<![\d.,])1 (?:cluster|municipality|agreement) (?:that )?(?:are|have|want|work)\b"
)


def texts(value, where="deck"):
    """Every string in the deck spec, with where it sits."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from texts(item, f"{where}[{index}]")
    elif is_dataclass(value):
        for field in fields(value):
            yield from texts(getattr(value, field.name), f"{where}.{field.name}")


def one_of_each():
    """Two clusters: one present in one municipality with one member and one agreement."""
    round = scaled_round(2)
    first, second = round.responses
    first = replace(
        first,
        answers={
            **first.answers,
            "presence.type": "own_office",
            "presence.municipalities": frozenset({"851"}),
            "partners.municipalities": frozenset({"851"}),
            "agreements.municipalities": frozenset({"851"}),
            "agreements.actors": frozenset({"brn"}),
            "members.region": 1,
            "members.region_50plus": 1,
            "members.region_under50": 0,
            "participation.companies": 1,
            "participation.persons": 1,
        },
        basis={**first.basis, "members.region": "estimated"},
    )
    second = replace(
        second,
        answers={
            key: value
            for key, value in {
                **second.answers,
                "presence.type": "none",
                "presence.planned": "yes",
                "dialogue.willing": "no",
                "agreements.actors": frozenset(),
                "agreements.municipalities": frozenset(),
            }.items()
            if key not in ("presence.municipalities", "members.region", "agreements.other")
        },
        basis={key: value for key, value in second.basis.items() if key != "members.region"},
    )
    return replace(round, responses=(first, second))


def with_year(round, year):
    return replace(round, info=replace(round.info, year=year, title=f"Runde {year}"))


def full_deck(round, lang, as_of, *, strategy=True, comparison=None):
    strategy = demo_strategy() if strategy else None
    return layout_deck(
        build_deck(
            round,
            findings=compute_findings(round),
            recommendations=recommend(round, strategy=strategy),
            clusters=reference_clusters(),
            landscape=business_models(
                reference_clusters(), reference_landscape_facts(), as_of=as_of
            ),
            programmes=reference_programmes(),
            strategy=strategy,
            lang=lang,
            as_of=as_of,
            comparison=comparison,
        )
    )


Y2023, Y2025 = date(2023, 12, 31), date(2025, 12, 31)
DECKS = {
    "2023": lambda lang: full_deck(demo_round(), lang, Y2023),
    "2023 without a strategy": lambda lang: full_deck(demo_round(), lang, Y2023, strategy=False),
    "2025 with the comparison": lambda lang: full_deck(
        demo_round_2025(), lang, Y2025, comparison=compare_rounds(demo_round(), demo_round_2025())
    ),
    "1 cluster": lambda lang: full_deck(scaled_round(1), lang, Y2023),
    "2 clusters": lambda lang: full_deck(scaled_round(2), lang, Y2023),
    "2 clusters and 1 effort": lambda lang: full_deck(
        scaled_round(2, 1), lang, Y2023, strategy=False
    ),
    "one of each": lambda lang: full_deck(one_of_each(), lang, Y2023),
    "one of each, compared": lambda lang: full_deck(
        with_year(one_of_each(), 2025),
        lang,
        Y2025,
        comparison=compare_rounds(with_year(scaled_round(1), 2023), with_year(one_of_each(), 2025)),
    ),
}


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("name", list(DECKS))
def test_no_text_of_the_deck_puts_one_before_a_plural(name, lang):
    deck = DECKS[name](lang)
    wrong = sorted(
        {
            f"{where}: …{text[max(0, m.start() - 40) : m.end() + 20]}…"
            for where, text in texts(deck)
            for m in WRONG.finditer(text)
        }
    )
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("– ukendt (1 klynger)", True),
        ("1 af 1 klynger har højt fit", True),
        ("1 aftaler med 1 kommuner", True),
        ("1 of 1 cluster are physically present", True),
        ("The 1 cluster that are present", True),
        ("1 want a closer dialogue", True),
        ("1 af 12 klynger er fysisk til stede", False),
        ("1 af 1 klynge har svaret", False),
        ("1 of 12 clusters is present", False),
        ("1.740 unikke virksomheder", False),
        ("11 klynger", False),
        ("2021 klynger", False),
    ],
)
def test_the_scan_tells_a_wrong_plural_from_a_right_one(text, wrong):
    assert bool(WRONG.search(text)) is wrong


@pytest.mark.parametrize(
    ("count", "da", "en"),
    [
        (1, "K1", "K1"),
        (3, "K1, K2 og K3", "K1, K2 and K3"),
        (5, "K1, K2, K3, K4 og K5", "K1, K2, K3, K4 and K5"),  # never "og 1 andre"
        (6, "K1, K2, K3, K4 og 2 andre", "K1, K2, K3, K4 and 2 others"),
    ],
)
def test_a_list_of_names_never_ends_in_one_other(count, da, en):
    from datetime import date

    from klyngeradar.core.findings.rules import compute_findings
    from klyngeradar.core.reports.outline_base import Context
    from klyngeradar.core.surveys.demo import demo_round

    round = demo_round()
    findings = compute_findings(round)
    names = [f"K{n}" for n in range(1, count + 1)]
    for lang, expected in (("da", da), ("en", en)):
        ctx = Context(round, findings, lang, date(2023, 10, 1), "BRN")
        assert ctx.names(names, 4) == expected
