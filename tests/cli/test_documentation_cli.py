"""``klyngeradar documentation``: the package from a demo data directory (real processes)."""

from __future__ import annotations

import os
import subprocess
import sys

import openpyxl
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


def test_it_writes_the_package_for_all_agreements_and_says_where(demo_dir, tmp_path):
    result = klyngeradar("documentation", "--year", 2025, "--out", tmp_path, "--data", demo_dir)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "dokumentation-2025.xlsx"
    assert result.stdout.startswith(f"{path}: ")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [
        "Oversigt",
        "Virksomheder",
        "Støttetyper",
        "KPI",
        "KPI-udvikling",
        "Udvikling",
    ]
    companies = list(workbook["Virksomheder"].iter_rows(min_row=2, values_only=True))
    assert companies and all(row[1].startswith("Fiktiv ") for row in companies)
    agreements = {row[0] for row in workbook["KPI"].iter_rows(min_row=2, values_only=True)}
    assert len(agreements) == 3


def test_it_writes_one_agreements_package(demo_dir, tmp_path):
    result = klyngeradar(
        "documentation",
        "--year",
        2024,
        "--out",
        tmp_path,
        "--data",
        demo_dir,
        "--agreement",
        "robotprojekt-klynge-b",
    )
    assert result.returncode == 0, result.stderr
    workbook = openpyxl.load_workbook(tmp_path / "dokumentation-2024-robotprojekt-klynge-b.xlsx")
    kpis = [row[1] for row in workbook["KPI"].iter_rows(min_row=2, values_only=True)]
    assert kpis == ["Projekter startet", "Virksomheder der har fået rådgivning"]


@pytest.mark.parametrize(
    "args, message",
    [
        (("--year", 2019), "no data for 2019"),
        (("--year", 2025, "--agreement", "findes-ikke"), "no agreement 'findes-ikke'"),
    ],
)
def test_it_refuses_readably_when_there_is_nothing_to_document(demo_dir, tmp_path, args, message):
    result = klyngeradar("documentation", *args, "--out", tmp_path, "--data", demo_dir)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())


def test_it_refuses_a_data_directory_without_a_database(tmp_path):
    empty = tmp_path / "tom"
    empty.mkdir()
    result = klyngeradar("documentation", "--year", 2025, "--out", tmp_path / "ud", "--data", empty)
    assert result.returncode != 0
    assert "has no database" in result.stderr
    assert "Traceback" not in result.stderr
