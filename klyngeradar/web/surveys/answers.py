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
from klyngeradar.web.surveys.convert import stored_answers, typed_answers
from klyngeradar.web.surveys.models import VIA_LINK, Invitation, Response

# Why a change was made, shown in the response's history next to who made it.
REOPENED = "genåbnet af analytiker"


class AlreadySubmitted(Exception):
    """A submitted response is read-only until an analyst reopens it."""


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
) -> None:
    """Merge one section's answers (None = not answered) into the response as a draft."""
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.submitted:
        raise AlreadySubmitted
    q = questionnaire_of(response)
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
