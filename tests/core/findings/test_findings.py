"""The findings rules of spec/findings.md, one table per rule."""

from datetime import date

import pytest

from klyngeradar.core.findings.rules import FINDING_KEYS, compute_findings
from klyngeradar.core.problems import InputError
from klyngeradar.core.surveys.responses import Choice, Response, RoundData, RoundInfo

NONE = frozenset()


def cluster(slug, status="complete", basis=None, **answers):
    """A response; keyword answers use ``__`` for the dot (``members__region=40``)."""
    answers = {key.replace("__", "."): value for key, value in answers.items()}
    basis = {key.replace("__", "."): value for key, value in (basis or {}).items()}
    return Response(slug, status, answers, basis)


def round_of(*responses, **kwargs):
    info = RoundInfo(region="1081", since=date(2021, 1, 1), organisation="BRN", title="Test")
    return RoundData(info, tuple(responses), **kwargs)


def findings_of(*responses, **kwargs):
    return compute_findings(round_of(*responses, **kwargs))


def test_it_gives_every_key_of_the_spec_in_order():
    data = findings_of(cluster("a")).to_dict()
    assert tuple(data) == FINDING_KEYS
    assert len(FINDING_KEYS) == 19


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (
            ["complete"] * 12 + ["none"],
            {"count": 12, "complete": 12, "partial": 0, "base": 13, "percent": 92},
        ),
        (
            ["complete", "partial", "none"],
            {"count": 2, "complete": 1, "partial": 1, "base": 3, "percent": 67},
        ),
        (["none", "none"], {"count": 0, "complete": 0, "partial": 0, "base": 2, "percent": 0}),
        ([], {"count": 0, "complete": 0, "partial": 0, "base": 0, "percent": None}),
        (
            ["complete", "none", "none", "none", "none", "none", "none", "none"],
            {"count": 1, "complete": 1, "partial": 0, "base": 8, "percent": 13},
        ),
    ],
)
def test_it_counts_responders_against_the_invited(statuses, expected):
    found = findings_of(*(cluster(f"k{i}", s) for i, s in enumerate(statuses)))
    assert found.to_dict()["response_rate"] == expected


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (["yes", "yes", "maybe", "no"], {"count": 2, "maybe": 1, "answered": 4, "base": 4}),
        (["yes", None, None], {"count": 1, "maybe": 0, "answered": 1, "base": 3}),
        ([None, None], {"count": 0, "maybe": 0, "answered": 0, "base": 2}),
    ],
)
def test_it_counts_yes_and_maybe_on_a_three_way_question(answers, expected):
    rows = [
        cluster(f"k{i}", **({"dialogue__willing": a} if a else {})) for i, a in enumerate(answers)
    ]
    assert findings_of(*rows).to_dict()["dialogue_willing"] == expected
    rows = [
        cluster(f"k{i}", **({"presence__planned": a} if a else {})) for i, a in enumerate(answers)
    ]
    assert findings_of(*rows).to_dict()["presence_planned"] == expected


@pytest.mark.parametrize(
    ("types", "count", "answered"),
    [
        (["own_office", "colocated_business_hub", "colocated_other", "none"], 3, 4),
        (["none", None], 0, 1),
        ([None], 0, 0),
    ],
)
def test_it_counts_physical_presence_with_all_four_types(types, count, answered):
    rows = [cluster(f"k{i}", **({"presence__type": t} if t else {})) for i, t in enumerate(types)]
    finding = findings_of(*rows).physical_presence
    assert (finding.count, finding.answered, finding.base) == (count, answered, len(types))
    assert list(finding.by_type) == [
        "own_office",
        "colocated_business_hub",
        "colocated_other",
        "none",
    ]


@pytest.mark.parametrize(
    ("answers", "has_partner", "answered"),
    [
        ({"partners__actors": frozenset({"aau"})}, True, True),
        ({"partners__municipalities": frozenset({"851"})}, True, True),
        ({"partners__other": "Lokale erhvervsråd"}, True, True),
        ({"partners__actors": NONE}, False, True),
        ({"partners__actors": NONE, "partners__municipalities": NONE}, False, True),
        ({}, False, False),
    ],
)
def test_it_counts_a_partner_from_any_partner_question(answers, has_partner, answered):
    finding = findings_of(cluster("a", **answers)).partners_any
    assert (finding.count, finding.answered) == (int(has_partner), int(answered))


