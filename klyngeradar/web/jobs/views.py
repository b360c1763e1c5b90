"""A job's page: its progress (refreshed by htmx while it runs), its outcome and its file."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from klyngeradar.web.access import get_for_user
from klyngeradar.web.accounts.roles import can_edit, organisation_of
from klyngeradar.web.jobs.models import Job
from klyngeradar.web.reports.rules import is_staff_role
from klyngeradar.web.surveys.models import Round


def _job_for(request, pk: int) -> Job:
    """The job, for the person who started it or an analyst of its organisation; else 404.

    A round's deck or appendices also needs what their download needs: a staff role and
    the round in the person's scope (a role or a membership may have changed since).
    """
    job = get_object_or_404(Job, pk=pk)
    mine = job.created_by_id == request.user.pk
    if not mine and not (
        can_edit(request.user) and organisation_of(request.user) == job.organisation
    ):
        raise Http404
    if job.kind == Job.Kind.ROUND_FILE:
        if not is_staff_role(request.user):
            raise Http404
        get_for_user(request.user, Round, pk=job.params.get("round"))
    return job


def _back(job: Job) -> tuple[str, str]:
    """Where the job's page leads back to: the page that started it."""
    if job.kind == Job.Kind.ROUND_FILE:
        url = reverse("reports:round_report", kwargs={"pk": job.params.get("round")})
        return url, _("Rapporter")
    return reverse("agreements:participation"), _("Deltagerlister")


@login_required
def job_detail(request, pk: int):
    job = _job_for(request, pk)
    back_url, back_label = _back(job)
    section = "reports" if job.kind == Job.Kind.ROUND_FILE else "agreements"
    ctx = {"job": job, "section": section, "back_url": back_url, "back_label": back_label}
    if request.headers.get("HX-Request"):
        return render(request, "jobs/job_progress.html", ctx)
    return render(request, "jobs/job_detail.html", ctx)


@login_required
def job_download(request, pk: int):
    job = _job_for(request, pk)
    if job.status != Job.Status.DONE or not job.result_file:
        raise Http404
    return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=job.result_name)
