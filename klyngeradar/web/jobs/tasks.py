"""The tasks a job can run. Each takes the job and its `Progress`, returns the outcome text."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.utils import timezone

from klyngeradar.core.agreements.participation import read_participation
from klyngeradar.core.numbers import format_int
from klyngeradar.core.problems import InputError, Problem
from klyngeradar.render.workbooks.documentation import write_documentation_xlsx
from klyngeradar.web.agreements import convert
from klyngeradar.web.agreements.imports import earlier_imports, store_participation
from klyngeradar.web.agreements.models import Agreement
from klyngeradar.web.registry.models import Actor, Cluster


def import_participation(job, progress) -> str:
    """Read, validate and store a participation list: all rows or none."""
    progress(0, None, "Læser og kontrollerer listen")
    filename = job.params.get("filename") or Path(job.input_file.name).name
    with tempfile.TemporaryDirectory(prefix="klyngeradar-job-") as folder:
        # The reader names problems by the file's own name, so the copy keeps it.
        path = Path(folder) / filename
        with job.input_file.open("rb") as source:
            path.write_bytes(source.read())
        rows = read_participation(
            path,
            clusters=set(Cluster.objects.values_list("slug", flat=True)),
            actors=set(Actor.objects.values_list("slug", flat=True)),
        )
    earlier = earlier_imports(job.organisation, rows)
    decision = job.params.get("on_repeat", "ask")
    if earlier and decision == "skip":
        return f"{filename} er sprunget over: præcis de samme rækker er importeret før."
    if earlier and decision != "replace":
        raise InputError(
            [
                Problem(
                    f"has exactly the same rows as {earlier[0].filename}; nothing was stored",
                    file=filename,
                    reason_da=f"har præcis de samme rækker som {earlier[0].filename}; intet er "
                    "gemt. Vælg at erstatte den tidligere import eller at springe over",
                )
            ]
        )
    progress(0, len(rows), "Gemmer rækkerne")
    store_participation(
        job.organisation,
        filename,
        rows,
        job.created_by,
        replace=earlier if decision == "replace" else (),
        progress=lambda done, total: progress(done, total),
    )
    text = f"{format_int(len(rows))} rækker importeret fra {filename}."
    if earlier:
        text += " Den tidligere import af de samme rækker er erstattet."
    return text


def documentation(job, progress) -> str:
    """Write the documentation package for a year: all the organisation's agreements or one."""
    year, slug = job.params["year"], job.params.get("agreement") or None
    agreements = Agreement.objects.filter(
        organisation=job.organisation, pk__in=job.params["agreements"]
    ).select_related("cluster", "organisation")
    progress(0, None, "Opgør deltagelse og KPI'er")
    package = convert.documentation_package(
        list(agreements.order_by("slug")), year, as_of=timezone.localdate(), agreement=slug
    )
    progress(1, 2, "Skriver projektmappen")
    name = f"dokumentation-{year}-{slug}.xlsx" if slug else f"dokumentation-{year}.xlsx"
    with tempfile.TemporaryDirectory(prefix="klyngeradar-job-") as folder:
        progress.result(write_documentation_xlsx(package, Path(folder) / name))
    progress(2, 2)
    return (
        f"Dokumentation {year}: {format_int(package.unique_companies)} unikke virksomheder, "
        f"{format_int(package.participations)} deltagelser."
    )


def round_file(job, progress) -> str:
    """Write a round's deck or appendices, as the person who asked for it may see them."""
    from klyngeradar.web.reports import deliverables
    from klyngeradar.web.reports.models import ReportTemplate
    from klyngeradar.web.surveys.models import Round

    params = job.params
    round = Round.objects.filter(pk=params["round"], organisation=job.organisation).first()
    if round is None:
        raise InputError([Problem("the round no longer exists", reason_da="Runden findes ikke")])
    if job.created_by is None:
        # The agreements in the files are those the person may see: without them, nothing.
        raise InputError(
            [
                Problem(
                    "the person who asked for the file no longer has an account",
                    reason_da="Personen, der bestilte filen, har ikke længere en konto",
                )
            ]
        )
    template = None
    if params.get("template"):
        template = ReportTemplate.objects.filter(
            pk=params["template"], organisation=job.organisation
        ).first()
        if template is None:
            raise InputError(
                [Problem("the template was deleted", reason_da="Skabelonen er slettet")]
            )
    earlier = Round.objects.filter(pk=params["compare"]).first() if params.get("compare") else None
    with tempfile.TemporaryDirectory(prefix="klyngeradar-job-") as folder:
        path = deliverables.write_round_file(
            round,
            params["file"],
            folder,
            user=job.created_by,
            lang=params.get("lang", "da"),
            template=template,
            earlier=earlier,
            today=timezone.localdate(),
            progress=progress,
            programme=params.get("programme"),
        )
        progress.result(path)
    return f"{path.name} er klar til at hente."
