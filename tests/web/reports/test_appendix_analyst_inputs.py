"""The appendices downloaded from "Rapporter" carry the analyst's shortlist, steps and quotes."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from klyngeradar.web.reports.models import NextStep
from klyngeradar.web.strategy.models import Decision, ShortlistChoice

pytestmark = pytest.mark.django_db

PLAIN_B = "agreements.optimal:klynge-b"


def url(name, round):
    return reverse(f"reports:{name}", kwargs={"pk": round.pk})


def rows_of(sheet):
    header = [cell.value for cell in sheet[1]]
    result = []
    for row in sheet.iter_rows(min_row=2, values_only=True):
        if all(value is None for value in row):
            break
        result.append(dict(zip(header, row, strict=True)))
    return result


def test_the_appendices_hold_the_analysts_shortlist_next_steps_and_quotes(
    client_for, analyst, demo_db_round
):
    client = client_for(analyst)
    ShortlistChoice.objects.create(
        round=demo_db_round,
        kind="cluster",
        subject="klynge-l",
        state="pinned",
        position=1,
        reason="ny strategi",
    )
    Decision.objects.create(
        round=demo_db_round,
        level="cluster",
        subject="klynge-a",
        recommended_model="cross_municipal_agreement",
        verdict="rejected",
        reason="Ingen kapacitet i år",
    )
    NextStep.objects.create(
        round=demo_db_round, position=1, text="Dialog med Klynge B", owner="Anna", budget=250_000
    )
    NextStep.objects.create(round=demo_db_round, position=2, text="Temadag", due=date(2024, 3, 15))
    client.post(
        url("choose_quotes", demo_db_round),
        {
            "quotes": [PLAIN_B],
            f"text-{PLAIN_B}": "Faste møder.",
            f"theme-{PLAIN_B}": "Faste koordineringsmøder",
        },
    )

    response = client.get(url("appendices", demo_db_round))

    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    shortlist = {r["klynge / indsats"]: r for r in rows_of(book["Kortliste"])}
    assert (
        shortlist["Klynge L"]["nr."] == 1 and shortlist["Klynge L"]["begrundelse"] == "ny strategi"
    )
    assert shortlist["Klynge A"]["sat af"] == "reglen: afvist af analytikeren"
    steps = rows_of(book["Næste skridt"])
    assert [(s["skridt"], s["ansvarlig"], s["budget (kr.)"]) for s in steps] == [
        ("Dialog med Klynge B", "Anna", 250_000),
        ("Temadag", "mangler", "mangler"),
        ("i alt (1 af 2 skridt har et budget)", None, 250_000),
    ]
    (quote,) = rows_of(book["Citater"])
    assert (quote["klynge"], quote["tema"], quote["tekst i præsentationen"]) == (
        "Klynge B",
        "Faste koordineringsmøder",
        "Faste møder.",
    )
    assert quote["oprindeligt svar (når redigeret)"]
