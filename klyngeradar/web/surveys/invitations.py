"""Issuing, resending and revoking personal links, and finding the invitation behind a link.

Only a token's hash is stored, so a link cannot be shown twice: "resend"
issues a fresh token and revokes the cluster's earlier links, and the new link
is e-mailed (and shown once to the analyst). A reminder carries a fresh link
too, but leaves the earlier ones working.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from klyngeradar.web.registry.models import Cluster
from klyngeradar.web.surveys import emails
from klyngeradar.web.surveys.models import Invitation, Response, Round
from klyngeradar.web.surveys.tokens import hash_token, new_token


@dataclass(frozen=True)
class Issued:
    """A new invitation and its link; the link exists only in this object and the e-mail."""

    invitation: Invitation
    link: str


def link_for(token: str) -> str:
    return settings.SITE_URL + reverse("surveys:link_start", kwargs={"token": token})


@transaction.atomic
def invite(
    round: Round, cluster: Cluster, addresses: list[str], *, revoke_earlier: bool = True
) -> Issued:
    """Issue a link for a cluster (making its response row); by default earlier links stop."""
    if revoke_earlier:
        revoke_all(round, cluster)
    token = new_token()
    invitation = Invitation.objects.create(
        round=round, cluster=cluster, emails=list(addresses), token_hash=hash_token(token)
    )
    Response.objects.get_or_create(round=round, cluster=cluster)
    return Issued(invitation, link_for(token))


def latest(round: Round, cluster: Cluster) -> Invitation | None:
    """The cluster's most recent invitation in the round (live or revoked)."""
    return (
        Invitation.objects.filter(round=round, cluster=cluster)
        .order_by("-created_at", "-pk")
        .first()
    )


def resend(round: Round, cluster: Cluster) -> Issued:
    """Issue a fresh link to the latest addresses; every earlier link stops working."""
    previous = latest(round, cluster)
    return invite(round, cluster, previous.emails if previous else [])


def revoke_all(round: Round, cluster: Cluster) -> int:
    """Revoke every live link of the cluster in the round; the number revoked."""
    live = Invitation.objects.filter(round=round, cluster=cluster, revoked_at__isnull=True)
    return live.update(revoked_at=timezone.now())


def find(token: str) -> Invitation | None:
    """The usable invitation behind a token, or None (unknown, revoked, or round closed)."""
    invitation = (
        Invitation.objects.select_related("round", "cluster", "round__organisation")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None or not invitation.usable:
        return None
    return invitation


def find_in_closed_round(token: str) -> Invitation | None:
    """The invitation behind a token that is not revoked but whose round has closed, or None."""
    invitation = (
        Invitation.objects.select_related("round", "cluster")
        .filter(token_hash=hash_token(token), revoked_at__isnull=True)
        .first()
    )
    if invitation is None or invitation.round.is_open:
        return None
    return invitation


def placeholder_values(round: Round, cluster: Cluster, link: str) -> dict[str, str]:
    with override("da"):
        deadline = date_format(round.deadline, "j. F Y")
    return {
        "klynge": cluster.name,
        "titel": round.title,
        "organisation": str(round.organisation),
        "frist": deadline,
        "link": link,
    }


def send_invitation(issued: Issued) -> None:
    """E-mail the invitation with its link and note when it was sent."""
    invitation = issued.invitation
    round = invitation.round
    values = placeholder_values(round, invitation.cluster, issued.link)
    emails.send(
        emails.fill(round.invitation_subject, values),
        emails.fill(round.invitation_body, values),
        invitation.emails,
    )
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["sent_at"])


def send_reminder(invitation: Invitation, link: str) -> None:
    round = invitation.round
    values = placeholder_values(round, invitation.cluster, link)
    emails.send(
        emails.fill(round.reminder_subject, values),
        emails.fill(round.reminder_body, values),
        invitation.emails,
    )


def days_left(round: Round, today: date) -> int:
    return (round.deadline - today).days
