"""Choosing quotes: edited for the deck with the answer kept, themed, and names held back."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pptx import Presentation

from klyngeradar.web.reports.models import QuoteChoice
from klyngeradar.web.surveys.models import Response

pytestmark = pytest.mark.django_db

# Klynge F's description names a municipality; Klynge A's and B's optimal agreements do not.
NAMED = "agreements.description:klynge-f"
NAMED_TEXT = "Aalborg kommune har været økonomisk partner"
PLAIN_A = "agreements.optimal:klynge-a"
PLAIN_B = "agreements.optimal:klynge-b"


def url(name, round):
    return reverse(f"reports:{name}", kwargs={"pk": round.pk})


def deck_slides(content: bytes) -> list[str]:
    """Each slide's texts (shapes and table cells) joined, one string per slide."""
    slides = []
    for slide in Presentation(io.BytesIO(content)).slides:
        texts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
        slides.append("\n".join(texts))
    return slides


def deck_text(client, round) -> str:
    return "\n".join(deck_slides(client.get(url("deck", round)).content))


def answer(round, cluster, question):
    return Response.objects.get(round=round, cluster__slug=cluster).answers[question]


def test_it_refuses_a_quote_that_names_a_municipality_until_confirmed(
    client_for, analyst, demo_db_round
):
    client = client_for(analyst)

    response = client.post(url("choose_quotes", demo_db_round), {"quotes": [NAMED]})

    assert response.status_code == 400
    page = response.content.decode()
    assert "Citatet fra Klynge F nævner »Aalborg kommune«" in page
    assert "<mark>Aalborg kommune</mark>" in page
    assert f'value="{NAMED}" checked' in page  # the analyst's tick is kept
    assert not QuoteChoice.objects.exists()


def test_it_takes_a_named_quote_once_the_analyst_confirms_the_names(
    client_for, analyst, demo_db_round
):
    client = client_for(analyst)

    response = client.post(
        url("choose_quotes", demo_db_round), {"quotes": [NAMED], f"confirm-{NAMED}": "on"}
    )

    assert response.status_code == 302
    (item,) = QuoteChoice.objects.get().quotes
    assert item["confirmed"] == ["Aalborg kommune"]
    assert NAMED_TEXT in deck_text(client, demo_db_round)


def test_an_edit_that_removes_the_name_lets_the_quote_in_and_keeps_the_answer(
    client_for, analyst, demo_db_round
):
    client = client_for(analyst)
    original = answer(demo_db_round, "klynge-f", "agreements.description")
    edited = "En kommune var økonomisk partner til udgangen af 2023."

    response = client.post(
        url("choose_quotes", demo_db_round),
        {"quotes": [NAMED], f"text-{NAMED}": edited, f"theme-{NAMED}": "Medfinansiering"},
    )

    assert response.status_code == 302
    (item,) = QuoteChoice.objects.get().quotes
    assert item["text"] == edited and item["answer"] == original
    assert item["theme"] == "Medfinansiering"
    # The answer itself is untouched, and the page shows it beside the edit.
    assert answer(demo_db_round, "klynge-f", "agreements.description") == original
    page = client.get(url("round_report", demo_db_round)).content.decode()
    assert original in page and edited in page
    text = deck_text(client, demo_db_round)
    assert f"»{edited}« *" in text
    assert NAMED_TEXT not in text


def test_an_edit_that_adds_a_name_is_refused_although_others_were_confirmed(
    client_for, analyst, demo_db_round
):
    client = client_for(analyst)
    with_person = "Aalborg kommune og Lars Hansen var partnere."

    response = client.post(
        url("choose_quotes", demo_db_round),
        {"quotes": [NAMED], f"text-{NAMED}": with_person},
    )

    assert response.status_code == 400
    assert "»Lars Hansen«" in response.content.decode()
    assert not QuoteChoice.objects.exists()


def test_a_stored_quote_with_unconfirmed_names_stays_out_of_the_deck(
    client_for, analyst, demo_db_round
):
    # A choice stored before names were checked: only question and cluster.
    QuoteChoice.objects.create(
        round=demo_db_round,
        quotes=[{"question": "agreements.description", "cluster": "klynge-f"}],
    )
    client = client_for(analyst)

    assert NAMED_TEXT not in deck_text(client, demo_db_round)
    page = client.get(url("round_report", demo_db_round)).content.decode()
    assert "ikke i præsentationen: navne ikke bekræftet" in page


def test_the_deck_groups_the_quotes_by_theme_with_their_base(client_for, analyst, demo_db_round):
    client = client_for(analyst)
    client.post(
        url("choose_quotes", demo_db_round),
        {
            "quotes": [PLAIN_A, PLAIN_B],
            f"theme-{PLAIN_A}": "Konkrete aktiviteter og projekter",
            f"theme-{PLAIN_B}": "Konkrete aktiviteter og projekter",
        },
    )

    slide = next(
        s
        for s in deck_slides(client.get(url("deck", demo_db_round)).content)
        if "2 af 10 klynger nævner konkrete aktiviteter og projekter" in s
    )
    assert "Konkrete aktiviteter og projekter\n2 af 10 klynger" in slide


def test_the_page_offers_the_short_list_of_themes_and_the_rounds_own(
    client_for, analyst, demo_db_round
):
    client = client_for(analyst)
    client.post(
        url("choose_quotes", demo_db_round),
        {"quotes": [PLAIN_A], f"theme-{PLAIN_A}": "Vores eget tema"},
    )

    page = client.get(url("round_report", demo_db_round)).content.decode()
    assert '<datalist id="quote-themes"><option value="Vores eget tema">' in page
    assert '<option value="Faste koordineringsmøder">' in page


def test_the_demo_analysts_quotes_all_pass_the_name_check(demo_db_round, organisation):
    from klyngeradar.web.reports.demo import DEMO_QUOTES, choose_demo_quotes
    from klyngeradar.web.reports.quotes import chosen_quotes
    from klyngeradar.web.surveys.convert import round_data

    choose_demo_quotes(organisation.slug)

    choice = QuoteChoice.objects.get(round=demo_db_round)
    chosen = chosen_quotes(round_data(demo_db_round), choice.items)
    assert sum(len(quotes) for quotes in chosen.values()) == len(DEMO_QUOTES)
    assert any(q.edited for q in chosen["agreements.optimal"])


def test_it_explains_a_refused_quote_in_english(client_for, analyst, demo_db_round, settings):
    client = client_for(analyst)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    page = client.post(url("choose_quotes", demo_db_round), {"quotes": [NAMED]}).content.decode()

    assert "The quote from Klynge F names »Aalborg kommune«" in page
    assert "The names may stand in the quote" in page
    assert "Text in the deck" in page
