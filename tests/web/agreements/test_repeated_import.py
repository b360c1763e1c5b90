"""The same participation list imported twice is noticed; the analyst replaces or skips it."""

from __future__ import annotations

import pytest
from agreement_helpers import upload
from django.urls import reverse

from klyngeradar.web.agreements.models import Participation, ParticipationImport

pytestmark = pytest.mark.django_db


def post(client, name, content=None, **fields):
    return client.post(
        reverse("agreements:participation"),
        {"what": "participation", "file": upload(name, content), **fields},
    )


@pytest.fixture
def first_import(client_for, analyst, agreement, cluster_b):
    client = client_for(analyst)
    assert post(client, "deltagere-2025.csv").status_code == 302
    return client, ParticipationImport.objects.get()


def reordered(name="deltagere-2025.csv"):
    from agreement_helpers import FIXTURES

    header, *rows = (FIXTURES / name).read_text("utf-8").splitlines()
    return ("\n".join([header, *reversed(rows)]) + "\n").encode("utf-8")


def test_it_stores_nothing_and_says_so_when_the_same_rows_come_again(first_import):
    client, earlier = first_import

    response = post(client, "kopi.csv", reordered())

    assert response.status_code == 400
    assert "kopi.csv har præcis de samme rækker som deltagere-2025.csv" in response.text
    assert list(ParticipationImport.objects.all()) == [earlier]
    assert Participation.objects.count() == 7


def test_it_replaces_the_earlier_import_when_asked(first_import):
    client, earlier = first_import

    response = post(client, "kopi.csv", reordered(), on_repeat="replace")

    assert response.status_code == 302
    (batch,) = ParticipationImport.objects.all()
    assert (batch.filename, batch.row_count) == ("kopi.csv", 7)
    assert batch.pk != earlier.pk
    assert Participation.objects.count() == 7


def test_it_skips_the_repeated_list_when_asked(first_import):
    client, earlier = first_import

    response = post(client, "kopi.csv", reordered(), on_repeat="skip")

    assert response.status_code == 302
    assert list(ParticipationImport.objects.all()) == [earlier]
    page = client.get(reverse("agreements:participation")).text
    assert "kopi.csv er sprunget over" in page


def test_it_imports_a_list_that_differs_in_one_row(first_import):
    client, _earlier = first_import
    changed = reordered().replace(b"2025", b"2024", 1)

    assert post(client, "rettet.csv", changed).status_code == 302
    assert ParticipationImport.objects.count() == 2


def test_it_stores_the_row_count_and_period_of_an_import(first_import):
    _client, earlier = first_import

    assert earlier.row_count == Participation.objects.filter(batch=earlier).count() == 7
    dates = sorted(Participation.objects.values_list("date", flat=True))
    assert (earlier.first_date, earlier.last_date) == (dates[0], dates[-1])
    assert len(earlier.fingerprint) == 64
