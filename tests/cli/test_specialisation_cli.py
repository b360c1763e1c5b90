"""``klyngeradar specialisation``: the spec's JSON on a real-shaped file, refusals with exit 2."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from klyngeradar.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "specialisation"
RAS = FIXTURES / "ras-statistikbanken.csv"


def run(capsys, *args):
    """Run the CLI; return (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as info:
        main(["specialisation", *map(str, args)])
        raise SystemExit(0)
    out = capsys.readouterr()
    return info.value.code, out.out, out.err


def test_it_prints_the_specs_json_for_a_region(capsys):
    code, out, err = run(capsys, RAS, "--region", "1081")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["year", "region", "areas", "warnings"]
    assert (data["year"], data["region"]) == (2023, "1081")
    energy = data["areas"]["energiteknologi"]
    # Aalborg 60 of 1000 and Hjørring 40 of 500, over 200 of the file's 2700 jobs.
    assert energy["region"] == {"employment": 100, "share": 0.0667, "lq": 0.9, "suppressed": False}
    assert energy["municipalities"] == {
        "851": {"employment": 60, "share": 0.06, "lq": 0.81, "suppressed": False},
        "860": {"employment": 40, "share": 0.08, "lq": 1.08, "suppressed": False},
    }
    machinery = data["areas"]["avanceret-produktion"]
    assert machinery["region"] == {"employment": 240, "share": 0.16, "lq": 1.08, "suppressed": True}
    assert machinery["municipalities"]["860"] == {
        "employment": None,
        "share": None,
        "lq": None,
        "suppressed": True,
    }
    assert data["areas"]["digitale-teknologier"]["region"]["lq"] is None
    assert any("holds 4 of the 98 municipalities" in w for w in data["warnings"])
    assert "warning: " in err


def test_it_lists_every_municipality_without_a_region(capsys):
    code, out, _ = run(capsys, RAS)
    data = json.loads(out)
    assert code == 0 and data["region"] is None
    food = data["areas"]["fodevarer-og-bioressourcer"]
    assert food["region"] is None
    assert list(food["municipalities"]) == ["169", "480", "851", "860"]


def test_it_uses_the_year_asked_for(capsys):
    code, out, _ = run(capsys, RAS, "--year", "2022")
    data = json.loads(out)
    assert (code, data["year"]) == (0, 2022)
    assert list(data["areas"]["energiteknologi"]["municipalities"]) == ["851"]


def test_it_reads_a_mapping_file(capsys, tmp_path):
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("area;industry;weight;note\nenergiteknologi;28;0,5;test\n", "utf-8")
    code, out, _ = run(capsys, RAS, "--mapping", mapping, "--region", "1081")
    data = json.loads(out)
    assert code == 0
    assert list(data["areas"]) == ["energiteknologi"]
    assert data["areas"]["energiteknologi"]["region"]["employment"] == 120


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("da", "  Fødevarer og bioressourcer: 0,99; 1.160"),
        ("en", "  Fødevarer og bioressourcer: 0.99; 1,160"),
    ],
)
def test_it_writes_a_text_summary_in_danish_or_english(capsys, lang, line):
    code, out, _ = run(capsys, RAS, "--region", "1081", "--format", "text", "--lang", lang)
    assert code == 0
    assert line in out.splitlines()


def test_it_refuses_bad_files_with_every_problem_and_exit_2(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("OMRÅDE;BRANCHE07;TID;INDHOLD\nAalborgg;28;2023;1\nAalborg;28;2023;x\n", "utf-8")
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("area,industry,weight\nrumfart,2x,2\n", "utf-8")
    code, out, err = run(capsys, bad, "--mapping", mapping)
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        'error: bad.csv: row 2 OMRÅDE: "Aalborgg" is not one of the 98 municipalities; '
        'did you mean "Aalborg"?',
        "error: bad.csv: row 3 INDHOLD: \"x\" is not a number ≥ 0 or '..' (suppressed)",
        'error: mapping.csv: row 2 area: "rumfart" is not an area of the registry '
        "(use its slug, e.g. energiteknologi)",
        'error: mapping.csv: row 2 industry: "2x" is not a DB07 code of 2 to 6 digits '
        "(e.g. 28, 2829, 282900)",
        'error: mapping.csv: row 2 weight: "2" is not a weight between 0 and 1 (e.g. 0,5)',
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2019"], '"2019" is not a year in the file (it holds 2022, 2023)'),
        (["--region", "1099"], "'1099' is not a region code"),
    ],
)
def test_it_refuses_a_year_or_region_that_is_not_there(capsys, args, message):
    code, out, err = run(capsys, RAS, *args)
    assert (code, out) == (2, "")
    assert message in err


def test_it_runs_without_loading_django():
    script = (
        "import sys\n"
        "from klyngeradar.cli import main\n"
        "try:\n"
        f"    main(['specialisation', {str(RAS)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('django' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stderr.splitlines()[-1] == "False"
    assert json.loads(done.stdout)["year"] == 2023
