"""The "Samarbejdsmodeller" page: the core's fit, engagement and recommendations, and decisions."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from klyngeradar.core.strategy.plan import strategy_from_round
from klyngeradar.core.strategy.recommendations import reason_text, recommend
from klyngeradar.web.strategy.models import Decision, FitOverride
from klyngeradar.web.surveys.convert import round_data

pytestmark = pytest.mark.django_db


def models_url(round) -> str:
    return reverse("strategy:models", kwargs={"round_id": round.pk})


def cell_url(round, cluster, effort) -> str:
    return reverse(
        "strategy:fit_cell", kwargs={"round_id": round.pk, "cluster": cluster, "effort": effort}
    )


def decide_url(round, level, subject) -> str:
    return reverse(
        "strategy:decide", kwargs={"round_id": round.pk, "level": level, "subject": subject}
    )


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_it_shows_the_core_recommendations_with_their_reasons(client_for, viewer, demo_round_db):
    expected = recommend(round_data(demo_round_db))
    response = client_for(viewer).get(models_url(demo_round_db))

    assert response.status_code == 200
    page = text_of(response.content.decode())
    for recommendation in expected.clusters:
        for reason in recommendation.reasons:
            assert reason_text(reason, "da") in page
    assert "Tværkommunale aftaler gennem BRN" in page
    assert "baseret på 6 af 6 input" in page
    assert "baseret på 0 af 6 input" in page  # the cluster that did not respond
    assert "Respektér klyngens kerneopgave" in page


def test_an_override_changes_the_matrix_and_the_recommendation_and_keeps_its_note(
    client_for, analyst, demo_round_db
):
    # Klynge M did not respond: its fit is unknown and it gets no model.
    data = round_data(demo_round_db)
    assert recommend(data).for_cluster("klynge-m").model is None
    effort = strategy_from_round(data).efforts[0].slug

    response = client_for(analyst).post(
        cell_url(demo_round_db, "klynge-m", effort),
        {"score": "3", "note": "Leder regionens dataprojekt"},
    )

    assert response.status_code == 302
    page = client_for(analyst).get(models_url(demo_round_db))
    row = next(r for r in page.context["matrix"] if r.cluster == "klynge-m")
    cell = next(c for c in row.cells if c.effort == effort)
    assert (cell.score, cell.source, cell.note) == (3, "analyst", "Leder regionens dataprojekt")
    assert row.score == 3
    after = page.context["result"].for_cluster("klynge-m")
    assert after.model == "concrete_collaboration"
    assert after.reasons[0].code == "fit_high"
    override = FitOverride.objects.get(round=demo_round_db, effort=effort)
    assert override.history.first().note == "Leder regionens dataprojekt"
    assert override.history.first().history_user == analyst


def test_a_changed_override_is_kept_in_history(client_for, analyst, demo_round_db):
    client = client_for(analyst)
    url = cell_url(demo_round_db, "klynge-a", "digitalisering")
    client.post(url, {"score": "1", "note": "Første vurdering"})
    client.post(url, {"score": "3", "note": "Efter møde med klyngen"})

    override = FitOverride.objects.get(round=demo_round_db, cluster__slug="klynge-a")
    assert [h.score for h in override.history.order_by("history_date")] == [1, 3]
    assert [h.note for h in override.history.order_by("history_date")] == [
        "Første vurdering",
        "Efter møde med klyngen",
    ]


def test_an_override_without_a_note_is_refused_on_the_form(client_for, analyst, demo_round_db):
    response = client_for(analyst).post(
        cell_url(demo_round_db, "klynge-a", "digitalisering"), {"score": "3", "note": " "}
    )

    assert response.status_code == 200
    assert "Skriv en note om, hvorfor du sætter dette fit." in response.content.decode()
    assert not FitOverride.objects.exists()


@pytest.mark.parametrize("verdict", ["changed", "rejected"])
def test_a_decision_without_a_reason_is_refused_with_a_message_on_the_form(
    client_for, analyst, demo_round_db, verdict
):
    response = client_for(analyst).post(
        decide_url(demo_round_db, "cluster", "klynge-a"),
        {"verdict": verdict, "chosen_model": "targeted_call", "reason": ""},
    )

    assert response.status_code == 200
    assert "Skriv en begrundelse" in response.content.decode()
    assert not Decision.objects.exists()


def test_a_decision_is_shown_next_to_the_recommendation_and_kept_in_history(
    client_for, analyst, demo_round_db
):
    client = client_for(analyst)
    url = decide_url(demo_round_db, "cluster", "klynge-a")
    client.post(url, {"verdict": "accepted", "reason": ""})
    client.post(
        url,
        {"verdict": "changed", "chosen_model": "targeted_call", "reason": "Passer til udbuddet"},
    )

    decision = Decision.objects.get(round=demo_round_db, subject="klynge-a")
    assert decision.verdict == "changed"
    assert decision.chosen_model == "targeted_call"
    assert [h.verdict for h in decision.history.order_by("history_date")] == ["accepted", "changed"]
    page = text_of(client.get(models_url(demo_round_db)).content.decode())
    assert "Anden model valgt – Satsning/udbud inden for en central indsats" in page
    assert "Begrundelse: Passer til udbuddet" in page


def test_thresholds_are_configurable_per_round(client_for, analyst, demo_round_db):
    client = client_for(analyst)
    before = client.get(models_url(demo_round_db)).context["items"]["efforts"]
    assert before

    response = client.post(
        reverse("strategy:thresholds", kwargs={"round_id": demo_round_db.pk}),
        {"high_fit": 2, "effort_support": 2, "effort_call_min": 20, "shared_environment_min": 3},
    )

    assert response.status_code == 302
    assert client.get(models_url(demo_round_db)).context["items"]["efforts"] == []