def test_it_maps_partners_by_actor_and_municipality_in_the_rounds_order():
    found = findings_of(
        cluster(
            "a",
            partners__actors=frozenset({"ucn", "aau"}),
            partners__municipalities=frozenset({"851"}),
        ),
        cluster("b", partners__actors=frozenset({"aau", "zz-unknown"})),
        actors=(Choice("aau", "Aalborg Universitet"), Choice("ucn", "UCN")),
        municipalities=(Choice("851", "Aalborg"), Choice("773", "Morsø")),
    )
    assert found.to_dict()["partners_any"]["by_actor"] == {"aau": 2, "ucn": 1, "zz-unknown": 1}
    assert found.to_dict()["partners_any"]["by_municipality"] == {"851": 1}


@pytest.mark.parametrize(
    ("values", "count", "answered"),
    [([40, 0, None], 1, 2), ([None], 0, 0), ([1, 2], 2, 2)],
)
def test_it_counts_clusters_with_members_in_the_region(values, count, answered):
    rows = [
        cluster(f"k{i}", **({"members__region": v} if v is not None else {}))
        for i, v in enumerate(values)
    ]
    finding = findings_of(*rows).members_any
    assert (finding.count, finding.answered) == (count, answered)


@pytest.mark.parametrize(
    ("values", "bases", "expected"),
    [
        (
            [100, 50, None],
            ["counted", "estimated", None],
            {
                "total": 150,
                "reported": 2,
                "base": 3,
                "estimated": 1,
                "unstated": 0,
                "minimum": True,
            },
        ),
        (
            [10, 20],
            [None, "counted"],
            {
                "total": 30,
                "reported": 2,
                "base": 2,
                "estimated": 0,
                "unstated": 1,
                "minimum": False,
            },
        ),
        (
            [0],
            ["counted"],
            {"total": 0, "reported": 1, "base": 1, "estimated": 0, "unstated": 0, "minimum": False},
        ),
        (
            [None, None],
            [None, None],
            {
                "total": None,
                "reported": 0,
                "base": 2,
                "estimated": 0,
                "unstated": 0,
                "minimum": True,
            },
        ),
    ],
)
@pytest.mark.parametrize(
    ("key", "question"),
    [
        ("members_national", "members.national"),
        ("members_region", "members.region"),
        ("members_region_50plus", "members.region_50plus"),
        ("members_region_under50", "members.region_under50"),
        ("participation_persons", "participation.persons"),
    ],
)
def test_it_sums_whole_numbers_with_their_basis(key, question, values, bases, expected):
    rows = []
    for i, (value, basis) in enumerate(zip(values, bases, strict=True)):
        answers = {question: value} if value is not None else {}
        rows.append(Response(f"k{i}", "complete", answers, {question: basis} if basis else {}))
    assert findings_of(*rows).to_dict()[key] == expected


@pytest.mark.parametrize(("reported", "overlap"), [(0, False), (1, False), (2, True), (3, True)])
def test_it_flags_possible_overlap_when_several_clusters_report_unique_companies(reported, overlap):
    rows = [cluster(f"k{i}", participation__companies=10) for i in range(reported)]
    rows.append(cluster("silent"))
    finding = findings_of(*rows).to_dict()["participation_companies"]
    assert finding["overlap_possible"] is overlap
    assert "overlap_possible" not in findings_of(*rows).to_dict()["participation_persons"]


def test_it_never_turns_a_total_nobody_reported_into_zero():
    assert findings_of().members_region.total is None
    assert findings_of(cluster("a"), cluster("b", "none")).participation_companies.total is None


def test_it_counts_activities_and_their_types():
    finding = findings_of(
        cluster(
            "a", activities__in_region="yes", activities__types=frozenset({"webinar", "network"})
        ),
        cluster("b", activities__in_region="no", activities__types=NONE),
        cluster("c"),
    ).to_dict()["activities_in_region"]
    assert finding == {
        "count": 1,
        "answered": 2,
        "base": 3,
        "by_type": {"network": 1, "webinar": 1},
    }


