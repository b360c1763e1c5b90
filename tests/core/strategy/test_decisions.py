"""The analyst's decisions beside the rules' recommendations: accept, change, reject, stale."""

from __future__ import annotations

from datetime import datetime

import pytest

from klyngeradar.core.problems import InputError
from klyngeradar.core.strategy.decisions import AnalystDecision, apply_decisions
from klyngeradar.core.strategy.plan import demo_strategy
from klyngeradar.core.strategy.recommendations import Thresholds, recommend
from klyngeradar.core.surveys.demo import demo_round

AT = datetime(2023, 10, 3, 14, 5)


@pytest.fixture(scope="module")
def recommendations():
    return recommend(demo_round(), strategy=demo_strategy())


def decision(kind, subject, verdict, model, recommended, reason=None):
    return AnalystDecision(
        subject_kind=kind,
        subject=subject,
        verdict=verdict,
        model=model,
        recommended=recommended,
        reason=reason,
        decided_by="Anna Analytiker",
        decided_at=AT,
    )


CMA, CONCRETE, CALL, SHARED = (
    "cross_municipal_agreement",
    "concrete_collaboration",
    "targeted_call",
    "shared_environment",
)


@pytest.mark.parametrize(
    ("given", "status", "model", "stale"),
    [
        pytest.param(
            decision("cluster", "klynge-a", "accepted", CMA, CMA),
            "accepted",
            CMA,
            False,
            id="accept",
        ),
        pytest.param(
            decision("cluster", "klynge-a", "changed", CALL, CMA, "Passer til udbuddet"),
            "changed",
            CALL,
            False,
            id="change",
        ),
        pytest.param(
            decision("cluster", "klynge-a", "rejected", None, CMA, "Ingen kapacitet i år"),
            "rejected",
            None,
            False,
            id="reject",
        ),
        pytest.param(
            decision("cluster", "klynge-a", "accepted", CONCRETE, CONCRETE),
            "accepted",
            CONCRETE,
            True,
            id="stale: the recommendation changed since",
        ),
        pytest.param(
            decision("cluster", "klynge-m", "accepted", None, None),
            "accepted",
            None,
            False,
            id="accepting keep informed",
        ),
        pytest.param(
            decision("effort", "arbejdskraft", "rejected", None, CALL, "Dækket af et andet udbud"),
            "rejected",
            None,
            False,
            id="effort level",
        ),
        pytest.param(
            decision("region", SHARED, "changed", CMA, SHARED, "Kontorfællesskab findes allerede"),
            "changed",
            CMA,
            False,
            id="region level",
        ),
    ],
)
def test_it_sets_the_decision_beside_the_unchanged_recommendation(
    recommendations, given, status, model, stale
):
    decided = apply_decisions(recommendations, [given])

    item = decided.get(given.subject_kind, given.subject)
    assert item.decision == given
    assert (item.status, item.model, item.stale) == (status, model, stale)
    assert decided.recommendations is recommendations
    assert decided.decided
    assert decided.stale == ((item,) if stale else ())
    others = [i for i in decided.items if i is not item]
    assert all(i.decision is None and i.status == "undecided" for i in others)


def test_it_keeps_the_rules_recommendation_next_to_a_changed_decision(recommendations):
    decided = apply_decisions(
        recommendations, [decision("cluster", "klynge-a", "changed", CALL, CMA, "Udbud")]
    )

    item = decided.get("cluster", "klynge-a")
    assert item.recommended == CMA == recommendations.for_cluster("klynge-a").model
    assert item.label == "Klynge A"


def test_it_lists_every_recommendation_undecided_without_decisions(recommendations):
    decided = apply_decisions(recommendations, [])

    assert not decided.decided
    assert [i.subject for i in decided.clusters] == [r.cluster for r in recommendations.clusters]
    assert [i.subject for i in decided.efforts] == [
        c.effort.slug for c in recommendations.effort_calls
    ]
    assert [(i.subject, i.label) for i in decided.region] == [(SHARED, None)]
    assert all(i.status == "undecided" and not i.stale for i in decided.items)
    assert decided.get("cluster", "klynge-g").model == CONCRETE
    assert decided.unmatched == ()


def test_it_keeps_a_decision_whose_recommendation_is_no_longer_given():
    strict = recommend(demo_round(), strategy=demo_strategy(), thresholds=Thresholds(high_fit=5))
    assert strict.region == ()
    gone = decision("region", SHARED, "accepted", SHARED, SHARED)
    moved = decision("cluster", "klynge-d", "accepted", CMA, CMA)

    decided = apply_decisions(strict, [gone, moved])

    assert decided.get("region", SHARED) is None
    assert [(i.decision, i.recommended, i.stale) for i in decided.unmatched] == [(gone, None, True)]
    assert decided.get("cluster", "klynge-d").recommended is None
    assert decided.get("cluster", "klynge-d").stale
    assert decided.decided


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"subject_kind": "kommune"}, "must be cluster, effort or region"),
        ({"verdict": "maybe"}, "must be accepted, changed or rejected"),
        ({"verdict": "changed", "model": None, "reason": "x"}, "names the chosen model"),
        ({"verdict": "changed", "model": CMA, "reason": "x"}, "chooses another model"),
        ({"verdict": "changed", "model": CALL, "reason": "  "}, "needs a written reason"),
        ({"verdict": "rejected", "model": None, "reason": None}, "needs a written reason"),
        ({"verdict": "rejected", "model": CMA, "reason": "x"}, "has no model"),
        ({"verdict": "accepted", "model": CALL}, "keeps the recommended model"),
        ({"model": "lunch"}, "is not a collaboration model"),
        ({"subject": ""}, "is required"),
    ],
)
def test_it_refuses_an_inconsistent_decision(fields, message):
    values = {
        "subject_kind": "cluster",
        "subject": "klynge-a",
        "verdict": "accepted",
        "model": CMA,
        "recommended": CMA,
    } | fields

    with pytest.raises(InputError) as error:
        AnalystDecision(**values)

    assert message in str(error.value)


def test_it_refuses_two_decisions_on_the_same_recommendation(recommendations):
    first = decision("cluster", "klynge-a", "accepted", CMA, CMA)
    second = decision("cluster", "klynge-a", "rejected", None, CMA, "Alligevel ikke")

    with pytest.raises(InputError, match="two decisions on the same recommendation"):
        apply_decisions(recommendations, [first, second])
