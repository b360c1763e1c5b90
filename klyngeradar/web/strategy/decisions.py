"""The analyst's stored decisions as the core's `AnalystDecision`, for the deck and appendices.

The "Samarbejdsmodeller" page stores one `Decision` row per recommendation;
`klyngeradar.core.strategy.decisions.apply_decisions` sets them beside the rules' output.
"""

from __future__ import annotations

from django.utils import timezone

from klyngeradar.core.strategy.decisions import AnalystDecision
from klyngeradar.web.strategy.models import Decision


def analyst_decision(decision: Decision) -> AnalystDecision:
    """One stored decision as plain data; the time in the site's time zone."""
    user = decision.decided_by
    decided_at = decision.decided_at
    if decided_at is not None and timezone.is_aware(decided_at):
        decided_at = timezone.localtime(decided_at)
    return AnalystDecision(
        subject_kind=decision.level,
        subject=decision.subject,
        verdict=decision.verdict,
        model=decision.model or None,
        recommended=decision.recommended_model or None,
        reason=decision.reason.strip() or None,
        decided_by=(user.get_full_name() or user.get_username()) if user else None,
        decided_at=decided_at,
    )


def round_decisions(round) -> tuple[AnalystDecision, ...]:
    """Every decision on `round`'s recommendations, in a stable order."""
    rows = Decision.objects.filter(round=round).select_related("decided_by")
    return tuple(analyst_decision(d) for d in rows.order_by("level", "subject"))
