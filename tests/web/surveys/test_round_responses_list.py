"""A round's clusters come in pages of 50, sorted and searched by the server; the status
counts above the list are over every cluster of the round, not the page."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from django.urls import reverse

from klyngeradar.web.registry.models import Cluster
from klyngeradar.web.surveys.invitations import invite
from klyngeradar.web.surveys.models import Response

pytestmark = pytest.mark.django_db


@pytest.fixture
def big_round(survey_round):
    """A round with 55 invited clusters, the last 5 of which have submitted."""
    for n in range(55):
        cluster = Cluster.objects.create(slug=f"klynge-{n:02d}", name=f"Klynge {n:02d}")
        invite(survey_round, cluster, [f"k{n}@example.org"])
    Response.objects.filter(cluster__slug__gte="klynge-50").update(status="submitted")
    return survey_round


def page_of(client, round, **query):
    return client.get(reverse("surveys:round_detail", kwargs={"pk": round.pk}), query)


def clusters(html):
    # An analyst's open round has a reminder checkbox before the cluster's link.
    checkbox = r"(?:<td><input[^>]*><label[^>]*>[^<]*</label></td>\s*)?"
    return re.findall(rf'<tr id="response-\d+">\s*{checkbox}<td><a href="[^"]*">([^<]+)</a>', html)


def test_it_shows_the_first_50_clusters_and_counts_every_one(client_for, analyst, big_round):
    page = page_of(client_for(analyst), big_round).text

    assert clusters(page)[:2] == ["Klynge 00", "Klynge 01"]
    assert len(clusters(page)) == 50
    assert "Viser 1–50 af 55" in page and "Side 1 af 2" in page
    # The counts are the round's: 5 submitted, though none of them is on this page.
    assert re.search(r'<span class="number">5</span> <span class="label">Indsendt</span>', page)
    assert re.search(r'<span class="number">50</span> <span class="label">Ikke åbnet</span>', page)


def test_it_pages_sorts_and_searches_the_clusters(client_for, analyst, big_round):
    client = client_for(analyst)

    second = page_of(client, big_round, page=2).text
    by_status = page_of(client, big_round, sort="-status").text
    searched = page_of(client, big_round, q="Klynge 4").text

    assert clusters(second) == [f"Klynge {n}" for n in range(50, 55)]
    # "Indsendt" sorts last ascending, first descending (ties newest first).
    assert clusters(by_status)[:5] == [f"Klynge {n}" for n in range(54, 49, -1)]
    assert 'aria-sort="descending"' in by_status
    assert clusters(searched) == [f"Klynge {n}" for n in range(40, 50)]


def test_it_exports_every_cluster_of_the_round(client_for, analyst, big_round):
    response = page_of(client_for(analyst), big_round, format="xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Klynge", "Status", "Links", "Senest set")
    assert len(rows) == 1 + 55
    assert rows[-1][:3] == ("Klynge 54", "Indsendt", 1)


def test_it_keeps_a_respondent_out_of_the_round_page(client_for, respondent_a, big_round):
    assert page_of(client_for(respondent_a), big_round).status_code == 403
    assert page_of(client_for(respondent_a), big_round, format="xlsx").status_code == 403
