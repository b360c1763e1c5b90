"""The findings chart: numbers formatted for the page's language, estimates marked twice."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.utils import translation

from klyngeradar.web.findings.charts import bar_chart


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | None
    estimated: bool


@pytest.mark.parametrize(
    ("lang", "counted", "estimated"),
    [("da", "1.740", "4.324 (skøn)"), ("en", "1,740", "4,324 (estimate)")],
)
def test_it_formats_every_bar_and_marks_estimates_by_colour_and_word(lang, counted, estimated):
    with translation.override(lang):
        chart = bar_chart([Bar("Opgjort", 1740, False), Bar("Skønnet", 4324, True)])
    first, second = chart["series"][0]["data"]
    assert first == {
        "value": 1740,
        "itemStyle": {"color": "#0b4f6c"},
        "label": {"formatter": counted},
    }
    assert second == {
        "value": 4324,
        "itemStyle": {"color": "#c77700"},
        "label": {"formatter": estimated},
    }
    assert chart["yAxis"]["data"] == ["Opgjort", "Skønnet"]