@pytest.mark.parametrize(
    ("answers", "any_", "none", "answered"),
    [
        ({"agreements__actors": frozenset({"brn"})}, 1, 0, 1),
        ({"agreements__municipalities": frozenset({"851"})}, 1, 0, 1),
        ({"agreements__other": "Green Hub Denmark"}, 1, 0, 1),
        ({"agreements__actors": NONE, "agreements__municipalities": NONE}, 0, 1, 1),
        ({"agreements__actors": NONE}, 0, 1, 1),
        ({"agreements__actors": NONE, "agreements__other": "Hydrogen Valley"}, 1, 0, 1),
        ({"agreements__actors": NONE, "agreements__municipalities": frozenset({"851"})}, 1, 0, 1),
        ({"agreements__description": "Tekst uden parter"}, 0, 0, 0),
        ({}, 0, 0, 0),
    ],
)
def test_it_tells_clusters_with_agreements_from_those_without(answers, any_, none, answered):
    found = findings_of(cluster("a", **answers))
    assert (found.agreements_any.count, found.agreements_any.answered) == (any_, answered)
    assert (found.agreements_none.count, found.agreements_none.answered) == (none, answered)


def test_it_counts_one_municipal_agreement_per_cluster_and_municipality():
    found = findings_of(
        cluster("a", agreements__municipalities=frozenset({"851", "813", "860", "849"})),
        cluster("b", agreements__municipalities=frozenset({"851", "787"})),
        cluster("c", agreements__municipalities=frozenset({"851"})),
        cluster("d", agreements__municipalities=NONE),
        cluster("e"),
        municipalities=(
            Choice("787", "Thisted"),
            Choice("813", "Frederikshavn"),
            Choice("849", "Jammerbugt"),
            Choice("851", "Aalborg"),
            Choice("860", "Hjørring"),
        ),
    )
    assert found.to_dict()["municipal_agreements"] == {
        "agreements": 7,
        "municipalities": 5,
        "clusters": 3,
        "max_per_cluster": 4,
        "by_municipality": {"787": 1, "813": 1, "849": 1, "851": 3, "860": 1},
    }
    assert found.municipal_agreements.answered == 4


def test_it_has_no_largest_holder_when_there_are_no_municipal_agreements():
    finding = findings_of(cluster("a", agreements__municipalities=NONE)).municipal_agreements
    assert (finding.agreements, finding.clusters, finding.max_per_cluster) == (0, 0, None)


def test_it_counts_strategy_efforts_in_the_rounds_order():
    found = findings_of(
        cluster("a", strategy__efforts=frozenset({"groen", "digital"})),
        cluster("b", strategy__efforts=frozenset({"groen"})),
        cluster("c", strategy__efforts=NONE),
        cluster("d"),
        efforts=(
            Choice("digital", "Digitalisering"),
            Choice("groen", "Grøn omstilling"),
            Choice("eksport", "Eksport"),
        ),
    )
    assert found.to_dict()["strategy_support"] == {
        "answered": 3,
        "base": 4,
        "by_effort": {"digital": 1, "groen": 2},
    }


def test_it_splits_members_by_physical_presence():
    found = findings_of(
        cluster("a", presence__type="own_office", members__region=80),
        cluster("b", presence__type="colocated_business_hub"),
        cluster("c", presence__type="none", members__region=12),
        cluster("d", presence__type="none", members__region=6),
        cluster("e", members__region=99),
        cluster("f", "none"),
    )
    assert found.to_dict()["presence_vs_members"] == {
        "present": {"clusters": 2, "members_region": 80},
        "absent": {"clusters": 2, "members_region": 18},
    }
    assert found.presence_vs_members.present.reported == 1


def test_it_gives_no_member_sum_for_a_group_nobody_reported_for():
    found = findings_of(cluster("a", presence__type="none"))
    assert found.presence_vs_members.absent.members_region is None
    assert found.presence_vs_members.present.clusters == 0


