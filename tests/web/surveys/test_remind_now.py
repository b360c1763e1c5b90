""" "Send påmindelse nu": the analyst reminds chosen clusters, confirmed, once a day like cron."""

from __future__ import annotations

import io
from datetime import date

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from klyngeradar.web.surveys.invitations import invite
from klyngeradar.web.surveys.models import Reminder, Response

pytestmark = pytest.mark.django_db

TODAY = date(2025, 3, 1)  # Before either reminder point (7 and 2 days before 15 March).


@pytest.fixture
def invited(survey_round, cluster_a, cluster_b):
    """Klynge A, B and Æblø invited; Æblø has already submitted."""
    from klyngeradar.web.registry.models import Cluster

    cluster_c = Cluster.objects.create(slug="klynge-c", name="Klynge Æblø", fictitious=True)
    for cluster in (cluster_a, cluster_b, cluster_c):
        invite(survey_round, cluster, [f"{cluster.slug}@example.org"])
    Response.objects.filter(cluster=cluster_c).update(status="submitted")
    return {r.cluster.slug: r for r in Response.objects.select_related("cluster")}


def url(round):
    return reverse("surveys:remind", args=[round.pk])


def messages_of(page) -> list[str]:
    return [str(m) for m in page.context["messages"]]


def test_the_round_page_has_a_checkbox_per_cluster_and_the_button(
    client_for, analyst, survey_round, invited
):
    html = client_for(analyst).get(reverse("surveys:round_detail", args=[survey_round.pk]))
    html = html.content.decode()

    assert 'id="remind-form"' in html
    assert f'value="{invited["klynge-a"].pk}" form="remind-form"' in html
    assert "Send påmindelse nu" in html


def test_it_asks_first_naming_who_gets_a_reminder_and_who_is_skipped(
    smtp_inbox, client_for, analyst, survey_round, invited
):
    chosen = [invited["klynge-a"].pk, invited["klynge-c"].pk]

    with time_machine.travel(TODAY):
        page = client_for(analyst).post(url(survey_round), {"response": chosen})

    html = page.content.decode()
    assert page.status_code == 200
    assert "Send påmindelse nu?" in html
    assert "sendes nu til 1 klynge: Klynge A." in html
    assert "Springes over: Klynge Æblø (har indsendt)." in html
    assert smtp_inbox.messages == [] and not Reminder.objects.exists()


def test_confirmed_it_sends_the_reminder_through_smtp_with_a_working_link(
    smtp_inbox, client, client_for, analyst, survey_round, invited
):
    chosen = [invited["klynge-a"].pk, invited["klynge-b"].pk]

    with time_machine.travel(TODAY):
        done = client_for(analyst).post(
            url(survey_round), {"response": chosen, "confirm": "yes"}, follow=True
        )

    assert "Påmindelse sendt til 2 klynger: Klynge A, Klynge B." in messages_of(done)
    received = sorted(smtp_inbox.messages, key=lambda item: item[0])
    assert [rcpt for rcpt, _m in received] == [
        ("klynge-a@example.org",),
        ("klynge-b@example.org",),
    ]
    message = received[0][1]
    assert message["Subject"].strip() == "Påmindelse: Klyngernes engagement i Nordjylland 2025"
    body = message.get_body(("plain",)).get_content()
    assert "Kære Klynge A" in body
    link = body.split("/svar/", 1)[1].split()[0]
    assert client.get(f"/svar/{link}").status_code == 200
    assert set(Reminder.objects.values_list("day", flat=True)) == {TODAY}


def test_it_never_reminds_twice_on_one_day_and_says_who_was_skipped(
    smtp_inbox, client_for, analyst, survey_round, invited
):
    client = client_for(analyst)
    a, b = invited["klynge-a"].pk, invited["klynge-b"].pk

    with time_machine.travel(TODAY):
        client.post(url(survey_round), {"response": [a], "confirm": "yes"})
        again = client.post(url(survey_round), {"response": [a, b], "confirm": "yes"}, follow=True)

    assert len(smtp_inbox.messages) == 2  # A once, B once
    assert "Påmindelse sendt til 1 klynge: Klynge B." in messages_of(again)
    assert "Springes over: Klynge A (påmindet i dag)." in messages_of(again)


def test_a_reminder_sent_now_is_the_days_reminder_for_the_daily_job(
    smtp_inbox, client_for, analyst, survey_round, invited
):
    day = date(2025, 3, 8)  # 7 days before the deadline: cron reminds today.
    with time_machine.travel(day):
        client_for(analyst).post(
            url(survey_round), {"response": [invited["klynge-a"].pk], "confirm": "yes"}
        )
        call_command("send_reminders", stdout=io.StringIO())

    recipients = sorted(rcpt for rcpt, _m in smtp_inbox.messages)
    assert recipients == [("klynge-a@example.org",), ("klynge-b@example.org",)]


def test_when_nobody_can_be_reminded_it_says_so_and_sends_nothing(
    smtp_inbox, client_for, analyst, survey_round, invited
):
    with time_machine.travel(TODAY):
        page = client_for(analyst).post(
            url(survey_round), {"response": [invited["klynge-c"].pk]}, follow=True
        )

    assert "Ingen påmindelse sendt. Springes over: Klynge Æblø (har indsendt)." in messages_of(page)
    assert smtp_inbox.messages == []


def test_choosing_nobody_is_refused(client_for, analyst, survey_round, invited):
    page = client_for(analyst).post(url(survey_round), {}, follow=True)

    assert "Vælg mindst én klynge at påminde." in messages_of(page)


def test_a_viewer_cannot_send_reminders(smtp_inbox, client_for, viewer, survey_round, invited):
    page = client_for(viewer).post(
        url(survey_round), {"response": [invited["klynge-a"].pk], "confirm": "yes"}
    )

    assert page.status_code == 403
    assert smtp_inbox.messages == [] and not Reminder.objects.exists()


def test_a_respondent_cannot_send_reminders(
    smtp_inbox, client_for, respondent_a, survey_round, invited
):
    page = client_for(respondent_a).post(
        url(survey_round), {"response": [invited["klynge-a"].pk], "confirm": "yes"}
    )

    # As on every analyst page of a round (require_role): 403, and nothing is sent.
    assert page.status_code == 403
    assert smtp_inbox.messages == [] and not Reminder.objects.exists()


def test_a_closed_round_sends_no_reminders(smtp_inbox, client_for, analyst, survey_round, invited):
    survey_round.status = "closed"
    survey_round.save()

    page = client_for(analyst).post(
        url(survey_round), {"response": [invited["klynge-a"].pk], "confirm": "yes"}, follow=True
    )

    assert "Runden er lukket; der sendes ingen påmindelser." in messages_of(page)
    assert smtp_inbox.messages == [] and not Reminder.objects.exists()
