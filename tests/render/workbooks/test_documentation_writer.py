from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from klyngeradar.core.agreements.documentation import (
    AgreementFacts,
    AgreementKpi,
    documentation_package,
    read_company_figures,
)
from klyngeradar.core.agreements.kpi import FollowUp, kpi_from_catalogue
from klyngeradar.core.agreements.participation import read_participation
from klyngeradar.render.workbooks.documentation import write_documentation_xlsx

FIXTURES = Path(__file__).parents[2] / "fixtures" / "participation"

AGREEMENTS = (
    AgreementFacts(
        slug="energi-nord",
        title="Tværkommunal aftale om energi",
        cluster="energy-cluster-denmark",
        parties=("brn", "851", "813"),
        kpis=(
            AgreementKpi(
                kpi_from_catalogue("unique_companies", targets={2023: 2}, baseline=1),
                (FollowUp(2023, 2, "counted"),),
            ),
            AgreementKpi(kpi_from_catalogue("cofinancing_raised", targets={2023: 1_500_000})),
        ),
    ),
    AgreementFacts("robot-projekt", "Projektaftale om robotter", "odense-robotics", ("aau",)),
)


def package(figures=True):
    return documentation_package(
        2023,
        AGREEMENTS,
        read_participation(FIXTURES / "deltagere-2023.csv"),
        as_of=date(2024, 2, 1),
        company_figures=read_company_figures(FIXTURES / "virksomhedstal.csv") if figures else None,
    )


@pytest.fixture
def workbook(tmp_path):
    path = write_documentation_xlsx(package(), tmp_path / "dokumentation-2023.xlsx")
    return load_workbook(path)


def test_it_writes_danish_sheets(workbook):
    assert workbook.sheetnames == [
        "Oversigt",
        "Virksomheder",
        "Støttetyper",
        "KPI",
        "KPI-udvikling",
        "Udvikling",
    ]


def test_it_leaves_out_the_development_sheet_without_company_figures(tmp_path):
    path = write_documentation_xlsx(package(figures=False), tmp_path / "d.xlsx")
    assert "Udvikling" not in load_workbook(path).sheetnames


