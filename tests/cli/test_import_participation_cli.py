"""``klyngeradar import-participation``: a list too large to upload, from the command line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest


def klyngeradar(*args, timeout=300):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "KLYNGERADAR_DATA_DIR")}
    return subprocess.run(
        [sys.executable, "-m", "klyngeradar", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    result = klyngeradar("demo", "--out", out)
    assert result.returncode == 0, result.stderr
    return out


def rows_in(path):
    return path.read_text("utf-8").splitlines()[1:]


def imports(demo_dir):
    with sqlite3.connect(demo_dir / "klyngeradar.sqlite3") as db:
        return db.execute(
            "select count(*), coalesce(sum(row_count), 0) from agreements_participationimport"
        ).fetchone()


def test_it_refuses_a_list_with_errors_naming_every_problem(demo_dir):
    before = imports(demo_dir)
    listed = demo_dir / "demo-deltagere-med-fejl.csv"

    result = klyngeradar(
        "import-participation", listed, "--organisation", "brn", "--data", demo_dir
    )

    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    problems = [line for line in lines if line.startswith("error: ")]
    assert len(problems) >= 2
    assert all("demo-deltagere-med-fejl.csv" in line for line in problems)
    assert "Traceback" not in result.stderr
    assert imports(demo_dir) == before


def test_it_notices_the_list_the_demo_already_imported(demo_dir):
    listed = demo_dir / "demo-deltagere.csv"
    result = klyngeradar(
        "import-participation", listed, "--organisation", "brn", "--data", demo_dir
    )

    assert result.returncode == 2
    assert "has exactly the same rows as the import demo-deltagere.csv" in result.stderr


def test_it_imports_a_list_and_notices_when_it_comes_again(demo_dir, tmp_path):
    header, *rows = (demo_dir / "demo-deltagere.csv").read_text("utf-8").splitlines()
    listed = tmp_path / "efterår.csv"
    listed.write_text("\n".join([header, *rows[:-1]]) + "\n", encoding="utf-8")
    args = ("import-participation", listed, "--organisation", "brn", "--data", demo_dir)
    before = imports(demo_dir)

    first = klyngeradar(*args)
    again = klyngeradar(*args)
    skipped = klyngeradar(*args, "--on-repeat", "skip")
    replaced = klyngeradar(*args, "--on-repeat", "replace")

    assert first.returncode == 0, first.stderr
    assert "rækker importeret" in first.stdout
    assert again.returncode == 2
    assert "--on-repeat" in again.stderr
    assert skipped.returncode == 0 and "sprunget over" in skipped.stdout
    assert replaced.returncode == 0, replaced.stderr
    count, stored = imports(demo_dir)
    assert count == before[0] + 1
    assert stored == before[1] + len(rows_in(listed))


def test_it_refuses_an_unknown_organisation(demo_dir):
    listed = demo_dir / "demo-deltagere.csv"
    result = klyngeradar("import-participation", listed, "--organisation", "x", "--data", demo_dir)

    assert result.returncode == 2
    assert "no organisation 'x'" in result.stderr
