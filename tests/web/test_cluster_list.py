"""The cluster list sorts and searches on the server and exports to Excel."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

LIST = reverse("registry:cluster_list")


def names(html):
    return re.findall(r'<td><a href="/[^"]*">(Klynge [A-Z])</a>', html)


def test_it_sorts_clusters_by_name_both_ways(client_for, analyst, cluster_a, cluster_b):
    client = client_for(analyst)

    assert names(client.get(LIST).text) == ["Klynge A", "Klynge B"]
    assert names(client.get(LIST, {"sort": "-name"}).text) == ["Klynge B", "Klynge A"]


def test_it_searches_clusters_and_exports_what_it_found(client_for, analyst, cluster_a, cluster_b):
    client = client_for(analyst)

    found = client.get(LIST, {"q": "ynge b"}).text
    export = client.get(LIST, {"q": "ynge b", "format": "xlsx"})

    assert names(found) == ["Klynge B"]
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Klynge B"]
