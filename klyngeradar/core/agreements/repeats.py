"""Recognise a participation list that was imported before.

A list's fingerprint is a hash of its rows' content (CVR, P-number, company,
activity, date, cluster, actor, kind), independent of the file's name, the
order of its rows, its sheets and its spelling of the header. Two imports with
the same fingerprint hold the same rows for the same clusters, actors and period:
storing both would count every company twice in the participation figures.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from klyngeradar.core.agreements.participation import ParticipationRow

_SEPARATOR = "\x1f"


def fingerprint(rows: Iterable[ParticipationRow]) -> str:
    """The list's content as a 64-character hex digest (SHA-256 over the sorted rows)."""
    lines = sorted(
        _SEPARATOR.join(
            (
                row.cvr,
                row.pnr or "",
                row.company,
                row.activity,
                row.date.isoformat(),
                row.cluster or "",
                row.actor or "",
                row.kind or "",
            )
        )
        for row in rows
    )
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


@dataclass(frozen=True)
class ListSummary:
    """What a list covers, for telling the analyst which earlier import it repeats."""

    rows: int
    first: date | None
    last: date | None


def summary(rows: Iterable[ParticipationRow]) -> ListSummary:
    count, first, last = 0, None, None
    for row in rows:
        count += 1
        first = row.date if first is None or row.date < first else first
        last = row.date if last is None or row.date > last else last
    return ListSummary(count, first, last)
