"""Short dates with the month abbreviated as each language does it: "1. dec. 2026" / "1 Dec 2026".

Django's ``M`` writes "Dec" in every language; Danish abbreviates in lower case
with a full stop, except the short month names maj, juni and juli.
"""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import timezone
from django.utils.translation import get_language

register = template.Library()

DANISH_MONTHS = (
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "maj",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "dec.",
)
ENGLISH_MONTHS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def short_date_text(value: date | datetime, lang: str, *, year: bool = True, time: bool = False):
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    danish = not lang.startswith("en")
    month = (DANISH_MONTHS if danish else ENGLISH_MONTHS)[value.month - 1]
    text = f"{value.day}. {month}" if danish else f"{value.day} {month}"
    if year:
        text += f" {value.year}"
    if time and isinstance(value, datetime):
        text += f" {value:%H:%M}"
    return text


@register.filter
def short_date(value, arg: str = ""):
    """`{{ d|short_date }}`; options "time" and "noyear": `{{ d|short_date:"noyear,time" }}`."""
    if value in (None, ""):
        return ""
    options = set(arg.split(","))
    return short_date_text(
        value, get_language() or "da", year="noyear" not in options, time="time" in options
    )
