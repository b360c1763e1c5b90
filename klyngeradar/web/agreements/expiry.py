"""Agreements about to expire: warned about on the front page 90 days ahead."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from klyngeradar.web.access import visible_to
from klyngeradar.web.agreements.models import Agreement

EXPIRY_WARNING_DAYS = 90
LIVE_STATUSES = (Agreement.Status.DRAFT, Agreement.Status.NEGOTIATION, Agreement.Status.ACTIVE)


def expiring(queryset, *, today: date, days: int = EXPIRY_WARNING_DAYS):
    """The agreements in `queryset` still running whose end falls within `days` of `today`."""
    return queryset.filter(
        end__gte=today, end__lte=today + timedelta(days=days), status__in=LIVE_STATUSES
    ).order_by("end")


def expiring_agreements(user, *, today: date | None = None) -> list[Agreement]:
    """The agreements `user` may see that expire within 90 days (for the front page)."""
    today = today or timezone.localdate()
    return list(expiring(visible_to(user, Agreement), today=today).select_related("cluster"))
