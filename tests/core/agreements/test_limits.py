"""Values the database cannot store are refused where they enter, with their place."""

from __future__ import annotations

import pytest

from klyngeradar.core.agreements.documentation import read_company_figures
from klyngeradar.core.agreements.participation import read_participation, validate_participation
from klyngeradar.core.problems import InputError

PARTICIPATION = {
    "cvr": "20000007",
    "company": "Nordjysk Stål ApS",
    "activity": "Temadag om brint",
    "date": "2023-03-14",
    "cluster": "energy-cluster-denmark",
}


def problems_of(call):
    with pytest.raises(InputError) as caught:
        call()
    return caught.value.problems


@pytest.mark.parametrize(
    ("column", "value", "reason_da"),
    [
        ("company", "x" * 201, "er 201 tegn lang; højst 200 er tilladt"),
        ("activity", "æ" * 10_000, "er 10.000 tegn lang; højst 200 er tilladt"),
        ("date", "1899-12-31", "ligger uden for årene 1900–2100"),
        ("date", "01-01-2101", "ligger uden for årene 1900–2100"),
    ],
)
def test_it_refuses_participation_the_database_cannot_store(column, value, reason_da):
    problems = problems_of(lambda: validate_participation([PARTICIPATION | {column: value}]))

    assert [(p.row, p.column, p.reason_da) for p in problems] == [(2, column, reason_da)]


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("company", "x" * 200),
        ("activity", "å" * 200),
        ("date", "1900-01-01"),
        ("date", "2100-12-31"),
    ],
)
def test_it_accepts_participation_at_the_limits(column, value):
    assert len(validate_participation([PARTICIPATION | {column: value}])) == 1


def test_it_names_the_file_of_a_refused_long_name(tmp_path):
    path = tmp_path / "deltagere.csv"
    path.write_text(
        "cvr;company;activity;date;cluster\n"
        f"20000007;{'N' * 300};Temadag;2023-03-14;energy-cluster-denmark\n",
        encoding="utf-8",
    )

    (problem,) = problems_of(lambda: read_participation(path))

    assert (problem.file, problem.row, problem.column) == ("deltagere.csv", 2, "company")
    assert len(problem.value) < 60


@pytest.mark.parametrize(
    ("line", "column", "reason_da"),
    [
        ("20000007;2023;1000;2147483648", "ansatte", "er større end 2.147.483.647, det største"),
        ("20000007;2023;9223372036854775808;3", "omsætning", "er for stort; højst 9.223.372.036"),
        ("20000007;1E+308;1000;3", "år", "er ikke et helt tal"),
        ("20000007;1899;1000;3", "år", "ligger uden for årene 1900–2100"),
        ("20000007;2101;1000;3", "år", "ligger uden for årene 1900–2100"),
    ],
)
def test_it_refuses_company_figures_the_database_cannot_store(tmp_path, line, column, reason_da):
    path = tmp_path / "tal.csv"
    path.write_text(f"cvr;år;omsætning;ansatte\n{line}\n", encoding="utf-8")

    (problem,) = problems_of(lambda: read_company_figures(path))

    assert (problem.file, problem.row, problem.column) == ("tal.csv", 2, column)
    assert problem.reason_da.startswith(reason_da)


def test_it_accepts_company_figures_at_the_limits(tmp_path):
    path = tmp_path / "tal.csv"
    path.write_text(
        "cvr;år;omsætning;ansatte\n20000007;2023;9223372036854775807;2147483647\n",
        encoding="utf-8",
    )

    (figure,) = read_company_figures(path)

    assert (figure.revenue_dkk, figure.employees) == (2**63 - 1, 2**31 - 1)
