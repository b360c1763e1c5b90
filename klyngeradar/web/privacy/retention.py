"""Retention: a closed round's personal data are anonymised after the organisation's period.

What goes: the contact e-mail addresses of every invitation (also in the
invitation's reminders), and the link log (when a personal link was first
opened and last seen). What stays: the answers, the figures and the fact that
a cluster was invited, reminded and answered. The run is idempotent (a round
is anonymised once; `AnonymisedRound` records it) and logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction

from klyngeradar.web.privacy.models import AnonymisedRound, RetentionPolicy

log = logging.getLogger("klyngeradar.privacy")


@dataclass(frozen=True)
class Anonymised:
    round_id: int
    title: str
    invitations: int
    reminders: int


def period_for(organisation) -> int:
    policy = RetentionPolicy.objects.filter(organisation=organisation).first()
    return policy.days_after_close if policy else settings.KLYNGERADAR_RETENTION_DAYS


def due_rounds(now: datetime):
    from klyngeradar.web.surveys.models import Round

    done = AnonymisedRound.objects.values("round_id")
    for round in (
        Round.objects.filter(status="closed", closed_at__isnull=False)
        .exclude(pk__in=done)
        .select_related("organisation")
    ):
        if round.closed_at + timedelta(days=period_for(round.organisation)) <= now:
            yield round


def anonymise_round(round) -> Anonymised:
    with transaction.atomic():
        invitations = round.invitations.all()
        count = invitations.update(emails=[], opened_at=None, last_seen_at=None)
        reminders = round.reminders.update(invitation=None)
        AnonymisedRound.objects.create(round=round, invitations=count, reminders=reminders)
    log.info(
        "retention: round %s anonymised (%s invitations, %s reminders)", round.pk, count, reminders
    )
    return Anonymised(round.pk, round.title, count, reminders)


def apply_retention(now: datetime) -> list[Anonymised]:
    return [anonymise_round(round) for round in due_rounds(now)]
