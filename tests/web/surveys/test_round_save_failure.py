"""The round form whose save fails in the database shows what the analyst typed again."""

from __future__ import annotations

import logging

import pytest
from django.db import DatabaseError, OperationalError
from django.urls import reverse

from klyngeradar.web import saving
from klyngeradar.web.surveys.models import Round

pytestmark = pytest.mark.django_db

MESSAGE = "Vi kunne ikke gemme lige nu – det, du skrev, står stadig i formularen; prøv igen."
SECRET = "Kære {klynge}, hemmelig hilsen 55123\n{link}"
FORM = {
    "title": "Klyngernes engagement i Nordjylland 2026",
    "since": "2025-01-01",
    "deadline": "2026-03-15",
    "questionnaire_version": "v1",
    "actors_text": "Aalborg Universitet",
    "efforts_text": "Grøn omstilling",
    "actors_slugs": "",
    "efforts_slugs": "",
    "reminder_days_text": "7, 2",
    "invitation_subject": "Spørgeskema: {titel}",
    "invitation_body": SECRET,
    "reminder_subject": "Påmindelse: {titel}",
    "reminder_body": "Kære {klynge}\n{link}",
}


@pytest.fixture(autouse=True)
def no_pauses(monkeypatch):
    monkeypatch.setattr(saving, "RETRIES", (0, 0))


def saved_then_failing(monkeypatch, error) -> list:
    """Let `Round.save` write its row inside the transaction, then fail; return the calls."""
    real_save = Round.save
    calls = []

    def save(self, *args, **kwargs):
        calls.append(self)
        real_save(self, *args, **kwargs)
        raise error

    monkeypatch.setattr(Round, "save", save)
    return calls


def assert_shown_again(page) -> None:
    assert page.status_code == 503
    assert page["Retry-After"]
    html = page.content.decode()
    assert MESSAGE in html
    assert "hemmelig hilsen 55123" in html
    assert 'value="Klyngernes engagement i Nordjylland 2026"' in html


def test_a_new_round_that_fails_is_not_stored_and_the_form_keeps_the_text(
    client_for, analyst, north_jutland, monkeypatch, caplog
):
    calls = saved_then_failing(monkeypatch, OperationalError("database is locked"))

    with caplog.at_level(logging.ERROR):
        page = client_for(analyst).post(reverse("surveys:round_create"), FORM)

    assert_shown_again(page)
    assert len(calls) == 3
    assert not Round.objects.exists()
    assert page.context["form"].instance.pk is None
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "a new round" in logged and "OperationalError" in logged
    assert "hemmelig" not in logged and "Nordjylland 2026" not in logged


def test_a_round_edit_that_fails_keeps_the_typed_text_and_stores_nothing(
    client_for, analyst, survey_round, monkeypatch, caplog
):
    saved_then_failing(monkeypatch, DatabaseError("disk I/O error"))

    with caplog.at_level(logging.ERROR):
        page = client_for(analyst).post(reverse("surveys:round_edit", args=[survey_round.pk]), FORM)

    assert_shown_again(page)
    stored = Round.objects.get(pk=survey_round.pk)
    assert stored.title == "Klyngernes engagement i Nordjylland 2025"
    assert stored.invitation_body == survey_round.invitation_body
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert f"round {survey_round.pk}" in logged
    assert "hemmelig" not in logged


def test_the_english_round_form_says_it_in_english(client_for, analyst, survey_round, monkeypatch):
    client = client_for(analyst)
    client.post("/sprog/setlang/", {"language": "en", "next": "/"})
    saved_then_failing(monkeypatch, DatabaseError("disk I/O error"))

    page = client.post(reverse("surveys:round_edit", args=[survey_round.pk]), FORM)

    assert page.status_code == 503
    assert "We could not save just now – what you typed is still in the form" in page.text
