import pytest

from klyngeradar.core.problems import InputError
from klyngeradar.core.strategy.engagement import COMPONENTS, EngagementWeights, engagement
from klyngeradar.core.surveys.responses import Response, RoundData, RoundInfo


def answered(cluster, **answers):
    """A complete response; keys use __ for the dot of a question id."""
    values = {
        k.replace("__", "."): frozenset(v) if isinstance(v, set) else v for k, v in answers.items()
    }
    return Response(cluster, "complete", values)


def score_of(*responses, weights=None, cluster=None):
    result = engagement(RoundData(RoundInfo(), tuple(responses)), weights)
    return result.get(cluster or responses[0].cluster)


@pytest.mark.parametrize(
    ("presence", "level"),
    [("own_office", 1.0), ("colocated_business_hub", 0.5), ("colocated_other", 0.5), ("none", 0.0)],
)
def test_it_ranks_own_office_above_co_location_above_none(presence, level):
    component = score_of(answered("x", presence__type=presence)).component("presence")
    assert component.level == level
    assert component.value == presence


@pytest.mark.parametrize(("willing", "level"), [("yes", 1.0), ("maybe", 0.5), ("no", 0.0)])
def test_it_scores_willingness_to_dialogue(willing, level):
    assert score_of(answered("x", dialogue__willing=willing)).component("dialogue").level == level


def test_it_measures_counts_against_the_rounds_most_engaged_cluster():
    round = (
        answered("big", members__region=60, participation__companies=200),
        answered("small", members__region=15, participation__companies=50),
        answered("silent"),
    )
    small = score_of(*round, cluster="small")
    assert small.component("members").level == 0.25
    assert small.component("members").share == 20
    assert small.component("companies").level == 0.25
    assert score_of(*round, cluster="big").component("members").share == 80


def test_it_counts_partners_and_agreements_over_actors_and_municipalities():
    round = (
        answered(
            "x",
            partners__actors={"brn", "aau"},
            partners__municipalities={"851"},
            agreements__municipalities={"851", "813"},
        ),
        answered("y", partners__actors=set(), agreements__actors={"brn"}),
    )
    x, y = score_of(*round, cluster="x"), score_of(*round, cluster="y")
    assert (x.component("partners").value, x.component("agreements").value) == (3, 2)
    assert (y.component("partners").value, y.component("agreements").level) == (0, 0.5)


def test_it_shows_levels_with_two_decimals_rounded_half_up():
    round = (
        answered("x", partners__actors={"brn"}),
        answered("y", partners__actors=set("abcdefgh")),
    )
    assert score_of(*round).as_dict()["components"]["partners"]["level"] == 0.13  # 1/8


def test_it_gives_level_0_when_the_rounds_largest_count_is_0():
    round = (answered("x", members__region=0), answered("y", members__region=0))
    assert score_of(*round).component("members").level == 0.0


def test_it_scores_100_when_every_component_is_at_its_best():
    best = answered(
        "x",
        presence__type="own_office",
        members__region=10,
        participation__companies=5,
        partners__actors={"brn"},
        agreements__actors={"brn"},
        dialogue__willing="yes",
    )
    result = score_of(best)
    assert (result.score, result.inputs, result.of) == (100, 6, 6)


def test_it_renormalises_the_weights_over_the_answered_components():
    # presence 20 × 0.5 + dialogue 10 × 0 over weight 30 = 33.3 → 33
    result = score_of(answered("x", presence__type="colocated_other", dialogue__willing="no"))
    assert (result.score, result.inputs, result.of) == (33, 2, 6)


def test_it_lowers_confidence_not_the_score_when_answers_are_missing():
    full = answered(
        "x",
        presence__type="own_office",
        dialogue__willing="yes",
        partners__actors={"brn"},
    )
    partial = answered("x", presence__type="own_office")
    assert score_of(full).score == score_of(partial).score == 100
    assert (score_of(full).inputs, score_of(partial).inputs) == (3, 1)


def test_it_rounds_half_up():
    weights = EngagementWeights(1, 0, 0, 0, 0, 3)
    result = score_of(
        answered("x", presence__type="own_office", dialogue__willing="maybe"), weights=weights
    )
    assert result.score == 63  # (1 × 1 + 3 × 0.5) / 4 = 62.5


def test_it_has_no_score_for_a_cluster_that_did_not_respond():
    result = score_of(Response("absent", "none"), answered("x", dialogue__willing="yes"))
    assert (result.score, result.inputs, result.of) == (None, 0, 6)
    assert all(c.value is None and c.level is None for c in result.components)


def test_it_uses_configured_weights():
    weights = EngagementWeights(
        presence=1, members=0, companies=0, partners=0, agreements=0, dialogue=0
    )
    result = score_of(
        answered("x", presence__type="colocated_business_hub", dialogue__willing="yes"),
        weights=weights,
    )
    assert result.score == 50
    assert result.component("presence").weight == 1


def test_it_shows_every_component_in_json():
    data = score_of(answered("x", members__region=4)).as_dict()
    assert list(data) == ["score", "components", "inputs", "of"]
    assert list(data["components"]) == list(COMPONENTS)
    assert data["components"]["members"] == {"value": 4, "level": 1.0, "weight": 20, "share": 100}
    assert data["components"]["dialogue"] == {"value": None, "level": None, "weight": 10}


@pytest.mark.parametrize(
    "weights",
    [
        {"presence": -1},
        {"members": "20"},
        {"dialogue": True},
        dict.fromkeys(COMPONENTS, 0),
    ],
)
def test_it_refuses_bad_weights(weights):
    with pytest.raises(InputError):
        EngagementWeights(**weights)
