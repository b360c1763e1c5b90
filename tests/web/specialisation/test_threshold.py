"""The round's specialisation bar on the "Samarbejdsmodeller" page: Danish decimals, or off."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from klyngeradar.web.strategy.models import RoundThresholds

pytestmark = pytest.mark.django_db

BARS = {
    "high_fit": 2,
    "effort_support": 2,
    "effort_call_min": 3,
    "shared_environment_min": 3,
    "members_above": "",
    "high_engagement": "",
}


@pytest.fixture
def round(organisation):
    from klyngeradar.web.surveys.demo import create_demo_round

    return create_demo_round(organisation, deadline=date(2031, 3, 1))[0]


@pytest.mark.parametrize(("typed", "stored"), [("1,50", Decimal("1.50")), ("", None)])
def test_it_stores_the_bar_typed_the_danish_way_or_turns_it_off(
    client_for, analyst, round, typed, stored
):
    url = reverse("strategy:thresholds", kwargs={"round_id": round.pk})
    response = client_for(analyst).post(url, {**BARS, "specialised_lq": typed})
    assert response.status_code == 302
    assert RoundThresholds.objects.get(round=round).specialised_lq == stored


def test_it_refuses_a_bar_of_zero(client_for, analyst, round):
    url = reverse("strategy:thresholds", kwargs={"round_id": round.pk})
    response = client_for(analyst).post(url, {**BARS, "specialised_lq": "0"})
    assert response.status_code == 400
    assert not RoundThresholds.objects.exists()
