"""The front page of analysts and the board: "where do we stand?", from the same core.

The current round (the newest the user may see) with its status counts and
deadline, its headline findings with their base, what needs following up (the
consistency checks' follow-ups), and the KPIs at risk or behind on the
agreements the user may see. Nothing here computes a figure of its own: the
findings come from `compute_findings`, the KPI status from `kpi_status`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import get_language

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.problems import InputError
from klyngeradar.web.access import visible_to
from klyngeradar.web.agreements.models import Agreement
from klyngeradar.web.agreements.summary import kpi_views
from klyngeradar.web.findings.consistency import follow_ups
from klyngeradar.web.findings.figures import figures
from klyngeradar.web.surveys.convert import round_data
from klyngeradar.web.surveys.models import Response, Round

# The findings shown on the front page, in this order; the findings page has them all.
HEADLINE_KEYS = ("response_rate", "participation_companies", "physical_presence", "agreements_any")
SHOWN_FOLLOW_UPS = 5
KPI_ATTENTION = ("behind", "at_risk")


@dataclass
class RoundStanding:
    round: Round
    counts: dict[str, int]
    invited: int
    days_left: int
    headlines: list = field(default_factory=list)
    follow_ups: list = field(default_factory=list)
    follow_up_count: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def days_overdue(self) -> int:
        return -self.days_left


@dataclass(frozen=True)
class KpiAttention:
    agreement: Agreement
    view: object


def _lang() -> str:
    return "en" if (get_language() or "da").startswith("en") else "da"


def current_round(user) -> Round | None:
    rounds = visible_to(user, Round)
    return rounds.filter(status=Round.Status.OPEN).order_by("-created_at").first() or (
        rounds.order_by("-created_at").first()
    )


def round_standing(round: Round, *, today: date) -> RoundStanding:
    counts = {status: 0 for status, _label in Response.Status.choices}
    for status in round.responses.values_list("status", flat=True):
        counts[status] += 1
    standing = RoundStanding(
        round=round,
        counts=counts,
        invited=sum(counts.values()),
        days_left=(round.deadline - today).days,
    )
    data = round_data(round)
    lang = _lang()
    try:
        findings = compute_findings(data)
    except InputError as error:
        standing.problems = [problem.text(lang) for problem in error.problems]
        return standing
    by_key = {figure.key: figure for figure in figures(findings, lang)}
    standing.headlines = [by_key[key] for key in HEADLINE_KEYS if key in by_key]
    everything = follow_ups(round, data, findings, lang)
    standing.follow_ups = everything[:SHOWN_FOLLOW_UPS]
    standing.follow_up_count = len(everything)
    return standing


def kpis_needing_attention(user, *, today: date) -> list[KpiAttention]:
    """The KPIs behind first, then at risk, on the agreements the user may see."""
    found = []
    for agreement in visible_to(user, Agreement).select_related("cluster"):
        for view in kpi_views(agreement, as_of=today):
            if view.status.code in KPI_ATTENTION:
                found.append(KpiAttention(agreement, view))
    return sorted(found, key=lambda item: KPI_ATTENTION.index(item.view.status.code))
