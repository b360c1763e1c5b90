"""Background jobs: work that takes longer than a request (large imports, whole packages).

A `Job` is a row in the database, so the mechanism needs no broker and works the
same on SQLite and PostgreSQL: a view queues it, the worker process that
``klyngeradar serve`` starts claims it (an atomic status change, so two workers
never run the same job), runs its task and records progress, the outcome and
the file it produced. The page polls the job's progress.

Kinds: a large participation import, a documentation package for a large year, and a
round's deck or appendices when the round is large (see `reports.deliverables`).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from klyngeradar.web.accounts.models import Organisation
from klyngeradar.web.agreements.models import DocumentStorage


class Job(models.Model):
    class Kind(models.TextChoices):
        PARTICIPATION_IMPORT = "participation_import", _("Import af deltagerliste")
        DOCUMENTATION = "documentation", _("Dokumentationspakke")
        ROUND_FILE = "round_file", _("Præsentation eller bilag til en runde")

    class Status(models.TextChoices):
        QUEUED = "queued", _("I kø")
        RUNNING = "running", _("I gang")
        DONE = "done", _("Færdig")
        FAILED = "failed", _("Fejlet")

    kind = models.CharField(_("slags"), max_length=40, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("titel"), max_length=200)
    params = models.JSONField(_("parametre"), default=dict, blank=True)
    input_file = models.FileField(
        _("inddata"), storage=DocumentStorage(), upload_to="jobs/input/%Y/", blank=True
    )
    result_file = models.FileField(
        _("resultat"), storage=DocumentStorage(), upload_to="jobs/results/%Y/", blank=True
    )
    done = models.PositiveBigIntegerField(_("færdige"), default=0)
    total = models.PositiveBigIntegerField(_("i alt"), null=True, blank=True)
    step = models.CharField(_("trin"), max_length=200, blank=True)
    # What the person reads when the job is over: the outcome, or every problem found.
    outcome = models.TextField(_("udfald"), blank=True)
    created = models.DateTimeField(_("oprettet"), auto_now_add=True)
    started = models.DateTimeField(_("startet"), null=True, blank=True)
    finished = models.DateTimeField(_("afsluttet"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("baggrundsjob")
        verbose_name_plural = _("baggrundsjob")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("jobs:job_detail", kwargs={"pk": self.pk})

    @property
    def over(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, self.done * 100 // self.total)

    @property
    def result_name(self) -> str:
        if not self.result_file:
            return ""
        return self.params.get("result_name") or Path(self.result_file.name).name
