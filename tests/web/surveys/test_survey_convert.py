"""round_data: a round in the database becomes the same RoundData the exchange reader gives."""

from __future__ import annotations

from datetime import date

import pytest

from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.web.surveys.convert import round_data, stored_answers, typed_answers
from klyngeradar.web.surveys.models import Response, Round


@pytest.fixture
def round(organisation, region):
    return Round.objects.create(
        organisation=organisation,
        region=region,
        title="Runde 2025",
        since=date(2024, 1, 1),
        deadline=date(2025, 3, 15),
        actors=[{"slug": "brn", "name": "BRN"}],
        efforts=[{"slug": "digitalisering", "name": "Digitalisering"}],
    )


@pytest.mark.parametrize(
    ("status", "answers", "expected"),
    [
        ("submitted", {"members.region": 40}, "complete"),
        ("draft", {"members.region": 40}, "partial"),
        ("opened", {}, "none"),
        ("not_opened", {}, "none"),
    ],
)
def test_it_maps_response_statuses_to_the_exchange_format(
    round, cluster_a, status, answers, expected
):
    Response.objects.create(round=round, cluster=cluster_a, status=status, answers=answers)

    data = round_data(round)

    assert [r.status for r in data.responses] == [expected]


def test_it_leaves_out_drafts_when_asked_for_submitted_answers_only(round, cluster_a):
    Response.objects.create(
        round=round, cluster=cluster_a, status="draft", answers={"members.region": 40}
    )

    (response,) = round_data(round, submitted_only=True).responses

    assert response.status == "none"
    assert response.answers == {}


def test_it_types_answers_and_keeps_the_basis(round, cluster_a, cluster_b):
    Response.objects.create(
        round=round,
        cluster=cluster_a,
        status="submitted",
        answers={"partners.actors": ["brn"], "members.region": 40, "agreements.actors": []},
        basis={"members.region": "estimated"},
    )
    Response.objects.create(round=round, cluster=cluster_b)

    data = round_data(round)

    a, b = data.responses
    assert (a.cluster, a.name) == ("klynge-a", "Klynge A")
    assert a.answers == {
        "partners.actors": frozenset({"brn"}),
        "members.region": 40,
        "agreements.actors": frozenset(),
    }
    assert a.basis == {"members.region": "estimated"}
    assert b.status == "none"
    assert data.info.region == "1081"
    assert data.info.organisation == "BRN"
    assert data.info.since == date(2024, 1, 1)
    assert [c.slug for c in data.actors] == ["brn"]
    assert [c.slug for c in data.efforts] == ["digitalisering"]


def test_stored_answers_and_typed_answers_are_inverse_on_the_demo_round():
    from klyngeradar.core.surveys.questionnaire import load

    for response in demo_round().responses:
        assert typed_answers(stored_answers(response.answers), load("v1")) == response.answers
