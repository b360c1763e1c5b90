"""Importing participation lists and company figures: all rows or none.

The core reads and validates the file (`read_participation`,
`read_company_figures`); the form turns its problems into form errors, naming
every one; only a file without problems is stored, in one transaction.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from klyngeradar.web.access import require_role
from klyngeradar.web.accounts.roles import organisation_of
from klyngeradar.web.agreements.forms import CompanyFiguresImportForm, ParticipationImportForm
from klyngeradar.web.agreements.models import (
    CompanyFigures,
    CompanyFiguresImport,
    Participation,
    ParticipationImport,
)
from klyngeradar.web.registry.models import Actor, Cluster

FIGURES_IDS = "id_figures_%s"


def store_participation(organisation, filename: str, rows, user=None) -> ParticipationImport:
    """Store validated participation rows (core `ParticipationRow`s) as one import."""
    clusters = dict(Cluster.objects.values_list("slug", "pk"))
    actors = dict(Actor.objects.values_list("slug", "pk"))
    with transaction.atomic():
        batch = ParticipationImport.objects.create(
            organisation=organisation, filename=filename, imported_by=user
        )
        Participation.objects.bulk_create(
            Participation(
                batch=batch,
                cvr=row.cvr,
                pnr=row.pnr or "",
                company=row.company,
                activity=row.activity,
                date=row.date,
                cluster_id=clusters.get(row.cluster) if row.cluster else None,
                actor_id=actors.get(row.actor) if row.actor else None,
                kind=row.kind or "",
            )
            for row in rows
        )
    return batch


def store_company_figures(organisation, filename: str, figures, user=None) -> CompanyFiguresImport:
    """Store validated company figures; a CVR and year already known is replaced."""
    with transaction.atomic():
        batch = CompanyFiguresImport.objects.create(
            organisation=organisation, filename=filename, imported_by=user
        )
        for figure in figures:
            CompanyFigures.objects.update_or_create(
                organisation=organisation,
                cvr=figure.cvr,
                year=figure.year,
                defaults={
                    "batch": batch,
                    "revenue_dkk": figure.revenue_dkk,
                    "employees": figure.employees,
                },
            )
    return batch


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
        if participation_form.is_valid():
            upload = request.FILES["file"]
            rows = participation_form.cleaned_data["file"]
            store_participation(organisation, upload.name, rows, request.user)
            messages.success(
                request,
                _("%(rows)s rækker importeret fra %(file)s.")
                % {"rows": len(rows), "file": upload.name},
            )
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
    ctx = {
        "section": "agreements",
        "participation_form": participation_form,
        "figures_form": figures_form,
        "batches": ParticipationImport.objects.filter(organisation=organisation)
        .annotate(row_count=Count("rows"))
        .select_related("imported_by"),
        "figure_batches": CompanyFiguresImport.objects.filter(organisation=organisation)
        .annotate(row_count=Count("rows"))
        .select_related("imported_by"),
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
