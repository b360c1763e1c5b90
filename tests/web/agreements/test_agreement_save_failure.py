"""An agreement form whose save fails in the database shows what the analyst typed again.

Every form that carries typed text (the agreement, its KPIs, follow-ups and
parts) answers 503 with the form as typed and a clear message, stores nothing
of the failed save, and logs what it was saving without a word of the text.
"""

from __future__ import annotations

import logging
import re

import pytest
from django.db import DatabaseError, OperationalError
from django.urls import reverse

from klyngeradar.web import saving
from klyngeradar.web.agreements.models import Agreement, Deliverable, FollowUp, Kpi

pytestmark = pytest.mark.django_db

MESSAGE = "Vi kunne ikke gemme lige nu – det, du skrev, står stadig i formularen; prøv igen."
SECRET = "Hemmelig tekst 93817"


@pytest.fixture(autouse=True)
def no_pauses(monkeypatch):
    monkeypatch.setattr(saving, "RETRIES", (0, 0))


def saved_then_failing(monkeypatch, model, error=None) -> list:
    """Let `model.save` write its row inside the transaction, then fail; return the calls."""
    error = error or DatabaseError("disk I/O error")
    real_save = model.save
    calls = []

    def save(self, *args, **kwargs):
        calls.append(self)
        real_save(self, *args, **kwargs)
        raise error

    monkeypatch.setattr(model, "save", save)
    return calls


def version_on(page) -> str:
    return re.search(r'name="version" value="(\d+)"', page.content.decode()).group(1)


def agreement_data(agreement, **changes) -> dict:
    return {
        "title": agreement.title,
        "slug": agreement.slug,
        "cluster": agreement.cluster.pk,
        "municipalities": [m.pk for m in agreement.municipalities.all()],
        "kind": "framework",
        "status": "active",
        "start": "2024-01-01",
        "end": "2026-12-31",
        **changes,
    }


def assert_shown_again(page, *typed: str) -> None:
    assert page.status_code == 503
    assert page["Retry-After"]
    html = page.content.decode()
    assert MESSAGE in html
    for text in typed:
        assert text in html


def logged_text(caplog) -> str:
    return " ".join(record.getMessage() for record in caplog.records)


def test_an_agreement_edit_that_fails_keeps_the_typed_text_and_stores_nothing(
    client_for, analyst, agreement, monkeypatch, caplog
):
    client = client_for(analyst)
    url = reverse("agreements:agreement_edit", args=[agreement.slug])
    version = version_on(client.get(url))
    saved_then_failing(monkeypatch, Agreement)

    with caplog.at_level(logging.ERROR):
        page = client.post(
            url, agreement_data(agreement, title="Ny titel", purpose=SECRET, version=version)
        )

    assert_shown_again(page, 'value="Ny titel"', SECRET)
    stored = Agreement.objects.get(pk=agreement.pk)
    assert (stored.title, stored.purpose, stored.version) == (
        agreement.title,
        agreement.purpose,
        agreement.version,
    )
    logged = logged_text(caplog)
    assert f"agreement {agreement.pk}" in logged and "DatabaseError" in logged
    assert SECRET not in logged and "Ny titel" not in logged


def test_a_locked_database_is_tried_three_times_before_the_agreement_form_is_shown_again(
    client_for, analyst, agreement, monkeypatch, caplog
):
    client = client_for(analyst)
    url = reverse("agreements:agreement_edit", args=[agreement.slug])
    version = version_on(client.get(url))
    calls = saved_then_failing(monkeypatch, Agreement, OperationalError("database is locked"))

    with caplog.at_level(logging.ERROR):
        page = client.post(url, agreement_data(agreement, purpose=SECRET, version=version))

    assert_shown_again(page, SECRET)
    assert len(calls) == 3
    assert "Ændringerne er gemt." not in page.content.decode()
    assert "OperationalError, tries: 3" in logged_text(caplog)
    assert Agreement.objects.get(pk=agreement.pk).purpose == agreement.purpose


def test_a_new_agreement_that_fails_is_not_stored_halfway(
    client_for, analyst, cluster_a, municipalities, monkeypatch
):
    saved_then_failing(monkeypatch, Agreement)

    page = client_for(analyst).post(
        reverse("agreements:agreement_create"),
        {
            "title": "Aftale om energi",
            "slug": "energi-nord",
            "cluster": cluster_a.pk,
            "municipalities": [m.pk for m in municipalities.values()],
            "kind": "framework",
            "status": "active",
            "start": "2025-01-01",
            "presence": SECRET,
        },
    )

    assert_shown_again(page, 'value="Aftale om energi"', SECRET)
    assert not Agreement.objects.filter(slug="energi-nord").exists()
    # The form's object does not pretend to the id of the row that was rolled back.
    assert page.context["form"].instance.pk is None


