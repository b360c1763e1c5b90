import pytest

from klyngeradar.core.problems import InputError, Problem


@pytest.mark.parametrize(
    ("problem", "text"),
    [
        (
            Problem(
                "is not a whole number",
                sheet="svar",
                cell="D7",
                column="members.region",
                value="ca. 40",
            ),
            'svar!D7 members.region: "ca. 40" is not a whole number',
        ),
        (
            Problem("unknown cluster", file="svar.csv", row=3, column="cluster", value="x"),
            'svar.csv: row 3 cluster: "x" unknown cluster',
        ),
        (Problem("the file is empty", file="svar.xlsx"), "svar.xlsx the file is empty"),
    ],
)
def test_it_names_where_what_and_why(problem, text):
    assert str(problem) == text


def test_it_carries_every_problem():
    error = InputError([Problem("a"), Problem("b")])
    assert [p.reason for p in error.problems] == ["a", "b"]
    assert str(error) == "a\nb"