@pytest.mark.parametrize(
    ("answers", "checks"),
    [
        (dict(members__region=40, members__region_50plus=10, members__region_under50=30), []),
        (
            dict(members__region=40, members__region_50plus=10, members__region_under50=20),
            ["members_split_sum"],
        ),
        (dict(members__region=40, members__region_50plus=10), []),
        (dict(members__region=40, members__national=30), ["members_region_above_national"]),
        (dict(members__region=40, members__national=40), []),
        (
            dict(
                members__region=40,
                members__national=30,
                members__region_50plus=1,
                members__region_under50=1,
            ),
            ["members_split_sum", "members_region_above_national"],
        ),
    ],
)
def test_it_checks_that_member_figures_hang_together(answers, checks):
    issues = findings_of(cluster("a", **answers)).to_dict()["consistency"]
    assert [issue["check"] for issue in issues] == checks
    assert all(issue["cluster"] == "a" and issue["detail"] for issue in issues)


def test_it_computes_an_empty_round_without_a_crash():
    data = findings_of().to_dict()
    assert data["response_rate"]["percent"] is None
    assert data["members_region"]["total"] is None
    assert data["physical_presence"]["by_type"] == {
        "own_office": 0,
        "colocated_business_hub": 0,
        "colocated_other": 0,
        "none": 0,
    }
    assert data["consistency"] == []


def test_it_ignores_the_answers_of_partial_responses_only_where_they_are_missing():
    found = findings_of(
        cluster("a", "partial", members__region=10),
        cluster("b", "complete", members__region=5, dialogue__willing="yes"),
    )
    assert found.members_region.total == 15 and found.members_region.minimum is False
    assert (found.dialogue_willing.count, found.dialogue_willing.answered) == (1, 1)
    assert found.response_rate.partial == 1


def test_it_shows_the_clusters_behind_a_figure():
    found = findings_of(
        cluster("a", members__region=80, basis={"members__region": "estimated"}),
        cluster("b"),
        cluster("c", "none"),
    )
    rows = found.detail("members_region")
    assert [(r.cluster, r.outcome, r.value, r.basis) for r in rows] == [
        ("a", "included", 80, "estimated"),
        ("b", "unanswered", None, None),
        ("c", "no_response", None, None),
    ]
    with pytest.raises(KeyError):
        found.detail("nonsense")


def test_it_shows_multi_answers_behind_a_figure_as_sorted_codes():
    found = findings_of(
        cluster("a", agreements__actors=frozenset({"ucn", "brn"})),
        cluster("b", agreements__actors=NONE),
    )
    assert [(r.outcome, r.value) for r in found.detail("agreements_none")] == [
        ("excluded", ("brn", "ucn")),
        ("included", ()),
    ]


def test_it_returns_frozen_results():
    found = findings_of(cluster("a", partners__actors=frozenset({"aau"})))
    with pytest.raises(AttributeError):
        found.responded = 3
    with pytest.raises(TypeError):
        found.partners_any.by_actor["aau"] = 5


@pytest.mark.parametrize(
    ("responses", "column"),
    [
        ((cluster("a"), cluster("a")), "cluster"),
        ((cluster("a", "maybe"),), "status"),
        ((cluster("a", "none", members__region=3),), "status"),
        ((cluster("a", members__region=-1),), "members.region"),
        ((cluster("a", members__region="40"),), "members.region"),
        ((cluster("a", members__region=True),), "members.region"),
        ((cluster("a", partners__actors={"aau"}),), "partners.actors"),
        ((cluster("a", presence__type="office"),), "presence.type"),
        ((cluster("a", dialogue__willing="ja"),), "dialogue.willing"),
        ((cluster("a", activities__in_region="maybe"),), "activities.in_region"),
        ((cluster("a", partners__other=""),), "partners.other"),
        ((cluster("a", basis={"members__region": "counted"}),), "members.region.basis"),
        (
            (cluster("a", members__region=4, basis={"members__region": "guessed"}),),
            "members.region.basis",
        ),
    ],
)
def test_it_refuses_a_round_it_cannot_trust(responses, column):
    with pytest.raises(InputError) as refused:
        compute_findings(round_of(*responses))
    assert [p.column for p in refused.value.problems] == [column]


def test_it_lists_every_problem_at_once():
    with pytest.raises(InputError) as refused:
        findings_of(cluster("a", members__region=-1, presence__type="x"), cluster("b", "maybe"))
    assert len(refused.value.problems) == 3
