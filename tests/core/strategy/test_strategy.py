import json

import pytest

from klyngeradar.core.problems import InputError
from klyngeradar.core.strategy.plan import (
    Effort,
    demo_strategy,
    read_strategy,
    strategy_from_dict,
    strategy_from_round,
)
from klyngeradar.core.surveys.responses import Choice, Response, RoundData, RoundInfo

DEMO_SLUGS = (
    "digitalisering",
    "arbejdskraft",
    "groen-omstilling",
    "klynger-innovation",
    "ivaerksaetteri",
    "internationalisering",
)


def test_it_ships_the_seeds_vision_and_six_example_efforts():
    strategy = demo_strategy()
    assert strategy.vision == (
        "Nordjylland vil være en innovativ hub for grøn omstilling af erhvervslivet "
        "gennem en ambitiøs forpligtende samarbejdskultur"
    )
    assert strategy.slugs == DEMO_SLUGS
    assert strategy.example is True
    assert "Strategi for decentral erhvervsfremme 2019" in strategy.source
    assert "eksempel" in strategy.source


def test_it_names_and_describes_each_demo_effort_in_one_danish_sentence():
    strategy = demo_strategy()
    assert strategy.effort("arbejdskraft").name == "Kvalificeret arbejdskraft"
    assert strategy.effort("groen-omstilling").name == "Grøn og cirkulær omstilling"
    for effort in strategy.efforts:
        assert effort.description.endswith(".")
        assert effort.description.count(". ") == 0


def test_it_reads_a_strategy_file(tmp_path):
    path = tmp_path / "strategi.json"
    path.write_text(
        json.dumps({"vision": "V", "efforts": [{"slug": "a-1", "name": " A "}]}), "utf-8"
    )
    strategy = read_strategy(path)
    assert strategy.efforts == (Effort("a-1", "A", None),)
    assert strategy.example is False


def test_it_refuses_a_file_that_is_not_json(tmp_path):
    path = tmp_path / "strategi.json"
    path.write_text("{vision", "utf-8")
    with pytest.raises(InputError) as info:
        read_strategy(path)
    assert "strategi.json" in str(info.value)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"efforts": "a"}, "efforts must be a list"),
        ({"efforts": [{"slug": "Ab", "name": "A"}]}, "slug must be lowercase"),
        ({"efforts": [{"name": "A"}]}, "slug must be lowercase"),
        ({"efforts": [{"slug": "a", "name": "A"}, {"slug": "a", "name": "B"}]}, "duplicate"),
        ({"efforts": [{"slug": "a", "name": ""}]}, "name must be a non-empty text"),
        ({"efforts": [{"slug": "a", "name": "A", "description": 3}]}, "description must be"),
        ({"efforts": [], "vision": ""}, "vision must be a non-empty text"),
        ({"efforts": [], "example": "ja"}, "example must be true or false"),
    ],
)
def test_it_refuses_a_bad_strategy_with_a_reason(data, reason):
    with pytest.raises(InputError) as info:
        strategy_from_dict(data)
    assert reason in str(info.value)


def test_it_lists_every_problem_not_just_the_first():
    with pytest.raises(InputError) as info:
        strategy_from_dict({"vision": "", "efforts": [{"slug": "X", "name": "A"}]})
    assert len(info.value.problems) == 2


def test_it_takes_the_efforts_a_round_carries():
    round = RoundData(RoundInfo(), (), efforts=(Choice("b", "B"), Choice("a", "A")))
    strategy = strategy_from_round(round)
    assert strategy.slugs == ("b", "a")
    assert strategy.vision is None


def test_it_falls_back_to_the_efforts_clusters_ticked_when_the_round_has_no_list():
    round = RoundData(
        RoundInfo(),
        (
            Response("x", "complete", {"strategy.efforts": frozenset({"b", "a"})}),
            Response("y", "complete", {"strategy.efforts": frozenset({"c"})}),
            Response("z", "none"),
        ),
    )
    assert strategy_from_round(round).slugs == ("a", "b", "c")
    assert strategy_from_round(RoundData(RoundInfo(), ())).efforts == ()
