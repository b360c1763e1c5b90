"""Queue, claim and run jobs; a task reports progress through `Progress`.

`run_next` claims the oldest queued job with one conditional UPDATE (status
queued → running), which is atomic on SQLite and PostgreSQL alike, so any
number of workers can poll the same table. A task that raises marks its job
failed with a readable outcome; its own transaction has then stored nothing.
"""

from __future__ import annotations

import importlib
import logging
import traceback
from pathlib import Path

from django.core.files import File
from django.utils import timezone

from klyngeradar.core.problems import InputError
from klyngeradar.web.jobs.models import Job

log = logging.getLogger(__name__)

TASKS = {
    Job.Kind.PARTICIPATION_IMPORT: "klyngeradar.web.jobs.tasks:import_participation",
    Job.Kind.DOCUMENTATION: "klyngeradar.web.jobs.tasks:documentation",
    Job.Kind.ROUND_FILE: "klyngeradar.web.jobs.tasks:round_file",
}


class Progress:
    """What a task tells its job: how far it is, and the file it produced."""

    def __init__(self, job: Job):
        self.job = job

    def __call__(self, done: int, total: int | None = None, step: str = "") -> None:
        self.job.done, self.job.total = done, total
        fields = ["done", "total"]
        if step:
            self.job.step = step
            fields.append("step")
        self.job.save(update_fields=fields)

    def result(self, path: Path) -> None:
        with path.open("rb") as handle:
            self.job.result_file.save(path.name, File(handle), save=False)
        # The storage may add a suffix to keep names apart; the download keeps the task's name.
        self.job.params = {**self.job.params, "result_name": path.name}
        self.job.save(update_fields=["result_file", "params"])


def queue(kind: str, *, organisation, user, title: str, params=None, upload=None) -> Job:
    """Queue a job; ``upload`` (a file) is kept in the data directory for the task."""
    job = Job(
        kind=kind, organisation=organisation, created_by=user, title=title, params=params or {}
    )
    if upload is not None:
        job.input_file.save(Path(upload.name).name, upload, save=False)
    job.save()
    return job


def claim() -> Job | None:
    """Take the oldest queued job for this worker, or None when there is none."""
    for pk in (
        Job.objects.filter(status=Job.Status.QUEUED).order_by("pk").values_list("pk", flat=True)[:5]
    ):
        taken = Job.objects.filter(pk=pk, status=Job.Status.QUEUED).update(
            status=Job.Status.RUNNING, started=timezone.now()
        )
        if taken:
            return Job.objects.get(pk=pk)
    return None


def run(job: Job) -> Job:
    """Run a claimed job's task and record its outcome."""
    module_name, attr = TASKS[job.kind].split(":")
    task = getattr(importlib.import_module(module_name), attr)
    try:
        outcome = task(job, Progress(job))
    except InputError as error:
        job.status = Job.Status.FAILED
        job.outcome = "\n".join(problem.text("da") for problem in error.problems)
    except Exception as error:  # The job fails readably; the worker goes on with the next.
        log.error("job %s failed:\n%s", job.pk, traceback.format_exc())
        job.status = Job.Status.FAILED
        job.outcome = f"Jobbet fejlede: {error}"
    else:
        job.status = Job.Status.DONE
        job.outcome = outcome or ""
    job.finished = timezone.now()
    job.save(update_fields=["status", "outcome", "finished"])
    if job.input_file:
        # The uploaded file is only needed while the job runs.
        job.input_file.delete(save=True)
    return job


def run_next() -> Job | None:
    """Claim and run one job; None when the queue is empty."""
    job = claim()
    return run(job) if job is not None else None


def run_all() -> list[Job]:
    """Run every queued job, one after the other (tests and ``manage run_jobs --once``)."""
    finished = []
    while (job := run_next()) is not None:
        finished.append(job)
    return finished
