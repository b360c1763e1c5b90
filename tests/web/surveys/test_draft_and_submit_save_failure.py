"""The respondent's other saves keep what was typed when the database fails.

"Gem kladde", the draft kept when the round has closed, and the submission
from the summary page: each shows the page again with the typed answers (or
ticks), says so, answers 503, stores nothing and logs no answer.
"""

from __future__ import annotations

import logging

import pytest
from django.core import mail
from django.db import DatabaseError, OperationalError

from klyngeradar.web import saving
from klyngeradar.web.surveys import answers
from klyngeradar.web.surveys.models import Response, Round

pytestmark = pytest.mark.django_db

MEMBERS = "afsnit/members/"
TYPED = {
    "shown": ["members.national", "members.region", "members.region_50plus"],
    "members__national": "4711",
    "members__national__basis": "counted",
    "members__region": "1234",
    "members__region__basis": "estimated",
}
SECTION_MESSAGE = "Vi kunne ikke gemme lige nu – dine svar står stadig i formularen; prøv igen"
DRAFT_MESSAGE = "Vi kunne ikke gemme det, du lige skrev, som kladde."
SUBMIT_MESSAGE = "Vi kunne ikke indsende svarene lige nu"


@pytest.fixture(autouse=True)
def no_pauses(monkeypatch):
    monkeypatch.setattr(saving, "RETRIES", (0, 0))


def stored(cluster) -> tuple[dict, dict, str, int]:
    response = Response.objects.get(cluster=cluster)
    return response.answers, response.basis, response.status, response.version


def locked_save(monkeypatch, name: str) -> list:
    """Make `answers.<name>` fail as a locked database does; return the list of calls."""
    calls = []

    def locked(*args, **kwargs):
        calls.append(args)
        raise OperationalError("database is locked: 4711")

    monkeypatch.setattr(answers, name, locked)
    return calls


def logged_text(caplog) -> str:
    return " ".join(record.getMessage() for record in caplog.records)


def assert_typed_numbers_shown(html: str) -> None:
    assert 'value="4711"' in html
    assert 'value="1234"' in html
    assert 'value="estimated" checked' in html


def test_gem_kladde_that_fails_keeps_the_typed_answers(
    client, link_a, cluster_a, monkeypatch, caplog
):
    client.get(link_a)
    before = stored(cluster_a)
    calls = locked_save(monkeypatch, "save_section")

    with caplog.at_level(logging.ERROR):
        page = client.post(link_a + MEMBERS, {**TYPED, "go": "stay"})

    assert page.status_code == 503
    assert page["Retry-After"]
    html = page.content.decode()
    assert SECTION_MESSAGE in html
    assert "Kladden er gemt." not in html
    assert_typed_numbers_shown(html)
    assert len(calls) == 3
    assert stored(cluster_a) == before
    logged = logged_text(caplog)
    assert "section members of response" in logged
    assert "4711" not in logged and "1234" not in logged


def close(round: Round) -> None:
    round.status = Round.Status.CLOSED
    round.save()


def test_a_draft_that_cannot_be_kept_after_the_close_is_shown_again(
    client, link_a, cluster_a, survey_round, monkeypatch, caplog
):
    client.get(link_a)
    close(survey_round)
    before = stored(cluster_a)
    calls = locked_save(monkeypatch, "save_section")

    with caplog.at_level(logging.ERROR):
        page = client.post(link_a + MEMBERS, {**TYPED, "go": "next"})

    assert page.status_code == 503
    assert page["Retry-After"]
    html = page.content.decode()
    assert "Runden er lukket" in html
    assert DRAFT_MESSAGE in html
    assert "er gemt som kladde" not in html
    assert_typed_numbers_shown(html)
    assert f'action="{link_a}{MEMBERS}"' in html
    assert len(calls) == 3
    assert stored(cluster_a) == before
    logged = logged_text(caplog)
    assert "draft of section members" in logged and "OperationalError" in logged
    assert "4711" not in logged and "1234" not in logged


def test_the_draft_shown_again_is_kept_when_posted_again(
    client, link_a, cluster_a, survey_round, monkeypatch
):
    client.get(link_a)
    close(survey_round)
    real = answers.save_section
    failures = [DatabaseError("disk I/O error")]

    def fails_once(*args, **kwargs):
        if failures:
            raise failures.pop()
        return real(*args, **kwargs)

    monkeypatch.setattr(answers, "save_section", fails_once)

    first = client.post(link_a + MEMBERS, {**TYPED, "go": "next"})
    again = client.post(link_a + MEMBERS, {**TYPED, "go": "stay"})

    assert first.status_code == 503
    assert again.status_code == 403
    assert "er gemt som kladde" in again.content.decode()
    saved, basis, status, _version = stored(cluster_a)
    assert saved["members.national"] == 4711
    assert basis["members.region"] == "estimated"
    assert status == "draft"


def test_a_submission_that_fails_halfway_stores_nothing_and_keeps_the_ticks(
    client, link_a, cluster_a, monkeypatch, caplog
):
    client.post(
        link_a + MEMBERS,
        {
            "members__national": "100",
            "members__national__basis": "counted",
            "members__region": "40",
            "members__region__basis": "counted",
            "members__region_50plus": "10",
            "members__region_50plus__basis": "counted",
            "members__region_under50": "20",
            "members__region_under50__basis": "estimated",
            "go": "next",
        },
    )
    before = stored(cluster_a)
    real_save = answers._save

    def save_then_fail(response, *, via_link):
        real_save(response, via_link=via_link)  # Written inside the transaction…
        raise DatabaseError("disk I/O error")  # …and then the database gives up.

    monkeypatch.setattr(answers, "_save", save_then_fail)

    with caplog.at_level(logging.ERROR):
        page = client.post(link_a + "oversigt/", {"confirm": ["members_split_sum"]})

    assert page.status_code == 503
    html = page.content.decode()
    assert SUBMIT_MESSAGE in html
    assert 'value="members_split_sum" checked' in html
    assert stored(cluster_a) == before
    assert Response.objects.get(cluster=cluster_a).submitted_at is None
    assert mail.outbox == []
    logged = logged_text(caplog)
    assert "submission of response" in logged and "DatabaseError" in logged


def test_an_english_submission_says_it_in_english(client, link_a, monkeypatch):
    client.get(link_a)
    client.post("/sprog/setlang/", {"language": "en", "next": link_a})
    locked_save(monkeypatch, "submit")

    page = client.post(link_a + "oversigt/", {})

    assert page.status_code == 503
    assert "We could not submit the answers just now" in page.content.decode()


def test_an_english_draft_that_cannot_be_kept_says_it_in_english(
    client, link_a, survey_round, monkeypatch
):
    client.get(link_a)
    client.post("/sprog/setlang/", {"language": "en", "next": link_a})
    close(survey_round)
    locked_save(monkeypatch, "save_section")

    page = client.post(link_a + MEMBERS, {**TYPED, "go": "next"})

    assert page.status_code == 503
    assert "We could not keep what you just typed as a draft." in page.content.decode()
