"""The respondent's form: at a personal link (no account) or for a logged-in respondent.

Every section is its own page and its own POST, which saves the section as a
draft before moving on; the summary page submits. Conditional questions are
decided on the server; htmx only re-renders the questions of a section when a
controlling answer changes, and everything works without JavaScript.

A link that is unknown or revoked gives the same Danish 404 page, so a link
never tells whether it once existed. A link whose round has closed says so
("runden er lukket") to its holder, and a section posted after the close (the
respondent was typing when the analyst closed the round) is kept as a draft:
if the round is reopened, the respondent continues from there.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from klyngeradar.web import saving
from klyngeradar.web.access import get_for_user
from klyngeradar.web.surveys import answers, emails, invitations
from klyngeradar.web.surveys.answer_forms import SectionForm, field_name
from klyngeradar.web.surveys.models import Invitation, Response
from klyngeradar.web.surveys.summary import as_text, response_lines

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Access:
    """How the respondent got here: through a link (token) or logged in (response id)."""

    response: Response
    invitation: Invitation | None
    token: str | None

    @property
    def via_link(self) -> bool:
        return self.token is not None

    def url(self, name: str, **kwargs) -> str:
        if self.token is not None:
            return reverse(f"surveys:link_{name}", kwargs={"token": self.token, **kwargs})
        return reverse(f"surveys:own_{name}", kwargs={"pk": self.response.pk, **kwargs})


def respondent_view(view):
    """Resolve the link or the logged-in respondent to an `Access`, else the 404 page."""

    @wraps(view)
    def by_link(request, token, **kwargs):
        invitation = invitations.find(token)
        if invitation is None:
            closed = invitations.find_in_closed_round(token)
            if closed is None:
                return _link_not_found(request)
            response = Response.objects.select_related("round", "cluster").get(
                round=closed.round, cluster=closed.cluster
            )
            result = _round_closed(request, Access(response, closed, token), kwargs.get("key"))
            result["Cache-Control"] = "no-store"
            result["Referrer-Policy"] = "same-origin"
            result["X-Robots-Tag"] = "noindex"
            return result
        response = Response.objects.select_related("round", "cluster", "round__region").get(
            round=invitation.round, cluster=invitation.cluster
        )
        answers.mark_opened(response, invitation)
        result = view(request, Access(response, invitation, token), **kwargs)
        # The token is in the address: keep it out of caches, other sites and search engines
        # ("same-origin", not "no-referrer": the latter makes the browser send "Origin: null",
        # which fails the CSRF check).
        result["Cache-Control"] = "no-store"
        result["Referrer-Policy"] = "same-origin"
        result["X-Robots-Tag"] = "noindex"
        return result

    @wraps(view)
    @login_required
    def by_account(request, pk, **kwargs):
        response = get_for_user(request.user, Response, action="answer", pk=pk)
        if not response.round.is_open:
            return _round_closed(request, Access(response, None, None), kwargs.get("key"))
        answers.mark_opened(response, None)
        return view(request, Access(response, None, None), **kwargs)

    return by_link, by_account


def _link_not_found(request):
    return render(request, "surveys/respond/link_not_found.html", status=404)


def _round_closed(request, access: Access, key: str | None):
    """The round has closed: keep a section posted now as a draft and say so plainly."""
    response = access.response
    ctx = {"round": response.round, "cluster": response.cluster, "kept": False}
    form = None
    if request.method == "POST" and key and not response.submitted:
        form = _posted_draft(request, access, key)
    if form is not None:
        try:
            ctx["kept"] = _keep_draft(access, form)
        except saving.SaveFailed:
            # Not kept: the page shows what was typed, and posting it again tries again.
            ctx.update(not_kept=True, blocks=form.blocks(), controls=set(), action=request.path)
            return saving.form_again(
                request,
                lambda status: render(
                    request, "surveys/respond/round_closed.html", ctx, status=status
                ),
                inline=True,
            )
    return render(request, "surveys/respond/round_closed.html", ctx, status=403)


def _posted_draft(request, access: Access, key: str) -> SectionForm | None:
    """The posted section's form, validated, with the questions the page showed; None if unknown."""
    response = access.response
    q = answers.questionnaire_of(response)
    current_section = next((s for s in q.sections if s.key == key), None)
    if current_section is None:
        return None
    posted_shown = set(request.POST.getlist("shown"))
    form = SectionForm(
        request.POST,
        shown=[qq for qq in current_section.questions if qq.id in posted_shown],
        round=response.round,
        questionnaire=q,
        section=current_section,
        saved_basis=response.basis,
        saved=answers.current(response),
        lang=_lang(),
    )
    form.is_valid()
    return form


