"""Invite several clusters at once from a contact list: check whole, preview, confirm, send.

Nothing is stored until the analyst confirms the preview; the list is then
checked again (the round may have changed since), the invitations are created
in one transaction, and the e-mails are sent as for a single invitation. The
links are shown once on the result page, as they are stored only as hashes.
"""

from __future__ import annotations

import base64
import hashlib
import logging

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from klyngeradar.core.problems import InputError
from klyngeradar.web.access import get_for_user, require_role
from klyngeradar.web.surveys import contacts, invitations
from klyngeradar.web.surveys.forms import InviteManyForm
from klyngeradar.web.surveys.models import Round

EDITORS = ("analyst", "admin")
log = logging.getLogger(__name__)


def _session_key(round: Round) -> str:
    return f"surveys-invite-many-{round.pk}"


def _read(round: Round, source: dict) -> list[contacts.Contact]:
    """The checked contacts of a stored source (pasted text, or a file's name and bytes)."""
    if source["kind"] == "text":
        return contacts.check(contacts.paste_table(source["text"]), round)
    content = base64.b64decode(source["content"])
    name = source["name"]
    return contacts.check(contacts.file_table(name, content), round, file=name)


def _open_round(request, pk: int) -> Round | None:
    round = get_for_user(request.user, Round, action="change", pk=pk)
    if not round.is_open:
        messages.error(request, _("Runden er lukket; genåbn den for at invitere flere klynger."))
        return None
    return round


@require_role(*EDITORS)
@require_http_methods(["GET", "POST"])
def invite_many(request, pk: int):
    round = _open_round(request, pk)
    if round is None:
        return redirect("surveys:round_detail", pk=pk)
    form = InviteManyForm(request.POST or None, request.FILES or None)
    ctx = {"round": round, "form": form, "section": "rounds"}
    if request.method != "POST" or not form.is_valid():
        status = 422 if request.method == "POST" else 200
        return render(request, "surveys/invite_many.html", ctx, status=status)
    upload = form.cleaned_data["file"]
    if upload is not None:
        content = upload.read()
        source = {
            "kind": "file",
            "name": upload.name,
            "content": base64.b64encode(content).decode("ascii"),
        }
    else:
        content = form.cleaned_data["text"].encode("utf-8")
        source = {"kind": "text", "text": form.cleaned_data["text"]}
    try:
        found = _read(round, source)
    except InputError as exc:
        ctx["problems"] = exc.problems
        return render(request, "surveys/invite_many.html", ctx, status=422)
    digest = hashlib.sha256(content).hexdigest()
    request.session[_session_key(round)] = {
        **source,
        "sha256": digest,
        "send": form.cleaned_data["send"],
    }
    ctx.update(contacts=found, sha256=digest, send=form.cleaned_data["send"])
    return render(request, "surveys/invite_many_preview.html", ctx)


@require_role(*EDITORS)
@require_POST
def invite_many_confirm(request, pk: int):
    round = _open_round(request, pk)
    if round is None:
        return redirect("surveys:round_detail", pk=pk)
    stored = request.session.get(_session_key(round))
    if not stored or stored["sha256"] != request.POST.get("sha256"):
        messages.error(request, _("Listen er udløbet. Indsæt eller upload den igen."))
        return redirect("surveys:invite_many", pk=round.pk)
    try:
        found = _read(round, stored)
    except InputError as exc:
        ctx = {
            "round": round,
            "form": InviteManyForm(),
            "problems": exc.problems,
            "section": "rounds",
        }
        return render(request, "surveys/invite_many.html", ctx, status=422)
    with transaction.atomic():
        issued = [invitations.invite(round, c.cluster, list(c.emails)) for c in found]
    del request.session[_session_key(round)]
    results = []
    for item in issued:
        failed = False
        if stored["send"]:
            try:
                invitations.send_invitation(item)
            except Exception:  # The link is valid either way; the page says it was not sent.
                log.exception("invitation to %s failed", item.invitation.cluster.slug)
                failed = True
        results.append({"issued": item, "sent": stored["send"] and not failed, "failed": failed})
    ctx = {
        "round": round,
        "results": results,
        "any_failed": any(r["failed"] for r in results),
        "section": "rounds",
    }
    return render(request, "surveys/invite_many_done.html", ctx)
