from dataclasses import replace
from datetime import date

import pytest

from klyngeradar.core.agreements.participation import ParticipationRow
from klyngeradar.core.agreements.repeats import fingerprint, summary

ROWS = (
    ParticipationRow(
        "13748136", None, "A ApS", "Temadag", date(2024, 3, 1), "klynge-a", None, None
    ),
    ParticipationRow(
        "25313763", "1000000001", "B A/S", "Sparring", date(2024, 5, 2), None, "brn", "advice"
    ),
)


def test_it_gives_the_same_fingerprint_whatever_the_order_sheet_and_row_numbers():
    moved = tuple(replace(row, sheet="Ark2", row=n) for n, row in enumerate(reversed(ROWS)))
    assert fingerprint(moved) == fingerprint(ROWS)


@pytest.mark.parametrize(
    "change",
    [
        {"cvr": "10150817"},
        {"pnr": "1000000002"},
        {"company": "A Aps"},
        {"activity": "Temadag 2"},
        {"date": date(2024, 3, 2)},
        {"cluster": "klynge-b"},
        {"actor": "aau"},
        {"kind": "event"},
    ],
)
def test_it_gives_another_fingerprint_when_one_value_differs(change):
    assert fingerprint((replace(ROWS[0], **change), ROWS[1])) != fingerprint(ROWS)


def test_it_tells_a_repeated_row_from_a_single_one():
    assert fingerprint(ROWS + ROWS[:1]) != fingerprint(ROWS)


def test_it_summarises_the_rows_and_period():
    assert summary(ROWS).rows == 2
    assert (summary(ROWS).first, summary(ROWS).last) == (date(2024, 3, 1), date(2024, 5, 2))
    assert (summary(()).rows, summary(()).first) == (0, None)
