"""Analysts change, viewers read (every POST is 403), respondents see nothing (404)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from klyngeradar.web.strategy.models import Decision, FitOverride, RoundThresholds, Strategy

pytestmark = pytest.mark.django_db


def pages(round):
    kw = {"round_id": round.pk}
    return [
        reverse("findings:round", kwargs=kw),
        reverse("findings:detail", kwargs=kw | {"key": "members_region"}),
        reverse("strategy:models", kwargs=kw),
        reverse("strategy:strategy"),
    ]


def posts(round):
    kw = {"round_id": round.pk}
    cell = kw | {"cluster": "klynge-a", "effort": "digitalisering"}
    return [
        (reverse("strategy:fit_cell", kwargs=cell), {"score": "3", "note": "Vigtig"}),
        (
            reverse("strategy:decide", kwargs=kw | {"level": "cluster", "subject": "klynge-a"}),
            {"verdict": "accepted"},
        ),
        (
            reverse("strategy:thresholds", kwargs=kw),
            {"high_fit": 2, "effort_support": 2, "effort_call_min": 3, "shared_environment_min": 3},
        ),
        (
            reverse("strategy:strategy_edit"),
            {"vision": "V", "efforts-TOTAL_FORMS": "0", "efforts-INITIAL_FORMS": "0"},
        ),
    ]


@pytest.fixture
def stored_strategy(organisation):
    from klyngeradar.web.strategy.demo import store_demo_strategy

    return store_demo_strategy(organisation)


def test_a_viewer_reads_every_page(client_for, viewer, demo_round_db, stored_strategy):
    client = client_for(viewer)
    for url in pages(demo_round_db):
        assert client.get(url).status_code == 200, url


def test_a_viewer_gets_403_on_every_post_and_nothing_is_stored(
    client_for, viewer, demo_round_db, stored_strategy
):
    client = client_for(viewer)
    for url, data in posts(demo_round_db):
        assert client.post(url, data).status_code == 403, url
    assert not FitOverride.objects.exists()
    assert not Decision.objects.exists()
    assert not RoundThresholds.objects.exists()
    assert Strategy.objects.get().vision != "V"


def test_a_viewer_sees_no_edit_controls(client_for, viewer, demo_round_db):
    html = client_for(viewer).get(reverse("strategy:models", kwargs={"round_id": demo_round_db.pk}))
    assert "Gem grænser" not in html.content.decode()
    assert 'class="edit-cell"' not in html.content.decode()


def test_a_respondent_gets_404_on_every_page_and_post(
    client_for, respondent_a, demo_round_db, stored_strategy
):
    client = client_for(respondent_a)
    for url in pages(demo_round_db):
        assert client.get(url).status_code == 404, url
    for url, data in posts(demo_round_db):
        assert client.post(url, data).status_code == 404, url


def test_an_analyst_of_another_organisation_gets_404(client_for, region, demo_round_db):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership, Organisation

    other = Organisation.objects.create(slug="other", name="Anden region", region=region)
    user = get_user_model().objects.create_user(username="other-analyst")
    Membership.objects.create(user=user, role="analyst", organisation=other)
    client = client_for(user)
    for url in pages(demo_round_db)[:3]:
        assert client.get(url).status_code == 404, url
    for url, data in posts(demo_round_db)[:3]:
        assert client.post(url, data).status_code == 404, url


def test_an_anonymous_visitor_is_sent_to_the_login(client, demo_round_db):
    for url in pages(demo_round_db):
        response = client.get(url)
        assert response.status_code == 302
        assert "/konto/login/" in response["Location"]
