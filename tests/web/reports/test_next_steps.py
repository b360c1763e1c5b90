"""The round's next steps on the "Rapporter" page: drafts, the analyst's rows, the deck's table."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from pptx import Presentation

from klyngeradar.web.reports.models import NextStep
from klyngeradar.web.strategy.models import ShortlistChoice

pytestmark = pytest.mark.django_db


def url(name, round):
    return reverse(f"reports:{name}", kwargs={"pk": round.pk})


def rows(*steps, initial=0):
    """The formset's POST data for `steps` (text, owner, date, budget[, delete])."""
    data = {
        "steps-TOTAL_FORMS": str(len(steps)),
        "steps-INITIAL_FORMS": str(initial),
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "20",
    }
    for index, step in enumerate(steps):
        text, owner, due, budget, *delete = step
        data |= {
            f"steps-{index}-text": text,
            f"steps-{index}-owner": owner,
            f"steps-{index}-due": due,
            f"steps-{index}-budget": budget,
        }
        if delete:
            data[f"steps-{index}-DELETE"] = "on"
    return data


def next_steps_table(content: bytes) -> list[list[str]]:
    presentation = Presentation(io.BytesIO(content))
    for slide in presentation.slides:
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        if "næste skridt" in title.lower():
            table = next(shape.table for shape in slide.shapes if shape.has_table)
            return [[cell.text for cell in row.cells] for row in table.rows]
    raise AssertionError("no next-steps slide")


def test_it_offers_the_drafts_from_the_recommendations(client_for, analyst, demo_db_round):
    page = client_for(analyst).get(url("round_report", demo_db_round)).content.decode()
    assert "Næste skridt" in page
    assert "Udkast ud fra anbefalingerne; tilføj ansvarlig, dato og budget" in page
    assert 'value="Indled dialog om en tværkommunal aftale med' in page
    assert 'placeholder="dd.mm.åååå"' in page


def test_the_analyst_saves_next_steps_and_the_deck_shows_them_with_what_is_missing(
    client_for, analyst, demo_db_round
):
    client = client_for(analyst)
    response = client.post(
        url("next_steps", demo_db_round),
        rows(
            ("Dialog med Klynge A", "Anna Analytiker", "15.03.2024", "250.000"),
            ("Temadag om grøn omstilling", "", "", ""),
            ("", "", "", ""),
        ),
    )

    assert response.status_code == 302
    stored = list(NextStep.objects.filter(round=demo_db_round).order_by("position"))
    assert [(s.text, s.owner, s.due, s.budget) for s in stored] == [
        ("Dialog med Klynge A", "Anna Analytiker", date(2024, 3, 15), 250_000),
        ("Temadag om grøn omstilling", "", None, None),
    ]
    assert stored[0].written_by == analyst
    table = next_steps_table(client.get(url("deck", demo_db_round)).content)
    assert table[1:] == [
        ["Dialog med Klynge A", "Anna Analytiker", "15. marts 2024", "250.000 kr."],
        ["Temadag om grøn omstilling", "ansvarlig mangler", "dato mangler", "budget mangler"],
    ]
    page = client.get(url("round_report", demo_db_round)).content.decode()
    assert 'value="250.000"' in page and 'value="15.03.2024"' in page


def test_it_keeps_each_steps_history_when_changed_and_deleted(client_for, analyst, demo_db_round):
    client = client_for(analyst)
    client.post(url("next_steps", demo_db_round), rows(("A", "", "", ""), ("B", "", "", "")))
    client.post(
        url("next_steps", demo_db_round),
        rows(("A", "Bo", "", "1000"), ("B", "", "", "", True), initial=2),
    )
    [step] = NextStep.objects.filter(round=demo_db_round)
    assert (step.text, step.owner, step.budget) == ("A", "Bo", 1000)
    assert [h.owner for h in step.history.order_by("history_id")] == ["", "Bo"]
    assert NextStep.history.filter(text="B", history_type="-").exists()

    client.post(url("next_steps", demo_db_round), {"default": "1"})
    assert not NextStep.objects.filter(round=demo_db_round).exists()
    drafted = next_steps_table(client.get(url("deck", demo_db_round)).content)
    assert all(row[0].startswith("Udkast: ") for row in drafted[1:])


@pytest.mark.parametrize(
    ("due", "budget", "message"),
    [
        ("31.02.2024", "", "Skriv datoen som dd.mm.åååå, fx 15.03.2026."),
        ("i morgen", "", "Skriv datoen som dd.mm.åååå, fx 15.03.2026."),
        ("", "mange penge", "Skriv budgettet som et helt beløb i kroner, fx 250.000."),
        ("", "1.50", "Skriv budgettet som et helt beløb i kroner, fx 250.000."),
    ],
)
def test_it_shows_a_bad_date_or_budget_on_the_form_and_stores_nothing(
    client_for, analyst, demo_db_round, due, budget, message
):
    response = client_for(analyst).post(
        url("next_steps", demo_db_round), rows(("Dialog med Klynge A", "Anna", due, budget))
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'value="Dialog med Klynge A"' in page, "the typed row is kept"
    assert not NextStep.objects.exists()


@pytest.mark.parametrize(
    ("typed", "kroner"), [("250.000", 250_000), ("250 000 kr.", 250_000), ("1500", 1_500)]
)
def test_it_reads_a_budget_typed_the_danish_way(client_for, analyst, demo_db_round, typed, kroner):
    client_for(analyst).post(url("next_steps", demo_db_round), rows(("X", "", "", typed)))
    assert NextStep.objects.get().budget == kroner


def test_a_viewer_reads_the_steps_but_cannot_change_them(client_for, viewer, demo_db_round):
    NextStep.objects.create(round=demo_db_round, position=1, text="Dialog med Klynge A")
    client = client_for(viewer)
    page = client.get(url("round_report", demo_db_round)).content.decode()
    assert "Dialog med Klynge A" in page and "ansvarlig mangler" in page
    assert 'id="steps-form"' not in page
    response = client.post(url("next_steps", demo_db_round), rows(("Y", "", "", "")))
    assert response.status_code == 403
    assert list(NextStep.objects.values_list("text", flat=True)) == ["Dialog med Klynge A"]


def test_a_respondent_gets_404(client_for, respondent_a, demo_db_round):
    response = client_for(respondent_a).post(
        url("next_steps", demo_db_round), rows(("Y", "", "", ""))
    )
    assert response.status_code == 404


def test_the_deck_takes_the_analysts_shortlist_pin(client_for, analyst, demo_db_round):
    ShortlistChoice.objects.create(
        round=demo_db_round, kind="cluster", subject="klynge-l", state="pinned", position=1
    )
    presentation = Presentation(
        io.BytesIO(client_for(analyst).get(url("deck", demo_db_round)).content)
    )
    slide = next(s for s in presentation.slides if s.shapes.title.text.startswith("Start med"))
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    assert table.cell(1, 1).text == "Klynge L"
    assert table.cell(1, 3).text.startswith("Analytikeren")
