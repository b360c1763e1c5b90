"""A respondent or link of cluster A can never read or change cluster B's response."""

from __future__ import annotations

import pytest
from django.urls import reverse

from klyngeradar.web.access import visible_to
from klyngeradar.web.surveys.models import Response, Round

pytestmark = pytest.mark.django_db

B_ANSWERS = {"presence.type": "own_office", "dialogue.comment": "Hemmeligt for A"}


@pytest.fixture
def response_b(survey_round, link_a, link_b, cluster_b):
    Response.objects.filter(cluster=cluster_b).update(status="draft", answers=B_ANSWERS)
    return Response.objects.get(cluster=cluster_b)


def test_a_respondent_sees_only_their_own_clusters_response(
    respondent_a, respondent_b, response_b, cluster_a
):
    assert [r.cluster for r in visible_to(respondent_a, Response)] == [cluster_a]
    assert not visible_to(respondent_a, Round).exists()


@pytest.mark.parametrize("page", ["", "afsnit/presence/", "oversigt/", "indsendt/"])
def test_respondent_a_gets_404_for_cluster_bs_response(client_for, respondent_a, response_b, page):
    client = client_for(respondent_a)

    assert client.get(f"/runder/besvarelser/{response_b.pk}/{page}").status_code == 404
    posted = client.post(
        f"/runder/besvarelser/{response_b.pk}/afsnit/presence/", {"presence__type": "none"}
    )
    assert posted.status_code == 404
    assert Response.objects.get(pk=response_b.pk).answers == B_ANSWERS


def test_respondent_a_fills_in_their_own_response_when_logged_in(
    client_for, respondent_a, response_b, cluster_a
):
    own = Response.objects.get(cluster=cluster_a)
    client = client_for(respondent_a)

    client.post(
        f"/runder/besvarelser/{own.pk}/afsnit/presence/", {"presence__type": "none", "go": "next"}
    )

    own.refresh_from_db()
    assert own.answers == {"presence.type": "none"}
    latest = own.history.first()
    assert latest.history_user.username == "respondent-a"


@pytest.mark.parametrize("name", ["round_detail", "import", "round_edit"])
def test_a_respondent_never_reaches_the_analysts_round_pages(
    client_for, respondent_a, survey_round, name
):
    page = client_for(respondent_a).get(reverse(f"surveys:{name}", args=[survey_round.pk]))

    assert page.status_code == 403


def test_the_analysts_response_page_is_not_open_to_a_respondent(
    client_for, respondent_a, survey_round, response_b
):
    url = reverse("surveys:response", args=[survey_round.pk, response_b.pk])

    assert client_for(respondent_a).get(url).status_code == 403


def test_cluster_as_link_only_ever_shows_and_changes_cluster_a(
    client, link_a, response_b, cluster_a
):
    page = client.get(link_a + "afsnit/dialogue/")
    assert "Hemmeligt for A" not in page.content.decode()

    # There is no id in a link's addresses to swap; a posted id is ignored.
    client.post(
        link_a + "afsnit/presence/",
        {"presence__type": "none", "response": response_b.pk, "cluster": "klynge-b"},
    )

    assert Response.objects.get(cluster=cluster_a).answers == {"presence.type": "none"}
    assert Response.objects.get(pk=response_b.pk).answers == B_ANSWERS


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: token.upper(),
        lambda token: token[:20],
        lambda token: "",
    ],
)
def test_a_changed_token_opens_nothing(client, link_a, response_b, tamper):
    token = link_a.strip("/").rsplit("/", 1)[1]
    tampered = tamper(token)

    page = client.get(f"/svar/{tampered}/") if tampered else client.get("/svar//")

    assert page.status_code == 404


def test_an_analyst_of_another_organisation_sees_nothing(client_for, response_b, region):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership, Organisation

    other = Organisation.objects.create(slug="andre", name="Andre", region=region)
    user = get_user_model().objects.create_user(username="other-analyst", password="x" * 20)
    Membership.objects.create(user=user, role="analyst", organisation=other)
    client = client_for(user)

    url = reverse("surveys:round_detail", args=[response_b.round.pk])
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("surveys:export", args=[response_b.round.pk, "csv"])).status_code == 404
    )


def test_a_respondents_rounds_page_lists_only_their_own_form(
    client_for, respondent_a, response_b, cluster_a
):
    page = client_for(respondent_a).get(reverse("surveys:round_list"))

    assert [r.cluster for r in page.context["responses"]] == [cluster_a]
    assert "Klynge B" not in page.content.decode()
