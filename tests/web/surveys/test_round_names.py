"""The analyst types actors and efforts by name; short names are derived, kept and checked."""

from __future__ import annotations

import pytest
from django.urls import reverse

from klyngeradar.web.surveys.models import Round

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Klyngernes engagement i Nordjylland 2025",
    "since": "2024-01-01",
    "deadline": "2025-03-15",
    "questionnaire_version": "v1",
    "actors_text": "",
    "efforts_text": "",
    "actors_slugs": "",
    "efforts_slugs": "",
    "reminder_days_text": "7, 2",
    "invitation_subject": "Spørgeskema: {titel}",
    "invitation_body": "Kære {klynge}\n{link}\nFrist {frist}",
    "reminder_subject": "Påmindelse: {titel}",
    "reminder_body": "Kære {klynge}\n{link}",
}


def test_it_derives_the_short_names_from_danish_names(client_for, analyst, north_jutland):
    client_for(analyst).post(
        reverse("surveys:round_create"),
        {
            **FORM,
            "actors_text": "Aalborg Universitet\nErhvervshus Nordjylland",
            "efforts_text": "Grøn omstilling og søfart\nFødevarer på Læsø",
        },
    )

    round = Round.objects.get()
    assert round.actors == [
        # The region's registered actor keeps its registry slug.
        {"slug": "aau", "name": "Aalborg Universitet"},
        {"slug": "erhvervshus-nordjylland", "name": "Erhvervshus Nordjylland"},
    ]
    assert round.efforts == [
        {"slug": "groen-omstilling-og-soefart", "name": "Grøn omstilling og søfart"},
        {"slug": "foedevarer-paa-laesoe", "name": "Fødevarer på Læsø"},
    ]


def test_it_keeps_the_existing_short_names_when_the_list_is_edited(
    client_for, analyst, survey_round
):
    client = client_for(analyst)
    page = client.get(reverse("surveys:round_edit", args=[survey_round.pk]))
    initial = page.context["form"].initial
    assert initial["actors_text"] == "BRN\nAalborg Universitet"
    assert 'name="actors_slugs"' in page.content.decode()

    # Only the names are sent back (the advanced field left empty): the slugs stay.
    client.post(
        reverse("surveys:round_edit", args=[survey_round.pk]),
        {
            **FORM,
            "actors_text": "Aalborg Universitet\nBRN\nUCN",
            "efforts_text": "Digitalisering",
        },
    )

    survey_round.refresh_from_db()
    assert survey_round.actors == [
        {"slug": "aau", "name": "Aalborg Universitet"},
        {"slug": "brn", "name": "BRN"},
        {"slug": "ucn", "name": "UCN"},
    ]
    assert survey_round.efforts == [{"slug": "digitalisering", "name": "Digitalisering"}]


def test_it_takes_a_short_name_from_the_advanced_field(client_for, analyst, north_jutland):
    client_for(analyst).post(
        reverse("surveys:round_create"),
        {**FORM, "actors_text": "Aalborg Universitet", "actors_slugs": "au; Aalborg Universitet"},
    )

    assert Round.objects.get().actors == [{"slug": "au", "name": "Aalborg Universitet"}]


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        (
            "actors_text",
            "Aalborg Universitet\nBRN\naalborg  universitet",
            "Linje 3: »aalborg universitet« står to gange (også linje 1).",
        ),
        (
            "actors_text",
            "Grøn Tech\nGrøn-Tech",
            "Linje 2: »Grøn-Tech« får samme korte navn »groen-tech« som »Grøn Tech« (linje 1)",
        ),
        ("efforts_text", "!!!", "Linje 1: »!!!« giver intet kort navn"),
        ("actors_slugs", "Aalborg Universitet", "Linje 1: skriv »kort navn; navn«"),
        ("actors_slugs", "AAU!; Aalborg Universitet", "»AAU!« er ikke et gyldigt kort navn"),
    ],
)
def test_it_names_duplicates_and_bad_short_names(
    client_for, analyst, north_jutland, field, text, message
):
    data = {**FORM, "actors_text": "Aalborg Universitet", field: text}

    page = client_for(analyst).post(reverse("surveys:round_create"), data)

    assert page.status_code == 200
    assert message in str(page.context["form"].errors[field])
    assert not Round.objects.exists()


def test_the_short_names_are_under_advanced_right_after_the_lists(
    client_for, analyst, survey_round
):
    html = client_for(analyst).get(reverse("surveys:round_edit", args=[survey_round.pk]))
    html = html.content.decode()

    efforts, details = html.index('name="efforts_text"'), html.index('<details class="advanced"')
    slugs, days = html.index('name="actors_slugs"'), html.index('name="reminder_days_text"')
    assert efforts < details < slugs < days
    assert "brn; BRN" in html[details:days]


def test_the_advanced_field_opens_when_it_has_an_error(client_for, analyst, north_jutland):
    page = client_for(analyst).post(
        reverse("surveys:round_create"), {**FORM, "actors_slugs": "x y; Navn"}
    )

    assert '<details class="advanced" open>' in page.content.decode()


def test_a_viewer_cannot_change_the_lists(client_for, viewer, survey_round):
    page = client_for(viewer).post(
        reverse("surveys:round_edit", args=[survey_round.pk]), {**FORM, "actors_text": "X"}
    )

    assert page.status_code == 403
    survey_round.refresh_from_db()
    assert survey_round.actors[0]["slug"] == "brn"


def test_a_respondent_never_reaches_the_round_form(client_for, respondent_a, survey_round):
    page = client_for(respondent_a).get(reverse("surveys:round_edit", args=[survey_round.pk]))

    assert page.status_code == 403
