"""Importing participation lists and company figures: all rows or none.

The core reads and validates the file (`read_participation`,
`read_company_figures`); the form turns its problems into form errors, naming
every one; only a file without problems is stored, in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from django.contrib import messages
from django.db import connection, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from klyngeradar.core.agreements import repeats
from klyngeradar.web.access import require_role
from klyngeradar.web.accounts.roles import organisation_of
from klyngeradar.web.agreements.forms import CompanyFiguresImportForm, ParticipationImportForm
from klyngeradar.web.agreements.models import (
    CompanyFigures,
    CompanyFiguresImport,
    Participation,
    ParticipationImport,
)
from klyngeradar.web.jobs.models import Job
from klyngeradar.web.jobs.queue import queue
from klyngeradar.web.listing import Column, Listing
from klyngeradar.web.registry.models import Actor, Cluster

FIGURES_IDS = "id_figures_%s"

# Rows are inserted in batches of this size: memory stays flat however long the list is.
BATCH = 5_000


def _batches(items: Iterable, size: int = BATCH) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def earlier_imports(organisation, rows) -> list[ParticipationImport]:
    """The organisation's earlier imports of exactly these rows (see `core.agreements.repeats`)."""
    return list(
        ParticipationImport.objects.filter(
            organisation=organisation, fingerprint=repeats.fingerprint(rows)
        )
    )


def store_participation(
    organisation, filename: str, rows, user=None, *, replace=(), progress=None
) -> ParticipationImport:
    """Store validated participation rows (core `ParticipationRow`s) as one import.

    ``replace`` are earlier imports to delete in the same transaction (a repeated
    list the analyst chose to replace). ``progress(done, total)`` is told after
    each batch of rows. All rows are stored, or none.
    """
    rows = tuple(rows)
    clusters = dict(Cluster.objects.values_list("slug", "pk"))
    actors = dict(Actor.objects.values_list("slug", "pk"))
    covered = repeats.summary(rows)
    with transaction.atomic():
        for earlier in replace:
            earlier.delete()
        batch = ParticipationImport.objects.create(
            organisation=organisation,
            filename=filename,
            imported_by=user,
            row_count=covered.rows,
            first_date=covered.first,
            last_date=covered.last,
            fingerprint=repeats.fingerprint(rows),
        )
        done = 0
        for chunk in _batches(rows):
            _insert_participation(batch.pk, chunk, clusters, actors)
            done += len(chunk)
            if progress is not None:
                progress(done, len(rows))
    return batch


# The columns a participation row is stored in, in the order `_insert_participation` gives.
_PARTICIPATION_FIELDS = (
    "batch",
    "cvr",
    "pnr",
    "company",
    "activity",
    "date",
    "cluster",
    "actor",
    "kind",
)


