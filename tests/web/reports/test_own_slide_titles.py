"""The analyst's own slide titles on the "Rapporter" page: listed, stored, in the deck."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pptx import Presentation

from klyngeradar.web.reports.forms import MAX_SLIDE_TITLE
from klyngeradar.web.reports.models import SlideTitles

pytestmark = pytest.mark.django_db

PRESENCE = "title-survey.presence"
GENERATED = "7 af 12 klynger er fysisk til stede i regionen – 5 med eget kontor"


def url(name, round):
    return reverse(f"reports:{name}", kwargs={"pk": round.pk})


def slide_titles(content: bytes) -> list[str]:
    presentation = Presentation(io.BytesIO(content))
    return [s.shapes.title.text_frame.text for s in presentation.slides if s.shapes.title]


def test_it_lists_each_slide_with_its_marker_and_generated_title(
    client_for, analyst, demo_db_round
):
    page = client_for(analyst).get(url("round_report", demo_db_round)).content.decode()

    assert "Slidetitler" in page
    assert "Fysisk tilstedeværelse" in page
    assert GENERATED in page
    assert f'name="{PRESENCE}"' in page
    assert 'name="title-landscape.clusters"' in page


def test_it_puts_the_analysts_own_title_into_the_deck_and_back(client_for, analyst, demo_db_round):
    client = client_for(analyst)
    own = "Halvdelen af klyngerne er til stede – vi vil have flere hertil"

    response = client.post(url("slide_titles", demo_db_round), {PRESENCE: f"  {own} "})

    assert response.status_code == 302
    stored = SlideTitles.objects.get(round=demo_db_round)
    assert stored.titles == {"survey.presence": own}
    assert stored.written_by == analyst
    assert stored.history.count() == 1
    titles = slide_titles(client.get(url("deck", demo_db_round)).content)
    assert own in titles
    assert GENERATED not in titles
    # A blank field keeps the generated title of every other slide.
    assert "12 af 13 klynger har svaret (92 %) – 12 vil gerne i tættere dialog" in titles
    page = client.get(url("round_report", demo_db_round)).content.decode()
    assert f'value="{own}"' in page

    client.post(url("slide_titles", demo_db_round), {"default": "1"})

    assert not SlideTitles.objects.filter(round=demo_db_round).exists()
    assert GENERATED in slide_titles(client.get(url("deck", demo_db_round)).content)


def test_it_refuses_a_title_too_long_for_a_slide(client_for, analyst, demo_db_round):
    response = client_for(analyst).post(
        url("slide_titles", demo_db_round), {PRESENCE: "x" * (MAX_SLIDE_TITLE + 1)}
    )

    assert response.status_code == 400
    assert "Titlerne er ikke gemt" in response.content.decode()
    assert not SlideTitles.objects.exists()


def test_it_lets_a_viewer_read_but_not_change_the_titles(
    client_for, viewer, analyst, demo_db_round
):
    SlideTitles.objects.create(round=demo_db_round, titles={"survey.presence": "Egen titel"})
    client = client_for(viewer)

    page = client.get(url("round_report", demo_db_round)).content.decode()
    assert "Egen titel" in page
    assert f'name="{PRESENCE}"' not in page
    response = client.post(url("slide_titles", demo_db_round), {PRESENCE: "x"})
    assert response.status_code in (403, 404)
    assert SlideTitles.objects.get(round=demo_db_round).titles == {"survey.presence": "Egen titel"}


def test_it_lists_the_generated_titles_in_english_on_the_english_page(
    client_for, analyst, demo_db_round, settings
):
    client = client_for(analyst)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    page = client.get(url("round_report", demo_db_round)).content.decode()

    assert "Slide titles" in page
    assert "Physical presence" in page
    assert "7 of 12 clusters are physically present in the region – 5 with an own office" in page


def test_all_blank_fields_mean_the_generated_titles(client_for, analyst, demo_db_round):
    SlideTitles.objects.create(round=demo_db_round, titles={"survey.presence": "Egen titel"})

    response = client_for(analyst).post(url("slide_titles", demo_db_round), {PRESENCE: "  "})

    assert response.status_code == 302
    assert not SlideTitles.objects.filter(round=demo_db_round).exists()
