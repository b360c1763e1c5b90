"""The appendices from the database carry the agreements register: kinds and co-financing."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from klyngeradar.core.reports.outline_guidance import AGREEMENT_KINDS

pytestmark = pytest.mark.django_db


def test_the_guidance_knows_the_registers_kinds():
    from django.utils import translation

    from klyngeradar.web.agreements.models import Agreement

    with translation.override("da"):
        register = [(kind.value, str(kind.label)) for kind in Agreement.Kind]
    assert register == [(code, da) for code, da, _ in AGREEMENT_KINDS]


def _agreement_helpers():
    """tests/web/agreements/agreement_helpers.py, loaded by its path (tests is no package)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "agreements" / "agreement_helpers.py"
    spec = importlib.util.spec_from_file_location("agreement_helpers", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def cofinanced(organisation, region, demo_db_round):
    """Klynge A's framework agreement with Aalborg Kommune and BRN, co-financed for two years."""
    from klyngeradar.web.registry.models import Actor, Cluster, Municipality

    make_agreement = _agreement_helpers().make_agreement

    aalborg, _ = Municipality.objects.get_or_create(
        code="851", defaults={"name": "Aalborg", "region": region, "source": "test"}
    )
    brn, _ = Actor.objects.get_or_create(
        slug="brn", defaults={"name": "Business Region North Denmark", "region": region}
    )
    cluster = Cluster.objects.get(slug="klynge-a")
    agreement = make_agreement(
        organisation,
        cluster,
        slug="ramme-klynge-a",
        title="Rammeaftale med Klynge A",
        municipalities=[aalborg],
        actors=[brn],
    )
    agreement.cofinancing.create(municipality=aalborg, year=2024, amount_dkk=150_000)
    agreement.cofinancing.create(municipality=aalborg, year=2025, amount_dkk=150_000)
    agreement.cofinancing.create(actor=brn, year=2024, amount_dkk=400_000)
    agreement.cofinancing.create(year=2024, amount_dkk=200_000)
    return demo_db_round


def test_the_appendices_list_co_financing_per_party_and_year(client_for, analyst, cofinanced):
    response = client_for(analyst).get(reverse("reports:appendices", kwargs={"pk": cofinanced.pk}))

    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Medfinansiering"]
    rows = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[1]]
    assert [row[:4] for row in rows] == [
        ("Aalborg", "Kommune", 2024, 150_000),
        ("Aalborg", "Kommune", 2025, 150_000),
        ("Business Region North Denmark", "Regional aktør", 2024, 400_000),
        ("Klynge A", "Klynge", 2024, 200_000),
    ]
    assert rows[0][4:] == ("Rammeaftale med Klynge A", "Klynge A", "Rammeaftale")
    kinds = {
        row[1]: row[3]
        for row in book["Vejledning medfinansiering"].iter_rows(min_row=2, values_only=True)
        if row[0] == "Aftaletyper"
    }
    assert kinds["Rammeaftale"] == 1 and kinds["Projektaftale"] == 0
    agreements = list(book["Aftaler og KPI'er"].iter_rows(values_only=True))
    assert agreements[1][:3] == (
        "Rammeaftale med Klynge A",
        "Klynge A",
        "Business Region North Denmark, Aalborg",
    )


def test_an_open_round_of_an_earlier_year_is_dated_in_that_year(cofinanced):
    from klyngeradar.web.reports.deliverables import round_date

    assert cofinanced.year == 2023 and cofinanced.closed_at is None
    assert round_date(cofinanced, date(2026, 12, 1)) == date(2023, 10, 15)
    cofinanced.deadline = date(2024, 2, 1)
    assert round_date(cofinanced, date(2026, 12, 1)) == date(2023, 12, 31)
    assert round_date(cofinanced, date(2023, 11, 1)) == date(2023, 11, 1)
