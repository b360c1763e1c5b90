"""``klyngeradar findings FILE``: JSON or sentences on stdout, problems on stderr, exit codes."""

import json
import subprocess
import sys

import pytest

from klyngeradar.cli import main
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.workbooks.exchange import write_csv, write_xlsx


def run(capsys, *args):
    """Run the CLI in-process; return (exit status, stdout, stderr)."""
    with pytest.raises(SystemExit) as stopped:
        main(["findings", *map(str, args)])
        sys.exit(0)
    captured = capsys.readouterr()
    return stopped.value.code or 0, captured.out, captured.err


@pytest.fixture(scope="module")
def demo_xlsx(tmp_path_factory):
    return write_xlsx(demo_round(), tmp_path_factory.mktemp("demo") / "svar.xlsx")


@pytest.fixture(scope="module")
def demo_csv(tmp_path_factory):
    return write_csv(demo_round(), tmp_path_factory.mktemp("demo") / "svar.csv")


@pytest.fixture
def document(capsys, demo_xlsx):
    status, out, err = run(capsys, demo_xlsx)
    assert status == 0, err
    return json.loads(out)


def test_it_prints_the_documented_json_keys(document):
    assert list(document) == ["round", "invited", "responded", "findings", "sentences", "warnings"]
    assert document["round"] == {
        "region": "1081",
        "since": "2021-01-01",
        "organisation": "BRN",
        "title": "Klyngernes engagement i Nordjylland 2023 (demo)",
    }
    assert (document["invited"], document["responded"]) == (13, 12)
    assert document["warnings"] == []


@pytest.mark.parametrize(
    ("key", "field", "expected"),
    [
        ("response_rate", "count", 12),
        ("response_rate", "base", 13),
        ("response_rate", "percent", 92),
        ("dialogue_willing", "count", 12),
        ("physical_presence", "count", 7),
        ("partners_any", "count", 12),
        ("members_any", "count", 12),
        ("activities_in_region", "count", 12),
        ("members_region", "total", 375),
        ("members_region_50plus", "total", 123),
        ("members_region_under50", "total", 252),
        ("participation_companies", "total", 1740),
        ("participation_companies", "reported", 10),
        ("participation_companies", "minimum", True),
        ("participation_companies", "overlap_possible", True),
        ("participation_persons", "total", 4324),
        ("participation_persons", "reported", 7),
        ("participation_persons", "minimum", True),
        ("agreements_none", "count", 4),
        ("municipal_agreements", "agreements", 7),
        ("municipal_agreements", "municipalities", 5),
        ("municipal_agreements", "clusters", 3),
        ("municipal_agreements", "max_per_cluster", 4),
    ],
)
def test_it_reproduces_the_seed_figures_from_the_demo_spreadsheet(document, key, field, expected):
    assert document["findings"][key][field] == expected


def test_it_splits_presence_by_type_from_the_spreadsheet(document):
    assert document["findings"]["physical_presence"]["by_type"] == {
        "own_office": 5,
        "colocated_business_hub": 2,
        "colocated_other": 0,
        "none": 5,
    }


def test_it_includes_sentences_in_both_languages(document):
    assert document["sentences"]["da"][0] == "12 ud af 13 klynger har svaret (92 %)"
    assert document["sentences"]["en"][0] == "12 of 13 clusters responded (92%)"
    companies = [s for s in document["sentences"]["da"] if "1.740" in s]
    assert companies and "mindst" in companies[0] and "unikke pr. klynge" in companies[0]


def test_it_prints_danish_sentences_as_text_by_default(capsys, demo_xlsx):
    status, out, _ = run(capsys, demo_xlsx, "--format", "text")
    assert status == 0
    assert out.splitlines()[0] == "12 ud af 13 klynger har svaret (92 %)."
    assert "10 af 12 klynger har oplyst et skøn: mindst 1.740 unikke virksomheder" in out
    assert "  * Tallene er unikke pr. klynge" in out


def test_it_prints_english_sentences_on_request(capsys, demo_xlsx):
    status, out, _ = run(capsys, demo_xlsx, "--format", "text", "--lang", "en")
    assert status == 0
    assert "at least 4,324 participants" in out


def test_it_takes_the_round_keys_of_a_csv_from_the_options(capsys, demo_csv):
    status, out, err = run(
        capsys, demo_csv, "--region", "1081", "--since", "2021-01-01", "--organisation", "BRN"
    )
    assert status == 0, err
    document = json.loads(out)
    assert document["round"]["since"] == "2021-01-01"
    assert document["findings"]["members_region"]["total"] == 375
    assert "med BRN og kommunerne" in document["sentences"]["da"][1]


def test_it_reads_danish_spellings(capsys, tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text(
        "cluster;status;dialogue.willing;members.region;members.region.basis;"
        "participation.companies;participation.companies.basis;agreements.actors\n"
        "klynge-a;gennemført;ja;1.740;skønnet;40;opgjort;ingen\n"
        "klynge-b;delvis;måske;;;;;\n"
        "klynge-c;ingen;;;;;;\n",
        encoding="cp1252",
    )
    status, out, err = run(capsys, path, "--region", "1081")
    assert status == 0, err
    findings = json.loads(out)["findings"]
    assert findings["response_rate"] == {
        "count": 2,
        "complete": 1,
        "partial": 1,
        "base": 3,
        "percent": 67,
    }
    assert findings["dialogue_willing"] == {"count": 1, "maybe": 1, "answered": 2, "base": 2}
    assert findings["members_region"]["total"] == 1740
    assert findings["members_region"]["estimated"] == 1
    assert findings["agreements_none"]["count"] == 1


def test_it_reports_warnings_in_the_json_and_on_stderr(capsys, tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text(
        "cluster;status;members.region;members.region.basis;members.national;"
        "members.national.basis\nklynge-a;complete;50;counted;40;counted\n",
        encoding="utf-8",
    )
    status, out, err = run(capsys, path)
    assert status == 0
    warnings = json.loads(out)["warnings"]
    assert warnings
    assert all(f"warning: {w}" in err for w in warnings)


def test_it_refuses_a_bad_file_with_every_problem_and_nothing_on_stdout(capsys, tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text(
        "cluster;status;members.region;colour\nklynge-a;complete;ca. 40;blue\n", encoding="utf-8"
    )
    status, out, err = run(capsys, path)
    assert status == 2
    assert out == ""
    assert "ca. 40" in err and "colour" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("option", "value"),
    [("--since", "2021-13-01"), ("--since", "1. januar 2021"), ("--region", "9999")],
)
def test_it_gives_a_usage_error_for_a_bad_option(capsys, demo_csv, option, value):
    status, out, err = run(capsys, demo_csv, option, value)
    assert status == 2
    assert out == ""
    assert f"Invalid value for '{option}'" in err


def test_it_gives_a_usage_error_for_a_missing_file(capsys, tmp_path):
    status, out, err = run(capsys, tmp_path / "nope.xlsx")
    assert status == 2 and out == "" and "does not exist" in err


def test_it_runs_as_a_command_without_a_traceback(demo_xlsx, tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "klyngeradar", "findings", str(demo_xlsx), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["findings"]["participation_persons"]["total"] == 4324
    bad = tmp_path / "bad.csv"
    bad.write_text("status\ncomplete\n", encoding="utf-8")
    refused = subprocess.run(
        [sys.executable, "-m", "klyngeradar", "findings", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert "error:" in refused.stderr and "Traceback" not in refused.stderr
