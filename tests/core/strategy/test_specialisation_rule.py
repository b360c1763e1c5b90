"""The optional rule fact "the region is specialised in the cluster's area" (LQ ≥ a bar)."""

from decimal import Decimal

import pytest

from klyngeradar.core.problems import InputError
from klyngeradar.core.specialisation.quotients import AreaLq
from klyngeradar.core.strategy.plan import Effort, Strategy
from klyngeradar.core.strategy.recommendations import Thresholds, reason_text, recommend
from klyngeradar.core.surveys.responses import Response, RoundData, RoundInfo

STRATEGY = Strategy("V", (Effort("a", "Effort A"),))
HIGH_FIT = Response("high", "complete", {"strategy.efforts": frozenset({"a"})}, name="HIGH")
LOW_FIT = Response("low", "complete", {"strategy.efforts": frozenset()}, name="LOW")
ROUND = RoundData(RoundInfo(), (HIGH_FIT, LOW_FIT))


def lq(value):
    return AreaLq(
        "energiteknologi", "Energiteknologi", None if value is None else Decimal(value), 2023
    )


def codes(result, cluster):
    return [r.code for r in result.for_cluster(cluster).reasons]


@pytest.mark.parametrize(
    ("specialisation", "bar", "listed"),
    [
        (None, Decimal("1.2"), False),  # no statistics: the rule is off
        ({"high": lq("1.32")}, Decimal("1.2"), True),
        ({"high": lq("1.20")}, Decimal("1.2"), True),  # at the bar counts
        ({"high": lq("1.19")}, Decimal("1.2"), False),
        ({"high": lq(None)}, Decimal("1.2"), False),  # unknown LQ never fires
        ({"high": lq("1.32")}, None, False),  # the round turned it off
        ({}, Decimal("1.2"), False),  # a cluster without an area
    ],
)
def test_it_lists_the_specialisation_among_the_reasons_only_when_it_fired(
    specialisation, bar, listed
):
    result = recommend(
        ROUND,
        strategy=STRATEGY,
        thresholds=Thresholds(specialised_lq=bar),
        specialisation=specialisation,
    )
    assert ("specialised" in codes(result, "high")) is listed
    assert result.for_cluster("high").model == "concrete_collaboration"


def test_it_never_lists_it_for_a_cluster_that_is_only_kept_informed():
    result = recommend(ROUND, strategy=STRATEGY, specialisation={"low": lq("3.00")})
    assert "specialised" not in codes(result, "low")
    assert result.for_cluster("low").model is None


def test_it_says_the_fact_with_the_lq_the_year_and_the_bar():
    result = recommend(ROUND, strategy=STRATEGY, specialisation={"high": lq("1.32")})
    reason = result.for_cluster("high").reasons[1]
    assert reason_text(reason, "da") == (
        "Regionen er specialiseret i klyngens område (Energiteknologi): LQ 1,32 i 2023 "
        "(grænse 1,20)."
    )
    assert reason_text(reason, "en").startswith(
        "The region is specialised in the cluster's area (Energiteknologi): LQ 1.32 in 2023"
    )


@pytest.mark.parametrize("bar", [Decimal(0), Decimal("-1"), 1.2, "1,2"])
def test_it_refuses_a_bar_that_is_not_a_number_above_zero(bar):
    with pytest.raises(InputError, match="specialised_lq"):
        Thresholds(specialised_lq=bar)