def test_a_kpi_edit_that_fails_keeps_the_typed_values(
    client_for, analyst, agreement, monkeypatch, caplog
):
    kpi = agreement.kpis.get()
    client = client_for(analyst)
    url = reverse("agreements:kpi_edit", args=[agreement.slug, kpi.pk])
    version = version_on(client.get(url))
    saved_then_failing(monkeypatch, Kpi)

    with caplog.at_level(logging.ERROR):
        page = client.post(
            url,
            {
                "catalogue_key": kpi.catalogue_key,
                "definition": kpi.definition,
                "unit": kpi.unit,
                "baseline": "777",
                "measurement": SECRET,
                "targets_text": "2025: 130",
                "version": version,
            },
        )

    assert_shown_again(page, 'value="777"', SECRET, 'value="2025: 130"')
    stored = Kpi.objects.get(pk=kpi.pk)
    assert (stored.baseline, stored.measurement, stored.targets) == (
        10,
        "CVR-numre i deltagerlisterne",
        {"2024": 40, "2025": 120},
    )
    assert "a KPI of agreement" in logged_text(caplog)
    assert SECRET not in logged_text(caplog) and "777" not in logged_text(caplog)


FOLLOW_UP = {"year": "2025", "period": "H1", "actual": "55", "basis": "counted", "comment": SECRET}


def test_a_follow_up_that_fails_keeps_the_typed_values_on_the_page(
    client_for, analyst, agreement, monkeypatch, caplog
):
    kpi = agreement.kpis.get()
    saved_then_failing(monkeypatch, FollowUp)

    with caplog.at_level(logging.ERROR):
        page = client_for(analyst).post(
            reverse("agreements:followup_add", args=[agreement.slug, kpi.pk]), FOLLOW_UP
        )

    assert_shown_again(page, 'value="55"', SECRET)
    assert not FollowUp.objects.exists()
    assert f"a follow-up of KPI {kpi.pk}" in logged_text(caplog)
    assert SECRET not in logged_text(caplog)


def test_a_follow_up_that_fails_in_the_card_says_so_in_the_card(
    client_for, analyst, agreement, monkeypatch
):
    kpi = agreement.kpis.get()
    saved_then_failing(monkeypatch, FollowUp)
    client = client_for(analyst)

    card = client.post(
        reverse("agreements:followup_add", args=[agreement.slug, kpi.pk]),
        FOLLOW_UP,
        HTTP_HX_REQUEST="true",
    )

    assert_shown_again(card, 'value="55"', SECRET)
    assert "<html" not in card.text
    assert card[saving.KEPT_HEADER]  # htmx swaps the card in (page.js).
    assert not FollowUp.objects.exists()
    # The message belongs to the card: it does not turn up on the next page.
    assert MESSAGE not in client.get(reverse("agreements:agreement_list")).text


def test_a_deliverable_that_fails_keeps_the_typed_text(client_for, analyst, agreement, monkeypatch):
    saved_then_failing(monkeypatch, Deliverable)

    page = client_for(analyst).post(
        reverse("agreements:part_add", args=[agreement.slug, "leverancer"]),
        {"kind": "event", "title": "Årsrapport", "description": SECRET},
    )

    assert_shown_again(page, 'value="Årsrapport"', SECRET)
    assert not Deliverable.objects.exists()


def test_the_english_agreement_form_says_it_in_english(client_for, analyst, agreement, monkeypatch):
    client = client_for(analyst)
    client.post("/sprog/setlang/", {"language": "en", "next": "/"})
    url = reverse("agreements:agreement_edit", args=[agreement.slug])
    version = version_on(client.get(url))
    saved_then_failing(monkeypatch, Agreement)

    page = client.post(url, agreement_data(agreement, purpose=SECRET, version=version))

    assert page.status_code == 503
    assert "We could not save just now – what you typed is still in the form" in page.text


def test_a_new_agreement_is_stored_once_when_a_retry_succeeds(
    client_for, analyst, cluster_a, municipalities, monkeypatch
):
    from klyngeradar.web.agreements.forms import AgreementForm

    real = AgreementForm._save_m2m
    failures = [OperationalError("database is locked")]

    def locked_once(form):
        real(form)  # The row and its municipalities are written in the first try…
        if failures:
            raise failures.pop()  # …which is rolled back when the lock wins.

    monkeypatch.setattr(AgreementForm, "_save_m2m", locked_once)

    page = client_for(analyst).post(
        reverse("agreements:agreement_create"),
        {
            "title": "Aftale om energi",
            "slug": "energi-nord",
            "cluster": cluster_a.pk,
            "municipalities": [m.pk for m in municipalities.values()],
            "kind": "framework",
            "status": "active",
            "start": "2025-01-01",
        },
    )

    assert page.status_code == 302
    (stored,) = Agreement.objects.filter(slug="energi-nord")
    assert stored.version == 1
    assert stored.municipalities.count() == len(municipalities)
    assert stored.history.count() == 1
