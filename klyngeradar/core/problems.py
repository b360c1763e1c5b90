"""Problems found in input: where, what and why, and the error that carries them.

Every reason is written in English (the CLI's and the spec's text, which tools
and tests rely on) and, where the reader knows it, in Danish too
(``reason_da``), so that the Danish web pages can show it in Danish:
``problem.text("da")``. A `Refusal` is the ValueError that carries both texts
out of a parser (e.g. `klyngeradar.core.numbers.parse_whole_number`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
# The one location word in a problem's text; cell references such as svar!D7 need none.
_ROW_WORD = {"en": "row", "da": "række"}


@dataclass(frozen=True)
class Problem:
    """One problem in an input file, located as precisely as the input allows.

    `row` is the 1-based row number as a spreadsheet shows it (the header is row 1);
    `column` is the column's header name (e.g. ``members.region``); `cell` is the
    spreadsheet reference (e.g. ``D7``) when known. `reason_da` is the reason in
    Danish, when the reader that found the problem knows it.
    """

    reason: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    cell: str | None = None
    value: str | None = None
    severity: Severity = "error"
    reason_da: str | None = None

    def reason_in(self, lang: str = "en") -> str:
        """The reason in Danish when ``lang`` is "da" and it is known, else in English."""
        return self.reason_da if lang == "da" and self.reason_da else self.reason

    def text(self, lang: str = "en") -> str:
        """The whole problem as one line: where, what and why, in ``lang`` ("da" or "en").

        >>> Problem("is empty", reason_da="er tom", sheet="svar", row=3).text("da")
        'svar række 3 er tom'
        """
        row_word = _ROW_WORD["da" if lang == "da" else "en"]
        where = ""
        if self.sheet and self.cell:
            where = f"{self.sheet}!{self.cell}"
        elif self.sheet and self.row:
            where = f"{self.sheet} {row_word} {self.row}"
        elif self.sheet:
            where = self.sheet
        elif self.row:
            where = f"{row_word} {self.row}"
        if self.file:
            where = f"{self.file}: {where}" if where else self.file
        what = self.column or ""
        if self.value is not None:
            what = f'{what}: "{self.value}"' if what else f'"{self.value}"'
        head = " ".join(part for part in (where, what) if part)
        reason = self.reason_in(lang)
        return f"{head} {reason}" if head else reason

    def __str__(self) -> str:
        return self.text("en")


class InputError(Exception):
    """Raised when an input is refused; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class Refusal(ValueError):
    """A ValueError whose message is a problem's English reason, carrying the Danish one too.

    ``str(error)`` stays the English reason, so code that reads a ValueError's
    message is unchanged; a reader building a `Problem` passes
    ``reason_da=danish_reason(error)`` as well.
    """

    def __init__(self, reason: str, reason_da: str):
        super().__init__(reason)
        self.reason_da = reason_da


def danish_reason(error: BaseException) -> str | None:
    """The Danish reason a `Refusal` carries; None for any other error."""
    return error.reason_da if isinstance(error, Refusal) else None
