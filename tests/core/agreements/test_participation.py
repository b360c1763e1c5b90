from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from klyngeradar.core.agreements.participation import (
    ParticipationRow,
    count_unique_companies,
    parse_participation_date,
    read_participation,
    support_kind,
    unique_companies,
    validate_participation,
)
from klyngeradar.core.problems import InputError

FIXTURES = Path(__file__).parents[2] / "fixtures" / "participation"
CLUSTERS = ("energy-cluster-denmark", "food-bio-cluster-denmark", "odense-robotics")
ACTORS = ("brn", "erhvervshus-nordjylland", "aau")


def record(**overrides):
    values = {
        "cvr": "20000007",
        "company": "Nordjysk Stål ApS",
        "activity": "Temadag om brint",
        "date": "2023-03-14",
        "cluster": "energy-cluster-denmark",
    }
    values.update(overrides)
    return values


def problems_of(call):
    with pytest.raises(InputError) as caught:
        call()
    return caught.value.problems


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-03-14", date(2023, 3, 14)),
        ("14-03-2023", date(2023, 3, 14)),
        ("14.03.2023", date(2023, 3, 14)),
        ("4.3.2023", date(2023, 3, 4)),
        (datetime(2023, 3, 14, 0, 0), date(2023, 3, 14)),
        (date(2023, 3, 14), date(2023, 3, 14)),
    ],
)
def test_it_reads_iso_and_danish_dates(text, expected):
    assert parse_participation_date(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("14/03/2023", "is not a date"),
        ("marts 2023", "is not a date"),
        ("31-02-2023", "is not a calendar date"),
        ("2023-13-01", "is not a calendar date"),
    ],
)
def test_it_refuses_other_dates(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_participation_date(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("advice", "advice"),
        ("Rådgivning", "advice"),
        ("vejledning", "advice"),
        ("innovation", "innovation"),
        ("temadag", "event"),
        ("Arrangement", "event"),
        ("projekt", "project"),
        ("andet", "other"),
        ("kaffe", None),
    ],
)
def test_it_knows_the_kinds_of_support_and_their_danish_names(text, kind):
    assert support_kind(text) == kind


def test_it_returns_frozen_rows_with_normalised_numbers():
    (row,) = validate_participation(
        [record(cvr="DK 2000 0007", pnr="10 0338 8394", kind="Temadag", actor="brn")],
        clusters=CLUSTERS,
        actors=ACTORS,
    )
    assert row == ParticipationRow(
        cvr="20000007",
        pnr="1003388394",
        company="Nordjysk Stål ApS",
        activity="Temadag om brint",
        date=date(2023, 3, 14),
        cluster="energy-cluster-denmark",
        actor="brn",
        kind="event",
        sheet=None,
        row=2,
    )
    with pytest.raises(AttributeError):
        row.cvr = "1"  # type: ignore[misc]


def test_it_accepts_a_p_number_that_fails_modulus_11():
    (row,) = validate_participation([record(pnr="1000000000")])
    assert row.pnr == "1000000000"


@pytest.mark.parametrize(
    ("overrides", "column", "value", "reason"),
    [
        ({"cvr": "20000008"}, "cvr", "20000008", "check digit"),
        ({"cvr": "2000000"}, "cvr", "2000000", "8 are expected"),
        ({"cvr": ""}, "cvr", None, "is empty"),
        ({"pnr": "12345"}, "pnr", "12345", "10 digits"),
        ({"date": "14/03/2023"}, "date", "14/03/2023", "is not a date"),
        ({"date": ""}, "date", None, "is empty"),
        ({"company": " "}, "company", None, "is empty"),
        ({"activity": ""}, "activity", None, "is empty"),
        ({"cluster": "clean-tech"}, "cluster", "clean-tech", "not a known cluster"),
        ({"actor": "aalborg"}, "actor", "aalborg", "not a known actor"),
        ({"cluster": "", "actor": ""}, "cluster", None, "needs a cluster or an actor"),
        ({"kind": "kaffe"}, "kind", "kaffe", "is not a kind of support"),
    ],
)
def test_it_names_row_column_value_and_reason_of_each_problem(overrides, column, value, reason):
    rows = [record(cvr="20000015", activity="Første"), record(**overrides)]
    problems = problems_of(
        lambda: validate_participation(rows, clusters=CLUSTERS, actors=ACTORS, sheet="Deltagere")
    )
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.sheet, problem.row, problem.column, problem.value) == (
        "Deltagere",
        3,
        column,
        value,
    )
    assert reason in problem.reason


def test_it_does_not_check_slugs_when_no_known_list_is_given():
    (row,) = validate_participation([record(cluster="any-cluster", actor="any-actor")])
    assert (row.cluster, row.actor) == ("any-cluster", "any-actor")


def test_it_names_both_rows_of_a_duplicate():
    rows = [
        record(),
        record(cvr="20000015"),
        record(date="14-03-2023", activity="temadag om BRINT"),
    ]
    problems = problems_of(lambda: validate_participation(rows))
    assert [(p.row, p.column) for p in problems] == [(4, "cvr")]
    assert "duplicate of row 2" in problems[0].reason


def test_it_keeps_the_same_company_in_different_activities():
    rows = validate_participation([record(), record(activity="Innovationssprint")])
    assert len(rows) == 2


