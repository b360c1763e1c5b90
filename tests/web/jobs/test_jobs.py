"""Long work runs as a background job: queued by the page, run by the worker, shown with its
progress and outcome, its file to download; all rows or none."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from klyngeradar.web.agreements.models import Agreement, Participation, ParticipationImport
from klyngeradar.web.jobs import queue
from klyngeradar.web.jobs.models import Job

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parents[2] / "fixtures" / "agreements"


def upload(name):
    return SimpleUploadedFile(name, (FIXTURES / name).read_bytes())


def post_list(client, name, **fields):
    return client.post(
        reverse("agreements:participation"),
        {"what": "participation", "file": upload(name), **fields},
    )


def test_it_queues_a_large_list_and_stores_it_when_the_worker_runs(
    client_for, analyst, cluster_a, cluster_b, actors, background_imports
):
    client = client_for(analyst)

    response = post_list(client, "deltagere-2025.csv")
    job = Job.objects.get()
    waiting = client.get(response.url).text

    assert response.url == reverse("jobs:job_detail", kwargs={"pk": job.pk})
    assert Participation.objects.count() == 0
    assert "I kø" in waiting
    assert 'hx-trigger="every 2s"' in waiting

    (finished,) = queue.run_all()
    page = client.get(response.url).text

    assert finished.status == Job.Status.DONE
    assert Participation.objects.count() == 7
    assert ParticipationImport.objects.get().filename == "deltagere-2025.csv"
    assert (finished.done, finished.total) == (7, 7)
    assert "7 rækker importeret fra deltagere-2025.csv." in page
    assert "every 2s" not in page
    assert not finished.input_file


def test_it_fails_the_job_naming_every_problem_and_stores_nothing(
    client_for, analyst, cluster_a, actors, background_imports
):
    client = client_for(analyst)
    response = post_list(client, "afvist-2025.csv")

    (finished,) = queue.run_all()
    page = client.get(response.url).text

    assert finished.status == Job.Status.FAILED
    assert Participation.objects.count() == 0
    assert "afvist-2025.csv" in finished.outcome
    assert len(finished.outcome.splitlines()) >= 2
    assert "Intet er gemt" in page


def test_it_refuses_a_repeated_list_in_the_background_unless_told_to_replace(
    client_for, analyst, cluster_a, cluster_b, actors, background_imports
):
    client = client_for(analyst)
    post_list(client, "deltagere-2025.csv")
    post_list(client, "deltagere-2025.csv")
    post_list(client, "deltagere-2025.csv", on_repeat="replace")

    first, repeated, replaced = queue.run_all()

    assert (first.status, repeated.status, replaced.status) == ("done", "failed", "done")
    assert "præcis de samme rækker" in repeated.outcome
    assert ParticipationImport.objects.count() == 1
    assert Participation.objects.count() == 7


def test_a_job_is_claimed_by_one_worker_only(organisation, analyst):
    queue.queue(Job.Kind.DOCUMENTATION, organisation=organisation, user=analyst, title="x")

    assert queue.claim() is not None
    assert queue.claim() is None


def test_it_makes_a_large_documentation_package_in_the_background(
    client_for, analyst, organisation, cluster_a, cluster_b, actors, monkeypatch
):
    from klyngeradar.web.agreements import downloads

    monkeypatch.setattr(downloads, "BACKGROUND_ROWS", 0)
    Agreement.objects.create(
        organisation=organisation,
        cluster=cluster_a,
        slug="a",
        title="Aftale A",
        start=date(2024, 1, 1),
    )
    client = client_for(analyst)
    client.post(
        reverse("agreements:participation"),
        {"what": "participation", "file": upload("deltagere-2025.csv")},
    )

    response = client.get(reverse("agreements:documentation_package"), {"year": 2025})
    (finished,) = queue.run_all()
    download = client.get(reverse("jobs:job_download", kwargs={"pk": finished.pk}))

    assert response.status_code == 302
    assert finished.status == Job.Status.DONE, finished.outcome
    assert finished.result_name == "dokumentation-2025.xlsx"
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert workbook.sheetnames[:2] == ["Oversigt", "Virksomheder"]


def test_another_organisation_s_analyst_cannot_see_a_job(client_for, organisation, analyst, region):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership, Organisation

    job = queue.queue(Job.Kind.DOCUMENTATION, organisation=organisation, user=analyst, title="x")
    other = Organisation.objects.create(slug="andre", name="Andre", short_name="A", region=region)
    stranger = get_user_model().objects.create(username="fremmed")
    Membership.objects.create(user=stranger, role="analyst", organisation=other)

    response = client_for(stranger).get(reverse("jobs:job_detail", kwargs={"pk": job.pk}))

    assert response.status_code == 404
