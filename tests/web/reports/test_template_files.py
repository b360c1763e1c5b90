"""An organisation's uploaded templates: their names as uploaded, download and deletion."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.urls import reverse

from klyngeradar.web.reports.models import ReportTemplate

pytestmark = pytest.mark.django_db

NAME = "BRN – skabelon 2026.pptx"
CONFIRM = {"confirm": "yes"}


def report_url(round):
    return reverse("reports:round_report", kwargs={"pk": round.pk})


def template_url(name, round, template):
    return reverse(f"reports:{name}", kwargs={"pk": round.pk, "template": template.pk})


@pytest.fixture
def uploaded(client_for, analyst, demo_db_round, own_template, tmp_path):
    """The analyst's template, uploaded under a name with an en dash and spaces."""
    path = shutil.copy(own_template, tmp_path / NAME)
    with open(path, "rb") as file:
        client_for(analyst).post(
            reverse("reports:upload_template", kwargs={"pk": demo_db_round.pk}), {"file": file}
        )
    return ReportTemplate.objects.get()


def test_it_keeps_the_uploaded_name_with_dashes_and_spaces(
    client_for, analyst, demo_db_round, uploaded
):
    assert uploaded.name == "BRN – skabelon 2026"
    page = client_for(analyst).get(report_url(demo_db_round)).content.decode()
    assert "BRN – skabelon 2026" in page


def test_it_downloads_a_template_under_its_uploaded_name(
    client_for, analyst, demo_db_round, uploaded
):
    response = client_for(analyst).get(template_url("template_file", demo_db_round, uploaded))

    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert "filename*=utf-8''BRN%20%E2%80%93%20skabelon%202026.pptx" in disposition
    assert b"".join(response.streaming_content)[:2] == b"PK"


def test_it_asks_before_deleting_a_template_then_deletes_it_and_its_file(
    client_for, analyst, demo_db_round, uploaded
):
    client = client_for(analyst)
    stored = Path(uploaded.file.path)
    assert stored.exists()
    url = template_url("delete_template", demo_db_round, uploaded)

    asked = client.post(url)

    assert asked.status_code == 200
    assert "Slet skabelonen »BRN – skabelon 2026«?" in asked.content.decode()
    assert ReportTemplate.objects.exists()

    done = client.post(url, CONFIRM)

    assert done.status_code == 302
    assert not ReportTemplate.objects.exists()
    assert not stored.exists()
    page = client.get(done["Location"]).content.decode()
    assert "Skabelonen »BRN – skabelon 2026« er slettet." in page


def test_the_page_offers_delete_and_download_only_to_those_who_may(
    client_for, analyst, viewer, demo_db_round, uploaded
):
    delete = template_url("delete_template", demo_db_round, uploaded)
    download = template_url("template_file", demo_db_round, uploaded)

    assert delete in client_for(analyst).get(report_url(demo_db_round)).content.decode()
    for_viewer = client_for(viewer).get(report_url(demo_db_round)).content.decode()
    assert delete not in for_viewer and download in for_viewer


def test_a_viewer_cannot_delete_a_template(client_for, viewer, demo_db_round, uploaded):
    client = client_for(viewer)
    url = template_url("delete_template", demo_db_round, uploaded)

    assert client.post(url, CONFIRM).status_code == 403
    assert ReportTemplate.objects.exists()


@pytest.mark.parametrize(
    ("method", "name"), [("post", "delete_template"), ("get", "template_file")]
)
def test_a_respondent_gets_404(client_for, respondent_a, demo_db_round, uploaded, method, name):
    client = client_for(respondent_a)

    response = getattr(client, method)(template_url(name, demo_db_round, uploaded), CONFIRM)

    assert response.status_code == 404
    assert ReportTemplate.objects.exists()


def test_another_organisations_analyst_gets_404(client_for, demo_db_round, region, uploaded):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership, Organisation

    other = Organisation.objects.create(slug="andre", name="Andre", region=region)
    user = get_user_model().objects.create_user(username="andre-analyst")
    Membership.objects.create(user=user, role="analyst", organisation=other)
    client = client_for(user)

    assert (
        client.post(template_url("delete_template", demo_db_round, uploaded), CONFIRM).status_code
        == 404
    )
    assert client.get(template_url("template_file", demo_db_round, uploaded)).status_code == 404
    assert ReportTemplate.objects.exists()