def _keep_draft(access: Access, form: SectionForm) -> bool:
    """Save the form's valid answers as a draft; True if anything was posted, else `SaveFailed`."""
    values, basis = form.valid_answers()
    values = {qid: value for qid, value in values.items() if value is not None}
    if not values:
        return False
    response = access.response
    saving.save(
        lambda: answers.save_section(
            response, form.section, values, basis, via_link=access.via_link
        ),
        what=f"the draft of section {form.section.key} of response {response.pk}",
    )
    return True


def _lang() -> str:
    return "en" if (get_language() or "da").startswith("en") else "da"


def _context(access: Access, **extra) -> dict:
    q = answers.questionnaire_of(access.response)
    lang = _lang()
    return {
        "access": access,
        "response": access.response,
        "round": access.response.round,
        "cluster": access.response.cluster,
        "sections": [
            {"key": s.key, "title": s.title.get(lang), "url": access.url("section", key=s.key)}
            for s in q.sections
        ],
        "summary_url": access.url("summary"),
        "start_url": access.url("start"),
        **extra,
    }


def start(request, access: Access):
    response = access.response
    if response.submitted:
        return redirect(access.url("done"))
    lines = response_lines(response, _lang())
    first = answers.questionnaire_of(response).sections[0].key
    return render(
        request,
        "surveys/respond/start.html",
        _context(access, lines=lines, first_url=access.url("section", key=first)),
    )


@require_http_methods(["GET", "POST"])
def section(request, access: Access, key: str):
    response = access.response
    if response.submitted:
        return redirect(access.url("done"))
    q = answers.questionnaire_of(response)
    keys = [s.key for s in q.sections]
    if key not in keys:
        raise Http404
    index = keys.index(key)
    current_section = q.sections[index]
    saved = answers.current(response)
    preview = request.method == "POST" and request.GET.get("preview") == "1"
    conflict = None
    save_failed = False
    form_args = {
        "round": response.round,
        "questionnaire": q,
        "section": current_section,
        "saved_basis": response.basis,
        "saved": saved,
        "lang": _lang(),
    }
    if request.method == "POST":
        # Decide what is shown from the answers as posted, so a change of a
        # controlling answer shows or hides its follow-up questions.
        probe = SectionForm(request.POST, shown=list(current_section.questions), **form_args)
        probe.is_valid()
        seen = {**saved, **probe.valid_answers()[0]}
        seen = {k: v for k, v in seen.items() if v is not None}
        shown = [qq for qq in current_section.questions if q.visible(qq, seen)]
        form = SectionForm(request.POST, shown=shown, **form_args)
        if not preview:
            valid = form.is_valid()
            values, basis = form.valid_answers()
            # Hidden questions are saved as unanswered.
            for hidden in current_section.questions:
                if hidden not in shown:
                    values[hidden.id] = None
            try:
                saving.save(
                    lambda: answers.save_section(
                        response,
                        current_section,
                        values,
                        basis,
                        via_link=access.via_link,
                        seen_version=_posted_version(request),
                    ),
                    what=f"section {current_section.key} of response {response.pk}",
                )
            except answers.SectionChanged as changed:
                # Nothing is saved; the form shows what was typed, and the message what changed.
                conflict = changed.conflict
                valid = False
            except saving.SaveFailed:
                # Nothing is saved; the form shows what was typed and asks to try again.
                save_failed = True
                valid = False
            else:
                response.refresh_from_db()
            posted_shown = set(request.POST.getlist("shown"))
            appeared = [qq for qq in shown if qq.id not in posted_shown]
            if conflict is None and valid and appeared:
                # A follow-up question appeared: show it before moving on.
                anchor = f"?nye=1#{field_name(appeared[0].id)}"
                return redirect(access.url("section", key=key) + anchor)
            if valid:
                return redirect(_target(request, access, keys, index))
    else:
        shown = [qq for qq in current_section.questions if q.visible(qq, saved)]
        form = SectionForm(shown=shown, **form_args)
    blocks = form.blocks()
    if preview:
        for block in blocks:
            block.errors, block.basis_errors = [], []
    controls = {qq.show_if.question for qq in current_section.questions if qq.show_if}
    ctx = _context(
        access,
        section=current_section,
        section_title=current_section.title.get(_lang()),
        number=index + 1,
        total=len(keys),
        blocks=blocks,
        controls=controls,
        error_blocks=[b for b in blocks if b.errors or b.basis_errors],
        previous_key=keys[index - 1] if index > 0 else None,
        next_key=keys[index + 1] if index + 1 < len(keys) else None,
        action=access.url("section", key=key),
        new_questions=request.GET.get("nye") == "1",
        draft_saved=request.GET.get("gemt") == "1" and request.method == "GET",
        conflict=conflict.message(_("Afsnittet")) if conflict else None,
        save_failed=save_failed,
        version=conflict.version if conflict else response.version,
    )
    if save_failed:
        # The page says it itself, in the respondent's words (no message at the top).
        return saving.form_again(
            request,
            lambda status: render(request, "surveys/respond/section.html", ctx, status=status),
            inline=True,
        )
    return render(request, "surveys/respond/section.html", ctx)


