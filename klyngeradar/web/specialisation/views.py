"""The "Erhvervsstruktur" page: the region's areas by LQ and each area's municipalities.

Reading: analysts and viewers of the organisation; uploading: its analysts (a
viewer's POST gets 403); respondents get 404, through `klyngeradar.web.access`.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klyngeradar.web.access import can, get_for_user
from klyngeradar.web.accounts.roles import organisation_of
from klyngeradar.web.maps.pages import structure_map
from klyngeradar.web.specialisation import convert, presentation
from klyngeradar.web.specialisation.forms import UploadForm
from klyngeradar.web.specialisation.models import EmploymentUpload


def _lang() -> str:
    return "en" if (get_language() or "da").startswith("en") else "da"


def _organisation(request):
    """The user's organisation, or 404 for someone who may not read its statistics."""
    organisation = organisation_of(request.user)
    if organisation is None or not can(
        request.user, "view", EmploymentUpload(organisation=organisation)
    ):
        raise Http404
    return organisation


def _context(request, organisation, form=None) -> dict:
    upload = convert.latest_for(organisation)
    if upload is not None:
        upload = get_for_user(request.user, EmploymentUpload, pk=upload.pk)
    can_upload = can(request.user, "add", EmploymentUpload(organisation=organisation))
    ctx = {
        "organisation": organisation,
        "upload": upload,
        "can_upload": can_upload,
        "form": form or (UploadForm() if can_upload else None),
        "section": "structure",
    }
    if upload is not None:
        result = convert.compute_for(upload, organisation.region.code)
        names = convert.area_names()
        ctx.update(presentation.page(result, upload, names, _lang()))
        ctx["map"] = structure_map(
            request.user, organisation.region, result, names, _source(upload)
        )
    return ctx


def _source(upload: EmploymentUpload) -> str:
    """The statistics' source as the map's qualifier names it; invented demo figures say so."""
    if upload.illustrative:
        return _("opdigtede tal til demoen (ikke Danmarks Statistiks)")
    return upload.source


@login_required
def structure(request):
    organisation = _organisation(request)
    return render(request, "specialisation/structure.html", _context(request, organisation))


@login_required
@require_POST
def upload(request):
    organisation = _organisation(request)
    if not can(request.user, "add", EmploymentUpload(organisation=organisation)):
        raise PermissionDenied
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        ctx = _context(request, organisation, form)
        return render(request, "specialisation/structure.html", ctx, status=400)
    data = form.cleaned_data
    stored = convert.store(
        organisation,
        data["employment"],
        data["area_mapping"],
        source=data["source"],
        user=request.user,
    )
    messages.success(
        request,
        _("Statistikken for %(year)s er gemt (%(file)s).")
        % {"year": stored.year, "file": stored.file_name},
    )
    return redirect("specialisation:structure")
