import pytest

from klyngeradar.core.problems import InputError
from klyngeradar.core.strategy.fit import FitCell, fit_matrix
from klyngeradar.core.strategy.plan import Effort, Strategy
from klyngeradar.core.surveys.responses import Response, RoundData, RoundInfo

STRATEGY = Strategy("V", (Effort("a", "A"), Effort("b", "B"), Effort("c", "C")))


def answered(cluster, **answers):
    return Response(cluster, "complete", {k: frozenset(v) for k, v in answers.items()})


def round_of(*responses):
    return RoundData(RoundInfo(), tuple(responses))


ROUND = round_of(
    answered("ticks-a-b", **{"strategy.efforts": {"a", "b"}}),
    answered("ticks-none", **{"strategy.efforts": set()}),
    answered("skipped-question"),
    Response("absent", "none"),
)


@pytest.mark.parametrize(
    ("cluster", "effort", "cell"),
    [
        ("ticks-a-b", "a", FitCell(2, "survey")),
        ("ticks-a-b", "c", FitCell(0, "survey")),
        ("ticks-none", "a", FitCell(0, "survey")),
        ("skipped-question", "a", FitCell(None, None)),
        ("absent", "b", FitCell(None, None)),
    ],
)
def test_it_scores_a_tick_2_a_non_tick_0_and_an_unanswered_question_unknown(cluster, effort, cell):
    assert fit_matrix(ROUND, strategy=STRATEGY).row(cluster).cell(effort) == cell


@pytest.mark.parametrize(
    ("cluster", "score"),
    [("ticks-a-b", 4), ("ticks-none", 0), ("skipped-question", None), ("absent", None)],
)
def test_it_sums_a_row_over_its_known_cells_and_leaves_an_unknown_row_none(cluster, score):
    assert fit_matrix(ROUND, strategy=STRATEGY).row(cluster).score == score


def test_it_lets_the_analyst_win_over_the_survey_and_keeps_the_note():
    matrix = fit_matrix(
        ROUND,
        strategy=STRATEGY,
        overrides={
            ("ticks-a-b", "a"): (3, "Driver regionens datacenterprojekt"),
            ("ticks-a-b", "b"): (0, "Ticked by mistake"),
            ("absent", "c"): (1, "Talked by phone"),
        },
    )
    row = matrix.row("ticks-a-b")
    assert row.cell("a") == FitCell(3, "analyst", "Driver regionens datacenterprojekt")
    assert row.score == 3
    absent = matrix.row("absent")
    assert absent.cell("c") == FitCell(1, "analyst", "Talked by phone")
    assert absent.cell("a").score is None
    assert absent.score == 1


def test_it_shows_unknown_cells_as_none_in_json_never_zero():
    fit = fit_matrix(ROUND, strategy=STRATEGY).as_dict()
    assert fit["absent"] == {"a": None, "b": None, "c": None}
    assert fit["ticks-none"] == {"a": 0, "b": 0, "c": 0}
    assert list(fit) == ["ticks-a-b", "ticks-none", "skipped-question", "absent"]


def test_it_names_the_supporters_of_an_effort_in_the_rounds_order():
    matrix = fit_matrix(ROUND, strategy=STRATEGY, overrides={("absent", "a"): (3, "note")})
    assert [r.cluster for r in matrix.supporters("a", 2)] == ["ticks-a-b", "absent"]
    assert [r.cluster for r in matrix.supporters("a", 3)] == ["absent"]


def test_it_ignores_ticks_of_efforts_outside_the_strategy():
    round = round_of(answered("x", **{"strategy.efforts": {"a", "unknown"}}))
    assert fit_matrix(round, strategy=STRATEGY).row("x").score == 2


def test_it_takes_the_efforts_from_the_round_without_a_strategy():
    matrix = fit_matrix(ROUND)
    assert [e.slug for e in matrix.efforts] == ["a", "b"]


@pytest.mark.parametrize(
    ("override", "reason"),
    [
        ({("nobody", "a"): (2, "n")}, "is not a cluster in the round"),
        ({("absent", "z"): (2, "n")}, "is not an effort of the strategy"),
        ({("absent", "a"): (4, "n")}, "fit must be a whole number 0–3"),
        ({("absent", "a"): (-1, "n")}, "fit must be a whole number 0–3"),
        ({("absent", "a"): (True, "n")}, "fit must be a whole number 0–3"),
        ({("absent", "a"): (2.5, "n")}, "fit must be a whole number 0–3"),
        ({("absent", "a"): (2, " ")}, "needs a note"),
        ({("absent", "a"): (2, None)}, "needs a note"),
    ],
)
def test_it_refuses_a_bad_analyst_cell(override, reason):
    with pytest.raises(InputError) as info:
        fit_matrix(ROUND, strategy=STRATEGY, overrides=override)
    assert reason in str(info.value)


def test_it_lists_every_bad_analyst_cell():
    with pytest.raises(InputError) as info:
        fit_matrix(
            ROUND, strategy=STRATEGY, overrides={("x", "a"): (2, "n"), ("absent", "a"): (9, "n")}
        )
    assert len(info.value.problems) == 2
