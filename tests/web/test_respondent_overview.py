"""A respondent's front page leads with their own forms, and only their own cluster's."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from klyngeradar.web.surveys.models import Response, Round

pytestmark = pytest.mark.django_db


def make_round(organisation, title: str, deadline: date, *clusters, status=Round.Status.OPEN):
    round = Round.objects.create(
        organisation=organisation,
        region=organisation.region,
        title=title,
        since=date(2024, 1, 1),
        deadline=deadline,
        status=status,
    )
    for cluster in clusters:
        Response.objects.create(round=round, cluster=cluster)
    return round


@pytest.fixture
def rounds(organisation, cluster_a, cluster_b):
    """Both clusters in the main round; B alone in another; A in a closed one."""
    both = make_round(organisation, "Engagement 2025", date(2025, 3, 15), cluster_a, cluster_b)
    only_b = make_round(organisation, "Kun Klynge B 2025", date(2025, 4, 1), cluster_b)
    closed = make_round(
        organisation, "Lukket 2024", date(2024, 3, 1), cluster_a, status=Round.Status.CLOSED
    )
    return both, only_b, closed


def cards(page) -> list[str]:
    """Each "Din besvarelse" card's text, whitespace collapsed."""
    html = page.content.decode()
    found = re.findall(r'<article class="card own-response".*?</article>', html, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", card)).strip() for card in found]


def test_it_leads_with_the_respondents_own_round(client_for, respondent_a, rounds):
    both, _only_b, _closed = rounds

    page = client_for(respondent_a).get(reverse("dashboard:overview"))

    (card,) = cards(page)
    assert card.startswith("Din besvarelse Engagement 2025 · Klynge A")
    assert "Status Ikke åbnet" in card
    assert "Svarfrist 15. marts 2025" in card
    own = Response.objects.get(round=both, cluster__slug="klynge-a")
    html = page.content.decode()
    assert f'href="{reverse("surveys:own_start", args=[own.pk])}"' in html
    # A respondent's front page holds only their own forms, not the registry.
    assert "Klyngelandskabet i registret" not in html


def test_it_shows_nothing_of_another_cluster(client_for, respondent_a, rounds):
    page = client_for(respondent_a).get(reverse("dashboard:overview"))

    html = page.content.decode()
    assert "Klynge B" not in html
    assert "Kun Klynge B 2025" not in html
    for response in Response.objects.filter(cluster__slug="klynge-b"):
        assert reverse("surveys:own_start", args=[response.pk]) not in html


@pytest.mark.parametrize(
    ("status", "badge", "button"),
    [
        ("not_opened", "Ikke åbnet", "Besvar spørgeskemaet"),
        ("opened", "Åbnet", "Fortsæt besvarelsen"),
        ("draft", "Kladde", "Fortsæt besvarelsen"),
        ("submitted", "Indsendt", "Se jeres svar"),
    ],
)
def test_the_card_shows_the_status_and_the_next_step(
    client_for, respondent_a, rounds, status, badge, button
):
    Response.objects.filter(cluster__slug="klynge-a").update(status=status)

    (card,) = cards(client_for(respondent_a).get(reverse("dashboard:overview")))

    assert f"Status {badge}" in card
    assert card.endswith(button)


def test_the_button_opens_the_respondents_form(client_for, respondent_a, rounds):
    client = client_for(respondent_a)
    page = client.get(reverse("dashboard:overview"))
    url = re.search(r'<a class="button" href="([^"]+)">Besvar', page.content.decode())[1]

    form = client.get(url)

    assert form.status_code == 200
    assert "Engagement 2025" in form.content.decode()


def test_a_respondent_without_open_rounds_is_told_so(client_for, respondent_a, organisation):
    page = client_for(respondent_a).get(reverse("dashboard:overview"))

    assert cards(page) == []
    assert "Der er ingen åbne spørgeskemaer til jeres klynge." in page.content.decode()


@pytest.mark.parametrize("persona", ["analyst", "viewer", "admin_user"])
def test_staff_get_no_response_cards(client_for, request, rounds, persona):
    page = client_for(request.getfixturevalue(persona)).get(reverse("dashboard:overview"))

    assert cards(page) == []
    assert "Din besvarelse" not in page.content.decode()


def test_it_speaks_english_to_an_english_reader(client_for, respondent_a, rounds, settings):
    client = client_for(respondent_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    (card,) = cards(client.get(reverse("dashboard:overview")))

    assert card.startswith("Your response Engagement 2025 · Klynge A")
    assert "Status Not opened Deadline" in card
    assert card.endswith("Answer the questionnaire")
