"""The analyst's year with an agreement: register it, add KPIs, follow up, import, document."""

from __future__ import annotations

import io

import openpyxl
import pytest
from agreement_helpers import upload
from django.urls import reverse

from klyngeradar.web.agreements.models import Agreement, FollowUp, Kpi, Participation

pytestmark = pytest.mark.django_db


def detail(agreement):
    return reverse("agreements:agreement_detail", args=[agreement.slug])


def test_it_lets_an_analyst_register_an_agreement_with_several_municipalities(
    client_for, analyst, cluster_a, municipalities, actors
):
    response = client_for(analyst).post(
        reverse("agreements:agreement_create"),
        {
            "title": "Tværkommunal aftale om energi",
            "slug": "energi-nord",
            "cluster": cluster_a.pk,
            "actors": [actors["brn"].pk],
            "municipalities": [m.pk for m in municipalities.values()],
            "kind": "framework",
            "status": "active",
            "start": "2025-01-01",
            "end": "2026-12-31",
            "presence": "To kontordage om måneden i Aalborg",
        },
    )
    agreement = Agreement.objects.get(slug="energi-nord")
    assert response.status_code == 302
    assert response["Location"] == detail(agreement)
    assert agreement.organisation == analyst.membership.organisation
    assert agreement.municipalities.count() == 4


def test_it_refuses_an_agreement_without_a_regional_party(client_for, analyst, cluster_a):
    response = client_for(analyst).post(
        reverse("agreements:agreement_create"),
        {
            "title": "Uden parter",
            "slug": "uden-parter",
            "cluster": cluster_a.pk,
            "kind": "project",
            "status": "draft",
            "start": "2025-01-01",
        },
    )
    assert response.status_code == 200
    assert "Vælg mindst én regional aktør eller kommune" in response.text
    assert not Agreement.objects.filter(slug="uden-parter").exists()


def test_it_adds_a_kpi_from_the_catalogue_with_targets_per_year(client_for, analyst, agreement):
    response = client_for(analyst).post(
        reverse("agreements:kpi_add", args=[agreement.slug]),
        {"catalogue_key": "events_held", "baseline": "2", "targets_text": "2025: 6; 2026: 8"},
    )
    assert response.status_code == 302
    kpi = agreement.kpis.get(catalogue_key="events_held")
    assert kpi.definition == "Arrangementer/temadage afholdt"
    assert kpi.unit == "arrangementer"
    assert kpi.target_items() == [(2025, 6), (2026, 8)]


@pytest.mark.parametrize(
    "targets, error",
    [("2025 6", "er ikke “år: mål”"), ("2025: 6; 2025: 7", "står to gange")],
)
def test_it_names_a_malformed_target(client_for, analyst, agreement, targets, error):
    response = client_for(analyst).post(
        reverse("agreements:kpi_add", args=[agreement.slug]),
        {"catalogue_key": "participants", "targets_text": targets},
    )
    assert response.status_code == 200
    assert error in response.text


