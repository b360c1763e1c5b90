"""The appendix sheet ``Besvarelser`` (English ``Answers``): every cluster's answers in words.

One row per cluster and question, in questionnaire order, so the sheet prints on
a few landscape pages and filters by cluster or question: the question as the
respondent read it, the answer by its label (options, actors, municipalities and
efforts by name, never by code), and for a number whether it was counted or
estimated. A question not answered is an empty cell, never 0; a cluster that did
not respond gets one row saying so. The answers in the exchange format (codes,
readable back as a round) are the survey's own export, not part of the appendices.
"""

from __future__ import annotations

from collections.abc import Mapping

from klyngeradar.core.numbers import format_int
from klyngeradar.core.registry.geography import municipalities
from klyngeradar.core.surveys.questionnaire import Question, Questionnaire, load
from klyngeradar.core.surveys.responses import RoundData, Value
from klyngeradar.render.workbooks.appendix_labels import BASIS, RESPONSE_STATUS, label


def answer_text(
    question: Question, value: Value | None, names: Mapping[str, Mapping[str, str]], lang: str
) -> object:
    """One answer as a cell: a number stays a number, codes become their labels."""
    if value is None:
        return None
    if isinstance(value, bool):
        return ("ja" if value else "nej") if lang == "da" else ("yes" if value else "no")
    if isinstance(value, int):
        return value
    if isinstance(value, frozenset):
        if not value:
            return "ingen" if lang == "da" else "none"
        source = names.get(question.options_from or "", {})
        order = {code: i for i, code in enumerate(question.codes)}
        codes = sorted(value, key=lambda code: (order.get(code, len(order)), code))
        labels = [_option(question, code, source, lang) for code in codes]
        if not question.codes:
            labels.sort(key=str.casefold)
        return "; ".join(labels)
    if question.options:
        return _option(question, str(value), {}, lang)
    return str(value)


def _option(question: Question, code: str, source: Mapping[str, str], lang: str) -> str:
    option = question.option(code)
    if option is not None:
        return option.label.get(lang)
    return source.get(code, code)


def answers_sheet(writer, round: RoundData, questionnaire: Questionnaire | None = None) -> None:
    """Add ``Besvarelser`` to the appendices `writer` (`appendices._Sheets`)."""
    t, lang = writer.t, writer.lang
    q = questionnaire or load()
    names = {
        "actors": {a.slug: a.name for a in round.actors},
        "efforts": {e.slug: e.name for e in round.efforts},
        "municipalities": {m.code: m.name for m in municipalities()},
    }
    since = round.info.since
    header = (
        t("klynge", "cluster"),
        t("spørgsmål", "question"),
        t("svar", "answer"),
        t("grundlag", "basis"),
    )
    rows = []
    for response in round.responses:
        status = label(RESPONSE_STATUS, response.status, lang)
        rows.append((response.label, t("Status", "Status"), status, None))
        if not response.responded:
            continue
        for question in q.questions:
            value = response.answers.get(question.id)
            if value is None:
                continue
            basis = response.basis.get(question.id) if question.type == "int" else None
            rows.append(
                (
                    response.label,
                    q.label(
                        question,
                        lang,
                        since=since,
                        organisation=round.info.organisation,
                    ),
                    answer_text(question, value, names, lang),
                    label(BASIS, basis, lang) if basis else None,
                )
            )
    answered = sum(1 for r in round.responses if r.responded)
    invited = len(round.responses)
    if invited == 1:
        clusters = t("inviteret klynge", "invited cluster")
    else:
        clusters = t("inviterede klynger", "invited clusters")
    verb = t("har svaret", "responded")
    writer.table(
        t("Besvarelser", "Answers"),
        header,
        rows,
        caption=t("Survey – klyngerne og regionen", "Survey – the clusters and the region"),
        below=[
            f"{format_int(answered, lang)} {t('af', 'of')} {format_int(invited, lang)} "
            f"{clusters} {verb}. "
            + t("Ubesvarede spørgsmål er udeladt.", "Questions not answered are left out.")
        ],
    )
