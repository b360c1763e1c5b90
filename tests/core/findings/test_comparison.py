"""Round over round (spec/comparison.md): panel, entered/left, changes, movements, sentences."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from klyngeradar.core.findings.comparison import CHANGE_KEYS, compare_rounds
from klyngeradar.core.findings.comparison_sentences import comparison_sentences, signed
from klyngeradar.core.problems import InputError
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.core.surveys.responses import Response, RoundData, RoundInfo

OLD_INFO = RoundInfo(region="1081", since=date(2021, 1, 1), organisation="BRN", year=2023)
NEW_INFO = RoundInfo(region="1081", since=date(2021, 1, 1), organisation="BRN", year=2025)


def cluster(slug, *status_or_basis, **answers):
    """A response: `cluster("a", "none")`, `cluster("a", {basis}, members__region=40)`.

    A keyword `members__region=40` stands for the question ``members.region``.
    """
    status = next((a for a in status_or_basis if isinstance(a, str)), "complete")
    basis = next((a for a in status_or_basis if isinstance(a, dict)), {})
    typed = {}
    for name, value in answers.items():
        question = name.replace("__", ".", 1)
        typed[question] = frozenset(value) if isinstance(value, (list, set)) else value
    return Response(slug, status, typed, basis, name=slug.title())


def round_of(*responses, info=OLD_INFO):
    return RoundData(info=info, responses=tuple(responses))


def compare(old, new):
    return compare_rounds(round_of(*old, info=OLD_INFO), round_of(*new, info=NEW_INFO))


# --- panel, entered, left ---------------------------------------------------------------

PANEL_CASES = [
    # (old rows, new rows, panel, entered, left)
    pytest.param(
        [cluster("a"), cluster("b"), cluster("c")],
        [cluster("b"), cluster("c"), cluster("d")],
        ("b", "c"),
        ("d",),
        ("a",),
        id="overlap",
    ),
    pytest.param(
        [cluster("a"), cluster("b")],
        [cluster("c"), cluster("d")],
        (),
        ("c", "d"),
        ("a", "b"),
        id="no-overlap",
    ),
    pytest.param(
        [cluster("a"), cluster("b", "none")],
        [cluster("a", "partial"), cluster("b")],
        ("a",),
        ("b",),
        (),
        id="invited-but-silent-counts-as-not-responded",
    ),
    pytest.param(
        [cluster("z"), cluster("m"), cluster("a")],
        [cluster("m"), cluster("z"), cluster("a")],
        ("a", "m", "z"),
        (),
        (),
        id="sorted-slugs",
    ),
]


@pytest.mark.parametrize(("old", "new", "panel", "entered", "left"), PANEL_CASES)
def test_it_splits_clusters_into_panel_entered_and_left(old, new, panel, entered, left):
    result = compare(old, new)
    assert (result.panel, result.entered, result.left) == (panel, entered, left)
    data = result.to_dict()
    assert data["panel"] == {"count": len(panel), "clusters": list(panel)}
    assert data["entered"] == list(entered) and data["left"] == list(left)


# --- count changes ----------------------------------------------------------------------

COUNT_CASES = [
    # key, old rows, new rows, expected fields
    pytest.param(
        "response_rate",
        [cluster("a"), cluster("b"), cluster("c", "none")],
        [cluster("a"), cluster("b"), cluster("c"), cluster("d")],
        {"old": 2, "new": 4, "delta": 2, "old_base": 3, "new_base": 4, "old_percent": 67}
        | {"new_percent": 100, "panel_old": 2, "panel_new": 2, "panel_delta": 0},
        id="response-rate-base-is-invited",
    ),
    pytest.param(
        "physical_presence",
        [cluster("a", presence__type="none"), cluster("b", presence__type="own_office")],
        [
            cluster("a", presence__type="own_office"),
            cluster("b", presence__type="own_office"),
            cluster("c", presence__type="colocated_other"),
        ],
        {"old": 1, "new": 3, "delta": 2, "old_base": 2, "new_base": 3, "old_percent": 50}
        | {"new_percent": 100, "panel_old": 1, "panel_new": 2, "panel_delta": 1},
        id="panel-counts-only-both-round-responders",
    ),
    pytest.param(
        "dialogue_willing",
        [cluster("a"), cluster("b", dialogue__willing="yes")],
        [cluster("a", dialogue__willing="yes"), cluster("b")],
        {"old": 1, "new": 1, "delta": 0, "old_base": 2, "new_base": 2, "old_percent": 50}
        | {"new_percent": 50, "panel_old": 1, "panel_new": 1, "panel_delta": 0},
        id="unanswered-in-one-round-is-not-yes",
    ),
    pytest.param(
        "members_any",
        [cluster("a", members__region=0)],
        [cluster("b", members__region=5)],
        {"old": 0, "new": 1, "delta": 1, "old_base": 1, "new_base": 1, "old_percent": 0}
        | {"new_percent": 100, "panel_old": 0, "panel_new": 0, "panel_delta": 0},
        id="no-overlap-panel-is-zero",
    ),
]


@pytest.mark.parametrize(("key", "old", "new", "expected"), COUNT_CASES)
def test_it_sets_count_findings_side_by_side_with_the_panel(key, old, new, expected):
    assert compare(old, new).to_dict()["changes"][key] == expected


def test_it_gives_every_change_key_of_the_spec():
    result = compare([cluster("a")], [cluster("a")])
    assert list(result.to_dict()["changes"]) == list(CHANGE_KEYS)
    assert len(CHANGE_KEYS) == 16


# --- totals -----------------------------------------------------------------------------

COUNTED = {"members.region": "counted"}
ESTIMATED = {"members.region": "estimated"}

TOTAL_CASES = [
    pytest.param(
        [
            cluster("a", COUNTED, members__region=40),
            cluster("b", COUNTED, members__region=60),
        ],
        [
            cluster("a", COUNTED, members__region=50),
            cluster("b", COUNTED, members__region=70),
        ],
        {"old": 100, "new": 120, "delta": 20, "old_reported": 2, "new_reported": 2}
        | {"panel_reported": 2, "panel_old": 100, "panel_new": 120, "panel_delta": 20}
        | {"qualifiers": []},
        id="same-reporters",
    ),
    pytest.param(
        [cluster("a", COUNTED, members__region=40), cluster("b")],
        [
            cluster("a", COUNTED, members__region=50),
            cluster("b", COUNTED, members__region=70),
        ],
        {"old": 40, "new": 120, "delta": 80, "old_reported": 1, "new_reported": 2}
        | {"panel_reported": 1, "panel_old": 40, "panel_new": 50, "panel_delta": 10}
        | {"qualifiers": ["minimum"]},
        id="minimum-on-old-side-and-cluster-silent-on-the-question",
    ),
    pytest.param(
        [cluster("a", COUNTED, members__region=40)],
        [cluster("a", COUNTED, members__region=45), cluster("c")],
        {"old": 40, "new": 45, "delta": 5, "old_reported": 1, "new_reported": 1}
        | {"panel_reported": 1, "panel_old": 40, "panel_new": 45, "panel_delta": 5}
        | {"qualifiers": ["minimum"]},
        id="minimum-on-new-side",
    ),
    pytest.param(
        [cluster("a", ESTIMATED, members__region=40)],
        [cluster("a", COUNTED, members__region=45)],
        {"old": 40, "new": 45, "delta": 5, "old_reported": 1, "new_reported": 1}
        | {"panel_reported": 1, "panel_old": 40, "panel_new": 45, "panel_delta": 5}
        | {"qualifiers": ["estimates"]},
        id="estimate-in-one-round",
    ),
    pytest.param(
        [cluster("a", members__region=40), cluster("b")],
        [cluster("a", COUNTED, members__region=45), cluster("b")],
        {"old": 40, "new": 45, "delta": 5, "old_reported": 1, "new_reported": 1}
        | {"panel_reported": 1, "panel_old": 40, "panel_new": 45, "panel_delta": 5}
        | {"qualifiers": ["estimates", "minimum"]},
        id="unstated-basis-counts-as-estimate-sorted-qualifiers",
    ),
    pytest.param(
        [cluster("a")],
        [cluster("a", COUNTED, members__region=45)],
        {"old": None, "new": 45, "delta": None, "old_reported": 0, "new_reported": 1}
        | {"panel_reported": 0, "panel_old": None, "panel_new": None, "panel_delta": None}
        | {"qualifiers": ["minimum"]},
        id="nobody-reported-in-old-round-is-null-not-zero",
    ),
    pytest.param(
        [cluster("a", COUNTED, members__region=40)],
        [cluster("b", COUNTED, members__region=45)],
        {"old": 40, "new": 45, "delta": 5, "old_reported": 1, "new_reported": 1}
        | {"panel_reported": 0, "panel_old": None, "panel_new": None, "panel_delta": None}
        | {"qualifiers": []},
        id="no-overlap-panel-is-null",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), TOTAL_CASES)
def test_it_compares_totals_like_for_like_over_the_panel(old, new, expected):
    assert compare(old, new).to_dict()["changes"]["members_region"] == expected


SINCE_CASES = [
    # old since, new since, key, period_changed expected
    (date(2021, 1, 1), date(2021, 1, 1), "participation_companies", False),
    (date(2021, 1, 1), date(2024, 1, 1), "participation_companies", True),
    (date(2021, 1, 1), date(2024, 1, 1), "participation_persons", True),
    (date(2021, 1, 1), date(2024, 1, 1), "members_region", False),
    (None, date(2024, 1, 1), "participation_persons", True),
]


@pytest.mark.parametrize(("old_since", "new_since", "key", "changed"), SINCE_CASES)
def test_it_flags_participation_periods_that_differ(old_since, new_since, key, changed):
    basis = {"participation.companies": "counted", "participation.persons": "counted"}
    basis |= {"members.region": "counted"}
    row = cluster(
        "a",
        basis,
        participation__companies=10,
        participation__persons=20,
        members__region=5,
    )
    old = RoundData(dataclasses.replace(OLD_INFO, since=old_since), (row,))
    new = RoundData(dataclasses.replace(NEW_INFO, since=new_since), (row,))
    qualifiers = compare_rounds(old, new).to_dict()["changes"][key]["qualifiers"]
    assert ("period_changed" in qualifiers) is changed


def test_it_compares_municipal_agreements():
    old = [cluster("a", agreements__municipalities=["851", "813"]), cluster("b")]
    new = [
        cluster("a", agreements__municipalities=["851"]),
        cluster("b", agreements__municipalities=["860", "849"]),
    ]
    assert compare(old, new).to_dict()["changes"]["municipal_agreements"] == {
        "old": 2,
        "new": 3,
        "delta": 1,
        "old_municipalities": 2,
        "new_municipalities": 3,
        "old_clusters": 1,
        "new_clusters": 2,
    }


# --- movements --------------------------------------------------------------------------

MOVEMENT_CASES = [
    pytest.param(
        [cluster("a", presence__type="none")],
        [cluster("a", presence__type="colocated_business_hub")],
        [("a", "presence_opened", "colocated_business_hub")],
        id="presence-opened",
    ),
    pytest.param(
        [cluster("a", presence__type="own_office")],
        [cluster("a", presence__type="none")],
        [("a", "presence_closed", "own_office")],
        id="presence-closed",
    ),
    pytest.param(
        [cluster("a", presence__type="own_office")],
        [cluster("a", presence__type="colocated_other")],
        [],
        id="one-present-type-to-another-is-no-movement",
    ),
    pytest.param(
        [cluster("a", presence__type="none")],
        [cluster("a")],
        [],
        id="unanswered-in-one-round-is-no-movement",
    ),
    pytest.param(
        [cluster("a", agreements__municipalities=["851", "813"])],
        [cluster("a", agreements__municipalities=["860", "813", "99"])],
        [("a", "agreement_added", "99"), ("a", "agreement_added", "860")]
        + [("a", "agreement_ended", "851")],
        id="agreements-one-per-code-ascending",
    ),
    pytest.param(
        [cluster("a", agreements__municipalities=["851"])],
        [cluster("a", agreements__municipalities=[])],
        [("a", "agreement_ended", "851")],
        id="answered-none-ends-an-agreement",
    ),
    pytest.param(
        [cluster("a", agreements__municipalities=["851"])],
        [cluster("a")],
        [],
        id="agreements-unanswered-in-new-round-is-no-movement",
    ),
    pytest.param(
        [cluster("b", presence__type="none"), cluster("a", presence__type="none")],
        [cluster("a", presence__type="own_office"), cluster("c", presence__type="own_office")],
        [("a", "presence_opened", "own_office")],
        id="only-panel-clusters-in-slug-order",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), MOVEMENT_CASES)
def test_it_lists_what_each_panel_cluster_changed(old, new, expected):
    found = [(m.cluster, m.change, m.detail) for m in compare(old, new).movements]
    assert found == expected


# --- refusals and warnings --------------------------------------------------------------


def test_it_refuses_rounds_of_different_regions_with_one_problem_naming_both():
    other = dataclasses.replace(NEW_INFO, region="1082")
    with pytest.raises(InputError) as refused:
        compare_rounds(round_of(cluster("a")), round_of(cluster("a"), info=other))
    assert len(refused.value.problems) == 1
    text = str(refused.value.problems[0])
    assert "1081 (Region Nordjylland)" in text and "1082 (Region Midtjylland)" in text
    assert "forskellige regioner" in refused.value.problems[0].text("da")


def test_it_says_so_when_the_rounds_are_identical_and_compares_anyway():
    result = compare_rounds(demo_round(), demo_round())
    assert any("identical" in str(w) for w in result.warnings)
    assert result.changes["members_region"].delta == 0
    assert result.panel == tuple(sorted(f"klynge-{c}" for c in "abcdefghijkl"))


def test_it_warns_when_the_old_round_is_the_later_one():
    result = compare_rounds(round_of(cluster("a"), info=NEW_INFO), round_of(cluster("a")))
    assert any("later" in str(w) for w in result.warnings)


def test_it_returns_frozen_results():
    result = compare([cluster("a")], [cluster("a")])
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.panel = ()
    with pytest.raises(TypeError):
        result.changes["members_region"] = None


# --- sentences --------------------------------------------------------------------------


def _sentence(result, key, lang="da"):
    return next(s.text for s in comparison_sentences(result, lang) if s.key == key)


@pytest.mark.parametrize(
    ("number", "lang", "text"),
    [(35, "da", "+35"), (-1200, "da", "-1.200"), (0, "da", "±0"), (1200, "en", "+1,200")]
    + [(None, "da", "–")],
)
def test_it_signs_differences(number, lang, text):
    assert signed(number, lang) == text


def test_it_says_the_like_for_like_figure_when_the_panel_differs():
    old = [cluster("a", ESTIMATED, members__region=340), cluster("b", COUNTED, members__region=35)]
    new = [cluster("a", ESTIMATED, members__region=372), cluster("c", COUNTED, members__region=38)]
    result = compare(old, new)
    assert _sentence(result, "members_region") == (
        "Klyngerne har ca. 410 medlemmer i regionen i 2025 mod ca. 375 i 2023 (+35). "
        "Hos den ene klynge, der har oplyst tallet begge år: 340 → 372 (+32)"
    )
    assert _sentence(result, "members_region", "en") == (
        "The clusters have about 410 members in the region in 2025, against about 375 in 2023 "
        "(+35). For the one cluster that reported the figure in both years: 340 → 372 (+32)"
    )


def test_it_never_calls_a_change_against_a_minimum_growth():
    old = [cluster("a", COUNTED, members__region=40), cluster("b")]
    new = [cluster("a", COUNTED, members__region=50), cluster("b", COUNTED, members__region=70)]
    text = _sentence(compare(old, new), "members_region")
    assert "mindst 40" in text and "minimum" in text
    assert "ikke nødvendigvis en vækst" in text


def test_it_names_who_entered_and_who_left():
    result = compare([cluster("a"), cluster("b")], [cluster("b"), cluster("c")])
    assert _sentence(result, "entered_left") == (
        "Siden 2023 er 1 klynge kommet til (C), og 1 klynge er faldet fra (A)"
    )
    assert _sentence(result, "entered_left", "en") == (
        "Since 2023, 1 cluster has entered (C) and 1 cluster has left (A)"
    )


def test_it_labels_a_round_without_a_year_by_its_title():
    old = RoundData(RoundInfo(region="1081", title="Runde et"), (cluster("a"),))
    new = RoundData(RoundInfo(region="1081", title="Runde to"), (cluster("a"),))
    assert "i Runde to (100 %) mod 1 af 1 i Runde et" in _sentence(
        compare_rounds(old, new), "response_rate"
    )


def test_it_says_a_participation_figure_covers_another_period():
    basis = {"participation.persons": "counted"}
    old = RoundData(OLD_INFO, (cluster("a", basis, participation__persons=10),))
    new_info = dataclasses.replace(NEW_INFO, since=date(2024, 1, 1))
    new = RoundData(new_info, (cluster("a", basis, participation__persons=20),))
    text = _sentence(compare_rounds(old, new), "participation_persons")
    assert "perioderne er forskellige: fra 1. januar 2021 og fra 1. januar 2024" in text


def test_it_gives_a_sentence_for_every_change_in_both_languages():
    result = compare_rounds(demo_round(), demo_round())
    for lang in ("da", "en"):
        keys = [s.key for s in comparison_sentences(result, lang)]
        assert keys == ["panel", "entered_left", *CHANGE_KEYS, "movements"]
