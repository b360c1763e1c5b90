"""The appendices workbook: one sheet per appendix, formatted, readable back as a round."""

from datetime import date

import pytest
from openpyxl import load_workbook

from klyngeradar.core.demo import demo_round
from klyngeradar.core.exchange import read_round
from klyngeradar.core.findings import compute_findings
from klyngeradar.core.recommendations import recommend
from klyngeradar.core.registry import reference_clusters
from klyngeradar.core.strategy import demo_strategy
from klyngeradar.render.appendices import write_appendices


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory):
    round = demo_round()
    path = tmp_path_factory.mktemp("bilag") / "bilag.xlsx"
    return write_appendices(
        path,
        round=round,
        findings=compute_findings(round),
        recommendations=recommend(round, strategy=demo_strategy()),
        clusters=reference_clusters(),
    )


@pytest.fixture(scope="module")
def workbook(workbook_path):
    return load_workbook(workbook_path)


def test_it_has_one_sheet_per_appendix(workbook):
    assert workbook.sheetnames == [
        "Klynger",
        "svar",
        "runde",
        "aktører",
        "indsatser",
        "Fund",
        "Fordelinger",
        "Fit og anbefalinger",
        "Aftaler og KPI'er",
    ]


@pytest.mark.parametrize("sheet", ["Klynger", "svar", "Fund", "Fit og anbefalinger"])
def test_it_freezes_and_filters_the_header(workbook, sheet):
    assert workbook[sheet].freeze_panes == "A2"
    assert workbook[sheet].auto_filter.ref is not None


def test_it_lists_the_registry_with_whole_numbers_formatted(workbook):
    sheet = workbook["Klynger"]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert "Energy Cluster Denmark" in rows
    made = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "made")
    assert made[5].value == 250 and made[5].number_format == "#,##0"


def test_it_states_each_finding_with_its_base(workbook):
    sheet = workbook["Fund"]
    header = [cell.value for cell in sheet[1]]
    rows = {
        row[0]: dict(zip(header, row, strict=True))
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    companies = rows["participation_companies"]
    assert (companies["total"], companies["reported"], companies["base"]) == (1740, 10, 12)
    assert companies["minimum"] is True and companies["overlap_possible"] is True
    assert rows["response_rate"]["percent"] == 92


def test_it_can_be_read_back_as_the_same_round(workbook_path):
    assert read_round(workbook_path) == demo_round()


def test_it_has_the_fit_matrix_recommendations_and_a_native_chart(workbook):
    sheet = workbook["Fit og anbefalinger"]
    first = [cell.value for cell in sheet[2]]
    assert first[0] == "klynge-a" and "cross_municipal_agreement" in first
    assert len(sheet._charts) == 1


def test_it_says_so_when_no_agreements_are_registered(workbook):
    assert workbook["Aftaler og KPI'er"]["A2"].value == "ingen aftaler registreret"


def test_it_lists_agreements_when_there_are_some(tmp_path):
    round = demo_round()
    path = write_appendices(
        tmp_path / "bilag.xlsx",
        round=round,
        findings=compute_findings(round),
        agreements=[{"cluster": "klynge-a", "parties": ("851", "brn"), "start": date(2024, 1, 1)}],
    )
    sheet = load_workbook(path)["Aftaler og KPI'er"]
    assert [c.value for c in sheet[1]] == ["cluster", "parties", "start"]
    assert [c.value for c in sheet[2]][:2] == ["klynge-a", "851; brn"]
