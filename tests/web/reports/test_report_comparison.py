"""The "Rapporter" page: the deck compares with the latest earlier round, or one chosen, or none."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse
from pptx import Presentation

pytestmark = pytest.mark.django_db


@pytest.fixture
def rounds(organisation, demo_db_round):
    from klyngeradar.web.surveys.demo_second_round import create_second_demo_round

    return demo_db_round, create_second_demo_round(organisation)


def titles(content: bytes) -> list[str]:
    slides = Presentation(io.BytesIO(content)).slides
    return [s.shapes.title.text for s in slides if s.shapes.title is not None]


def deck_url(round) -> str:
    return reverse("reports:deck", kwargs={"pk": round.pk})


def test_the_deck_compares_with_the_latest_earlier_round_by_default(client_for, analyst, rounds):
    _old, new = rounds
    response = client_for(analyst).get(deck_url(new))
    assert response.status_code == 200
    assert "Udvikling siden 2023" in titles(response.content)


def test_the_analyst_can_choose_no_comparison(client_for, analyst, rounds):
    _old, new = rounds
    response = client_for(analyst).get(deck_url(new), {"compare": ""})
    assert not any(t.startswith("Udvikling siden") for t in titles(response.content))


def test_the_appendices_carry_the_changes_table(client_for, analyst, rounds):
    old, new = rounds
    url = reverse("reports:appendices", kwargs={"pk": new.pk})
    response = client_for(analyst).get(url, {"compare": old.pk})
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert "udvikling 2023-2025" in book.sheetnames


def test_the_page_offers_the_earlier_rounds_and_the_first_round_has_none(
    client_for, analyst, rounds
):
    old, new = rounds
    page = client_for(analyst).get(reverse("reports:round_report", kwargs={"pk": new.pk}))
    assert "Ingen sammenligning" in page.content.decode()
    page = client_for(analyst).get(reverse("reports:round_report", kwargs={"pk": old.pk}))
    assert "Ingen sammenligning" not in page.content.decode()
    assert "Udvikling siden 2023" not in titles(client_for(analyst).get(deck_url(old)).content)
