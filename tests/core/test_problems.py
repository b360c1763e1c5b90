import pytest

from klyngeradar.core.problems import InputError, Problem, Refusal, danish_reason


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


@pytest.mark.parametrize(
    ("problem", "lang", "text"),
    [
        (
            Problem(
                "is not a whole number",
                sheet="svar",
                cell="D7",
                column="members.region",
                value="ca. 40",
                reason_da="er ikke et helt tal",
            ),
            "da",
            'svar!D7 members.region: "ca. 40" er ikke et helt tal',
        ),
        (
            Problem("is empty", sheet="svar", row=5, reason_da="er tom"),
            "da",
            "svar række 5 er tom",
        ),
        (
            Problem("unknown cluster", file="svar.csv", row=3, column="cluster", value="x"),
            "da",
            'svar.csv: række 3 cluster: "x" unknown cluster',
        ),
        (
            Problem(
                "unknown cluster",
                file="svar.csv",
                row=3,
                column="cluster",
                value="x",
                reason_da="ukendt klynge",
            ),
            "da",
            'svar.csv: række 3 cluster: "x" ukendt klynge',
        ),
        (
            Problem(
                "unknown cluster",
                file="svar.csv",
                row=3,
                column="cluster",
                value="x",
                reason_da="ukendt klynge",
            ),
            "en",
            'svar.csv: row 3 cluster: "x" unknown cluster',
        ),
        (
            Problem("the file is empty", file="svar.xlsx", reason_da="filen er tom"),
            "da",
            "svar.xlsx filen er tom",
        ),
        (Problem("is empty", reason_da="er tom"), "da", "er tom"),
        (Problem("is empty", reason_da=""), "da", "is empty"),
        (Problem("is empty", reason_da="er tom"), "de", "is empty"),
    ],
)
def test_it_names_where_what_and_why_in_the_language_asked_for(problem, lang, text):
    assert problem.text(lang) == text


@pytest.mark.parametrize(
    "problem",
    [
        Problem("is not a whole number", sheet="svar", cell="D7", value="x", reason_da="da"),
        Problem("is empty", file="a.csv", sheet="svar", row=5, column="c", reason_da="er tom"),
        Problem("is empty", row=5, reason_da="er tom"),
        Problem("warned", severity="warning", reason_da="advaret"),
    ],
)
def test_it_keeps_the_english_text_whatever_the_danish_reason(problem):
    assert str(problem) == problem.text() == problem.text("en")
    assert problem.reason_da not in str(problem)


@pytest.mark.parametrize(
    ("problem", "lang", "reason"),
    [
        (Problem("is empty", reason_da="er tom"), "da", "er tom"),
        (Problem("is empty", reason_da="er tom"), "en", "is empty"),
        (Problem("is empty"), "da", "is empty"),
    ],
)
def test_it_gives_the_reason_alone_in_a_language(problem, lang, reason):
    assert problem.reason_in(lang) == reason


def test_it_still_takes_every_field_in_the_old_order():
    problem = Problem("why", "f.csv", "svar", 3, "cluster", "B3", "x", "warning")
    assert (problem.file, problem.cell, problem.severity, problem.reason_da) == (
        "f.csv",
        "B3",
        "warning",
        None,
    )


def test_its_error_message_stays_english():
    error = InputError([Problem("is empty", row=2, reason_da="er tom")])
    assert str(error) == "row 2 is empty"


def test_a_refusal_is_a_value_error_with_the_english_reason_and_the_danish_one():
    with pytest.raises(ValueError, match="^is not a whole number$") as caught:
        raise Refusal("is not a whole number", "er ikke et helt tal")
    assert danish_reason(caught.value) == "er ikke et helt tal"
    assert danish_reason(ValueError("is not a whole number")) is None
