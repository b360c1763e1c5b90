import json

import pytest

from klyngeradar.cli import main
from klyngeradar.core.strategy.recommendations import recommend
from klyngeradar.core.surveys.responses import Choice, Response, RoundData, RoundInfo

pytest.importorskip("klyngeradar.core.surveys.exchange")
exchange = pytest.importorskip("klyngeradar.render.workbooks.exchange")
demo = pytest.importorskip("klyngeradar.core.surveys.demo")


def run(capsys, *args):
    """Run the CLI; return (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as info:
        main(["recommend", *map(str, args)])
        raise SystemExit(0)
    out = capsys.readouterr()
    return info.value.code, out.out, out.err


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return exchange.write_xlsx(demo.demo_round(), tmp_path_factory.mktemp("demo") / "svar.xlsx")


def test_it_prints_only_json_with_the_contracts_keys(capsys, demo_file):
    code, out, err = run(capsys, demo_file)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert list(data) == ["fit", "engagement", "recommendations", "effort_calls", "region"]
    assert len(data["recommendations"]) == 13
    for rec in data["recommendations"]:
        assert list(rec) == ["cluster", "model", "reasons", "checklist"]
        assert rec["reasons"]
    assert all(list(call) == ["effort", "clusters"] for call in data["effort_calls"])
    assert data["region"] == [
        {"model": "shared_environment", "reasons": [data["region"][0]["reasons"][0]]}
    ]
    engagement = data["engagement"]["klynge-a"]
    assert list(engagement) == ["score", "components", "inputs", "of"]


def test_it_gives_the_same_answer_as_the_core_on_the_same_round(capsys, demo_file):
    _, out, _ = run(capsys, demo_file)
    assert json.loads(out) == json.loads(json.dumps(recommend(demo.demo_round()).as_dict("da")))


def test_it_shows_a_silent_clusters_fit_as_null_and_keeps_it_informed(capsys, demo_file):
    data = json.loads(run(capsys, demo_file)[1])
    assert set(data["fit"]["klynge-m"].values()) == {None}
    silent = next(r for r in data["recommendations"] if r["cluster"] == "klynge-m")
    assert silent["model"] is None
    assert silent["reasons"][-1] == "Hold klyngen orienteret; ingen samarbejdsmodel anbefales nu."
    assert silent["checklist"] == []


def test_it_writes_the_reasons_in_english_on_request(capsys, demo_file):
    data = json.loads(run(capsys, demo_file, "--lang", "en")[1])
    silent = next(r for r in data["recommendations"] if r["cluster"] == "klynge-m")
    assert silent["reasons"] == [
        "The cluster did not answer the round.",
        "Keep the cluster informed; no collaboration model is recommended for now.",
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ([], ["Samarbejdsmodeller: svar.xlsx", "Klynge M: Ingen model – hold orienteret"]),
        (["--lang", "en"], ["Collaboration models: svar.xlsx", "Before an agreement is made"]),
    ],
)
def test_it_prints_a_readable_summary(capsys, demo_file, lang, expected):
    code, out, _ = run(capsys, demo_file, "--format", "text", *lang)
    assert code == 0
    for text in expected:
        assert text in out


def test_it_reads_a_small_round_from_a_workbook(capsys, tmp_path):
    round = RoundData(
        RoundInfo(region="1081"),
        tuple(
            Response(
                f"c{i}",
                "complete",
                {"strategy.efforts": frozenset({"a"}), "presence.type": "none"},
            )
            for i in range(3)
        )
        + (Response("d", "none"),),
        efforts=(Choice("a", "Effort A"), Choice("b", "Effort B")),
    )
    path = exchange.write_xlsx(round, tmp_path / "small.xlsx")
    data = json.loads(run(capsys, path)[1])
    assert data["fit"]["c0"] == {"a": 2, "b": 0}
    assert data["effort_calls"] == [{"effort": "a", "clusters": ["c0", "c1", "c2"]}]
    assert [r["model"] for r in data["recommendations"]] == ["concrete_collaboration"] * 3 + [None]
    assert [r["model"] for r in data["region"]] == ["shared_environment"]


def test_it_refuses_a_bad_file_with_exit_2_and_the_problems_on_stderr(capsys, tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text("cluster;status;members.region\nx;complete;ca. 40\n", "utf-8")
    code, out, err = run(capsys, path)
    assert code == 2
    assert out == ""
    assert "members.region" in err
    assert "ca. 40" in err


def test_it_refuses_an_unknown_language(capsys, demo_file):
    code, out, _ = run(capsys, demo_file, "--lang", "de")
    assert code == 2
    assert out == ""


def test_it_takes_the_efforts_the_clusters_ticked_from_a_csv_file(capsys, tmp_path):
    round = RoundData(
        RoundInfo(),
        (
            Response("x", "complete", {"strategy.efforts": frozenset({"groen-omstilling"})}),
            Response("y", "complete", {"strategy.efforts": frozenset({"digitalisering"})}),
        ),
    )
    path = exchange.write_csv(round, tmp_path / "svar.csv")
    data = json.loads(run(capsys, path)[1])
    assert data["fit"] == {
        "x": {"digitalisering": 0, "groen-omstilling": 2},
        "y": {"digitalisering": 2, "groen-omstilling": 0},
    }
