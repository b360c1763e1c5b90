"""The registry workbook page: the analyst exports, edits and imports; problems stop everything."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from klyngeradar.web.registry.models import Cluster, Designation
from klyngeradar.web.registry.reference import load_reference

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(db):
    load_reference()


def exported(client) -> openpyxl.Workbook:
    response = client.get(reverse("registry:workbook"))
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response.content))


def upload(client, book: openpyxl.Workbook):
    data = io.BytesIO()
    book.save(data)
    file = SimpleUploadedFile("register.xlsx", data.getvalue())
    return client.post(reverse("registry:workbook_import"), {"file": file})


def column(sheet, name: str) -> int:
    return [c.value for c in sheet[1]].index(name) + 1


def row_of(sheet, slug: str, key: str = "slug") -> int:
    index = column(sheet, key)
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, index).value == slug)


def test_it_exports_every_sheet_with_source_and_verified(client_for, analyst, registry):
    book = exported(client_for(analyst))
    assert book.sheetnames == ["områder", "klynger", "aktører", "udpegninger", "afstamning"]
    clusters = book["klynger"]
    assert {"source", "verified"} <= {c.value for c in clusters[1]}
    made = row_of(book["udpegninger"], "made", "cluster")
    assert book["udpegninger"].cell(made, column(book["udpegninger"], "verified")).value == "ja"


def test_an_imported_change_is_stored_with_its_history_and_author(client_for, analyst, registry):
    client = client_for(analyst)
    book = exported(client)
    sheet = book["klynger"]
    sheet.cell(row_of(sheet, "made"), column(sheet, "staff")).value = 15
    response = upload(client, book)
    assert response.status_code == 302
    made = Cluster.objects.get(slug="made")
    assert made.staff == 15
    latest = made.history.first()
    assert latest.history_user == analyst and latest.staff == 15
    # Rows that did not change were not saved again.
    assert Cluster.objects.get(slug="clean").history.count() == 1


def test_a_bad_workbook_names_every_problem_and_stores_nothing(client_for, analyst, registry):
    client = client_for(analyst)
    book = exported(client)
    clusters = book["klynger"]
    clusters.cell(row_of(clusters, "made"), column(clusters, "area")).value = "turisme"
    clusters.cell(row_of(clusters, "clean"), column(clusters, "staff")).value = 99
    designations = book["udpegninger"]
    kp = row_of(designations, "made", "cluster")
    designations.cell(kp, column(designations, "period_from")).value = "2020-01-01"
    response = upload(client, book)
    assert response.status_code == 400
    page = response.content.decode()
    assert "turisme" in page and "er ikke et område på arket områder" in page
    assert "ligger uden for perioden" in page
    assert Cluster.objects.get(slug="clean").staff is None  # nothing stored
    assert Designation.objects.filter(period_from="2020-01-01").count() == 0


@pytest.mark.parametrize("persona", ["viewer", "respondent_a"])
def test_only_analysts_reach_the_workbook(client_for, request, persona, registry):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("registry:workbook")).status_code == 403
    assert client.get(reverse("registry:workbook_import")).status_code == 403
