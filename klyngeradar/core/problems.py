"""Problems found in input: where, what and why, and the error that carries them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One problem in an input file, located as precisely as the input allows.

    `row` is the 1-based row number as a spreadsheet shows it (the header is row 1);
    `column` is the column's header name (e.g. ``members.region``); `cell` is the
    spreadsheet reference (e.g. ``D7``) when known.
    """

    reason: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    cell: str | None = None
    value: str | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        where = ""
        if self.sheet and self.cell:
            where = f"{self.sheet}!{self.cell}"
        elif self.sheet and self.row:
            where = f"{self.sheet} row {self.row}"
        elif self.sheet:
            where = self.sheet
        elif self.row:
            where = f"row {self.row}"
        if self.file:
            where = f"{self.file}: {where}" if where else self.file
        what = self.column or ""
        if self.value is not None:
            what = f'{what}: "{self.value}"' if what else f'"{self.value}"'
        head = " ".join(part for part in (where, what) if part)
        return f"{head} {self.reason}" if head else self.reason


class InputError(Exception):
    """Raised when an input is refused; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
