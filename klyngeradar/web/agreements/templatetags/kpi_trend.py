"""``{% kpi_trend_chart item %}``: a KPI's target and actual over its follow-up years.

The chart's options are plain JSON in a `json_script` block, drawn by the findings'
static charts.js; the table beside it holds the same numbers for readers without
JavaScript. A year without a follow-up is a gap (null), never 0.
"""

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from klyngeradar.core.agreements.kpi_trend import kpi_trend
from klyngeradar.core.numbers import format_int
from klyngeradar.web.agreements import convert

register = template.Library()
TARGET, ACTUAL, ESTIMATED = "#8a9bb0", "#0b4f6c", "#c77700"


def trend_options(trend, lang: str) -> dict:
    actual_data = [
        {
            "value": value,
            "itemStyle": {"color": ESTIMATED if estimated else ACTUAL},
            "label": {
                "formatter": format_int(value, lang) + (f" ({_('skøn')})" if estimated else "")
            },
        }
        if value is not None
        else None
        for value, estimated in zip(trend.actuals, trend.estimated, strict=True)
    ]
    return {
        "animation": False,
        "aria": {"enabled": True},
        "legend": {"bottom": 0},
        "grid": {"left": 8, "right": 8, "top": 24, "bottom": 32, "containLabel": True},
        "xAxis": {"type": "category", "data": [str(year) for year in trend.years]},
        "yAxis": {"type": "value", "minInterval": 1, "axisLabel": {"show": False}},
        "series": [
            {
                "name": _("Mål"),
                "type": "bar",
                "data": list(trend.targets),
                "itemStyle": {"color": TARGET},
                "label": {"show": True, "position": "top"},
            },
            {
                "name": _("Faktisk"),
                "type": "bar",
                "data": actual_data,
                "label": {"show": True, "position": "top"},
            },
        ],
    }


@register.inclusion_tag("agreements/kpi_trend.html")
def kpi_trend_chart(item):
    lang = "en" if (get_language() or "da").startswith("en") else "da"
    trend = kpi_trend(convert.core_kpi(item.kpi), convert.core_followups(item.kpi))
    return {
        "trend": trend,
        "rows": list(zip(trend.years, trend.targets, trend.actuals, trend.estimated, strict=True)),
        "options": trend_options(trend, lang),
        "chart_id": f"kpi-trend-{item.kpi.pk}",
    }
