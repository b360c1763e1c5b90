"""The limits imported agreement data must keep, checked where the data enters.

The database stores names in 200 characters, employees in a 32-bit integer and
revenue in a 64-bit one, on SQLite and PostgreSQL alike. A file that exceeds
them is refused with the place and the limit, before anything is stored, so
that the same file is refused the same way on every database.
"""

from __future__ import annotations

from datetime import date

from klyngeradar.core.numbers import format_int
from klyngeradar.core.problems import Refusal

MAX_NAME = 200
MAX_EMPLOYEES = 2**31 - 1
MAX_REVENUE = 2**63 - 1
# Years a participation or a company figure can be for: wide enough for any real list.
FIRST_YEAR = 1900
LAST_YEAR = 2100


def check_name(text: str) -> Refusal | None:
    """Why ``text`` is too long for a name or an activity, or None."""
    if len(text) <= MAX_NAME:
        return None
    return Refusal(
        f"is {format_int(len(text), 'en')} characters long; at most {MAX_NAME} are allowed",
        f"er {format_int(len(text), 'da')} tegn lang; højst {MAX_NAME} er tilladt",
    )


def check_year(year: int) -> Refusal | None:
    """Why ``year`` is outside the years the data can be for, or None."""
    if FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return Refusal(
        f"is outside the years {FIRST_YEAR}–{LAST_YEAR}",
        f"ligger uden for årene {FIRST_YEAR}–{LAST_YEAR}",
    )


def check_date(day: date) -> Refusal | None:
    return check_year(day.year)


def check_at_most(number: int, limit: int) -> Refusal | None:
    """Why ``number`` is larger than ``limit`` (e.g. `MAX_EMPLOYEES`), or None."""
    if number <= limit:
        return None
    return Refusal(
        f"is larger than {format_int(limit, 'en')}, the largest number that can be stored",
        f"er større end {format_int(limit, 'da')}, det største tal der kan gemmes",
    )
