"""Decisions edited in the admin follow the models page's rules, so the deck can read them."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from klyngeradar.web.strategy.decisions import round_decisions
from klyngeradar.web.strategy.models import Decision

pytestmark = pytest.mark.django_db

RECOMMENDED = "cross_municipal_agreement"


@pytest.fixture
def round(organisation):
    from klyngeradar.web.surveys.models import Round

    return Round.objects.create(
        organisation=organisation,
        region=organisation.region,
        title="Runde 2025",
        since=date(2024, 1, 1),
        deadline=date(2025, 3, 15),
    )


def admin_form(round, **data) -> dict[str, str]:
    return {
        "round": round.pk,
        "level": "cluster",
        "subject": "klynge-a",
        "recommended_model": RECOMMENDED,
        "verdict": "accepted",
        "chosen_model": "",
        "reason": "",
        **data,
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"verdict": "changed", "chosen_model": RECOMMENDED, "reason": "Bedre sådan"},
            "Vælg en anden model end den anbefalede.",
        ),
        (
            {"verdict": "changed", "chosen_model": "", "reason": "Bedre sådan"},
            "Vælg den model, der skal bruges i stedet.",
        ),
        ({"verdict": "changed", "chosen_model": "targeted_call"}, "Skriv en begrundelse"),
        ({"verdict": "rejected", "reason": "   "}, "Skriv en begrundelse"),
    ],
    ids=[
        "changed-to-the-recommended",
        "changed-to-nothing",
        "changed-silently",
        "rejected-silently",
    ],
)
def test_the_admin_refuses_a_decision_the_models_page_would_refuse(
    client_for, admin_user, round, data, message
):
    response = client_for(admin_user).post(
        reverse("admin:strategy_decision_add"), admin_form(round, **data)
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Decision.objects.exists()


def test_the_admin_refuses_to_turn_a_stored_decision_into_one_the_deck_cannot_read(
    client_for, admin_user, round
):
    decision = Decision.objects.create(
        round=round,
        level="cluster",
        subject="klynge-a",
        recommended_model=RECOMMENDED,
        verdict="accepted",
    )
    url = reverse("admin:strategy_decision_change", args=[decision.pk])

    response = client_for(admin_user).post(
        url, admin_form(round, verdict="changed", chosen_model=RECOMMENDED, reason="Bedre sådan")
    )

    assert "Vælg en anden model end den anbefalede." in response.content.decode()
    decision.refresh_from_db()
    assert decision.verdict == "accepted"
    assert round_decisions(round)[0].verdict == "accepted"


def test_the_admin_stores_a_decision_the_deck_can_read(client_for, admin_user, round):
    response = client_for(admin_user).post(
        reverse("admin:strategy_decision_add"),
        # A rejection names no model: one left in the form is dropped, as on the page.
        admin_form(round, verdict="rejected", chosen_model="targeted_call", reason="Ikke i år"),
    )

    assert response.status_code == 302
    (decision,) = round_decisions(round)
    assert (decision.verdict, decision.model, decision.recommended) == (
        "rejected",
        None,
        RECOMMENDED,
    )
    assert (decision.reason, decision.decided_by) == ("Ikke i år", "admin")


def test_the_admin_lists_only_the_decisions_of_the_users_own_organisation(
    client_for, analyst, round, region
):
    from klyngeradar.web.accounts.models import Membership, Organisation

    Decision.objects.create(
        round=round, level="region", subject="shared_environment", verdict="rejected", reason="Nej"
    )
    other = Organisation.objects.create(slug="other", name="Anden organisation", region=region)
    outsider = type(analyst).objects.create_user(username="outsider", is_staff=True)
    Membership.objects.create(user=outsider, role="analyst", organisation=other)
    analyst.is_staff = True
    analyst.save()

    own = client_for(analyst).get(reverse("admin:strategy_decision_changelist"))
    foreign = client_for(outsider).get(reverse("admin:strategy_decision_changelist"))

    assert "shared_environment" in own.content.decode()
    assert "shared_environment" not in foreign.content.decode()
