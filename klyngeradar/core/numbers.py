"""Whole numbers and percentages, read and written the Danish way.

Danish: 1.740 and 92 %. English: 1,740 and 92%. Reading accepts Danish
thousands separators ("1.740", "1 740") and refuses decimals, negatives and text.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from klyngeradar.core.problems import Refusal

_GROUPED = re.compile(r"^\d{1,3}([. ]\d{3})+$")
_PLAIN = re.compile(r"^\d+$")
# The reasons a number is refused, in English and Danish (see `Refusal`).
NOT_WHOLE, NOT_WHOLE_DA = "is not a whole number", "er ikke et helt tal"
NEGATIVE = "is negative; a whole number ≥ 0 is expected"
NEGATIVE_DA = "er negativt; et helt tal ≥ 0 forventes"
# Where numbers enter, they are held to what the databases store: PostgreSQL's
# integer and bigint (SQLite would take more and PostgreSQL then refuse it).
INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
# A text longer than this (1E+308 written out) is not a number anybody typed.
_LONGEST = 30


def parse_whole_number(value: object, maximum: int = INT64_MAX) -> int:
    """Return ``value`` as an int from 0 to `maximum`, or raise a `Refusal` a person can read.

    >>> parse_whole_number("1.740")
    1740
    """
    if isinstance(value, bool):
        raise Refusal(NOT_WHOLE, NOT_WHOLE_DA)
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise Refusal(NOT_WHOLE, NOT_WHOLE_DA)
        number = int(value)
    else:
        text = str(value).strip().replace("\u00a0", " ").replace("\u202f", " ")
        if len(text) > _LONGEST:
            raise _too_large(maximum)
        if text.startswith("-") and _PLAIN.match(text[1:].replace(".", "").replace(" ", "")):
            raise Refusal(NEGATIVE, NEGATIVE_DA)
        if _PLAIN.match(text):
            number = int(text)
        elif _GROUPED.match(text):
            number = int(text.replace(".", "").replace(" ", ""))
        else:
            raise Refusal(NOT_WHOLE, NOT_WHOLE_DA)
    if number < 0:
        raise Refusal(NEGATIVE, NEGATIVE_DA)
    if number > maximum:
        raise _too_large(maximum)
    return number


def _too_large(maximum: int) -> Refusal:
    return Refusal(
        f"is too large; at most {format_int(maximum, 'en')}",
        f"er for stort; højst {format_int(maximum)}",
    )


def percent(count: int, base: int) -> int | None:
    """Round count/base to a whole percentage, half up (12/13 → 92); None when base is 0."""
    if base == 0:
        return None
    value = Decimal(count * 100) / Decimal(base)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_int(number: int | None, lang: str = "da") -> str:
    """1740 → "1.740" (da) or "1,740" (en); None → "–"."""
    if number is None:
        return "–"
    text = f"{number:,}"
    return text.replace(",", ".") if lang == "da" else text


def format_fixed(value: Decimal | float | None, places: int, lang: str = "da") -> str:
    """1.234 with 2 places → "1,23" (da) or "1.23" (en), half up, grouped; None → "–"."""
    if value is None:
        return "–"
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{number:,.{places}f}"
    if lang == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def format_percent(value: int | None, lang: str = "da") -> str:
    """92 → "92 %" (da) or "92%" (en); None → "–"."""
    if value is None:
        return "–"
    return f"{value} %" if lang == "da" else f"{value}%"
