"""Damaged files are refused with the file named and the reason; none crashes a reader.

The files in tests/fixtures/fuzz/ each once crashed the survey exchange,
participation list and company figure readers (or, for the understated
dimension, made them drop rows); `make.py` there shows how each was made.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from klyngeradar.core.agreements.documentation import read_company_figures
from klyngeradar.core.agreements.participation import read_participation
from klyngeradar.core.problems import InputError
from klyngeradar.core.surveys.exchange import read_round

FUZZ = Path(__file__).resolve().parents[1] / "fixtures" / "fuzz"
READERS = [read_round, read_participation, read_company_figures]

REFUSED = [
    ("csv-cell-too-long.csv", "row 3 has a cell longer than 131,072 characters"),
    ("csv-unclosed-quote.csv", 'has a quote (") that is never closed'),
    ("csv-bom-not-utf8.csv", "row 2 starts with a UTF-8 mark (BOM) but is not UTF-8 text"),
    ("xlsx-bad-cell-reference.xlsx", "is damaged and cannot be read"),
    ("xlsx-bad-row-reference.xlsx", "is damaged and cannot be read"),
    ("xlsx-nan-number.xlsx", 'svar!C3 "NaN" is not a number'),
    ("xlsx-inf-number.xlsx", 'svar!C3 "INF" is not a number'),
    ("xlsx-minus-inf-number.xlsx", 'svar!C3 "-inf" is not a number'),
    ("xlsx-overflowing-number.xlsx", "svar!C3 is not a number"),
    ("xlsx-column-beyond-xfd.xlsx", "svar!XFE3 is beyond column XFD, the last column of a sheet"),
    ("xlsx-row-beyond-last.xlsx", "svar!A1048577 is beyond row 1,048,576, the last row of a sheet"),
    ("xlsx-row-number-huge.xlsx", "svar!A9999999999 is beyond row 1,048,576"),
    ("xlsx-shared-string-out-of-range.xlsx", "is damaged and cannot be read"),
    ("xlsx-missing-sheet-part.xlsx", "is a damaged .xlsx workbook that cannot be read"),
    ("xlsx-missing-shared-strings.xlsx", "is not a readable .xlsx workbook"),
    ("xlsx-broken-xml.xlsx", "is damaged and cannot be read"),
    ("xlsx-zip-bomb.xlsx", "it looks like a zip bomb"),
    (
        "xlsx-formula-without-value.xlsx",
        'svar!C3 "=100+1" is a formula without a saved value; open the file in Excel',
    ),
]


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.__name__)
@pytest.mark.parametrize(("name", "reason"), REFUSED)
def test_it_refuses_a_damaged_file_naming_it_and_why(reader, name, reason):
    with pytest.raises(InputError) as refused:
        reader(FUZZ / name)
    texts = [str(problem) for problem in refused.value.problems]
    assert all(text.startswith(name) for text in texts)
    assert any(reason in text for text in texts), texts
    assert all(problem.reason_da for problem in refused.value.problems)


def test_it_reads_every_row_when_the_dimension_understates_the_sheet():
    data = read_round(FUZZ / "xlsx-dimension-understated.xlsx", region="1081")
    assert [r.cluster for r in data.responses] == [f"klynge-{x}" for x in "abcdef"]
    assert [r.answers["members.region"] for r in data.responses] == list(range(100, 106))


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.__name__)
@pytest.mark.parametrize(
    ("name", "reason_da"),
    [
        ("xlsx-nan-number.xlsx", 'svar!C3 "NaN" er ikke et tal'),
        (
            "xlsx-column-beyond-xfd.xlsx",
            "svar!XFE3 ligger efter kolonne XFD, et arks sidste kolonne",
        ),
        (
            "xlsx-row-beyond-last.xlsx",
            "svar!A1048577 ligger efter række 1.048.576, et arks sidste række",
        ),
    ],
)
def test_it_names_the_cell_in_danish(reader, name, reason_da):
    with pytest.raises(InputError) as refused:
        reader(FUZZ / name)
    assert [problem.text("da") for problem in refused.value.problems] == [f"{name}: {reason_da}"]
