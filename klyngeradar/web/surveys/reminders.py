"""Which clusters to remind today, and sending the reminders (the cron job's logic).

A round reminds on each of its `reminder_days` before the deadline (e.g. 7
and 2). A day missed by cron is caught up the next day, and a cluster is
reminded at most once per such point and never twice on one day: every
reminder is recorded, and the record is unique per round, cluster and day.
Clusters that have submitted, or whose links are all revoked, are skipped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from klyngeradar.web.surveys import invitations
from klyngeradar.web.surveys.models import Invitation, Reminder, Response, Round

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sent:
    round: Round
    cluster: str
    to: tuple[str, ...]


def due_since(round: Round, today: date) -> date | None:
    """The most recent reminder point on or before today, or None when none is due."""
    if not round.is_open or today > round.deadline:
        return None
    points = [round.deadline - timedelta(days=n) for n in round.reminder_days]
    passed = [p for p in points if p <= today]
    return max(passed) if passed else None


def due(today: date) -> list[tuple[Response, Invitation]]:
    """(response, its latest live invitation) for every cluster to remind today."""
    found = []
    for round in Round.objects.filter(status=Round.Status.OPEN, deadline__gte=today):
        since = due_since(round, today)
        if since is None:
            continue
        reminded = set(
            Reminder.objects.filter(round=round, day__gte=since).values_list("cluster", flat=True)
        )
        for response in round.responses.exclude(status=Response.Status.SUBMITTED).select_related(
            "cluster"
        ):
            if response.cluster_id in reminded:
                continue
            live = (
                Invitation.objects.filter(
                    round=round, cluster=response.cluster, revoked_at__isnull=True
                )
                .order_by("-created_at", "-pk")
                .first()
            )
            if live is not None and live.emails:
                found.append((response, live))
    return found


def send_due(today: date | None = None) -> list[Sent]:
    """Send today's reminders; each carries a fresh link (earlier links keep working)."""
    today = today or timezone.localdate()
    sent = []
    for response, live in due(today):
        try:
            with transaction.atomic():
                reminder = Reminder.objects.create(
                    round=response.round, cluster=response.cluster, day=today
                )
        except IntegrityError:
            continue  # Another run reminded this cluster today.
        try:
            with transaction.atomic():
                issued = invitations.invite(
                    response.round, response.cluster, live.emails, revoke_earlier=False
                )
                invitations.send_reminder(issued.invitation, issued.link)
                reminder.invitation = issued.invitation
                reminder.sent_at = timezone.now()
                reminder.save(update_fields=["invitation", "sent_at"])
        except Exception:
            # Not sent: forget the record so that the next run tries again.
            log.exception("reminder to %s failed", response.cluster.slug)
            reminder.delete()
            continue
        sent.append(Sent(response.round, response.cluster.slug, tuple(live.emails)))
    return sent
