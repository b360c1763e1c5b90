"""The round's own sheets in an exchange file: ``runde`` (keys) and ``aktører``/``indsatser``.

`SheetReader` also holds the problems found so far; the answers reader in
`klyngeradar.core.surveys.exchange` builds on it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from klyngeradar.core.problems import Problem
from klyngeradar.core.registry import geography
from klyngeradar.core.surveys.questionnaire import SLUG
from klyngeradar.core.surveys.responses import Choice, RoundInfo
from klyngeradar.core.tables import Row, Table, column_letter

ROUND_KEYS = ("region", "since", "organisation", "title", "year")
TWICE_DA = "står to gange"
YEAR = re.compile(r"^(19|20)\d\d$")


def cell_text(value: object) -> str:
    """A cell value as trimmed text; a whole float (851.0) as a whole number."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


@dataclass
class SheetReader:
    """Reads sheets of one file, collecting every error and warning with its place.

    Each problem is given its reason in English and in Danish (see `Problem.text`).
    """

    file: str | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def problem(
        self,
        reason: str,
        reason_da: str,
        table: Table | None = None,
        row: int | None = None,
        index: int | None = None,
        *,
        column: str | None = None,
        value: object = None,
        warning: bool = False,
    ) -> None:
        if table is not None and index is not None and column is None:
            column = table.header[index] if index < len(table.header) else None
        found = Problem(
            reason,
            file=self.file,
            sheet=table.sheet if table is not None else None,
            row=row,
            column=column,
            cell=f"{column_letter(index)}{row}" if index is not None and row else None,
            value=None if value is None else cell_text(value) or str(value),
            severity="warning" if warning else "error",
            reason_da=reason_da,
        )
        (self.warnings if warning else self.errors).append(found)

    # The round's keys ---------------------------------------------------------

    def round_info(self, table: Table | None, overrides: Mapping[str, object]) -> RoundInfo:
        values: dict[str, object] = {}
        if table is not None and not table.empty:
            values = self._round_sheet(table)
        for key, value in overrides.items():
            if value is not None and value != "":
                values[key] = self._round_value(key, value, None, None, None)
        return RoundInfo(
            region=values.get("region"),
            since=values.get("since"),
            organisation=values.get("organisation"),
            title=values.get("title"),
            year=values.get("year"),
        )

    def _round_sheet(self, table: Table) -> dict[str, object]:
        header = [h.casefold() for h in table.header]
        missing = [name for name in ("key", "value") if name not in header]
        for name in missing:
            reason, reason_da = f"the sheet has no {name} column", f"arket har ingen {name}-kolonne"
            self.problem(reason, reason_da, table, table.header_row, column=name)
        if missing:
            return {}
        key_at, value_at = header.index("key"), header.index("value")
        values: dict[str, object] = {}
        for row in table.rows:
            key = cell_text(row.get(key_at)).casefold()
            if key not in ROUND_KEYS:
                keys = ", ".join(ROUND_KEYS)
                reason, reason_da = (
                    f"is not a round key (use {keys})",
                    f"er ikke en rundenøgle (brug {keys})",
                )
                self.problem(reason, reason_da, table, row.number, key_at, value=row.get(key_at))
            elif key in values:
                self.problem("is given twice", TWICE_DA, table, row.number, key_at, value=key)
            else:
                parsed = self._round_value(key, row.get(value_at), table, row, value_at)
                if parsed is not None:
                    values[key] = parsed
        return values

    def _round_value(
        self, key: str, raw: object, table: Table | None, row: Row | None, index: int | None
    ) -> object:
        number = row.number if row else None
        column = None if table else key
        if raw is None or cell_text(raw) == "":
            return None
        if key == "since":
            if isinstance(raw, datetime):
                return raw.date()
            if isinstance(raw, date):
                return raw
            try:
                return date.fromisoformat(cell_text(raw))
            except ValueError:
                reason = "is not a date (use YYYY-MM-DD, e.g. 2021-01-01)"
                reason_da = "er ikke en dato (brug ÅÅÅÅ-MM-DD, fx 2021-01-01)"
                self.problem(reason, reason_da, table, number, index, column=column, value=raw)
                return None
        if key == "year":
            text = cell_text(raw)
            if not YEAR.match(text):
                reason = "is not a year (use four digits, e.g. 2025)"
                reason_da = "er ikke et årstal (brug fire cifre, fx 2025)"
                self.problem(reason, reason_da, table, number, index, column=column, value=raw)
                return None
            return int(text)
        if key == "region":
            text = cell_text(raw)
            by_name = {r.name.casefold(): r.code for r in geography.regions()}
            code = text if geography.region(text) else by_name.get(text.casefold())
            if code is None:
                codes = ", ".join(r.code for r in geography.regions())
                reason, reason_da = (
                    f"is not a region code ({codes})",
                    f"er ikke en regionskode ({codes})",
                )
                self.problem(reason, reason_da, table, number, index, column=column, value=raw)
            return code
        return cell_text(raw)

    # Actors and efforts ------------------------------------------------------

    def choices(self, table: Table | None) -> tuple[Choice, ...] | None:
        if table is None or table.empty:
            return None
        header = [h.casefold() for h in table.header]
        if "slug" not in header:
            reason, reason_da = "the sheet has no slug column", "arket har ingen slug-kolonne"
            self.problem(reason, reason_da, table, table.header_row, column="slug")
            return ()
        slug_at = header.index("slug")
        name_at = header.index("name") if "name" in header else None
        found: dict[str, Choice] = {}
        for row in table.rows:
            slug = cell_text(row.get(slug_at))
            name = cell_text(row.get(name_at)) if name_at is not None else ""
            if not SLUG.match(slug):
                reason = "is not a slug (lowercase letters a-z, digits and -)"
                reason_da = "er ikke et kort navn (små bogstaver a-z, cifre og -)"
                self.problem(reason, reason_da, table, row.number, slug_at, value=row.get(slug_at))
            elif slug in found:
                self.problem("is given twice", TWICE_DA, table, row.number, slug_at, value=slug)
            else:
                found[slug] = Choice(slug, name or slug)
        return tuple(found.values())

    # Answers -----------------------------------------------------------------
