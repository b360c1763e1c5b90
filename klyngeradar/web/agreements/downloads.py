"""Files made from agreements: the standard agreement (.docx, PDF) and the documentation package."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from klyngeradar.core.problems import InputError
from klyngeradar.render.documents.agreement import (
    PdfUnavailable,
    convert_to_pdf,
    write_agreement_docx,
)
from klyngeradar.render.workbooks.documentation import write_documentation_xlsx
from klyngeradar.web.access import get_for_user, visible_to
from klyngeradar.web.agreements import convert, counting
from klyngeradar.web.agreements.forms import PackageForm
from klyngeradar.web.agreements.models import Agreement
from klyngeradar.web.jobs.models import Job
from klyngeradar.web.jobs.queue import queue

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file_response(path: Path, content_type: str) -> FileResponse:
    # The temporary file is read into memory first, so the folder can go right away.
    data = path.read_bytes()
    response = FileResponse(iter([data]), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{path.name}"'
    response["Content-Length"] = str(len(data))
    return response


@login_required
def agreement_document(request, slug, fmt):
    """The standard agreement pre-filled from the agreement, as .docx or (with LibreOffice) PDF."""
    if fmt not in ("docx", "pdf"):
        raise Http404
    agreement = get_for_user(request.user, Agreement, slug=slug)
    text = convert.agreement_text(agreement, as_of=timezone.localdate())
    with tempfile.TemporaryDirectory(prefix="klyngeradar-aftale-") as folder:
        docx = write_agreement_docx(text, Path(folder) / f"aftale-{agreement.slug}.docx")
        if fmt == "docx":
            return _file_response(docx, DOCX)
        try:
            pdf = convert_to_pdf(docx)
        except PdfUnavailable as exc:
            messages.error(request, str(exc))
            return redirect(agreement)
        return _file_response(pdf, "application/pdf")


# A package over more participations than this is made by a background job.
BACKGROUND_ROWS = 100_000


def _large(organisation, agreements, year: int) -> bool:
    rows = counting.participations_of(organisation).filter(
        counting.covering_any(convert.coverage(a) for a in agreements),
        date__year=year,
    )
    return rows[BACKGROUND_ROWS : BACKGROUND_ROWS + 1].exists()


@login_required
def documentation_package(request):
    """The yearly documentation package (.xlsx) for all visible agreements or one of them."""
    # Parties and KPIs are fetched once for all agreements (the size check reads the parties).
    agreements = convert.with_facts(visible_to(request.user, Agreement))
    # The year is filled in: this year, the first year the agreement page offers too.
    initial = {"year": timezone.localdate().year}
    form = PackageForm(request.GET or None, agreements=agreements, initial=initial)
    if not form.is_valid():
        return render(
            request,
            "agreements/package_form.html",
            {"form": form, "section": "agreements"},
            status=400 if request.GET else 200,
        )
    year = form.cleaned_data["year"]
    slug = form.cleaned_data["agreement"] or None
    if slug:
        agreement = get_for_user(request.user, Agreement, slug=slug)
        chosen = [agreement]
    else:
        chosen = list(agreements)
    if len({a.organisation_id for a in chosen}) > 1:
        # Participation lists are each organisation's own: never mix them in one package.
        messages.error(request, _("Vælg én aftale: aftalerne hører til flere organisationer."))
        return redirect("agreements:agreement_list")
    organisation = chosen[0].organisation if chosen else None
    if organisation is not None and _large(organisation, chosen, year):
        job = queue(
            Job.Kind.DOCUMENTATION,
            organisation=organisation,
            user=request.user,
            title=_("Dokumentationspakke %(year)s") % {"year": year},
            # Exactly the agreements this person may see, decided now.
            params={"year": year, "agreement": slug, "agreements": [a.pk for a in chosen]},
        )
        return redirect(job)
    try:
        package = convert.documentation_package(
            chosen, year, as_of=timezone.localdate(), agreement=slug
        )
    except InputError as error:
        messages.error(request, "; ".join(p.text(get_language()) for p in error.problems))
        return redirect("agreements:agreement_list")
    name = f"dokumentation-{year}-{slug}.xlsx" if slug else f"dokumentation-{year}.xlsx"
    with tempfile.TemporaryDirectory(prefix="klyngeradar-dok-") as folder:
        path = write_documentation_xlsx(package, Path(folder) / name)
        return _file_response(path, XLSX)
