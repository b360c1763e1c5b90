"""The analyst's decisions on the models page reach the downloaded deck and appendices."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook
from pptx import Presentation

from klyngeradar.web.strategy.decisions import analyst_decision, round_decisions
from klyngeradar.web.strategy.models import Decision

pytestmark = pytest.mark.django_db


def decide(client, round, level, subject, **data):
    url = reverse(
        "strategy:decide", kwargs={"round_id": round.pk, "level": level, "subject": subject}
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:500]


def recommendation_slide(content: bytes):
    presentation = Presentation(io.BytesIO(content))
    return next(
        s
        for s in presentation.slides
        if "anbefales til en tværkommunal aftale" in s.shapes.title.text
    )


def test_the_deck_shows_a_decision_made_on_the_models_page(client_for, analyst, demo_db_round):
    client = client_for(analyst)
    with time_machine.travel(datetime(2023, 10, 3, 12, 5, tzinfo=UTC), tick=False):
        decide(
            client,
            demo_db_round,
            "cluster",
            "klynge-a",
            verdict="changed",
            chosen_model="targeted_call",
            reason="Passer til udbuddet om digitalisering",
        )

    deck = client.get(reverse("reports:deck", kwargs={"pk": demo_db_round.pk}))

    slide = recommendation_slide(deck.content)
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    assert [c.text for c in table.rows[0].cells][:3] == ["Klynge", "Anbefaling", "Beslutning"]
    assert [c.text for c in table.rows[1].cells][:3] == [
        "Klynge A",
        "Tværkommunale aftaler gennem BRN",
        "Ændret til Satsning/udbud inden for en central indsats",
    ]
    assert [c.text for c in table.rows[2].cells][2] == "Ikke behandlet"
    notes = slide.notes_slide.notes_text_frame.text
    assert "begrundelse: Passer til udbuddet om digitalisering (analyst, 3. oktober 2023)" in notes


def test_the_appendices_carry_a_decision_made_on_the_models_page(
    client_for, analyst, demo_db_round
):
    client = client_for(analyst)
    decide(
        client,
        demo_db_round,
        "effort",
        "arbejdskraft",
        verdict="rejected",
        reason="Dækket af et andet udbud",
    )

    response = client.get(reverse("reports:appendices", kwargs={"pk": demo_db_round.pk}))

    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Beslutninger"]
    header = [cell.value for cell in sheet[1]]
    rows = [
        dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    call = next(row for row in rows if row["navn"] == "Kvalificeret arbejdskraft")
    assert (call["niveau"], call["beslutning"], call["besluttet af"]) == (
        "indsats",
        "afvist",
        "analyst",
    )
    assert call["begrundelse for beslutningen"] == "Dækket af et andet udbud"
    fit = book["Fit og anbefalinger"]
    assert "beslutning" in [cell.value for cell in fit[1]]


def test_the_files_are_unchanged_until_the_analyst_decides(client_for, analyst, demo_db_round):
    client = client_for(analyst)

    deck = client.get(reverse("reports:deck", kwargs={"pk": demo_db_round.pk}))
    book = client.get(reverse("reports:appendices", kwargs={"pk": demo_db_round.pk}))

    table = next(s.table for s in recommendation_slide(deck.content).shapes if s.has_table)
    assert "Beslutning" not in [c.text for c in table.rows[0].cells]
    assert "Beslutninger" not in load_workbook(io.BytesIO(book.content)).sheetnames


def test_it_converts_a_stored_decision_to_the_cores(demo_db_round, analyst):
    analyst.first_name, analyst.last_name = "Anna", "Analytiker"
    analyst.save()
    stored = Decision.objects.create(
        round=demo_db_round,
        level="cluster",
        subject="klynge-m",
        recommended_model="",
        verdict="accepted",
        reason="  ",
        decided_by=analyst,
    )

    decision = analyst_decision(stored)

    assert (decision.subject_kind, decision.subject, decision.verdict) == (
        "cluster",
        "klynge-m",
        "accepted",
    )
    assert (decision.model, decision.recommended, decision.reason) == (None, None, None)
    assert decision.decided_by == "Anna Analytiker"
    assert decision.decided_at.tzinfo is not None
    assert round_decisions(demo_db_round) == (decision,)


@pytest.mark.parametrize("download", ["reports:deck", "reports:appendices"])
def test_a_decision_that_breaks_the_rules_is_named_instead_of_a_file(
    client_for, analyst, demo_db_round, download
):
    # Stored past the models page's form, e.g. before the admin checked decisions.
    Decision.objects.create(
        round=demo_db_round,
        level="cluster",
        subject="klynge-a",
        recommended_model="cross_municipal_agreement",
        verdict="changed",
        chosen_model="cross_municipal_agreement",
        reason="Samme model",
    )
    client = client_for(analyst)

    response = client.get(reverse(download, kwargs={"pk": demo_db_round.pk}))

    round_page = reverse("reports:round_report", kwargs={"pk": demo_db_round.pk})
    assert response.status_code == 302
    assert response["Location"] == round_page
    page = client.get(round_page).content.decode()
    assert "En beslutning om samarbejdsmodellerne bryder reglerne" in page
    assert "en ændret beslutning vælger en anden model (beslutning om cluster klynge-a)" in page
    assert "Skabelonen kan ikke bruges" not in page
