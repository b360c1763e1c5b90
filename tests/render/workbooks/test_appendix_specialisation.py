"""The appendices' sheet "Erhvervsstruktur": every area's figures, unknown left empty."""

from pathlib import Path

import pytest
from openpyxl import load_workbook

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.registry.reference import reference_areas
from klyngeradar.core.reports.outline_specialisation import RegionalStrengths
from klyngeradar.core.specialisation.employment import read_employment
from klyngeradar.core.specialisation.mapping import default_mapping
from klyngeradar.core.specialisation.quotients import compute
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.workbooks.appendices import write_appendices

RAS = (
    Path(__file__).resolve().parents[2] / "fixtures" / "specialisation" / "ras-statistikbanken.csv"
)


def write(tmp_path, specialisation):
    round = demo_round()
    path = write_appendices(
        tmp_path / "bilag.xlsx",
        round=round,
        findings=compute_findings(round),
        specialisation=specialisation,
    )
    return load_workbook(path)


@pytest.fixture
def strengths():
    result = compute(read_employment(RAS), default_mapping(), region="1081")
    names = {a.slug: a.name for a in reference_areas()}
    return RegionalStrengths(result, "Danmarks Statistik, RAS300", names)


def test_it_writes_the_region_and_each_municipality_per_area(tmp_path, strengths):
    sheet = write(tmp_path, strengths)["Erhvervsstruktur"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Område",
        "Sted",
        "Beskæftigede",
        "Andel",
        "LQ",
        "Mindst-tal (diskretioneret)",
    )
    by_place = {(r[0], r[1]): r[2:] for r in rows[1:] if r[1]}
    assert by_place[("Avanceret produktion", "Region Nordjylland")] == (240, 0.16, 1.08, True)
    # Suppressed, so unknown: an empty cell, never 0.
    assert by_place[("Avanceret produktion", "Hjørring")] == (None, None, None, True)
    assert by_place[("Energiteknologi", "Aalborg")] == (60, 0.06, 0.81, False)
    number = 1 + next(i for i, r in enumerate(rows) if r[:2] == ("Energiteknologi", "Aalborg"))
    assert sheet.cell(number, 5).number_format == "0.00"
    assert sheet.cell(number, 4).number_format == "0.00%"
    texts = [r[0] for r in rows if r[0] and not r[1]]
    assert "Kilde: Danmarks Statistik, RAS300, 2023" in texts


def test_it_adds_no_sheet_without_statistics(tmp_path):
    assert "Erhvervsstruktur" not in write(tmp_path, None).sheetnames
