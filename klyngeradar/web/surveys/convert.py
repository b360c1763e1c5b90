"""Database rows to the core's plain data: `round_data(round)` is what every page computes on.

Findings, collaboration models and reports take a `RoundData`; the exchange
reader builds one from a spreadsheet, and this module builds the same thing
from a `Round` in the database, so both paths share one implementation of
everything downstream.

Statuses map to the exchange format as: submitted → ``complete``; not
submitted but with answers (a draft, or a ``partial`` row imported) →
``partial``; no answers → ``none``.
"""

from __future__ import annotations

from collections.abc import Mapping

from klyngeradar.core.surveys.questionnaire import Questionnaire, load
from klyngeradar.core.surveys.responses import Choice, RoundData, RoundInfo, Value
from klyngeradar.core.surveys.responses import Response as ResponseData
from klyngeradar.web.surveys.models import Response, Round


def round_data(round: Round, *, submitted_only: bool = False) -> RoundData:
    """The round as `RoundData`: every invited cluster, in the order of their names.

    With `submitted_only`, answers not yet submitted are left out (those
    clusters count as not having answered).
    """
    questionnaire = load(round.questionnaire_version)
    responses = round.responses.select_related("cluster").order_by("cluster__name")
    municipalities = round.region.municipalities.order_by("code")
    return RoundData(
        info=round_info(round),
        responses=tuple(
            response_data(response, questionnaire, submitted_only=submitted_only)
            for response in responses
        ),
        municipalities=tuple(Choice(m.code, m.name) for m in municipalities),
        actors=choices(round.actors),
        efforts=choices(round.efforts),
    )


def round_info(round: Round) -> RoundInfo:
    return RoundInfo(
        region=round.region.code,
        since=round.since,
        organisation=str(round.organisation),
        title=round.title,
        year=round.round_year,
    )


def response_data(
    response: Response, questionnaire: Questionnaire | None = None, *, submitted_only=False
) -> ResponseData:
    """One response as the core's `Response` (status complete/partial/none)."""
    q = questionnaire or load(response.round.questionnaire_version)
    answers = typed_answers(response.answers, q)
    if response.status == Response.Status.SUBMITTED:
        status = "complete"
    elif answers and not submitted_only:
        status = "partial"
    else:
        status, answers = "none", {}
    basis = {qid: b for qid, b in response.basis.items() if qid in answers} if answers else {}
    return ResponseData(
        cluster=response.cluster.slug,
        status=status,
        answers=answers,
        basis=basis,
        name=response.cluster.name,
    )


def typed_answers(stored: Mapping[str, object], q: Questionnaire) -> dict[str, Value]:
    """Stored JSON answers as core values (lists become frozensets); unknown ids are dropped."""
    answers: dict[str, Value] = {}
    for question in q.questions:
        if question.id not in stored or stored[question.id] is None:
            continue
        value = stored[question.id]
        answers[question.id] = frozenset(value) if isinstance(value, list) else value
    return answers


def stored_answers(answers: Mapping[str, Value]) -> dict[str, object]:
    """Core answer values as JSON: a frozenset becomes a sorted list."""
    return {
        qid: sorted(value) if isinstance(value, frozenset) else value
        for qid, value in answers.items()
        if value is not None
    }


def choices(items: list[Mapping[str, str]]) -> tuple[Choice, ...]:
    """A round's stored list of ``{"slug", "name"}`` as `Choice` objects."""
    return tuple(Choice(item["slug"], item["name"]) for item in items)


def stored_choices(items) -> list[dict[str, str]]:
    return [{"slug": item.slug, "name": item.name} for item in items]
