"""The "Rapporter" forms whose save fails in the database show what the analyst typed again.

The board asks, the next steps, the own slide titles and the quotes: each
answers 503 with the page and the form as typed, a clear message, nothing of
the failed save stored, and a log line naming the round, not the text.
"""

from __future__ import annotations

import logging

import pytest
from django.db import DatabaseError, OperationalError
from django.urls import reverse

from klyngeradar.web import saving
from klyngeradar.web.reports.models import BoardAsks, NextStep, QuoteChoice, SlideTitles

pytestmark = pytest.mark.django_db

MESSAGE = "Vi kunne ikke gemme lige nu – det, du skrev, står stadig i formularen; prøv igen."
SECRET = "Hemmelig formulering 60421"
QUOTE = "agreements.optimal:klynge-a"


@pytest.fixture(autouse=True)
def no_pauses(monkeypatch):
    monkeypatch.setattr(saving, "RETRIES", (0, 0))


def url(name, round):
    return reverse(f"reports:{name}", kwargs={"pk": round.pk})


def saved_then_failing(monkeypatch, model, error) -> list:
    """Let `model.save` write its row inside the transaction, then fail; return the calls."""
    real_save = model.save
    calls = []

    def save(self, *args, **kwargs):
        calls.append(self)
        real_save(self, *args, **kwargs)
        raise error

    monkeypatch.setattr(model, "save", save)
    return calls


STEPS = {
    "steps-TOTAL_FORMS": "2",
    "steps-INITIAL_FORMS": "0",
    "steps-MIN_NUM_FORMS": "0",
    "steps-MAX_NUM_FORMS": "20",
    "steps-0-text": "Indled dialog med Klynge A",
    "steps-0-owner": "Anna",
    "steps-0-due": "01.03.2026",
    "steps-0-budget": "250.000",
    "steps-1-text": SECRET,
    "steps-1-owner": "Bo",
    "steps-1-due": "",
    "steps-1-budget": "",
}

# (form, model, posted, what the page must show again, what the log names)
CASES = [
    ("board_asks", BoardAsks, {"text": SECRET}, [SECRET], "the board asks of round"),
    ("next_steps", NextStep, STEPS, [SECRET, 'value="250.000"'], "the next steps of round"),
    (
        "slide_titles",
        SlideTitles,
        {"title-survey.presence": SECRET},
        [f'value="{SECRET}"'],
        "the slide titles of round",
    ),
    (
        "choose_quotes",
        QuoteChoice,
        {"quotes": [QUOTE], f"text-{QUOTE}": SECRET},
        [SECRET, f'value="{QUOTE}" checked'],
        "the quotes of round",
    ),
]


@pytest.mark.parametrize(
    ("name", "model", "posted", "shown", "logged_as"), CASES, ids=[c[0] for c in CASES]
)
def test_a_failed_save_shows_the_form_as_typed_and_stores_nothing(
    client_for, analyst, demo_db_round, monkeypatch, caplog, name, model, posted, shown, logged_as
):
    calls = saved_then_failing(monkeypatch, model, OperationalError("database is locked"))

    with caplog.at_level(logging.ERROR):
        page = client_for(analyst).post(url(name, demo_db_round), posted)

    assert page.status_code == 503
    assert page["Retry-After"]
    html = page.content.decode()
    assert MESSAGE in html
    for text in shown:
        assert text in html
    assert calls  # The save was reached, and each try rolled back.
    assert not model.objects.filter(round=demo_db_round).exists()
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert f"{logged_as} {demo_db_round.pk}" in logged and "tries: 3" in logged
    assert SECRET not in logged and "250.000" not in logged


def test_next_steps_that_fail_halfway_leave_the_stored_steps_as_they_were(
    client_for, analyst, demo_db_round, monkeypatch
):
    client = client_for(analyst)
    client.post(url("next_steps", demo_db_round), {**STEPS, "steps-1-text": "Første udgave"})
    before = list(NextStep.objects.values_list("position", "text", "owner", "budget"))
    real_save = NextStep.save

    def second_row_fails(self, *args, **kwargs):
        real_save(self, *args, **kwargs)  # The first row is written…
        if self.position == 2:
            raise DatabaseError("disk I/O error")  # …and the second is not.

    monkeypatch.setattr(NextStep, "save", second_row_fails)

    page = client.post(
        url("next_steps", demo_db_round), {**STEPS, "steps-0-owner": "Carl", "steps-1-text": SECRET}
    )

    assert page.status_code == 503
    assert SECRET in page.content.decode()
    assert list(NextStep.objects.values_list("position", "text", "owner", "budget")) == before


def test_the_english_page_says_it_in_english(client_for, analyst, demo_db_round, monkeypatch):
    client = client_for(analyst)
    client.post("/sprog/setlang/", {"language": "en", "next": "/"})
    saved_then_failing(monkeypatch, BoardAsks, DatabaseError("disk I/O error"))

    page = client.post(url("board_asks", demo_db_round), {"text": SECRET})

    assert page.status_code == 503
    assert "We could not save just now – what you typed is still in the form" in page.text
