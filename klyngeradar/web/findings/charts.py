"""ECharts options, built on the server as plain JSON (no functions), for `json_script`.

Every bar carries its own label already formatted the Danish way (1.740), so
the browser never formats a number; the value axis has no labels for the same
reason. Estimates get the accent colour and the word "skøn" in their label, so
colour is never the only sign.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from klyngeradar.core.numbers import format_int

COUNTED = "#0b4f6c"
ESTIMATED = "#c77700"
ROW_HEIGHT = 30


class BarLike(Protocol):
    label: str
    value: int | None
    estimated: bool


def bar_chart(bars: Sequence[BarLike]) -> dict:
    """A horizontal bar chart, one row per bar, in the given order (top to bottom)."""
    lang = "en" if (get_language() or "da").startswith("en") else "da"
    data = []
    for bar in bars:
        text = format_int(bar.value, lang)
        if bar.estimated:
            text = f"{text} ({_('skøn')})"
        data.append(
            {
                "value": bar.value,
                "itemStyle": {"color": ESTIMATED if bar.estimated else COUNTED},
                "label": {"formatter": text},
            }
        )
    return {
        "animation": False,
        "aria": {"enabled": True},
        "grid": {"left": 8, "right": 72, "top": 4, "bottom": 4, "containLabel": True},
        "xAxis": {
            "type": "value",
            "minInterval": 1,
            "axisLabel": {"show": False},
            "splitLine": {"show": False},
        },
        "yAxis": {
            "type": "category",
            "inverse": True,
            "data": [bar.label for bar in bars],
            "axisTick": {"show": False},
            "axisLabel": {"width": 190, "overflow": "truncate", "color": "#1c2430"},
        },
        "series": [
            {
                "type": "bar",
                "data": data,
                "barMaxWidth": 22,
                "label": {"show": True, "position": "right", "color": "#1c2430"},
            }
        ],
    }


def chart_height(bars: Sequence[BarLike]) -> int:
    """The chart's height in pixels: one row per bar."""
    return max(len(bars), 1) * ROW_HEIGHT + 16
