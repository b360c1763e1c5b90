"""A round as exchange-format tables: the inverse of `exchange.parse_round`.

The renderer (`klyngeradar.render.workbooks.exchange`) writes these tables to .xlsx or
.csv; reading the file back gives an equal `RoundData`.
"""

from __future__ import annotations

from klyngeradar.core.surveys.exchange import (
    ACTORS_SHEET,
    ANSWERS_SHEET,
    BASIS_SUFFIX,
    EFFORTS_SHEET,
    ROUND_SHEET,
)
from klyngeradar.core.surveys.exchange_sheets import ROUND_KEYS
from klyngeradar.core.surveys.questionnaire import MULTI_SEPARATOR, Question, Questionnaire, load
from klyngeradar.core.surveys.responses import Choice, Response, RoundData, Value
from klyngeradar.core.tables import Row, Table

# An answered multi question with nothing chosen.
NONE_CODE = "none"


def answer_columns(questionnaire: Questionnaire | None = None) -> tuple[str, ...]:
    """The question columns in questionnaire order, ``<id>.basis`` right after each int."""
    columns: list[str] = []
    for question in (questionnaire or load()).questions:
        columns.append(question.id)
        if question.type == "int":
            columns.append(question.id + BASIS_SUFFIX)
    return tuple(columns)


def round_to_tables(
    round: RoundData, questionnaire: Questionnaire | None = None
) -> dict[str, Table]:
    """The sheets ``svar``, ``runde``, ``aktører`` and ``indsatser`` of a round."""
    q = questionnaire or load()
    with_names = any(r.name for r in round.responses)
    fixed = ("cluster", "name", "status") if with_names else ("cluster", "status")
    header = (*fixed, *answer_columns(q))
    rows = tuple(
        Row(number, _answer_row(response, q, with_names))
        for number, response in enumerate(round.responses, start=2)
    )
    info = {
        "region": round.info.region,
        "since": round.info.since.isoformat() if round.info.since else None,
        "organisation": round.info.organisation,
        "title": round.info.title,
        "year": round.info.year,
    }
    keys = [(key, info[key]) for key in ROUND_KEYS if info[key]]
    return {
        ANSWERS_SHEET: Table(ANSWERS_SHEET, header, rows, ANSWERS_SHEET),
        ROUND_SHEET: _pairs(ROUND_SHEET, ("key", "value"), keys),
        ACTORS_SHEET: _choices(ACTORS_SHEET, round.actors),
        EFFORTS_SHEET: _choices(EFFORTS_SHEET, round.efforts),
    }


def format_answer(question: Question, value: Value | None) -> str | int | None:
    """One answer as a cell value: codes joined by ``;``, ``none`` for an empty set."""
    if value is None:
        return None
    if isinstance(value, frozenset):
        if not value:
            return NONE_CODE
        order = {code: i for i, code in enumerate(question.codes)}
        codes = sorted(value, key=lambda code: (order.get(code, len(order)), code))
        return MULTI_SEPARATOR.join(codes)
    return value


def _answer_row(response: Response, q: Questionnaire, with_names: bool) -> tuple[object, ...]:
    values: list[object] = [response.cluster]
    if with_names:
        values.append(response.name)
    values.append(response.status)
    for question in q.questions:
        values.append(format_answer(question, response.answers.get(question.id)))
        if question.type == "int":
            values.append(response.basis.get(question.id))
    return tuple(values)


def _pairs(name: str, header: tuple[str, str], pairs: list[tuple[str, object]]) -> Table:
    rows = tuple(Row(number, pair) for number, pair in enumerate(pairs, start=2))
    return Table(name, header, rows, name)


def _choices(name: str, choices: tuple[Choice, ...]) -> Table:
    return _pairs(name, ("slug", "name"), [(c.slug, c.name) for c in choices])
