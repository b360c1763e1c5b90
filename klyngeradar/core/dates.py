"""Dates written the Danish way (1. januar 2021) or the English way (1 January 2021)."""

from __future__ import annotations

from datetime import date

MONTHS = {
    "da": (
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def month_name(day: date, lang: str = "da") -> str:
    return MONTHS["en" if lang == "en" else "da"][day.month - 1]


def format_date(day: date, lang: str = "da") -> str:
    """date(2021, 1, 1) → "1. januar 2021" (da) or "1 January 2021" (en)."""
    if lang == "en":
        return f"{day.day} {month_name(day, 'en')} {day.year}"
    return f"{day.day}. {month_name(day)} {day.year}"


def format_month(day: date, lang: str = "da") -> str:
    """date(2023, 10, 1) → "Oktober 2023" (da) or "October 2023" (en)."""
    return f"{month_name(day, lang).capitalize()} {day.year}"
