"""The analyst runs a round: create it, invite clusters, follow their status, resend, revoke."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from django.urls import reverse

from klyngeradar.core.strategy.plan import Effort, Strategy, demo_strategy
from klyngeradar.web.strategy.store import save_strategy
from klyngeradar.web.surveys.models import Invitation, Response, Round
from klyngeradar.web.surveys.tokens import hash_token

pytestmark = pytest.mark.django_db

ROUND_FORM = {
    "title": "Klyngernes engagement i Nordjylland 2025",
    "since": "2024-01-01",
    "deadline": "2025-03-15",
    "questionnaire_version": "v1",
    "actors_text": "brn; Business Region North Denmark\nAalborg Universitet",
    "efforts_text": "digitalisering; Digitalisering og nye teknologier",
    "reminder_days_text": "7, 2",
    "invitation_subject": "Spørgeskema: {titel}",
    "invitation_body": "Kære {klynge}\n{link}\nFrist {frist}",
    "reminder_subject": "Påmindelse: {titel}",
    "reminder_body": "Kære {klynge}\n{link}",
}


def main_of(page) -> str:
    html = page.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_the_round_form_suggests_the_regions_actors(client_for, analyst, north_jutland):
    page = client_for(analyst).get(reverse("surveys:round_create"))

    initial = page.context["form"].initial
    assert "Aalborg Universitet" in initial["actors_text"].splitlines()
    assert ";" not in initial["actors_text"]
    # The slug is shown only in the advanced field.
    assert "aau; Aalborg Universitet" in initial["actors_slugs"]


OWN_STRATEGY = Strategy(
    vision="Nordjylland vokser grønt",
    efforts=(Effort("havvind", "Havvind i Nordjylland"), Effort("foedevarer", "Fødevarer")),
)


@pytest.mark.parametrize(
    ("stored", "efforts", "note"),
    [
        (
            OWN_STRATEGY,
            "Havvind i Nordjylland\nFødevarer",
            "Forslaget er fra organisationens strategi.",
        ),
        (
            replace(OWN_STRATEGY, example=True),
            "Havvind i Nordjylland\nFødevarer",
            "Forslaget er fra organisationens strategi, som er markeret som eksempel.",
        ),
        (
            None,
            "\n".join(e.name for e in demo_strategy().efforts),
            "Forslaget er et eksempel: organisationen har ingen strategi endnu.",
        ),
    ],
    ids=["own-strategy", "own-strategy-flagged-example", "no-strategy"],
)
def test_a_new_round_suggests_the_organisations_strategy_efforts_else_the_example(
    client_for, analyst, organisation, north_jutland, stored, efforts, note
):
    if stored is not None:
        save_strategy(organisation, stored)

    page = client_for(analyst).get(reverse("surveys:round_create"))

    assert page.context["form"].initial["efforts_text"] == efforts
    assert note in main_of(page)


def test_editing_a_round_keeps_its_own_efforts_without_a_suggestion(
    client_for, analyst, organisation, survey_round
):
    save_strategy(organisation, OWN_STRATEGY)

    page = client_for(analyst).get(reverse("surveys:round_edit", args=[survey_round.pk]))

    assert page.context["form"].initial["efforts_text"] == "Digitalisering"
    assert page.context["form"].initial["efforts_slugs"] == "digitalisering; Digitalisering"
    assert "Forslaget er" not in main_of(page)


def test_an_analyst_creates_a_round_for_the_organisations_region_and_invites_clusters(
    client_for, analyst, north_jutland, cluster_a, cluster_b
):
    client = client_for(analyst)

    created = client.post(reverse("surveys:round_create"), ROUND_FORM)

    round = Round.objects.get()
    assert created["Location"] == reverse("surveys:round_detail", args=[round.pk])
    assert round.region.code == "1081"
    assert round.actors == [
        {"slug": "brn", "name": "Business Region North Denmark"},
        # Typed by name only: the region's registered actor keeps its slug.
        {"slug": "aau", "name": "Aalborg Universitet"},
    ]
    assert round.reminder_days == [7, 2]

    for cluster in (cluster_a, cluster_b):
        issued = client.post(
            reverse("surveys:invite", args=[round.pk]),
            {"cluster": cluster.pk, "addresses": f"a@{cluster.slug}.dk, b@{cluster.slug}.dk"},
        )
        link = issued.context["link"]
        assert "vises kun nu" in issued.content.decode()
        invitation = Invitation.objects.get(cluster=cluster)
        # Only the hash is stored; the link shown once holds the token.
        assert invitation.token_hash == hash_token(link.rstrip("/").rsplit("/", 1)[1])
        assert invitation.emails == [f"a@{cluster.slug}.dk", f"b@{cluster.slug}.dk"]

    detail = client.get(reverse("surveys:round_detail", args=[round.pk]))
    assert [r.status for r in detail.context["responses"]] == ["not_opened", "not_opened"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("invitation_body", "Hej {navn}", "Ukendt felt: {navn}."),
        ("actors_text", "Æ Ø; Noget", "er ikke et gyldigt kort navn"),
        ("reminder_days_text", "syv", "Skriv hele antal dage"),
    ],
)
def test_the_round_form_names_its_mistakes(
    client_for, analyst, north_jutland, field, value, message
):
    page = client_for(analyst).post(reverse("surveys:round_create"), {**ROUND_FORM, field: value})

    assert message in str(page.context["form"].errors[field])
    assert not Round.objects.exists()


def test_resending_issues_a_new_link_and_stops_the_old_one(
    client_for, analyst, survey_round, link_a, cluster_a, client
):
    response = Response.objects.get(cluster=cluster_a)
    analyst_client = client_for(analyst)

    page = analyst_client.post(reverse("surveys:resend", args=[survey_round.pk, response.pk]))

    new_link = page.context["link"].removeprefix("http://127.0.0.1:8000")
    analyst_client.logout()
    assert client.get(link_a).status_code == 404
    assert client.get(new_link).status_code == 200


def test_a_revoked_link_stops_working_with_the_same_page_as_an_unknown_one(
    client_for, analyst, client, survey_round, link_a, cluster_a
):
    response = Response.objects.get(cluster=cluster_a)
    client_for(analyst).post(
        reverse("surveys:revoke", args=[survey_round.pk, response.pk]), {"confirm": "yes"}
    )
    client.logout()

    revoked = client.get(link_a)
    unknown = client.get("/svar/" + "x" * 43 + "/")

    assert revoked.status_code == unknown.status_code == 404
    assert main_of(revoked) == main_of(unknown)
    assert "Linket virker ikke" in revoked.content.decode()
    assert client.post(link_a + "afsnit/presence/", {"presence__type": "none"}).status_code == 404
    assert Response.objects.get(cluster=cluster_a).answers == {}


def test_closing_the_round_stops_every_link(client_for, analyst, client, survey_round, link_a):
    client_for(analyst).post(reverse("surveys:round_close", args=[survey_round.pk]), CONFIRM)
    client.logout()

    closed = client.get(link_a)
    assert closed.status_code == 403
    assert "Runden er lukket" in closed.content.decode()


CONFIRM = {"confirm": "yes"}


@pytest.mark.parametrize(
    ("route", "args", "question"),
    [
        ("surveys:round_close", "round", "Luk runden »"),
        ("surveys:revoke", "response", "Tilbagekald linket til Klynge A?"),
        ("surveys:reopen", "response", "Genåbn besvarelsen fra Klynge A?"),
    ],
)
def test_it_asks_before_a_destructive_action_and_changes_nothing_until_confirmed(
    client_for, analyst, survey_round, link_a, cluster_a, route, args, question
):
    response = Response.objects.get(cluster=cluster_a)
    response.status = "submitted"
    response.save()
    url = reverse(route, args=[survey_round.pk] + ([response.pk] if args == "response" else []))

    page = client_for(analyst).post(url)

    assert page.status_code == 200
    html = page.content.decode()
    assert question in html
    assert 'name="confirm" value="yes"' in html and "Fortryd" in html
    survey_round.refresh_from_db()
    response.refresh_from_db()
    assert survey_round.is_open
    assert response.status == "submitted"
    assert Invitation.objects.filter(revoked_at__isnull=True).count() == 1


def test_a_closed_round_can_be_reopened_and_the_links_work_again(
    client_for, analyst, client, survey_round, link_a
):
    analyst_client = client_for(analyst)
    analyst_client.post(reverse("surveys:round_close", args=[survey_round.pk]), CONFIRM)
    detail = analyst_client.get(reverse("surveys:round_detail", args=[survey_round.pk]))
    assert "Genåbn runden" in detail.content.decode()

    asked = analyst_client.post(reverse("surveys:round_reopen", args=[survey_round.pk]))
    survey_round.refresh_from_db()
    assert "Genåbn runden »" in asked.content.decode() and not survey_round.is_open

    analyst_client.post(reverse("surveys:round_reopen", args=[survey_round.pk]), CONFIRM)
    survey_round.refresh_from_db()
    assert survey_round.is_open and survey_round.closed_at is None
    client.logout()
    assert client.get(link_a).status_code == 200


def test_what_a_respondent_types_when_the_round_closes_is_kept_as_a_draft(
    client_for, analyst, client, survey_round, link_a, cluster_a
):
    client_for(analyst).post(reverse("surveys:round_close", args=[survey_round.pk]), CONFIRM)
    client.logout()

    page = client.post(
        link_a + "afsnit/presence/",
        {"shown": ["presence.type"], "presence__type": "none", "go": "next"},
    )

    assert page.status_code == 403
    html = page.content.decode()
    assert "Runden er lukket" in html
    assert "gemt som kladde" in html
    response = Response.objects.get(cluster=cluster_a)
    assert response.answers.get("presence.type") == "none"
    assert response.status != "submitted"


def test_an_analyst_reopens_a_submitted_response(
    client_for, analyst, client, survey_round, link_a, cluster_a
):
    client.post(link_a + "oversigt/", {})
    response = Response.objects.get(cluster=cluster_a)
    assert response.status == "submitted"

    client_for(analyst).post(
        reverse("surveys:reopen", args=[survey_round.pk, response.pk]), CONFIRM
    )

    response.refresh_from_db()
    assert response.status == "opened"
    assert response.submitted_at is None


@pytest.mark.parametrize("action", ["resend", "revoke", "reopen"])
def test_a_viewer_reads_the_round_but_changes_nothing(
    client_for, viewer, survey_round, link_a, cluster_a, action
):
    client = client_for(viewer)
    response = Response.objects.get(cluster=cluster_a)

    assert client.get(reverse("surveys:round_detail", args=[survey_round.pk])).status_code == 200
    assert (
        client.post(reverse(f"surveys:{action}", args=[survey_round.pk, response.pk])).status_code
        == 403
    )
    assert Invitation.objects.filter(revoked_at__isnull=True).count() == 1


def test_the_history_says_who_changed_what_and_when(
    client_for, analyst, client, survey_round, link_a, cluster_a
):
    client.post(link_a + "afsnit/presence/", {"presence__type": "none", "go": "next"})
    client.post(link_a + "oversigt/", {})
    response = Response.objects.get(cluster=cluster_a)
    client_for(analyst).post(
        reverse("surveys:reopen", args=[survey_round.pk, response.pk]), CONFIRM
    )

    page = client_for(analyst).get(reverse("surveys:response", args=[survey_round.pk, response.pk]))

    rows = page.context["history"]
    # Newest first: reopened, submitted, saved, opened (the first record: invited).
    assert [row["who"] for row in rows[:4]] == [
        "analyst",
        "via personligt link",
        "via personligt link",
        "via personligt link",
    ]
    changed = [c for row in rows for c in row["changed"]]
    # Named as the respondent saw them, never by a technical key.
    assert "Hvordan er klyngen fysisk til stede i regionen?" in changed
    assert not [c for c in changed if "." in c.rstrip(".?") or "_" in c], changed
    assert rows[0]["reason"] == "genåbnet af analytiker"
    html = page.content.decode()
    assert "Dec" not in html


def test_the_round_form_says_where_the_efforts_come_from_in_english(
    client_for, analyst, north_jutland, settings
):
    client = client_for(analyst)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    page = client.get(reverse("surveys:round_create"))

    assert "The suggestion is an example: the organisation has no strategy yet." in main_of(page)


def test_a_refused_invitation_keeps_showing_the_live_links_as_active(
    client_for, analyst, survey_round, link_a, cluster_b
):
    page = client_for(analyst).post(
        reverse("surveys:invite", args=[survey_round.pk]),
        {"cluster": cluster_b.pk, "addresses": "ikke en adresse"},
    )

    assert page.status_code == 422
    html = page.content.decode()
    assert "1 aktivt" in html
    assert "tilbagekaldt</span>" not in html


@pytest.mark.parametrize(
    ("typed", "expected"), [("15.03.2031", date(2031, 3, 15)), ("2031-03-15", date(2031, 3, 15))]
)
def test_the_deadline_is_typed_the_danish_way_with_a_hint(
    client_for, analyst, north_jutland, typed, expected
):
    client = client_for(analyst)
    form = client.get(reverse("surveys:round_create")).content.decode()
    assert 'placeholder="dd.mm.åååå"' in form
    assert "(skal udfyldes)" in form  # required fields are marked

    client.post(reverse("surveys:round_create"), {**ROUND_FORM, "deadline": typed})

    assert Round.objects.get().deadline == expected


def test_a_past_deadline_is_saved_with_a_warning(client_for, analyst, north_jutland):
    page = client_for(analyst).post(
        reverse("surveys:round_create"), {**ROUND_FORM, "deadline": "01.06.2024"}, follow=True
    )

    assert Round.objects.get().deadline == date(2024, 6, 1)
    assert "Svarfristen 1. juni 2024 er allerede overskredet" in page.content.decode()
