"""The answers behind a figure, as rows for the drill-down table.

The core's `Findings.detail(key)` says, per invited cluster, whether it counted
towards the figure and what it answered; this module only names the codes and
formats the numbers for a reader.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from klyngeradar.core.findings.rules import Findings
from klyngeradar.core.numbers import format_int
from klyngeradar.web.findings.figures import Labels, basis_label

OUTCOMES = {
    "included": _("Tæller med"),
    "excluded": _("Tæller ikke med"),
    "unanswered": _("Har ikke besvaret spørgsmålet"),
    "no_response": _("Har ikke svaret på runden"),
}


@dataclass(frozen=True)
class EvidenceRow:
    cluster: str
    name: str
    outcome: str
    outcome_label: str
    answer: str
    basis: str


@dataclass(frozen=True)
class Drilldown:
    key: str
    rows: tuple[EvidenceRow, ...]

    @property
    def summary(self) -> list[tuple[str, str, int]]:
        """(outcome, label, how many) for each outcome that occurs, in a fixed order."""
        counts = Counter(row.outcome for row in self.rows)
        return [
            (code, str(label), counts[code]) for code, label in OUTCOMES.items() if counts[code]
        ]


def drilldown(findings: Findings, key: str, lang: str = "da") -> Drilldown:
    """The invited clusters behind finding `key` (KeyError for an unknown key)."""
    labels = Labels(findings, lang)
    rows = []
    for evidence in findings.detail(key):
        value = evidence.value
        if value is None:
            answer = ""
        elif isinstance(value, bool):
            answer = str(value)
        elif isinstance(value, int):
            answer = format_int(value, lang)
        elif isinstance(value, tuple):
            answer = ", ".join(labels.any(key, code) for code in value) or str(_("ingen"))
        else:
            answer = labels.any(key, value)
        basis = basis_label(evidence.basis) if isinstance(value, int) else ""
        rows.append(
            EvidenceRow(
                evidence.cluster,
                evidence.name,
                evidence.outcome,
                str(OUTCOMES[evidence.outcome]),
                answer,
                str(basis),
            )
        )
    return Drilldown(key, tuple(rows))
