"""A large round's deck and appendices are made by a background job: queued by the download,
run by the worker, shown with their progress, and only for those who may download them."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook
from pptx import Presentation

from klyngeradar.render.report import appendices_filename, deck_filename
from klyngeradar.web.accounts.models import Membership
from klyngeradar.web.jobs import queue
from klyngeradar.web.jobs.models import Job
from klyngeradar.web.reports import deliverables
from klyngeradar.web.reports.models import ReportTemplate

pytestmark = pytest.mark.django_db


@pytest.fixture
def large(monkeypatch):
    """Every round counts as large: the demo round's 13 clusters are over the threshold."""
    monkeypatch.setattr(deliverables, "BACKGROUND_CLUSTERS", 12)


def deck_url(round, name="deck"):
    return reverse(f"reports:{name}", kwargs={"pk": round.pk})


def job_url(job, name="job_detail"):
    return reverse(f"jobs:{name}", kwargs={"pk": job.pk})


def test_it_makes_a_large_round_s_deck_in_the_background(client_for, analyst, demo_db_round, large):
    client = client_for(analyst)

    response = client.get(deck_url(demo_db_round), {"lang": "en"})
    job = Job.objects.get()
    waiting = client.get(response.url).text

    assert response.status_code == 302 and response.url == job_url(job)
    assert job.kind == Job.Kind.ROUND_FILE and job.params["lang"] == "en"
    assert "I kø" in waiting and 'hx-trigger="every 2s"' in waiting
    assert reverse("reports:round_report", kwargs={"pk": demo_db_round.pk}) in waiting

    (finished,) = queue.run_all()
    page = client.get(response.url).text
    download = client.get(job_url(finished, "job_download"))

    assert finished.status == Job.Status.DONE, finished.outcome
    assert (finished.done, finished.total) == (2, 2)
    assert finished.result_name == deck_filename(demo_db_round.title)
    assert "every 2s" not in page and job_url(finished, "job_download") in page
    deck = Presentation(io.BytesIO(b"".join(download.streaming_content)))
    assert len(deck.slides) > 20
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert "Working with the national clusters" in titles


def test_it_makes_a_large_round_s_appendices_in_the_background(
    client_for, analyst, demo_db_round, large
):
    client = client_for(analyst)
    client.get(deck_url(demo_db_round, "appendices"))

    (finished,) = queue.run_all()
    download = client.get(job_url(finished, "job_download"))

    assert finished.result_name == appendices_filename(demo_db_round.title)
    book = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert book["svar"].max_row == 1 + 13


def test_a_round_up_to_the_threshold_is_downloaded_directly(client_for, analyst, demo_db_round):
    assert demo_db_round.responses.count() <= deliverables.BACKGROUND_CLUSTERS

    response = client_for(analyst).get(deck_url(demo_db_round))

    assert response.status_code == 200
    assert response["Content-Type"] == deliverables.DECK_CONTENT_TYPE
    assert not Job.objects.exists()


def test_a_viewer_gets_their_own_job_and_no_one_else_s(
    client_for, analyst, viewer, demo_db_round, large
):
    client_for(analyst).get(deck_url(demo_db_round))
    client_for(viewer).get(deck_url(demo_db_round))
    by_analyst, by_viewer = Job.objects.order_by("pk")
    queue.run_all()
    client = client_for(viewer)

    assert client.get(job_url(by_viewer)).status_code == 200
    assert client.get(job_url(by_viewer, "job_download")).status_code == 200
    # A viewer may download the deck, but a job someone else started is not theirs to see.
    assert client.get(job_url(by_analyst)).status_code == 404
    assert client.get(job_url(by_analyst, "job_download")).status_code == 404
    # An analyst of the organisation sees every job of it.
    assert client_for(analyst).get(job_url(by_viewer)).status_code == 200


def test_a_person_who_may_no_longer_download_the_deck_cannot_fetch_their_job(
    client_for, viewer, demo_db_round, large
):
    client = client_for(viewer)
    client.get(deck_url(demo_db_round))
    (job,) = queue.run_all()
    assert client.get(job_url(job, "job_download")).status_code == 200

    Membership.objects.filter(user=viewer).update(role="respondent")

    assert client.get(job_url(job)).status_code == 404
    assert client.get(job_url(job, "job_download")).status_code == 404


def test_another_organisation_s_analyst_cannot_see_the_deck_job(
    client_for, analyst, demo_db_round, region, large
):
    from klyngeradar.web.accounts.models import Organisation

    client_for(analyst).get(deck_url(demo_db_round))
    (job,) = queue.run_all()
    other = Organisation.objects.create(slug="andre", name="Andre", short_name="A", region=region)
    stranger = get_user_model().objects.create_user(username="fremmed")
    Membership.objects.create(user=stranger, role="analyst", organisation=other)

    assert client_for(stranger).get(job_url(job)).status_code == 404
    assert client_for(stranger).get(job_url(job, "job_download")).status_code == 404


def test_it_fails_the_job_readably_when_its_template_was_deleted(
    client_for, analyst, demo_db_round, own_template, large
):
    client = client_for(analyst)
    with open(own_template, "rb") as file:
        client.post(
            reverse("reports:upload_template", kwargs={"pk": demo_db_round.pk}), {"file": file}
        )
    template = ReportTemplate.objects.get()
    client.get(deck_url(demo_db_round), {"template": template.pk})
    template.delete()

    (finished,) = queue.run_all()
    page = client.get(job_url(finished)).text

    assert finished.status == Job.Status.FAILED
    assert finished.outcome == "Skabelonen er slettet"
    assert not finished.result_file
    assert "Skabelonen er slettet" in page
