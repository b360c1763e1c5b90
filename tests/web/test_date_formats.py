from datetime import date, datetime

import pytest
from django.template import Context, Template
from django.utils import translation


@pytest.mark.parametrize(
    ("lang", "day", "moment"),
    [
        ("da", "1. januar 2021", "24. december 2023 14:05"),
        ("en", "1 January 2021", "24 December 2023, 14:05"),
    ],
)
def test_it_writes_dates_the_european_way_in_both_languages(lang, day, moment):
    template = Template('{{ day|date:"DATE_FORMAT" }}|{{ moment|date:"DATETIME_FORMAT" }}')
    with translation.override(lang):
        text = template.render(
            Context({"day": date(2021, 1, 1), "moment": datetime(2023, 12, 24, 14, 5)})
        )
    assert text == f"{day}|{moment}"


@pytest.mark.parametrize(
    ("lang", "arg", "expected"),
    [
        ("da", "", "1. dec. 2026"),
        ("da", "time", "1. dec. 2026 09:05"),
        ("da", "noyear,time", "1. dec. 09:05"),
        ("en", "", "1 Dec 2026"),
        ("en", "time", "1 Dec 2026 09:05"),
    ],
)
def test_it_abbreviates_the_month_as_each_language_does(lang, arg, expected):
    template = Template("{% load short_dates %}{{ moment|short_date:arg }}")
    with translation.override(lang):
        text = template.render(Context({"moment": datetime(2026, 12, 1, 9, 5), "arg": arg}))
    assert text == expected


@pytest.mark.parametrize(("month", "danish"), [(5, "3. maj 2026"), (6, "3. jun. 2026")])
def test_it_writes_the_short_danish_month_names_without_a_full_stop_where_danish_does(
    month, danish
):
    template = Template("{% load short_dates %}{{ day|short_date }}")
    with translation.override("da"):
        assert template.render(Context({"day": date(2026, month, 3)})) == danish