def _posted_version(request) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


def _target(request, access: Access, keys: list[str], index: int) -> str:
    go = request.POST.get("go", "next")
    if go == "previous" and index > 0:
        return access.url("section", key=keys[index - 1])
    if go == "stay":
        return access.url("section", key=keys[index]) + "?gemt=1#saved"
    if go == "next" and index + 1 < len(keys):
        return access.url("section", key=keys[index + 1])
    if go.startswith("section:") and go[8:] in keys:
        return access.url("section", key=go[8:])
    return access.url("summary")


@require_http_methods(["GET", "POST"])
def summary(request, access: Access):
    response = access.response
    if response.submitted:
        return redirect(access.url("done"))
    warnings = answers.warnings_of(response, _lang())
    open_ids: set[str] = set()
    confirmed = set(response.confirmed_warnings)
    save_failed = False
    if request.method == "POST":
        # The ticks as posted are shown again if the answers are not submitted.
        confirmed = set(request.POST.getlist("confirm"))
        try:
            still_open = saving.save(
                lambda: answers.submit(response, confirmed, via_link=access.via_link),
                what=f"the submission of response {response.pk}",
            )
        except saving.SaveFailed:
            save_failed = True
        else:
            if not still_open:
                response.refresh_from_db()
                _send_receipt(request, access)
                return redirect(access.url("done"))
            open_ids = {check_id for check_id, _text in still_open}
    lines = response_lines(response, _lang())
    ctx = _context(
        access,
        lines=lines,
        unanswered=sum(1 for s in lines for line in s.lines if line.text is None),
        questions=sum(len(s.lines) for s in lines),
        warnings=warnings,
        open_ids=open_ids,
        confirmed=confirmed,
        save_failed=save_failed,
    )
    if save_failed:
        return saving.form_again(
            request,
            lambda status: render(request, "surveys/respond/summary.html", ctx, status=status),
            inline=True,
        )
    return render(request, "surveys/respond/summary.html", ctx)


def done(request, access: Access):
    response = access.response
    if not response.submitted:
        return redirect(access.url("start"))
    ctx = _context(access, lines=response_lines(response, _lang()))
    return render(request, "surveys/respond/done.html", ctx)


def _send_receipt(request, access: Access) -> None:
    response = access.response
    addresses = list(access.invitation.emails) if access.invitation else []
    latest = invitations.latest(response.round, response.cluster)
    if latest is not None:
        addresses += [a for a in latest.emails if a not in addresses]
    if request.user.is_authenticated and request.user.email not in addresses:
        addresses.append(request.user.email)
    addresses = [a for a in addresses if a]
    if not addresses:
        return
    round = response.round
    values = {"titel": round.title}
    body = (
        _("Tak for jeres svar på »%(title)s«. Her er en kopi af svarene fra %(cluster)s.")
        % {"title": round.title, "cluster": response.cluster.name}
        + "\n\n"
        + as_text(response_lines(response, _lang()))
    )
    try:
        emails.send(emails.fill(emails.RECEIPT_SUBJECT, values), body, addresses)
    except Exception:
        # The answers are submitted either way; the receipt is a courtesy.
        log.exception("could not send the receipt for response %s", response.pk)


link_start, own_start = respondent_view(start)
link_section, own_section = respondent_view(section)
link_summary, own_summary = respondent_view(summary)
link_done, own_done = respondent_view(done)
