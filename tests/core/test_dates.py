from datetime import date

import pytest

from klyngeradar.core.dates import format_date, format_month


@pytest.mark.parametrize(
    ("day", "lang", "text"),
    [
        (date(2021, 1, 1), "da", "1. januar 2021"),
        (date(2021, 1, 1), "en", "1 January 2021"),
        (date(2023, 12, 24), "da", "24. december 2023"),
        (date(2024, 5, 9), "en", "9 May 2024"),
    ],
)
def test_it_writes_dates_in_danish_and_english(day, lang, text):
    assert format_date(day, lang) == text


def test_it_writes_a_month_for_a_title_slide():
    assert format_month(date(2023, 10, 1)) == "Oktober 2023"
    assert format_month(date(2023, 10, 1), "en") == "October 2023"
