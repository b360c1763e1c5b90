"""The rounds list sorts, searches, sums the invited and submitted clusters and exports."""

from __future__ import annotations

import io
import re
from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from klyngeradar.web.surveys.models import Round

pytestmark = pytest.mark.django_db

LIST = reverse("surveys:round_list")


@pytest.fixture
def rounds(organisation, north_jutland, survey_round, link_a, link_b):
    """The fixture round with two invited clusters, and two later rounds without any."""
    for year in (2026, 2027):
        Round.objects.create(
            organisation=organisation,
            region=north_jutland,
            title=f"Runde {year}",
            since=date(year - 1, 1, 1),
            deadline=date(year, 3, 15),
            actors=[{"slug": "brn", "name": "BRN"}],
            efforts=[{"slug": "digitalisering", "name": "Digitalisering"}],
        )


def titles(html):
    return re.findall(r'<td><a href="/[^"]*">([^<]+)</a></td>', html)


def test_it_lists_the_latest_deadline_first_and_sums_the_invitations(client_for, analyst, rounds):
    page = client_for(analyst).get(LIST).text

    assert titles(page) == ["Runde 2027", "Runde 2026", "Klyngernes engagement i Nordjylland 2025"]
    assert re.search(
        r'<th scope="row">I alt</th><td></td><td></td><td></td><td class="number">2</td>', page
    )


def test_it_sorts_by_the_number_invited_and_searches_titles(client_for, analyst, rounds):
    client = client_for(analyst)

    by_invited = client.get(LIST, {"sort": "-invited"}).text
    searched = client.get(LIST, {"q": "2026"}).text

    assert titles(by_invited)[0] == "Klyngernes engagement i Nordjylland 2025"
    assert titles(searched) == ["Runde 2026"]


def test_it_exports_the_rounds_with_totals(client_for, analyst, rounds):
    response = client_for(analyst).get(LIST, {"format": "xlsx", "sort": "title"})

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Runde", "Region", "Svarfrist", "Status", "Inviteret", "Indsendt")
    assert rows[-1][0] == "I alt" and rows[-1][4] == 2 and rows[-1][5] == 0
