"""How an appendix sheet is laid out for the screen and for print.

Number formats (whole numbers ``#,##0``, which Danish Excel shows as 1.740; years
``0``; dates ``dd-mm-yyyy``), column widths, and row heights for wrapped text:
XlsxWriter cannot measure text, and neither Excel nor LibreOffice grows a row
for wrapped text it did not lay out itself, so the heights are estimated here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

INTEGER = "#,##0"
YEAR = "0"
DATE = "dd-mm-yyyy"
DATETIME = "dd-mm-yyyy hh:mm"
MAX_WIDTH = 45
# About the characters a landscape A4 page holds at 100 %: wrapped columns share what the
# other columns leave, so that a sheet of few columns prints at full size on fewer pages.
PAGE_WIDTH = 150
WIDE_TEXT = 100
# A header wider than this wraps onto more lines, so that narrow number columns stay narrow.
HEADER_WIDTH = 16
LINE_HEIGHT = 15


def is_year_column(header: str) -> bool:
    """True for a column of years by its header ("tal fra år", "år", "year")."""
    return re.search(r"\b(år|årstal|year)\b", header.casefold()) is not None


def widths_of(header: Sequence[str], rows: list[tuple[object, ...]]) -> list[int]:
    """Each column's width in characters: its header (wrapped when long) or its widest cell."""
    widths = [min(len(str(h)) + 2, HEADER_WIDTH) for h in header]
    longest = list(widths)
    for row in rows:
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, datetime):
                shown = DATETIME
            elif isinstance(value, date):
                shown = DATE
            elif isinstance(value, int | float) and not isinstance(value, bool):
                shown = f"{value:,}"
            else:
                shown = str(value)
            widths[c] = max(widths[c], min(len(shown) + 2, MAX_WIDTH))
            longest[c] = max(longest[c], len(shown) + 2)
    return _share_the_page(widths, longest)


def _share_the_page(widths: list[int], longest: list[int]) -> list[int]:
    """Widen the wrapped columns into the room the page has left, up to their longest text."""
    wrapped = [c for c, width in enumerate(widths) if width >= MAX_WIDTH]
    if not wrapped:
        return widths
    room = PAGE_WIDTH - sum(w for c, w in enumerate(widths) if c not in wrapped)
    share = min(max(room // len(wrapped), MAX_WIDTH), WIDE_TEXT)
    return [
        min(max(share, MAX_WIDTH), longest[c]) if c in wrapped else width
        for c, width in enumerate(widths)
    ]


def lines_of(text: str, width: float) -> int:
    """How many lines `text` takes in a column `width` characters wide (a generous guess)."""
    per_line = max(int(width), 1)
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def escape(text: str) -> str:
    """`text` for Excel's header/footer syntax, where "&" starts a code and must be doubled."""
    return text.replace("&", "&&")