def test_it_records_a_follow_up_with_htmx_and_shows_the_status_explained(
    client_for, analyst, agreement
):
    kpi = agreement.kpis.get()
    response = client_for(analyst).post(
        reverse("agreements:followup_add", args=[agreement.slug, kpi.pk]),
        {"year": "2025", "period": "H1", "actual": "55", "basis": "counted", "comment": "Lister"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    # The swapped fragment is the KPI's card only, with the status computed as of 1 July.
    assert "<html" not in response.text
    assert 'data-status="at_risk"' in response.text
    assert "Mål for 2025: 120" in response.text
    assert FollowUp.objects.get(kpi=kpi).recorded_by == analyst


def test_it_asks_for_the_basis_of_a_figure(client_for, analyst, agreement):
    kpi = agreement.kpis.get()
    response = client_for(analyst).post(
        reverse("agreements:followup_add", args=[agreement.slug, kpi.pk]),
        {"year": "2025", "period": "year", "actual": "55"},
        HTTP_HX_REQUEST="true",
    )
    assert "Angiv om tallet er opgjort eller skønnet" in response.text
    assert not FollowUp.objects.exists()


def test_it_imports_a_participation_list_and_counts_unique_companies(
    client_for, analyst, agreement, cluster_b
):
    client = client_for(analyst)
    response = client.post(
        reverse("agreements:participation"),
        {"what": "participation", "file": upload("deltagere-2025.csv")},
    )
    assert response.status_code == 302
    assert Participation.objects.count() == 7

    page = client.get(detail(agreement)).text
    # Klynge A's rows and BRN's own row count (41000007 twice is one company); Klynge B's
    # robot project does not; so 5 unique companies with 6 participations.
    assert '<span class="number" data-testid="unique-companies">5</span>' in page
    assert '<span class="number">6</span>' in page


def test_it_refuses_a_list_with_an_invalid_cvr_and_a_duplicate_naming_both(
    client_for, analyst, agreement
):
    response = client_for(analyst).post(
        reverse("agreements:participation"),
        {"what": "participation", "file": upload("afvist-2025.csv")},
    )
    assert response.status_code == 400
    text = response.text
    assert "Listen er afvist, og intet er gemt" in text
    assert "række 3 cvr: &quot;41000008&quot; er ikke et gyldigt CVR-nummer" in text
    assert "række 5 cvr: &quot;41000007&quot; står også i række 2" in text
    assert not Participation.objects.exists()


def test_it_refuses_a_file_that_is_not_a_spreadsheet(client_for, analyst):
    response = client_for(analyst).post(
        reverse("agreements:participation"),
        {"what": "participation", "file": upload("liste.pdf", b"%PDF-1.4")},
    )
    assert "Upload en .csv- eller .xlsx-fil." in response.text


def test_it_produces_the_documentation_package_for_a_year(
    client_for, analyst, agreement, cluster_b
):
    client = client_for(analyst)
    client.post(
        reverse("agreements:participation"),
        {"what": "participation", "file": upload("deltagere-2025.csv")},
    )
    client.post(
        reverse("agreements:participation"),
        {"what": "figures", "file": upload("virksomhedstal.csv")},
    )
    kpi = agreement.kpis.get()
    kpi.followups.create(year=2025, period="H1", actual=5, basis="counted")

    response = client.get(
        reverse("agreements:documentation_package"),
        {"year": "2025", "agreement": agreement.slug},
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('"dokumentation-2025-tvaerkommunal-a.xlsx"')
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == [
        "Oversigt",
        "Virksomheder",
        "Støttetyper",
        "KPI",
        "KPI-udvikling",
        "Udvikling",
    ]

    companies = list(workbook["Virksomheder"].iter_rows(min_row=2, values_only=True))
    # 2025 only: 41000066 took part in 2024 and is not in this year's package.
    assert [row[0] for row in companies] == ["41000007", "41000015", "41000023", "41000031"]

    header, line = list(workbook["KPI"].iter_rows(values_only=True))[:2]
    kpi = dict(zip(header, line, strict=True))
    assert kpi["Baseline"] == 10
    assert 120 in line and 5 in line  # the target and the actual
    # The four unique companies are counted from the lists, next to the reported actual.
    assert kpi["Optalt fra deltagerlister"] == 4

    # The KPI over its years, from the agreement's targets and the follow-up.
    trend = list(workbook["KPI-udvikling"].iter_rows(min_row=2, values_only=True))
    assert [row[3:] for row in trend if row[3] == 2025] == [(2025, 120, 5, "opgjort")]

    development = list(workbook["Udvikling"].iter_rows(min_row=2, values_only=True))
    assert development[0][:4] == ("41000007", "Fiktiv Stål ApS", 10_000_000, 12_000_000)


def test_it_keeps_the_history_of_agreements_kpis_and_follow_ups(client_for, analyst, agreement):
    client = client_for(analyst)
    kpi = agreement.kpis.get()
    client.post(
        reverse("agreements:agreement_edit", args=[agreement.slug]),
        {
            "title": "Nyt navn",
            "slug": agreement.slug,
            "cluster": agreement.cluster.pk,
            "municipalities": [m.pk for m in agreement.municipalities.all()],
            "kind": "framework",
            "status": "active",
            "start": "2024-01-01",
            "end": "2026-12-31",
        },
    )
    client.post(
        reverse("agreements:followup_add", args=[agreement.slug, kpi.pk]),
        {"year": "2025", "period": "H1", "actual": "30", "basis": "estimated"},
    )
    assert [h.title for h in agreement.history.all()] == ["Nyt navn", agreement.title]
    assert agreement.history.first().history_user == analyst
    assert Kpi.history.filter(id=kpi.pk).count() == 1
    assert FollowUp.history.filter(kpi_id=kpi.pk, history_type="+").count() == 1
    assert "Nyt navn" in client.get(detail(agreement)).text
