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