@pytest.mark.parametrize(
    ("columns", "missing"),
    [
        (("company", "activity", "date", "cluster"), ["cvr"]),
        (("cvr", "activity", "date", "cluster"), ["company"]),
        (("cvr", "company", "activity", "cluster"), ["date"]),
        (("cvr", "company", "activity", "date"), ["cluster/actor"]),
    ],
)
def test_it_refuses_a_list_without_a_required_column(columns, missing):
    full = record()
    rows = [{name: full[name] for name in columns}]
    problems = problems_of(lambda: validate_participation(rows))
    assert [p.column for p in problems] == missing
    assert problems[0].row == 1


def test_it_reports_every_problem_and_keeps_nothing():
    rows = [record(cvr="1"), record(date="i går"), record(cluster="x")]
    problems = problems_of(lambda: validate_participation(rows, clusters=CLUSTERS))
    assert [(p.row, p.column) for p in problems] == [(2, "cvr"), (3, "date"), (4, "cluster")]


def test_it_reads_a_csv_list():
    rows = read_participation(FIXTURES / "deltagere-2023.csv", clusters=CLUSTERS, actors=ACTORS)
    assert len(rows) == 7
    assert rows[3].kind == "advice" and rows[3].date == date(2023, 10, 12)


def test_it_reads_a_csv_saved_by_danish_excel_with_danish_column_names():
    rows = read_participation(FIXTURES / "deltagere-dansk-excel.csv", clusters=CLUSTERS)
    assert [r.company for r in rows] == ["Østervrå Æblemost ApS", "Løkken Blæsegrej A/S"]
    assert [r.kind for r in rows] == ["event", "advice"]
    assert rows[1].actor is None


def test_it_refuses_a_file_with_an_invalid_cvr_and_a_duplicate_naming_both():
    problems = problems_of(lambda: read_participation(FIXTURES / "afvist-2023.csv"))
    assert [str(p) for p in problems] == [
        'afvist-2023.csv: row 3 cvr: "20000008" is not a valid CVR number: '
        "the check digit is wrong (modulus 11)",
        'afvist-2023.csv: row 4 cvr: "20000007" is a duplicate of row 2 '
        "(same CVR, activity and date)",
    ]


def _workbook(path, sheets):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def test_it_reads_every_list_sheet_of_a_workbook_and_skips_instructions(tmp_path):
    header = ["CVR", "Virksomhed", "Aktivitet", "Dato", "Klynge"]
    path = _workbook(
        tmp_path / "deltagere.xlsx",
        {
            "Vejledning": [["Udfyld et ark pr. klynge"]],
            "Energi": [header, [20000007, "Nordjysk Stål ApS", "Temadag", datetime(2023, 3, 14)]],
            "Robotter": [header, [20000015.0, "Limfjord Software A/S", "Sprint", "2023-04-01"]],
        },
    )
    problems = problems_of(lambda: read_participation(path))
    # The first data row has no cluster: named by sheet and cell.
    assert [(p.sheet, p.cell) for p in problems] == [("Energi", "E2"), ("Robotter", "E2")]


def test_it_finds_duplicates_across_sheets(tmp_path):
    header = ["cvr", "company", "activity", "date", "actor"]
    row = [20000007, "Nordjysk Stål ApS", "Temadag", "2023-03-14", "brn"]
    path = _workbook(
        tmp_path / "deltagere.xlsx", {"Forår": [header, row], "Efterår": [header, row]}
    )
    problems = problems_of(lambda: read_participation(path))
    assert len(problems) == 1
    assert problems[0].sheet == "Efterår"
    assert "duplicate of Forår row 2" in problems[0].reason


def test_it_refuses_a_workbook_without_a_list(tmp_path):
    path = _workbook(tmp_path / "tom.xlsx", {"Ark1": [["Telefon", "Adresse"], ["1", "A"]]})
    problems = problems_of(lambda: read_participation(path))
    assert problems[0].file == "tom.xlsx"
    assert "no participation list" in problems[0].reason


@pytest.fixture
def rows():
    return read_participation(FIXTURES / "deltagere-2023.csv")


def test_it_counts_unique_companies_by_cvr_per_cluster(rows):
    assert unique_companies(rows, by="cluster") == {
        "energy-cluster-denmark": 2,
        "food-bio-cluster-denmark": 1,
        "odense-robotics": 3,
    }


def test_it_counts_unique_companies_per_year_and_per_actor(rows):
    assert unique_companies(rows, by="year") == {2023: 4, 2024: 1}
    # Rows without an actor are not counted under any actor.
    assert unique_companies(rows, by="actor") == {"aau": 2, "brn": 2, "erhvervshus-nordjylland": 1}


def test_it_counts_by_several_groupings_at_once(rows):
    assert unique_companies(rows, by=("cluster", "year"))[("odense-robotics", 2023)] == 2
    assert unique_companies(rows, by=("kind",)) == {
        ("advice",): 1,
        ("event",): 3,
        ("innovation",): 1,
        ("project",): 2,
    }


def test_it_counts_all_unique_companies(rows):
    assert count_unique_companies(rows) == 5
    assert count_unique_companies(()) == 0


def test_it_refuses_an_unknown_grouping(rows):
    with pytest.raises(ValueError, match="cannot count by 'municipality'"):
        unique_companies(rows, by="municipality")
