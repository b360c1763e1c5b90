"""A section whose save fails in the database is never swallowed: the page keeps what was typed."""

from __future__ import annotations

import logging

import pytest
from django.db import DatabaseError, OperationalError

from klyngeradar.web import saving
from klyngeradar.web.surveys import answers
from klyngeradar.web.surveys.models import Response

pytestmark = pytest.mark.django_db

MEMBERS = "afsnit/members/"
MESSAGE = "Vi kunne ikke gemme lige nu – dine svar står stadig i formularen; prøv igen"
TYPED = {
    "shown": ["members.national", "members.region", "members.region_50plus"],
    "members__national": "4711",
    "members__national__basis": "counted",
    "members__region": "1234",
    "members__region__basis": "estimated",
    "go": "next",
}


@pytest.fixture(autouse=True)
def no_pauses(monkeypatch):
    monkeypatch.setattr(saving, "RETRIES", (0, 0))


def stored(cluster) -> tuple[dict, dict, str]:
    response = Response.objects.get(cluster=cluster)
    return response.answers, response.basis, response.status


def assert_shown_again(page):
    assert page.status_code == 503
    html = page.content.decode()
    assert MESSAGE in html
    assert 'value="4711"' in html
    assert 'value="1234"' in html
    assert 'value="estimated" checked' in html
    assert "De øvrige svar i afsnittet er gemt." not in html


def test_an_operational_error_after_the_retries_keeps_the_typed_answers(
    client, link_a, cluster_a, monkeypatch, caplog
):
    client.get(link_a)
    before = stored(cluster_a)
    calls = []

    def locked(*args, **kwargs):
        calls.append(args)
        raise OperationalError("database is locked")

    monkeypatch.setattr(answers, "save_section", locked)

    with caplog.at_level(logging.ERROR, logger="klyngeradar.web.saving"):
        page = client.post(link_a + MEMBERS, TYPED)

    assert_shown_again(page)
    assert page["Retry-After"]
    assert len(calls) == 3  # The first try and two retries.
    assert stored(cluster_a) == before
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "members" in logged and "OperationalError" in logged
    assert "4711" not in logged and "1234" not in logged
    assert "locked" not in logged  # The database's own text may quote data: not logged.


def test_a_database_error_halfway_through_the_save_stores_nothing(
    client, link_a, cluster_a, monkeypatch
):
    client.get(link_a)
    before = stored(cluster_a)
    real_save = answers._save

    def save_then_fail(response, *, via_link):
        real_save(response, via_link=via_link)  # The row is written inside the transaction…
        raise DatabaseError("disk I/O error")  # …and then the database gives up.

    monkeypatch.setattr(answers, "_save", save_then_fail)

    page = client.post(link_a + MEMBERS, TYPED)

    assert_shown_again(page)
    assert stored(cluster_a) == before


def test_the_english_form_says_it_in_english(client, link_a, monkeypatch):
    client.get(link_a)
    client.post("/sprog/setlang/", {"language": "en", "next": link_a})

    def fail(*args, **kwargs):
        raise DatabaseError("no")

    monkeypatch.setattr(answers, "save_section", fail)

    page = client.post(link_a + MEMBERS, TYPED)

    assert page.status_code == 503
    assert "We could not save just now" in page.content.decode()


def test_a_save_that_succeeds_on_a_retry_moves_on(client, link_a, cluster_a, monkeypatch):
    real = answers.save_section
    failures = [OperationalError("database is locked")]

    def once_locked(*args, **kwargs):
        if failures:
            raise failures.pop()
        return real(*args, **kwargs)

    monkeypatch.setattr(answers, "save_section", once_locked)

    page = client.post(link_a + MEMBERS, TYPED)

    assert page.status_code == 302
    saved, basis, _status = stored(cluster_a)
    assert saved["members.national"] == 4711
    assert basis["members.region"] == "estimated"
