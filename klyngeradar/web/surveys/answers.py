"""What a respondent does to a response: open it, save a section, submit; and an analyst's reopen.

Answers are merged section by section. After every save, answers to
questions that the other answers now hide (e.g. "Hvilken aktør?" once the
cluster no longer shares an address with one) are dropped, so a response
never holds an answer its respondent could not see.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from klyngeradar.core.surveys.questionnaire import Questionnaire, Section, load
from klyngeradar.core.surveys.responses import Basis, Value
from klyngeradar.web import versions
from klyngeradar.web.surveys.convert import stored_answers, typed_answers
from klyngeradar.web.surveys.models import VIA_LINK, Invitation, Response

# Why a change was made, shown in the response's history next to who made it.
REOPENED = "genåbnet af analytiker"


class AlreadySubmitted(Exception):
    """A submitted response is read-only until an analyst reopens it."""


class SectionChanged(Exception):
    """Someone else saved the section after this page was filled in; nothing was saved."""

    def __init__(self, conflict: versions.Conflict):
        super().__init__(conflict)
        self.conflict = conflict


def questionnaire_of(response: Response) -> Questionnaire:
    return load(response.round.questionnaire_version)


def current(response: Response) -> dict[str, Value]:
    return typed_answers(response.answers, questionnaire_of(response))


def warnings_of(response: Response, lang: str = "da") -> list[tuple[str, str]]:
    """(check id, sentence) for every consistency check the saved answers break."""
    return questionnaire_of(response).consistency_warnings(current(response), lang)


def mark_opened(response: Response, invitation: Invitation | None) -> None:
    """Note that the link was used: the invitation's first/last visit, the response's status."""
    now = timezone.now()
    if invitation is not None:
        invitation.opened_at = invitation.opened_at or now
        invitation.last_seen_at = now
        invitation.save(update_fields=["opened_at", "last_seen_at"])
    if response.status == Response.Status.NOT_OPENED:
        response.status = Response.Status.OPENED
        _save(response, via_link=invitation is not None)


@transaction.atomic
def save_section(
    response: Response,
    section: Section,
    answers: Mapping[str, Value | None],
    basis: Mapping[str, Basis | None],
    *,
    via_link: bool,
    seen_version: int | None = None,
) -> None:
    """Merge one section's answers (None = not answered) into the response as a draft.

    With `seen_version` (the version the page was filled from), a section that
    someone else changed since then is not saved: `SectionChanged` says how.
    """
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.submitted:
        raise AlreadySubmitted
    q = questionnaire_of(response)
    changed = section_conflict(response, section, seen_version, q, answers)
    if changed is not None:
        raise SectionChanged(changed)
    merged = typed_answers(response.answers, q)
    merged_basis = dict(response.basis)
    for question in section.questions:
        if question.id not in answers:
            continue
        value = answers[question.id]
        if value is None:
            merged.pop(question.id, None)
            merged_basis.pop(question.id, None)
        else:
            merged[question.id] = value
            if question.type == "int":
                merged_basis[question.id] = basis.get(question.id)
    merged = visible_only(q, merged)
    response.answers = stored_answers(merged)
    response.basis = {qid: b for qid, b in merged_basis.items() if qid in merged}
    broken = {check_id for check_id, _ in q.consistency_warnings(merged)}
    response.confirmed_warnings = [c for c in response.confirmed_warnings if c in broken]
    response.status = Response.Status.DRAFT if merged else Response.Status.OPENED
    _save(response, via_link=via_link)


def section_conflict(
    response: Response,
    section: Section,
    seen: int | None,
    q: Questionnaire,
    posted: Mapping[str, Value | None],
    lang: str = "da",
) -> versions.Conflict | None:
    """What others changed in the section since version `seen` and this save would undo."""
    if seen is None or response.version == seen:
        return None
    then = response.history.filter(version=seen).order_by("-history_date", "-history_id").first()
    before = then.answers if then is not None else None
    changes = []
    for question in section.questions:
        now = response.answers.get(question.id)
        if before is not None and before.get(question.id) == now:
            continue  # Nobody else changed it.
        if question.id not in posted:
            continue  # This save leaves it alone.
        mine = posted[question.id]
        if (None if mine is None else stored_answers({question.id: mine})[question.id]) == now:
            continue  # This save keeps what the other person saved.
        labels = {o.code: o.label.get(lang) for o in question.options}
        changes.append(versions.Change(question.label.get(lang), _value_text(now, labels)))
    if not changes:
        return None
    latest = (
        response.history.select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )
    return versions.Conflict(
        version=response.version,
        who=versions.author(latest) if latest else "",
        when=latest.history_date if latest else None,
        changes=tuple(changes),
    )


def _value_text(value, labels: dict[str, str]) -> str:
    if isinstance(value, list):
        return ", ".join(labels.get(v, v) for v in value) or "–"
    if isinstance(value, str):
        return labels.get(value, value)
    return versions.shown_value(value)


def visible_only(q: Questionnaire, answers: dict[str, Value]) -> dict[str, Value]:
    """Drop answers to hidden questions, repeating until stable (a hidden answer may hide more)."""
    while True:
        kept = {qid: v for qid, v in answers.items() if q.visible(qid, answers)}
        if kept == answers:
            return kept
        answers = kept


@transaction.atomic
def submit(response: Response, confirmed: set[str], *, via_link: bool) -> list[tuple[str, str]]:
    """Submit the response; return the warnings not confirmed (then nothing is submitted)."""
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.submitted:
        raise AlreadySubmitted
    warnings = warnings_of(response)
    open_warnings = [(c, text) for c, text in warnings if c not in confirmed]
    if open_warnings:
        return open_warnings
    response.confirmed_warnings = sorted(c for c, _ in warnings)
    response.status = Response.Status.SUBMITTED
    response.submitted_at = timezone.now()
    _save(response, via_link=via_link)
    return []


def reopen(response: Response) -> None:
    """Let the respondent change a submitted response again (it becomes a draft)."""
    if not response.submitted:
        return
    response.status = Response.Status.DRAFT if response.answers else Response.Status.OPENED
    response.submitted_at = None
    response._change_reason = REOPENED
    response.save()


def _save(response: Response, *, via_link: bool) -> None:
    if via_link:
        # Nobody is logged in at a personal link; the history says so.
        response._change_reason = VIA_LINK
    response.save()
