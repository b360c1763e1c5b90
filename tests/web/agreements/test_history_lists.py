"""History lists come in pages: an agreement's, a cluster's and a response's, newest first,
sorted, searched and exported by the server; a response's changes are always measured
against the record just before them, whichever page they are on."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from django.urls import reverse

from klyngeradar.web.agreements.models import Agreement
from klyngeradar.web.registry.models import Cluster
from klyngeradar.web.surveys.invitations import invite
from klyngeradar.web.surveys.models import Response, Round

pytestmark = pytest.mark.django_db


def times(html):
    return re.findall(r'<td><time datetime="([^"]+)">', html)


def edit(record, times, **changes):
    for n in range(times):
        for field, value in changes.items():
            setattr(record, field, f"{value} {n}")
        record.save()


def test_an_agreement_s_history_comes_20_a_page_newest_first(client_for, analyst, agreement):
    edit(agreement, 24, title="Titel")  # 1 creation + 24 changes
    url = reverse("agreements:agreement_detail", args=[agreement.slug])
    client = client_for(analyst)

    first = client.get(url).text
    second = client.get(url, {"historik-page": 2}).text

    assert len(times(first)) == 20 and len(times(second)) == 5
    assert times(first) == sorted(times(first), reverse=True)
    assert "Viser 1–20 af 25" in first
    assert "oprettet" in second.split("Historik")[-1]
    # The page's other parts ignore the history's parameters.
    assert 'href="?historik-page=2"' in first


def test_an_agreement_s_history_sorts_searches_and_exports(client_for, analyst, viewer, agreement):
    edit(agreement, 3, title="Titel")
    url = reverse("agreements:agreement_detail", args=[agreement.slug])
    client = client_for(analyst)

    oldest_first = client.get(url, {"historik-sort": "when"}).text
    nobody = client.get(url, {"historik-q": "ingen-saadan-person"}).text
    export = client.get(url, {"historik-format": "xlsx"})

    assert times(oldest_first) == sorted(times(oldest_first))
    assert "Ingen ændringer matcher søgningen." in nobody
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Tidspunkt", "Ændring", "Af")
    assert len(rows) == 1 + Agreement.history.filter(id=agreement.pk).count()


def test_a_cluster_s_history_comes_in_pages(client_for, analyst, cluster_a):
    edit(cluster_a, 21, name="Klynge")
    url = reverse("registry:cluster_detail", args=[cluster_a.slug])

    page = client_for(analyst).get(url, {"historik-page": 2}).text

    assert len(times(page)) == Cluster.history.filter(id=cluster_a.pk).count() - 20
    assert "Side 2 af 2" in page


def test_a_response_s_history_names_the_change_across_a_page_boundary(
    client_for, analyst, organisation, region, cluster_a
):
    round = Round.objects.create(
        organisation=organisation,
        region=region,
        title="Runde",
        deadline="2026-03-15",
        actors=[{"slug": "brn", "name": "BRN"}],
        efforts=[{"slug": "digitalisering", "name": "Digitalisering"}],
    )
    invite(round, cluster_a, ["a@example.org"])
    response = Response.objects.get(round=round, cluster=cluster_a)
    for n in range(20):
        response.status = "draft" if n % 2 == 0 else "opened"
        response.save()
    url = reverse("surveys:response", args=[round.pk, response.pk])
    client = client_for(analyst)

    first = client.get(url)
    second = client.get(url, {"historik-page": 2})

    # 21 records: the last of page 1 changed the status from the one on page 2.
    assert len(first.context["history"]) == 20
    assert first.context["history"][-1]["changed"] == ["status"]
    (created,) = second.context["history"]
    assert created["created"] and created["changed"] == []
    export = client.get(url, {"historik-format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Tidspunkt", "Af", "Status", "Ændret")
    assert len(rows) == 1 + 21 and rows[1][3] == "status"


def test_the_strategy_s_history_comes_in_pages(client_for, viewer, organisation):
    from klyngeradar.web.strategy.demo import store_demo_strategy
    from klyngeradar.web.strategy.models import Strategy

    store_demo_strategy(organisation)
    edit(Strategy.objects.get(organisation=organisation), 21, vision="Vision")
    url = reverse("strategy:strategy")
    client = client_for(viewer)

    first = client.get(url).text
    second = client.get(url, {"historik-page": 2}).text

    assert len(times(first)) == 20 and len(times(second)) == 2
    assert "Side 2 af 2" in second