def _insert_participation(batch_id: int, chunk, clusters: dict, actors: dict) -> None:
    """Insert validated rows with one parameterised statement per batch.

    The rows were checked whole by the core, so the ORM's per-object work (building a
    model instance and preparing each field, three quarters of the time of
    `bulk_create` at a national list's size) is skipped: the values go to the database
    driver as they are, the date adapted by the backend as Django would.
    """
    meta = Participation._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in _PARTICIPATION_FIELDS)
    marks = ", ".join(["%s"] * len(_PARTICIPATION_FIELDS))
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({marks})"
    adapt = connection.ops.adapt_datefield_value
    values = [
        (
            batch_id,
            row.cvr,
            row.pnr or "",
            row.company,
            row.activity,
            adapt(row.date),
            clusters.get(row.cluster) if row.cluster else None,
            actors.get(row.actor) if row.actor else None,
            row.kind or "",
        )
        for row in chunk
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


def store_company_figures(
    organisation, filename: str, figures, user=None, *, progress=None
) -> CompanyFiguresImport:
    """Store validated company figures; a CVR and year already known is replaced (an upsert
    in batches, all or nothing)."""
    figures = tuple(figures)
    with transaction.atomic():
        batch = CompanyFiguresImport.objects.create(
            organisation=organisation, filename=filename, imported_by=user, row_count=len(figures)
        )
        done = 0
        for chunk in _batches(figures):
            CompanyFigures.objects.bulk_create(
                [
                    CompanyFigures(
                        organisation=organisation,
                        batch=batch,
                        cvr=figure.cvr,
                        year=figure.year,
                        revenue_dkk=figure.revenue_dkk,
                        employees=figure.employees,
                    )
                    for figure in chunk
                ],
                update_conflicts=True,
                unique_fields=["organisation", "cvr", "year"],
                update_fields=["batch", "revenue_dkk", "employees"],
            )
            done += len(chunk)
            if progress is not None:
                progress(done, len(figures))
    return batch


PARTICIPATION_COLUMNS = (
    Column("file", gettext_lazy("Fil"), order="filename"),
    Column("imported", gettext_lazy("Importeret"), order="imported"),
    Column("by", gettext_lazy("Af"), order="imported_by__username", value="imported_by.username"),
    Column("first", gettext_lazy("Første dato"), order="first_date"),
    Column("last", gettext_lazy("Seneste dato"), order="last_date"),
    Column("rows", gettext_lazy("Rækker"), order="row_count", number=True, total=True),
)
FIGURES_COLUMNS = (
    Column("file", gettext_lazy("Fil"), order="filename"),
    Column("imported", gettext_lazy("Importeret"), order="imported"),
    Column("rows", gettext_lazy("Rækker"), order="row_count", number=True, total=True),
)


def _repeat_text(filename: str, earlier, *, skipped: bool = False) -> str:
    first = earlier[0]
    values = {
        "file": filename,
        "earlier": first.filename,
        "when": formats.date_format(timezone.localtime(first.imported), "SHORT_DATETIME_FORMAT"),
    }
    if skipped:
        return (
            _(
                "%(file)s er sprunget over: præcis de samme rækker blev importeret "
                "fra %(earlier)s %(when)s."
            )
            % values
        )
    return (
        _(
            "%(file)s har præcis de samme rækker som %(earlier)s, importeret %(when)s. "
            "Intet er gemt: vælg at erstatte den tidligere import eller at springe over, "
            "og importér igen."
        )
        % values
    )


def _organisation_or_redirect(request):
    organisation = organisation_of(request.user)
    if organisation is None:
        messages.error(request, _("Din bruger hører ikke til en organisation."))
    return organisation


@require_role("analyst", "admin")
@require_http_methods(["GET", "POST"])
def participation(request):
    """The organisation's participation lists and company figures, with both import forms."""
    organisation = _organisation_or_redirect(request)
    if organisation is None:
        return redirect("agreements:agreement_list")
    participation_form = ParticipationImportForm()
    # Both forms have a "file" field: the second one gets its own ids (no duplicate id="id_file").
    figures_form = CompanyFiguresImportForm(auto_id=FIGURES_IDS)
    if request.method == "POST" and request.POST.get("what") == "participation":
        participation_form = ParticipationImportForm(request.POST, request.FILES)
        if participation_form.is_valid() and participation_form.background:
            upload = request.FILES["file"]
            job = queue(
                Job.Kind.PARTICIPATION_IMPORT,
                organisation=organisation,
                user=request.user,
                title=_("Import af %(file)s") % {"file": upload.name},
                params={
                    "filename": upload.name,
                    "on_repeat": participation_form.cleaned_data["on_repeat"],
                },
                upload=upload,
            )
            return redirect(job)
        if participation_form.is_valid():
            upload = request.FILES["file"]
            rows = participation_form.cleaned_data["file"]
            decision = participation_form.cleaned_data["on_repeat"]
            earlier = earlier_imports(organisation, rows)
            if earlier and decision == "skip":
                messages.info(request, _repeat_text(upload.name, earlier, skipped=True))
                return redirect("agreements:participation")
            if earlier and decision == "ask":
                participation_form.add_error("on_repeat", _repeat_text(upload.name, earlier))
            else:
                store_participation(organisation, upload.name, rows, request.user, replace=earlier)
                text = _("%(rows)s rækker importeret fra %(file)s.") % {
                    "rows": len(rows),
                    "file": upload.name,
                }
                if earlier:
                    text += " " + _("Den tidligere import af de samme rækker er erstattet.")
                messages.success(request, text)
                return redirect("agreements:participation")
    elif request.method == "POST" and request.POST.get("what") == "figures":
        figures_form = CompanyFiguresImportForm(request.POST, request.FILES, auto_id=FIGURES_IDS)
        if figures_form.is_valid():
            upload = request.FILES["file"]
            figures = figures_form.cleaned_data["file"]
            store_company_figures(organisation, upload.name, figures, request.user)
            messages.success(
                request,
                _("%(rows)s rækker virksomhedstal importeret fra %(file)s.")
                % {"rows": len(figures), "file": upload.name},
            )
            return redirect("agreements:participation")
    batches = Listing(
        request,
        ParticipationImport.objects.filter(organisation=organisation).select_related("imported_by"),
        PARTICIPATION_COLUMNS,
        search=("filename", "imported_by__username"),
        default="-imported",
        caption=_("Importerede deltagerlister"),
        prefix="lister",
    )
    figure_batches = Listing(
        request,
        CompanyFiguresImport.objects.filter(organisation=organisation).select_related(
            "imported_by"
        ),
        FIGURES_COLUMNS,
        search=("filename",),
        default="-imported",
        caption=_("Importerede virksomhedstal"),
        prefix="tal",
    )
    for listing, name in ((batches, "deltagerlister"), (figure_batches, "virksomhedstal")):
        if request.method == "GET" and listing.export:
            return listing.xlsx_response(name)
    ctx = {
        "section": "agreements",
        "participation_form": participation_form,
        "figures_form": figures_form,
        "batches": batches,
        "figure_batches": figure_batches,
        "unique_companies": Participation.objects.filter(batch__organisation=organisation)
        .values("cvr")
        .distinct()
        .count(),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "agreements/participation.html", ctx, status=status)


@require_role("analyst", "admin")
@require_POST
def participation_delete(request, pk):
    batch = get_object_or_404(
        ParticipationImport, pk=pk, organisation=organisation_of(request.user)
    )
    batch.delete()
    messages.success(request, _("Importen %(file)s er slettet.") % {"file": batch.filename})
    return redirect("agreements:participation")
