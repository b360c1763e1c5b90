"""The list's filters, the front page's expiry warnings and the standard agreement download."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest
from agreement_helpers import make_agreement
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def expiring(organisation, cluster_a, municipalities):
    """Ends 60 days after the frozen today (1 July 2025)."""
    return make_agreement(
        organisation,
        cluster_a,
        slug="kontor-a",
        title="Kontoraftale der snart udløber",
        kind="office",
        end=date(2025, 8, 30),
        municipalities=[municipalities["851"]],
    )


@pytest.mark.parametrize(
    "query, shown, hidden",
    [
        ({"cluster": "klynge-b"}, ["Projektaftale med Klynge B"], ["Tværkommunal"]),
        ({"municipality": "851"}, ["Tværkommunal"], ["Projektaftale med Klynge B"]),
        ({"status": "ended"}, [], ["Tværkommunal", "Projektaftale"]),
        ({"expiring": "on"}, ["Kontoraftale der snart udløber"], ["Tværkommunal"]),
    ],
)
def test_it_filters_the_list(
    client_for, analyst, agreement, other_agreement, expiring, query, shown, hidden
):
    text = client_for(analyst).get(reverse("agreements:agreement_list"), query).text
    for title in shown:
        assert title in text
    for title in hidden:
        assert title not in text


def test_it_answers_htmx_filtering_with_the_rows_only(client_for, analyst, agreement):
    response = client_for(analyst).get(
        reverse("agreements:agreement_list"), {"cluster": "klynge-a"}, HTTP_HX_REQUEST="true"
    )
    assert "<html" not in response.text
    assert agreement.title in response.text


def test_it_warns_on_the_front_page_90_days_before_an_agreement_expires(
    client_for, analyst, agreement, expiring
):
    text = client_for(analyst).get(reverse("dashboard:overview")).text
    assert "Aftaler der udløber inden for 90 dage" in text
    assert "Kontoraftale der snart udløber" in text
    assert "udløber 30.08.2025" in text
    assert agreement.title not in text  # ends in 2026


def test_it_links_the_navigation_to_the_agreements(client_for, analyst):
    text = client_for(analyst).get(reverse("dashboard:overview")).text
    assert f'href="{reverse("agreements:agreement_list")}"' in text


def test_it_writes_the_standard_agreement_as_docx_with_parties_and_kpis(
    client_for, viewer, agreement
):
    agreement.cofinancing.create(year=2025, amount_dkk=250_000)
    response = client_for(viewer).get(
        reverse("agreements:agreement_document", args=[agreement.slug, "docx"])
    )
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(b"".join(response.streaming_content)))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Samarbejdsaftale: Tværkommunal aftale med Klynge A" in text
    for party in (
        "Klynge A",
        "Business Region North Denmark",
        "Aalborg Kommune",
        "Thisted Kommune",
    ):
        assert party in cells
    assert "Unikke virksomheder fra regionen i klyngens aktiviteter" in cells
    assert "120" in cells  # the 2025 target
    assert "250.000 kr." in cells


def test_it_explains_when_pdf_cannot_be_made(client_for, analyst, agreement, monkeypatch):
    monkeypatch.setattr("klyngeradar.render.documents.agreement.libreoffice", lambda: None)
    response = client_for(analyst).get(
        reverse("agreements:agreement_document", args=[agreement.slug, "pdf"]), follow=True
    )
    assert "PDF kræver LibreOffice" in response.text


def test_the_agreement_page_charts_each_kpi_over_its_follow_up_years(client_for, viewer, agreement):
    import json
    import re

    kpi = agreement.kpis.get()
    kpi.followups.create(year=2024, actual=35, basis="counted")
    page = client_for(viewer).get(agreement.get_absolute_url()).content.decode()
    found = re.search(
        rf'<script id="kpi-trend-{kpi.pk}" type="application/json">(.*?)</script>', page, re.S
    )
    options = json.loads(found.group(1))
    assert options["xAxis"]["data"] == ["2024", "2025"]
    target, actual = options["series"]
    assert target["data"] == [40, 120]
    assert actual["data"][0]["value"] == 35 and actual["data"][1] is None  # a gap, not 0
    assert 'data-chart="kpi-trend-' in page and "findings/charts.js" in page


def test_the_documentation_page_fills_in_this_year(client_for, analyst):
    from django.utils import timezone

    page = client_for(analyst).get(reverse("agreements:documentation_package"))

    assert page.status_code == 200
    assert f'value="{timezone.localdate().year}"' in page.content.decode()


def test_the_import_page_has_no_duplicate_ids(client_for, analyst):
    import re
    from collections import Counter

    html = client_for(analyst).get(reverse("agreements:participation")).content.decode()

    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert not [i for i, n in ids.items() if n > 1], ids
