"""A job's page: its progress (refreshed by htmx while it runs), its outcome and its file."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from klyngeradar.web.accounts.roles import can_edit, organisation_of
from klyngeradar.web.jobs.models import Job


def _job_for(request, pk: int) -> Job:
    """The job, for the person who started it or an analyst of its organisation; else 404."""
    job = get_object_or_404(Job, pk=pk)
    if job.created_by_id == request.user.pk:
        return job
    if can_edit(request.user) and organisation_of(request.user) == job.organisation:
        return job
    raise Http404


@login_required
def job_detail(request, pk: int):
    job = _job_for(request, pk)
    ctx = {"job": job, "section": "agreements"}
    if request.headers.get("HX-Request"):
        return render(request, "jobs/job_progress.html", ctx)
    return render(request, "jobs/job_detail.html", ctx)


@login_required
def job_download(request, pk: int):
    job = _job_for(request, pk)
    if job.status != Job.Status.DONE or not job.result_file:
        raise Http404
    return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=job.result_name)
