"""The agreement and import lists page, sort, search, export and sum on the server."""

from __future__ import annotations

import io
import re
from datetime import date

import openpyxl
import pytest
from agreement_helpers import make_agreement
from django.urls import reverse

from klyngeradar.core.agreements.participation import ParticipationRow
from klyngeradar.web.agreements.imports import store_participation

pytestmark = pytest.mark.django_db

LIST = reverse("agreements:agreement_list")


@pytest.fixture
def many(organisation, cluster_a, cluster_b):
    """60 agreements: titles Aftale 00 … Aftale 59, every third with Klynge B."""
    for n in range(60):
        make_agreement(
            organisation,
            cluster_b if n % 3 == 0 else cluster_a,
            slug=f"aftale-{n:02d}",
            title=f"Aftale {n:02d}",
            start=date(2020 + n % 5, 1, 1),
        )


def titles(html: str) -> list[str]:
    return re.findall(r'<td><a href="/[^"]*">(Aftale \d\d)</a></td>', html)


def test_it_shows_one_page_of_agreements_at_a_time(client_for, analyst, many):
    client = client_for(analyst)

    first = client.get(LIST, {"sort": "title"}).text
    second = client.get(LIST, {"sort": "title", "page": 2}).text

    assert titles(first) == [f"Aftale {n:02d}" for n in range(50)]
    assert titles(second) == [f"Aftale {n:02d}" for n in range(50, 60)]
    assert "Viser 1–50 af 60" in first
    assert "Side 1 af 2" in first
    assert 'rel="next" href="?sort=title&amp;page=2"' in first


def test_it_sorts_by_any_sortable_column_both_ways(client_for, analyst, many):
    client = client_for(analyst)

    descending = client.get(LIST, {"sort": "-title"}).text

    assert titles(descending)[:3] == ["Aftale 59", "Aftale 58", "Aftale 57"]
    assert 'aria-sort="descending"' in descending
    assert 'href="?sort=title"' in descending


def test_it_searches_title_and_cluster_and_keeps_the_filters(client_for, analyst, many):
    client = client_for(analyst)

    by_title = client.get(LIST, {"q": "aftale 1", "sort": "title"}).text
    by_cluster = client.get(LIST, {"q": "klynge b", "status": "active"}).text

    assert titles(by_title) == [f"Aftale {n}" for n in range(10, 20)]
    assert len(titles(by_cluster)) == 20
    assert "20 aftaler" in by_cluster


def test_it_ignores_an_unknown_sort_and_a_page_past_the_end(client_for, analyst, many):
    response = client_for(analyst).get(LIST, {"sort": "password", "page": 99})

    assert response.status_code == 200
    assert len(titles(response.text)) == 10


def test_it_exports_every_matching_agreement_to_excel(client_for, analyst, many):
    response = client_for(analyst).get(LIST, {"q": "klynge b", "sort": "title", "format": "xlsx"})

    assert response["Content-Disposition"].startswith('attachment; filename="aftaler-')
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Aftale", "Klynge")
    assert [row[0] for row in rows[1:]] == [f"Aftale {n:02d}" for n in range(0, 60, 3)]
    assert {row[1] for row in rows[1:]} == {"Klynge B"}


def _rows(count):
    return [
        ParticipationRow(
            "13748136", None, "A ApS", f"Møde {n}", date(2024, 1, 1), "klynge-a", None, None
        )
        for n in range(count)
    ]


def test_it_sums_the_rows_of_every_matching_import(client_for, analyst, organisation, cluster_a):
    for n in range(1, 4):
        store_participation(organisation, f"liste-{n}.csv", _rows(n * 500))
    client = client_for(analyst)

    page = client.get(reverse("agreements:participation")).text
    searched = client.get(reverse("agreements:participation"), {"lister-q": "liste-2"}).text

    assert re.search(r'<th scope="row">I alt</th>(<td></td>)*<td class="number">3.000</td>', page)
    assert re.search(
        r'<th scope="row">I alt</th>(<td></td>)*<td class="number">1.000</td>', searched
    )


def test_it_exports_the_imports_with_their_total(client_for, analyst, organisation, cluster_a):
    store_participation(organisation, "liste-1.csv", _rows(2))
    store_participation(organisation, "liste-2.csv", _rows(3))

    response = client_for(analyst).get(
        reverse("agreements:participation"), {"lister-format": "xlsx", "lister-sort": "rows"}
    )

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [(row[0], row[-1]) for row in rows[1:]] == [
        ("liste-1.csv", 2),
        ("liste-2.csv", 3),
        ("I alt", 5),
    ]
