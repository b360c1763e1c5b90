"""Which clusters to remind today, and sending the reminders (the cron job's logic).

A round reminds on each of its `reminder_days` before the deadline (e.g. 7
and 2). A day missed by cron is caught up the next day, and a cluster is
reminded at most once per such point and never twice on one day: every
reminder is recorded, and the record is unique per round, cluster and day.
Clusters that have submitted, or whose links are all revoked, are skipped.
The analyst's "Send påmindelse nu" (`send_now`) uses the same records, so a
cluster reminded by hand is not reminded again by cron that day, and vice versa.
"""

from __future__ import annotations

import enum
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
            item = _remind(response, live, today)
        except Exception:
            continue  # Logged; the next run tries again.
        if item is not None:
            sent.append(item)
    return sent


def _remind(response: Response, live: Invitation, today: date) -> Sent | None:
    """Record and send one reminder; None when another run reminded the cluster today.

    The record comes first, so that two runs at once never both send; a failed
    e-mail forgets the record again, so that the next run tries again (an
    analyst's "now" re-raises the failure to report it).
    """
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(
                round=response.round, cluster=response.cluster, day=today
            )
    except IntegrityError:
        return None  # Another run reminded this cluster today.
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
        raise
    return Sent(response.round, response.cluster.slug, tuple(live.emails))


class Skip(enum.Enum):
    """Why a chosen cluster is not reminded now."""

    REMINDED_TODAY = "reminded_today"
    SUBMITTED = "submitted"
    NO_LINK = "no_link"
    FAILED = "failed"


@dataclass(frozen=True)
class Plan:
    """What "send a reminder now" would do: who gets one, and who is skipped and why."""

    send: tuple[tuple[Response, Invitation], ...]
    skipped: tuple[tuple[Response, Skip], ...]


def plan_now(round: Round, responses, today: date) -> Plan:
    """Which of the chosen `responses` a reminder now would reach, with the same rules as cron.

    A cluster that has submitted, has no live link with an address, or was
    already reminded today (by cron or by an analyst) is skipped.
    """
    reminded = set(
        Reminder.objects.filter(round=round, day=today).values_list("cluster", flat=True)
    )
    send, skipped = [], []
    for response in responses:
        live = (
            Invitation.objects.filter(
                round=round, cluster=response.cluster, revoked_at__isnull=True
            )
            .order_by("-created_at", "-pk")
            .first()
        )
        if response.status == Response.Status.SUBMITTED:
            skipped.append((response, Skip.SUBMITTED))
        elif response.cluster_id in reminded:
            skipped.append((response, Skip.REMINDED_TODAY))
        elif live is None or not live.emails:
            skipped.append((response, Skip.NO_LINK))
        else:
            send.append((response, live))
    return Plan(tuple(send), tuple(skipped))


def send_now(round: Round, responses, today: date | None = None) -> tuple[list[Sent], Plan]:
    """Remind the chosen clusters now; (sent, the plan with what was skipped and why).

    Idempotent per day like `send_due`: a cluster reminded today, by either, is
    skipped, and a reminder sent now counts as the day's reminder for cron.
    """
    today = today or timezone.localdate()
    plan = plan_now(round, responses, today)
    sent, skipped = [], list(plan.skipped)
    for response, live in plan.send:
        try:
            item = _remind(response, live, today)
        except Exception:
            skipped.append((response, Skip.FAILED))
            continue
        if item is None:
            skipped.append((response, Skip.REMINDED_TODAY))
        else:
            sent.append(item)
    return sent, Plan(plan.send, tuple(skipped))
