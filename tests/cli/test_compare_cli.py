"""``klyngeradar compare OLD NEW``: the spec's JSON, sentences, refusals and exit codes."""

import json
import sys
from dataclasses import replace

import pytest

from klyngeradar.cli import main
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.core.surveys.responses import Response, RoundData, RoundInfo
from klyngeradar.render.workbooks.exchange import write_csv, write_xlsx


def run(capsys, *args):
    """Run the CLI in-process; return (exit status, stdout, stderr)."""
    with pytest.raises(SystemExit) as stopped:
        main(["compare", *map(str, args)])
        sys.exit(0)
    captured = capsys.readouterr()
    return stopped.value.code or 0, captured.out, captured.err


def later_round():
    """The demo round two years on: Klynge L left, Klynge N entered, Klynge A closed its office."""
    demo = demo_round()
    rows = []
    for response in demo.responses:
        if response.cluster == "klynge-l":
            continue
        if response.cluster == "klynge-a":
            answers = {k: v for k, v in response.answers.items() if k != "presence.municipalities"}
            response = replace(response, answers={**answers, "presence.type": "none"})
        rows.append(response)
    rows.append(replace(demo.responses[1], cluster="klynge-n", name="Klynge N"))
    return replace(demo, info=replace(demo.info, year=2025), responses=tuple(rows))


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rounds")
    old = write_xlsx(demo_round(), folder / "svar-2023.xlsx")
    new = write_xlsx(later_round(), folder / "svar-2025.xlsx")
    return old, new


def test_it_prints_the_spec_json(capsys, files):
    status, out, err = run(capsys, *files)
    assert status == 0, err
    document = json.loads(out)
    assert list(document) == [
        "old",
        "new",
        "panel",
        "entered",
        "left",
        "changes",
        "movements",
        "sentences",
        "warnings",
    ]
    assert document["old"]["round"]["year"] == 2023
    assert document["new"]["round"]["region"] == "1081"
    assert (document["old"]["invited"], document["old"]["responded"]) == (13, 12)
    assert (document["new"]["invited"], document["new"]["responded"]) == (13, 12)
    assert document["panel"]["count"] == 11
    assert (document["entered"], document["left"]) == (["klynge-n"], ["klynge-l"])
    assert {"cluster": "klynge-a", "change": "presence_closed", "detail": "own_office"} in (
        document["movements"]
    )
    assert document["changes"]["physical_presence"]["panel_delta"] == -1
    assert document["sentences"]["da"][1].startswith("Siden 2023 er 1 klynge kommet til")
    assert document["warnings"] == []


def test_it_prints_sentences_as_text_in_either_language(capsys, files):
    status, out, _ = run(capsys, *files, "--format", "text")
    assert status == 0
    assert "Siden 2023 er 1 klynge kommet til (Klynge N)" in out
    status, out, _ = run(capsys, *files, "--format", "text", "--lang", "en")
    assert "Since 2023, 1 cluster has entered (Klynge N)" in out


def test_it_refuses_rounds_of_two_regions_with_one_line(capsys, files, tmp_path):
    info = RoundInfo(region="1082", organisation="Erhvervshus Midtjylland", year=2025)
    other = RoundData(info, (Response("klynge-a", "complete", {"dialogue.willing": "yes"}),))
    midt = write_xlsx(other, tmp_path / "midt.xlsx")
    status, out, err = run(capsys, files[0], midt)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert "different regions: 1081 (Region Nordjylland) and 1082 (Region Midtjylland)" in err


def test_it_says_identical_files_are_identical_and_compares_anyway(capsys, files):
    status, out, err = run(capsys, files[0], files[0])
    assert status == 0
    assert "identical" in err
    document = json.loads(out)
    assert document["changes"]["members_region"]["delta"] == 0
    assert any("identical" in w for w in document["warnings"])


def test_it_refuses_a_file_that_is_not_a_round_naming_every_problem(capsys, files, tmp_path):
    notes = tmp_path / "notes.csv"
    notes.write_text("hello;world\n1;2\n", encoding="utf-8")
    status, out, err = run(capsys, notes, files[1])
    assert (status, out) == (2, "")
    assert "notes.csv" in err and "cluster" in err
    assert "Traceback" not in err


def test_it_reads_csv_rounds_too(capsys, tmp_path):
    old = write_csv(demo_round(), tmp_path / "old.csv")
    new = write_csv(later_round(), tmp_path / "new.csv")
    status, out, err = run(capsys, old, new)
    assert status == 0, err
    assert json.loads(out)["left"] == ["klynge-l"]