def test_it_lists_the_companies_with_a_frozen_header_filters_and_widths(workbook):
    sheet = workbook["Virksomheder"]
    assert [c.value for c in sheet[1]][:3] == ["CVR-nummer", "Virksomhed", "Aktiviteter"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:J4"
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["A"].width
    first = [c.value for c in sheet[2]]
    assert first[:2] == ["20000007", "Nordjysk Stål ApS"]  # CVR kept as text
    assert first[3] == "Innovationsaktivitet, Arrangement"
    assert first[8] == datetime(2023, 3, 14)
    assert sheet["I2"].number_format == "dd-mm-yyyy"


def test_it_counts_by_kind_of_support(workbook):
    rows = [[c.value for c in row] for row in workbook["Støttetyper"].iter_rows(min_row=2)]
    assert rows == [["Innovationsaktivitet", 1, 1], ["Arrangement", 2, 2], ["Projekt", 2, 2]]


def test_it_shows_kpi_actuals_against_targets_and_leaves_missing_cells_empty(workbook):
    sheet = workbook["KPI"]
    header = [c.value for c in sheet[1]]
    assert header[4:8] == ["Mål 2023", "Faktisk 2023", "Grundlag", "Optalt fra deltagerlister"]
    companies = [c.value for c in sheet[2]]
    assert companies[1:9] == [
        "Unikke virksomheder fra regionen i klyngens aktiviteter",
        "virksomheder",
        1,
        2,
        2,
        "opgjort",
        2,
        "På sporet",
    ]
    money = [c.value for c in sheet[3]]
    assert money[4] == 1_500_000
    assert money[5] is None and money[8] == "Ingen data"  # no follow-up: empty, not 0
    assert sheet["E3"].number_format == "#,##0"


def test_it_shows_the_development_with_its_base(workbook):
    sheet = workbook["Udvikling"]
    assert [c.value for c in sheet[1]][2:4] == ["Omsætning 2022 (kr.)", "Omsætning 2023 (kr.)"]
    rows = {row[0].value: [c.value for c in row] for row in sheet.iter_rows(min_row=2)}
    assert rows["20000007"][2:] == [10_000_000, 12_000_000, 2_000_000, 20, 25, 5]
    assert rows["20000015"][5:] == [None, 9, None]
    overview = {
        row[0].value: row[1].value for row in workbook["Oversigt"].iter_rows() if row[0].value
    }
    assert overview["Unikke virksomheder (CVR)"] == 3
    assert overview["Omsætning, grundlag"] == "2 af 3 virksomheder"
    assert overview["Omsætning, ændring"] == 7


def test_it_titles_the_overview(workbook):
    assert workbook["Oversigt"]["A1"].value == (
        "Dokumentation 2023 – alle aftaler: 3 unikke virksomheder."
    )


def test_it_streams_every_company_of_a_large_package_in_order(tmp_path):
    from klyngeradar.core.agreements.participation import ParticipationRow
    from klyngeradar.core.registry.cvr import check_cvr

    cvrs = [f"{n:08d}" for n in range(10_000_000, 10_040_000) if check_cvr(f"{n:08d}") is None]
    cvrs = cvrs[:3_000]
    rows = [
        ParticipationRow(
            cvr, None, f"Virksomhed {cvr}", "Temadag", date(2023, 5, 4), None, "aau", None
        )
        for cvr in cvrs
    ]
    big = documentation_package(2023, AGREEMENTS, rows, as_of=date(2024, 2, 1))

    path = write_documentation_xlsx(big, tmp_path / "stor.xlsx")
    sheet = load_workbook(path)["Virksomheder"]

    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == sorted(cvrs)
    assert sheet.auto_filter.ref == f"A1:J{len(cvrs) + 1}"


def test_it_sets_each_kpi_s_targets_beside_its_actuals_per_year(tmp_path):
    trended = (
        AgreementFacts(
            slug="energi-nord",
            title="Energiaftale",
            cluster="energy-cluster-denmark",
            parties=("brn",),
            kpis=(
                AgreementKpi(
                    kpi_from_catalogue("unique_companies", targets={2022: 1, 2023: 2, 2024: 4}),
                    (FollowUp(2021, 1, "counted"), FollowUp(2023, 3, "estimated")),
                ),
            ),
        ),
    )
    built = documentation_package(
        2023, trended, read_participation(FIXTURES / "deltagere-2023.csv"), as_of=date(2024, 2, 1)
    )
    path = write_documentation_xlsx(built, tmp_path / "d.xlsx")
    sheet = load_workbook(path)["KPI-udvikling"]

    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Aftale", "KPI", "Enhed", "År", "Mål", "Faktisk", "Grundlag"]
    kpi = "Unikke virksomheder fra regionen i klyngens aktiviteter"
    # 2022 has a target but no follow-up: an empty cell, never 0; 2024 is after the year.
    assert rows[1:] == [
        ["Energiaftale", kpi, "virksomheder", 2021, None, 1, "opgjort"],
        ["Energiaftale", kpi, "virksomheder", 2022, 1, None, None],
        ["Energiaftale", kpi, "virksomheder", 2023, 2, 3, "skønnet"],
    ]
    assert sheet.freeze_panes == "A2"


def test_it_draws_a_native_line_chart_per_kpi_of_a_small_package(tmp_path):
    import re
    import zipfile

    path = write_documentation_xlsx(package(), tmp_path / "d.xlsx")
    with zipfile.ZipFile(path) as archive:
        charts = sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart"))
        xml = archive.read(charts[0]).decode()

    assert len(charts) == 2  # one per KPI of the package
    assert "<c:lineChart>" in xml
    # Categories are the KPI's years (column D), values its targets (E) and actuals (F).
    assert re.findall(r"<c:f>([^<]*)</c:f>", xml) == [
        "'KPI-udvikling'!$D$2",
        "'KPI-udvikling'!$E$2",
        "'KPI-udvikling'!$D$2",
        "'KPI-udvikling'!$F$2",
    ]
    assert "Mål" in xml and "Faktisk" in xml


def test_it_leaves_the_charts_out_of_a_package_with_many_kpis(tmp_path):
    import zipfile

    from klyngeradar.render.workbooks.documentation import TREND_CHARTS

    many = tuple(
        AgreementFacts(
            f"aftale-{n}",
            f"Aftale {n}",
            "odense-robotics",
            ("aau",),
            kpis=(AgreementKpi(kpi_from_catalogue("unique_companies", targets={2023: n})),),
        )
        for n in range(TREND_CHARTS + 1)
    )
    built = documentation_package(2023, many, [], as_of=date(2024, 2, 1))
    path = write_documentation_xlsx(built, tmp_path / "d.xlsx")
    with zipfile.ZipFile(path) as archive:
        assert not [n for n in archive.namelist() if n.startswith("xl/charts/")]
    assert load_workbook(path)["KPI-udvikling"].max_row == TREND_CHARTS + 2
