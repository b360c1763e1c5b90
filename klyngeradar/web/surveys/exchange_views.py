"""Export a round in the exchange format; import answers with a dry-run preview first."""

from __future__ import annotations

import base64
import hashlib
import tempfile
from pathlib import Path

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from klyngeradar.core.problems import InputError
from klyngeradar.render.workbooks.exchange import write_csv, write_xlsx
from klyngeradar.web.access import get_for_user, require_role
from klyngeradar.web.surveys import imports
from klyngeradar.web.surveys.convert import round_data
from klyngeradar.web.surveys.forms import ImportForm
from klyngeradar.web.surveys.models import Round

STAFF = ("analyst", "viewer", "admin")
EDITORS = ("analyst", "admin")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


@require_role(*STAFF)
def export(request, pk: int, fmt: str):
    round = get_for_user(request.user, Round, pk=pk)
    if fmt not in CONTENT_TYPES:
        raise Http404
    folder = Path(tempfile.mkdtemp(prefix="klyngeradar-export-"))
    path = folder / f"svar.{fmt}"
    data = round_data(round)
    if fmt == "xlsx":
        write_xlsx(data, path)
    else:
        write_csv(data, path)
    # The file is read into memory so the temporary folder can go at once.
    content = path.read_bytes()
    path.unlink()
    folder.rmdir()
    name = f"{slugify(round.title) or 'runde'}-svar.{fmt}"
    response = FileResponse([content], content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _session_key(round: Round) -> str:
    return f"surveys-import-{round.pk}"


@require_role(*EDITORS)
@require_http_methods(["GET", "POST"])
def import_upload(request, pk: int):
    """Upload → check the whole file → a preview of what would change (nothing stored yet)."""
    round = get_for_user(request.user, Round, action="change", pk=pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    ctx = {"round": round, "form": form, "section": "rounds"}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            data = imports.read_upload(round, upload.name, content)
        except InputError as exc:
            ctx["problems"] = exc.problems
            return render(request, "surveys/import.html", ctx, status=422)
        # Keep the checked file until the analyst confirms; the preview names its digest.
        digest = hashlib.sha256(content).hexdigest()
        request.session[_session_key(round)] = {
            "name": upload.name,
            "content": base64.b64encode(content).decode("ascii"),
            "sha256": digest,
        }
        changes = imports.preview(round, data)
        ctx.update(
            changes=changes,
            blanked=imports.blanked_total(changes),
            warnings=data.warnings,
            filename=upload.name,
            sha256=digest,
        )
        return render(request, "surveys/import_preview.html", ctx)
    return render(request, "surveys/import.html", ctx)


@require_role(*EDITORS)
@require_POST
def import_confirm(request, pk: int):
    round = get_for_user(request.user, Round, action="change", pk=pk)
    stored = request.session.get(_session_key(round))
    if not stored or stored["sha256"] != request.POST.get("sha256"):
        messages.error(request, _("Importen er udløbet. Upload filen igen."))
        return redirect("surveys:import", pk=round.pk)
    content = base64.b64decode(stored["content"])
    try:
        # Read again: the round may have changed since the preview.
        data = imports.read_upload(round, stored["name"], content)
    except InputError as exc:
        ctx = {"round": round, "form": ImportForm(), "problems": exc.problems, "section": "rounds"}
        return render(request, "surveys/import.html", ctx, status=422)
    changed = imports.apply(round, data, filename=stored["name"])
    del request.session[_session_key(round)]
    messages.success(
        request,
        ngettext(
            "Importen er gemt: %(n)s besvarelse ændret.",
            "Importen er gemt: %(n)s besvarelser ændret.",
            changed,
        )
        % {"n": changed},
    )
    return redirect("surveys:round_detail", pk=round.pk)
