"""The appendices workbook: one sheet per appendix, formatted, readable back as a round."""

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.registry.reference import reference_clusters
from klyngeradar.core.strategy.decisions import AnalystDecision, apply_decisions
from klyngeradar.core.strategy.plan import demo_strategy
from klyngeradar.core.strategy.recommendations import recommend
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.core.surveys.exchange import read_round
from klyngeradar.render.workbooks.appendices import write_appendices


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
        "Kort",
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


CMA, CALL, SHARED = "cross_municipal_agreement", "targeted_call", "shared_environment"


@pytest.fixture(scope="module")
def decided_workbook(tmp_path_factory):
    round = demo_round()
    decisions = (
        AnalystDecision(
            subject_kind="cluster",
            subject="klynge-a",
            verdict="changed",
            model=CALL,
            recommended=CMA,
            reason="Passer til udbuddet om digitalisering",
            decided_by="Anna Analytiker",
            decided_at=datetime(2023, 10, 3, 14, 5),
        ),
        AnalystDecision(
            subject_kind="cluster",
            subject="klynge-b",
            verdict="accepted",
            model="concrete_collaboration",
            recommended="concrete_collaboration",
        ),
        AnalystDecision(
            subject_kind="effort",
            subject="arbejdskraft",
            verdict="rejected",
            model=None,
            recommended=CALL,
            reason="Dækket af et andet udbud",
        ),
        AnalystDecision(
            subject_kind="effort",
            subject="internationalisering",
            verdict="accepted",
            model=CALL,
            recommended=CALL,
        ),
    )
    path = write_appendices(
        tmp_path_factory.mktemp("besluttet") / "bilag.xlsx",
        round=round,
        findings=compute_findings(round),
        recommendations=apply_decisions(recommend(round, strategy=demo_strategy()), decisions),
    )
    return load_workbook(path)


def rows_of(sheet):
    header = [cell.value for cell in sheet[1]]
    return [
        dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)
    ]


def test_it_carries_the_decision_beside_each_clusters_recommendation(decided_workbook):
    rows = {row["klynge"]: row for row in rows_of(decided_workbook["Fit og anbefalinger"])}
    a = rows["klynge-a"]
    assert (a["model"], a["anbefaling"]) == (CMA, "Tværkommunale aftaler gennem BRN")
    assert a["beslutning"] == "anden model valgt"
    assert a["besluttet model"] == "Satsning/udbud inden for en central indsats"
    assert a["begrundelse for beslutningen"] == "Passer til udbuddet om digitalisering"
    assert a["besluttet af"] == "Anna Analytiker"
    assert a["besluttet"] == datetime(2023, 10, 3, 14, 5)
    assert a["anbefaling ændret siden"] is False
    assert rows["klynge-b"]["anbefaling ændret siden"] is True
    assert rows["klynge-c"]["beslutning"] == "ikke behandlet"
    assert len(decided_workbook["Fit og anbefalinger"]._charts) == 1


def test_it_lists_every_recommendation_with_its_decision_on_a_sheet_of_its_own(decided_workbook):
    assert decided_workbook.sheetnames[-2:] == ["Beslutninger", "Aftaler og KPI'er"]
    rows = rows_of(decided_workbook["Beslutninger"])
    by_subject = {(row["niveau"], row["emne"]): row for row in rows}
    assert len(rows) == 13 + 5 + 1 + 1  # clusters, targeted calls, region, no longer given
    call = by_subject[("indsats", "arbejdskraft")]
    assert (call["navn"], call["beslutning"], call["begrundelse for beslutningen"]) == (
        "Kvalificeret arbejdskraft",
        "afvist",
        "Dækket af et andet udbud",
    )
    gone = by_subject[("indsats", "internationalisering")]
    assert gone["anbefaling nu"] == "gives ikke længere"
    assert gone["anbefaling ved beslutningen"] == "Satsning/udbud inden for en central indsats"
    assert by_subject[("region", SHARED)]["beslutning"] == "ikke behandlet"


def test_it_adds_no_decision_columns_without_decisions(workbook):
    header = [cell.value for cell in workbook["Fit og anbefalinger"][1]]
    assert header[-1] == "begrundelser"
    assert "Beslutninger" not in workbook.sheetnames
