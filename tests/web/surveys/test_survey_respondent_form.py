"""The respondent's form at the personal link: sections saved as drafts, resume, submit."""

from __future__ import annotations

import pytest
from django.core import mail

from klyngeradar.web.surveys.models import Response

pytestmark = pytest.mark.django_db

PRESENCE = {
    "presence__type": "colocated_other",
    "presence__municipalities": ["851", "813"],
    "presence__planned": "maybe",
    "shown": ["presence.type", "presence.municipalities", "presence.planned"],
}


def response_of(cluster):
    return Response.objects.get(cluster=cluster)


def test_it_shows_the_danish_form_without_an_account(client, link_a, cluster_a):
    page = client.get(link_a)

    assert page.status_code == 200
    assert "Klynge A" in page.content.decode()
    assert "Tilstedeværelse" in page.content.decode()
    assert response_of(cluster_a).status == "opened"


def test_it_saves_a_section_and_keeps_it_when_the_link_is_opened_again(
    client, django_user_model, link_a, cluster_a
):
    saved = client.post(link_a + "afsnit/presence/", {**PRESENCE, "go": "next"})

    # A follow-up question appeared (which actor?), so the section is shown again.
    assert saved.status_code == 302
    assert "afsnit/presence/?nye=1#presence__colocated_with" in saved["Location"]
    response = response_of(cluster_a)
    assert response.status == "draft"
    assert response.answers == {
        "presence.type": "colocated_other",
        "presence.municipalities": ["813", "851"],
        "presence.planned": "maybe",
    }

    client.cookies.clear()  # The browser was closed.
    again = client.get(link_a + "afsnit/presence/")
    html = again.content.decode()
    assert 'value="colocated_other" checked' in html
    assert 'value="851" checked' in html
    assert 'name="presence__colocated_with"' in html


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("ca. 40", "Skriv et helt tal uden decimaler, fx 40 eller 1.740."),
        ("4,5", "Skriv et helt tal uden decimaler, fx 40 eller 1.740."),
        ("-3", "Tallet kan ikke være negativt."),
    ],
)
def test_it_refuses_a_bad_number_next_to_the_field_and_keeps_the_other_answers(
    client, link_a, cluster_a, raw, message
):
    page = client.post(
        link_a + "afsnit/members/",
        {
            "members__national": "1.740",
            "members__national__basis": "counted",
            "members__region": raw,
            "members__region__basis": "estimated",
            "shown": ["members.national", "members.region"],
            "go": "next",
        },
    )

    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="error-summary"' in html
    assert message in html
    assert 'aria-describedby="members__region-help members__region-error"' in html
    assert response_of(cluster_a).answers == {"members.national": 1740}


def test_it_asks_for_the_basis_of_a_number(client, link_a, cluster_a):
    page = client.post(link_a + "afsnit/members/", {"members__national": "100", "go": "next"})

    assert "Angiv, om tallet er opgjort eller skønnet." in page.content.decode()
    assert response_of(cluster_a).answers == {}


def test_it_drops_the_answer_to_a_question_that_becomes_hidden(client, link_a, cluster_a):
    client.post(
        link_a + "afsnit/presence/",
        {
            **PRESENCE,
            "presence__colocated_with": "Green Hub Denmark",
            "shown": [*PRESENCE["shown"], "presence.colocated_with"],
        },
    )
    client.post(
        link_a + "afsnit/presence/",
        {**PRESENCE, "presence__type": "none", "presence__municipalities": []},
    )

    answers = response_of(cluster_a).answers
    assert answers["presence.type"] == "none"
    assert "presence.colocated_with" not in answers
    assert "presence.municipalities" not in answers


def test_it_warns_about_inconsistent_members_and_submits_once_confirmed(client, link_a, cluster_a):
    client.post(
        link_a + "afsnit/members/",
        {
            "members__national": "100",
            "members__national__basis": "counted",
            "members__region": "40",
            "members__region__basis": "counted",
            "members__region_50plus": "10",
            "members__region_50plus__basis": "counted",
            "members__region_under50": "20",
            "members__region_under50__basis": "estimated",
            "go": "next",
        },
    )

    refused = client.post(link_a + "oversigt/", {})
    assert refused.status_code == 200
    assert "Ret tallene, eller bekræft" in refused.content.decode()
    assert "10 + 20 = 30" in refused.content.decode()
    assert response_of(cluster_a).status == "draft"

    submitted = client.post(link_a + "oversigt/", {"confirm": ["members_split_sum"]})

    assert submitted.status_code == 302
    response = response_of(cluster_a)
    assert response.status == "submitted"
    assert response.confirmed_warnings == ["members_split_sum"]
    (receipt,) = mail.outbox
    assert receipt.to == ["kontakt@klynge-a.dk"]
    assert receipt.subject == "Kvittering: Klyngernes engagement i Nordjylland 2025"
    assert "10 (opgjort)" in receipt.body


def test_a_submitted_response_is_read_only_at_the_link(client, link_a, cluster_a):
    client.post(link_a + "oversigt/", {})
    assert response_of(cluster_a).status == "submitted"

    page = client.post(link_a + "afsnit/presence/", PRESENCE)

    assert page.status_code == 302
    assert page["Location"].endswith("indsendt/")
    assert response_of(cluster_a).answers == {}


def test_it_switches_the_form_to_english(client, link_a):
    client.post("/sprog/setlang/", {"language": "en", "next": link_a})

    page = client.get(link_a + "afsnit/presence/")

    assert "How is the cluster physically present in the region?" in page.content.decode()


def test_the_htmx_preview_shows_a_follow_up_question_without_saving(client, link_a, cluster_a):
    page = client.post(
        link_a + "afsnit/presence/?preview=1",
        {"presence__type": "colocated_other", "shown": ["presence.type"]},
        HTTP_HX_REQUEST="true",
    )

    assert 'name="presence__colocated_with"' in page.content.decode()
    assert response_of(cluster_a).answers == {}


def test_gem_kladde_says_that_the_draft_is_saved(client, link_a, cluster_a):
    page = client.post(
        link_a + "afsnit/presence/",
        {"shown": ["presence.type", "presence.planned"], "presence__type": "none", "go": "stay"},
        follow=True,
    )

    assert "Kladden er gemt." in page.content.decode()
    assert response_of(cluster_a).answers["presence.type"] == "none"


def test_the_summary_says_how_many_questions_are_unanswered(client, link_a, cluster_a):
    client.post(
        link_a + "afsnit/presence/",
        {"shown": ["presence.type"], "presence__type": "none", "go": "next"},
    )

    html = client.get(link_a + "oversigt/").content.decode()

    import re

    found = re.search(r"(\d+) af (\d+) spørgsmål er ikke besvaret", html)
    assert found, "no unanswered count on the summary"
    unanswered, total = int(found[1]), int(found[2])
    assert 0 < unanswered < total
    assert "aldrig som 0" in html
