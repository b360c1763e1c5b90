"""Who sees and changes agreements: viewers read, municipal officers see their own, respondents
see their cluster's agreements only."""

from __future__ import annotations

import pytest
from agreement_helpers import upload
from django.urls import reverse

from klyngeradar.web.agreements.models import Agreement, FollowUp

pytestmark = pytest.mark.django_db


def change_requests(agreement):
    """Every changing request on an agreement, as (url, data)."""
    kpi = agreement.kpis.get()
    slug = agreement.slug
    return [
        (reverse("agreements:agreement_edit", args=[slug]), {"title": "Overtaget"}),
        (reverse("agreements:kpi_add", args=[slug]), {"catalogue_key": "participants"}),
        (reverse("agreements:kpi_edit", args=[slug, kpi.pk]), {"definition": "x"}),
        (
            reverse("agreements:followup_add", args=[slug, kpi.pk]),
            {"year": 2025, "period": "year", "actual": 1, "basis": "counted"},
        ),
        (reverse("agreements:part_add", args=[slug, "leverancer"]), {"title": "x"}),
        (reverse("agreements:part_add", args=[slug, "moeder"]), {"planned": "2025-09-01"}),
        (reverse("agreements:part_add", args=[slug, "medfinansiering"]), {"year": 2025}),
        (reverse("agreements:document_upload", args=[slug]), {"title": "x"}),
        (reverse("agreements:agreement_create"), {"title": "Ny"}),
        (reverse("agreements:participation"), {"what": "participation"}),
    ]


def test_it_shows_a_viewer_the_agreement_without_edit_buttons(client_for, viewer, agreement):
    response = client_for(viewer).get(reverse("agreements:agreement_detail", args=[agreement.slug]))
    assert response.status_code == 200
    assert agreement.title in response.text
    assert "Redigér" not in response.text
    assert "Tilføj opfølgning" not in response.text


def test_it_refuses_every_change_by_a_viewer_with_403(client_for, viewer, agreement):
    client = client_for(viewer)
    for url, data in change_requests(agreement):
        assert client.post(url, data).status_code == 403, url
    agreement.refresh_from_db()
    assert agreement.title == "Tværkommunal aftale med Klynge A"
    assert not FollowUp.objects.exists()


def test_it_lets_the_analyst_reach_every_change_form(client_for, analyst, agreement):
    client = client_for(analyst)
    for url, _data in change_requests(agreement):
        assert client.get(url).status_code == 200, url


def test_it_shows_a_municipal_officer_only_their_municipalitys_agreements(
    client_for, municipal_officer, agreement, other_agreement
):
    client = client_for(municipal_officer)
    listing = client.get(reverse("agreements:agreement_list")).text
    assert agreement.title in listing
    assert other_agreement.title not in listing
    assert "din kommune er part i" in listing
    other = reverse("agreements:agreement_detail", args=[other_agreement.slug])
    assert client.get(other).status_code == 404
    edit = reverse("agreements:agreement_edit", args=[agreement.slug])
    assert client.post(edit, {"title": "x"}).status_code == 403


def test_it_shows_a_respondent_only_their_own_clusters_agreements(
    client_for, respondent_b, agreement, other_agreement
):
    client = client_for(respondent_b)
    listing = client.get(reverse("agreements:agreement_list")).text
    assert other_agreement.title in listing
    assert agreement.title not in listing
    assert (
        client.get(reverse("agreements:agreement_detail", args=[agreement.slug])).status_code == 404
    )


def test_it_keeps_another_organisations_analyst_out(client_for, agreement, region):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership, Organisation

    other = Organisation.objects.create(slug="andre", name="Andre", region=region)
    user = get_user_model().objects.create_user(username="andre", password="x" * 20)
    Membership.objects.create(user=user, role="analyst", organisation=other)
    response = client_for(user).get(reverse("agreements:agreement_detail", args=[agreement.slug]))
    assert response.status_code == 404


def test_it_lets_only_those_who_see_the_agreement_download_its_documents(
    client_for, analyst, municipal_officer, agreement, other_agreement
):
    client = client_for(analyst)
    client.post(
        reverse("agreements:document_upload", args=[other_agreement.slug]),
        {"title": "Underskrevet aftale", "file": upload("aftale.pdf", b"%PDF-1.4 test")},
    )
    document = other_agreement.documents.get()
    url = reverse("agreements:document_download", args=[other_agreement.slug, document.pk])
    assert client.get(url).status_code == 200
    assert client_for(municipal_officer).get(url).status_code == 404


@pytest.mark.parametrize(
    "name, content, error",
    [
        ("program.exe", b"MZ", "Filtypen .exe er ikke tilladt"),
        ("stor.pdf", b"0" * (20 * 1024 * 1024 + 1), "Filen er for stor (højst 20 MB)"),
    ],
)
def test_it_refuses_documents_of_the_wrong_type_or_size(
    client_for, analyst, agreement, name, content, error
):
    response = client_for(analyst).post(
        reverse("agreements:document_upload", args=[agreement.slug]),
        {"title": "x", "file": upload(name, content)},
    )
    assert error in response.text
    assert not agreement.documents.exists()


def test_it_lists_only_visible_agreements_in_the_package(
    client_for, municipal_officer, agreement, other_agreement
):
    response = client_for(municipal_officer).get(
        reverse("agreements:documentation_package"), {"year": 2025}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    hidden = client_for(municipal_officer).get(
        reverse("agreements:documentation_package"),
        {"year": 2025, "agreement": other_agreement.slug},
    )
    assert hidden.status_code == 400
    assert Agreement.objects.count() == 2


def test_an_uploaded_document_keeps_its_name_with_dashes_spaces_and_aeoeaa(
    client_for, analyst, agreement
):
    name = "Aftale med Klynge A - 2026 æøå.pdf"
    client_for(analyst).post(
        reverse("agreements:document_upload", args=[agreement.slug]),
        {"title": "Aftalen", "file": upload(name, b"%PDF-1.4 demo")},
    )

    (document,) = agreement.documents.all()
    assert document.filename == name
