"""A response as readable lines per section: for the summary page, the receipt and the analyst."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from klyngeradar.core.numbers import format_int
from klyngeradar.web.surveys.answer_forms import options_of
from klyngeradar.web.surveys.answers import current, questionnaire_of
from klyngeradar.web.surveys.models import Response


@dataclass(frozen=True)
class Line:
    question: str
    label: str
    text: str | None  # None: not answered


@dataclass(frozen=True)
class SectionLines:
    key: str
    title: str
    lines: tuple[Line, ...]

    @property
    def answered(self) -> int:
        return sum(1 for line in self.lines if line.text is not None)


def response_lines(response: Response, lang: str = "da") -> list[SectionLines]:
    """Every question the respondent can see, with the answer as text (None when unanswered)."""
    q = questionnaire_of(response)
    round = response.round
    answers = current(response)
    organisation = str(round.organisation)
    result = []
    for section in q.sections:
        lines = []
        for question in section.questions:
            if not q.visible(question, answers):
                continue
            label = q.label(question, lang, since=round.since, organisation=organisation)
            lines.append(Line(question.id, label, _text(response, question, answers, lang)))
        result.append(SectionLines(section.key, section.title.get(lang), tuple(lines)))
    return result


def as_text(sections: list[SectionLines]) -> str:
    """The lines as plain text (the receipt e-mail's copy of the answers)."""
    out = []
    for section in sections:
        out.append(f"{section.title}\n{'-' * len(section.title)}")
        for line in section.lines:
            out.append(f"{line.label}\n  {line.text or _('Ikke besvaret')}")
        out.append("")
    return "\n".join(out)


def _text(response: Response, question, answers, lang: str) -> str | None:
    value = answers.get(question.id)
    if value is None:
        return None
    if question.type == "int":
        basis = response.basis.get(question.id)
        word = {"counted": _("opgjort"), "estimated": _("skønnet")}.get(basis)
        return f"{format_int(value, lang)} ({word})" if word else format_int(value, lang)
    if isinstance(value, frozenset) or question.type in ("single", "yesno", "choice3"):
        names = dict(options_of(response.round, question, lang))
        codes = value if isinstance(value, frozenset) else {value}
        if not codes:
            return _("Ingen")
        return ", ".join(sorted(names.get(code, code) for code in codes))
    return str(value)
