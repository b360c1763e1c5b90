"""E-mail through a real SMTP server: invitations, reminders (cron-safe) and what arrives."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
import time_machine
from django.core.management import call_command

from klyngeradar.web.surveys.invitations import invite, revoke_all, send_invitation
from klyngeradar.web.surveys.models import Reminder, Response

pytestmark = pytest.mark.django_db


def link_in(message) -> str:
    body = message.get_body(("plain",)).get_content()
    return re.search(r"http://\S+/svar/\S+/", body).group(0)


def path_of(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def test_the_invitation_arrives_in_danish_with_a_working_link(
    smtp_inbox, client, survey_round, cluster_a
):
    survey_round.title = "Klyngernes engagement – Nordjylland, forår"
    survey_round.save()
    issued = invite(survey_round, cluster_a, ["anne@klynge-a.dk", "bo@klynge-a.dk"])

    send_invitation(issued)

    ((recipients, message),) = smtp_inbox.messages
    assert recipients == ("anne@klynge-a.dk", "bo@klynge-a.dk")
    assert message["Subject"].strip() == "Spørgeskema: Klyngernes engagement – Nordjylland, forår"
    body = message.get_body(("plain",)).get_content()
    assert "Kære Klynge A" in body
    assert "Fristen er 15. marts 2025." in body
    assert "Svarene gemmes for hvert afsnit" in body
    assert link_in(message) == issued.link
    assert client.get(path_of(link_in(message))).status_code == 200


@pytest.fixture
def three_invited(survey_round, cluster_a, cluster_b):
    """Klynge A has submitted, Klynge B has a draft, Klynge C's link was revoked."""
    from klyngeradar.web.registry.models import Cluster

    cluster_c = Cluster.objects.create(slug="klynge-c", name="Klynge Æblø", fictitious=True)
    for cluster in (cluster_a, cluster_b, cluster_c):
        invite(survey_round, cluster, [f"{cluster.slug}@example.org"])
    Response.objects.filter(cluster=cluster_a).update(status="submitted")
    Response.objects.filter(cluster=cluster_b).update(
        status="draft", answers={"presence.type": "none"}
    )
    return cluster_c


def test_reminders_go_only_to_clusters_that_have_not_submitted(
    smtp_inbox, client, survey_round, three_invited, cluster_b
):
    revoke_all(survey_round, three_invited)

    with time_machine.travel(date(2025, 3, 8)):  # 7 days before the deadline
        call_command("send_reminders", stdout=io.StringIO())

    ((recipients, message),) = smtp_inbox.messages
    assert recipients == ("klynge-b@example.org",)
    assert message["Subject"].strip() == "Påmindelse: Klyngernes engagement i Nordjylland 2025"
    body = message.get_body(("plain",)).get_content()
    assert "Kære Klynge B" in body
    assert "det, I allerede har svaret, er gemt" in body
    page = client.get(path_of(link_in(message)) + "afsnit/presence/")
    assert 'value="none" checked' in page.content.decode()


def test_a_reminder_keeps_the_earlier_link_working_and_names_the_cluster_in_æøå(
    smtp_inbox, client, survey_round, three_invited
):
    first = invite(survey_round, three_invited, ["æble@example.org"])

    with time_machine.travel(date(2025, 3, 13)):
        call_command("send_reminders", stdout=io.StringIO())

    to_c = [m for rcpt, m in smtp_inbox.messages if rcpt == ("æble@example.org",)]
    assert to_c, [r for r, _m in smtp_inbox.messages]
    assert "Kære Klynge Æblø" in to_c[0].get_body(("plain",)).get_content()
    assert client.get(path_of(first.link)).status_code == 200


def test_it_never_sends_two_reminders_on_the_same_day(smtp_inbox, survey_round, three_invited):
    with time_machine.travel(date(2025, 3, 8)):
        call_command("send_reminders", stdout=io.StringIO())
        call_command("send_reminders", stdout=io.StringIO())

    assert len(smtp_inbox.messages) == 2  # Klynge B and Klynge C, once each
    assert Reminder.objects.count() == 2


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        # 7 and 2 days before 15 March: the 8th, caught up on the 9th only if missed.
        ((date(2025, 3, 1),), 0),
        ((date(2025, 3, 8),), 1),
        ((date(2025, 3, 9),), 1),
        ((date(2025, 3, 8), date(2025, 3, 9), date(2025, 3, 10)), 1),
        ((date(2025, 3, 8), date(2025, 3, 13)), 2),
        ((date(2025, 3, 16),), 0),
    ],
)
def test_it_reminds_once_per_reminder_point(smtp_inbox, survey_round, cluster_b, days, expected):
    invite(survey_round, cluster_b, ["klynge-b@example.org"])

    for day in days:
        with time_machine.travel(day):
            call_command("send_reminders", stdout=io.StringIO())

    assert len(smtp_inbox.messages) == expected


def test_a_closed_round_sends_no_reminders(smtp_inbox, survey_round, cluster_b):
    invite(survey_round, cluster_b, ["klynge-b@example.org"])
    survey_round.status = "closed"
    survey_round.save()

    with time_machine.travel(date(2025, 3, 8)):
        call_command("send_reminders", stdout=io.StringIO())

    assert smtp_inbox.messages == []
