"""The questionnaire as data: sections, questions, options, show/hide rules and checks.

The questions live in versioned JSON files (``klyngeradar/data/questionnaire/v1.json``,
…). Answers given to one version stay readable when a later version is added,
because a round names the version it was asked with (``load("v1")``).

`validate_answer` is the one place where raw input (a string from a web form or
a cell value from a spreadsheet) becomes a typed answer value, so the survey
form and the spreadsheet import accept and refuse exactly the same things.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Literal

from klyngeradar.core.dates import format_date
from klyngeradar.core.numbers import INT32_MAX, format_int, parse_whole_number
from klyngeradar.core.problems import Refusal, danish_reason
from klyngeradar.core.surveys.responses import Basis, Value

QuestionType = Literal["single", "multi", "int", "yesno", "choice3", "text"]
Source = Literal["municipalities", "actors", "efforts"]

TYPES: frozenset[str] = frozenset({"single", "multi", "int", "yesno", "choice3", "text"})
SOURCES: frozenset[str] = frozenset({"municipalities", "actors", "efforts"})

# The answer "none" to a multi question: answered, with nothing chosen.
NONE_WORDS: frozenset[str] = frozenset({"none", "ingen"})
BASIS_WORDS: Mapping[str, Basis] = {
    "counted": "counted",
    "opgjort": "counted",
    "estimated": "estimated",
    "skønnet": "estimated",
    "skonnet": "estimated",
}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MUNICIPALITY_CODE = re.compile(r"^\d{3}$")
MULTI_SEPARATOR = ";"
# The same limits for the web form and a spreadsheet import: the longest text
# answer, and the largest number (PostgreSQL's integer; members, participants).
TEXT_MAX = 4000
NUMBER_MAX = INT32_MAX
# Danish words for the round's lists, in the reasons a code is refused with.
_SOURCES_DA = {"municipalities": "kommuner", "actors": "aktører", "efforts": "indsatser"}


@dataclass(frozen=True)
class Text:
    """A text in Danish and English."""

    da: str
    en: str

    def get(self, lang: str = "da") -> str:
        return self.en if lang == "en" else self.da


@dataclass(frozen=True)
class Option:
    """A static answer option: a stable code, its labels and accepted spellings."""

    code: str
    label: Text
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Condition:
    """Show a question only when another answer is (``in``) or is not (``not_in``) one of values.

    ``in``: hidden while the other question is unanswered. ``not_in``: shown
    while it is unanswered.
    """

    question: str
    operator: Literal["in", "not_in"]
    values: frozenset[str]

    def holds(self, answers: Mapping[str, Value]) -> bool:
        value = answers.get(self.question)
        if value is None:
            return self.operator == "not_in"
        chosen = value if isinstance(value, frozenset) else frozenset({str(value)})
        overlap = bool(chosen & self.values)
        return overlap if self.operator == "in" else not overlap


@dataclass(frozen=True)
class Question:
    id: str
    type: QuestionType
    section: str
    label: Text
    help: Text | None = None
    options: tuple[Option, ...] = ()
    options_from: Source | None = None
    show_if: Condition | None = None

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(option.code for option in self.options)

    def option(self, code: str) -> Option | None:
        return next((o for o in self.options if o.code == code), None)


@dataclass(frozen=True)
class Section:
    id: str
    key: str
    title: Text
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Check:
    """A consistency rule between int answers, applied only when all of them are given.

    ``equal``: sum(left) == right. ``at_most``: sum(left) <= right.
    """

    id: str
    kind: Literal["equal", "at_most"]
    left: tuple[str, ...]
    right: str
    message: Text

    @property
    def subject(self) -> str:
        """The question a broken check is reported on (the total, or the part that is too big)."""
        return self.right if self.kind == "equal" else self.left[0]

    def detail(self, answers: Mapping[str, Value], lang: str = "en") -> str | None:
        """The warning text when the rule is broken by these answers, else None."""
        values = [answers.get(q) for q in (*self.left, self.right)]
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return None
        *parts, right = values
        left = sum(parts)
        broken = left != right if self.kind == "equal" else left > right
        if not broken:
            return None
        left_text = " + ".join(format_int(p, lang) for p in parts)
        if len(parts) > 1:
            left_text = f"{left_text} = {format_int(left, lang)}"
        return self.message.get(lang).format(left=left_text, right=format_int(right, lang))


@dataclass(frozen=True)
class Questionnaire:
    version: str
    title: Text
    sections: tuple[Section, ...]
    checks: tuple[Check, ...]
    fallbacks: Mapping[str, Text]

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for section in self.sections for q in section.questions)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions)

    def question(self, question_id: str) -> Question:
        """The question with this id; KeyError when there is none."""
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def has(self, question_id: str) -> bool:
        return question_id in self.ids

    def visible(self, question: Question | str, answers: Mapping[str, Value]) -> bool:
        """Whether the question is shown, given the answers so far."""
        q = self._q(question)
        return q.show_if is None or q.show_if.holds(answers)

    def label(
        self,
        question: Question | str,
        lang: str = "da",
        *,
        since: date | str | None = None,
        organisation: str | None = None,
    ) -> str:
        """The question's label with ``{since}`` and ``{organisation}`` filled in."""
        return self._fill(self._q(question).label.get(lang), lang, since, organisation)

    def help(
        self,
        question: Question | str,
        lang: str = "da",
        *,
        since: date | str | None = None,
        organisation: str | None = None,
    ) -> str | None:
        q = self._q(question)
        if q.help is None:
            return None
        return self._fill(q.help.get(lang), lang, since, organisation)

    def check(self, check_id: str) -> Check:
        """The consistency check with this id; KeyError when there is none."""
        for check in self.checks:
            if check.id == check_id:
                return check
        raise KeyError(check_id)

    def consistency_warnings(
        self, answers: Mapping[str, Value], lang: str = "en"
    ) -> list[tuple[str, str]]:
        """(check id, sentence saying how) for every check these answers break."""
        found = []
        for check in self.checks:
            detail = check.detail(answers, lang)
            if detail is not None:
                found.append((check.id, detail))
        return found

    def _q(self, question: Question | str) -> Question:
        return question if isinstance(question, Question) else self.question(question)

    def _fill(
        self, text: str, lang: str, since: date | str | None, organisation: str | None
    ) -> str:
        if "{since}" in text:
            text = text.replace("{since}", _format_since(since, lang, self.fallbacks))
        if "{organisation}" in text:
            fallback = self.fallbacks["organisation"].get(lang)
            text = text.replace("{organisation}", organisation or fallback)
        return text


def _format_since(since: date | str | None, lang: str, fallbacks: Mapping[str, Text]) -> str:
    if since is None or since == "":
        return fallbacks["since"].get(lang)
    if isinstance(since, str):
        return since
    return format_date(since, lang)


def validate_answer(
    question: Question, raw: object, *, choices: Collection[str] | None = None
) -> Value | None:
    """Turn raw input into the answer's typed value, or raise ValueError(reason).

    The ValueError is a `Refusal`: its message is the English reason and its
    ``reason_da`` the Danish one.

    `raw` is a form string, a list of strings (a multi-select) or a spreadsheet
    cell value. Empty input returns None (not answered). `choices` are the
    allowed codes of a question whose options the round supplies
    (``options_from``); None accepts any well-formed code.
    """
    if _is_empty(raw):
        return None
    if question.type == "int":
        return parse_whole_number(raw.strip() if isinstance(raw, str) else raw, NUMBER_MAX)
    if question.type == "text":
        text = _cell_text(raw).strip()
        if len(text) > TEXT_MAX:
            raise Refusal(
                f"is longer than {format_int(TEXT_MAX, 'en')} characters "
                f"({format_int(len(text), 'en')})",
                f"er længere end {format_int(TEXT_MAX)} tegn ({format_int(len(text))})",
            )
        return text
    if question.type == "multi":
        return _multi(question, raw, choices)
    return _code(question, _cell_text(raw), choices)


def validate_basis(raw: object) -> Basis | None:
    """``counted``/``estimated`` (Danish ``opgjort``/``skønnet``); empty is None."""
    if _is_empty(raw):
        return None
    word = _cell_text(raw).strip().casefold()
    if word not in BASIS_WORDS:
        raise Refusal(
            "is not a basis; use counted or estimated (opgjort or skønnet)",
            "er ikke et grundlag; brug opgjort eller skønnet (counted eller estimated)",
        )
    return BASIS_WORDS[word]


def _is_empty(raw: object) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return raw.strip() == ""
    if isinstance(raw, list | tuple | set | frozenset):
        return all(_is_empty(item) for item in raw)
    return False


def _cell_text(raw: object) -> str:
    """A cell value as text; a whole float (851.0) is written as a whole number."""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


def _multi(question: Question, raw: object, choices: Collection[str] | None) -> frozenset[str]:
    if isinstance(raw, str):
        parts = raw.split(MULTI_SEPARATOR)
    elif isinstance(raw, list | tuple | set | frozenset):
        parts = [_cell_text(item) for item in raw]
    else:
        parts = [_cell_text(raw)]
    words = [part.strip() for part in parts if part.strip()]
    if any(word.casefold() in NONE_WORDS for word in words):
        if len(words) > 1:
            raise Refusal("combines none with other codes", "kombinerer ingen med andre koder")
        return frozenset()
    codes = set()
    for word in words:
        try:
            codes.add(_code(question, word, choices))
        except ValueError as exc:
            if len(words) == 1:
                raise
            # Name the wrong code among several.
            raise Refusal(
                f'has "{word}", which {exc}',
                f'indeholder "{word}", og det {danish_reason(exc) or exc}',
            ) from exc
    return frozenset(codes)


def _code(question: Question, text: str, choices: Collection[str] | None) -> str:
    """One option code from a code, an accepted spelling or a label (case-insensitive)."""
    word = text.strip()
    folded = word.casefold()
    if question.options_from is None:
        for option in question.options:
            names = (option.code, *option.aliases, option.label.da, option.label.en)
            if folded in (name.casefold() for name in names):
                return option.code
        allowed = ", ".join(question.codes)
        raise Refusal(
            f"is not an option of {question.id} (use {allowed})",
            f"er ikke en svarmulighed i {question.id} (brug {allowed})",
        )
    if choices is not None:
        matches = {c for c in choices if c.casefold() == folded}
        if matches:
            return matches.pop()
        raise Refusal(
            f"is not one of the round's {question.options_from}",
            f"er ikke en af rundens {_SOURCES_DA[question.options_from]}",
        )
    pattern = MUNICIPALITY_CODE if question.options_from == "municipalities" else SLUG
    if not pattern.match(folded):
        if question.options_from == "municipalities":
            raise Refusal("is not a 3-digit code", "er ikke en kode på 3 cifre")
        raise Refusal("is not a slug", "er ikke et kort navn (a-z, 0-9 og -)")
    return folded


# Loading -------------------------------------------------------------------


def versions() -> tuple[str, ...]:
    """The shipped questionnaire versions, oldest first (``v1``, ``v2``, …)."""
    folder = resources.files("klyngeradar.data.questionnaire")
    names = [p.name[:-5] for p in folder.iterdir() if re.fullmatch(r"v\d+\.json", p.name)]
    return tuple(sorted(names, key=lambda name: int(name[1:])))


def latest_version() -> str:
    return versions()[-1]


@cache
def load(version: str | None = None) -> Questionnaire:
    """The questionnaire of a version (default: the latest); ValueError if unknown."""
    version = version or latest_version()
    if version not in versions():
        raise ValueError(f"unknown questionnaire version {version!r}")
    text = resources.files("klyngeradar.data.questionnaire").joinpath(f"{version}.json")
    return from_dict(json.loads(text.read_text("utf-8")))


def from_dict(data: Mapping) -> Questionnaire:
    """Build a questionnaire from its JSON form, refusing inconsistent definitions."""
    sections = tuple(_section(s) for s in data["sections"])
    questionnaire = Questionnaire(
        version=data["version"],
        title=_text(data["title"]),
        sections=sections,
        checks=tuple(_check(c) for c in data.get("checks", ())),
        fallbacks={key: _text(value) for key, value in data.get("fallbacks", {}).items()},
    )
    _check_references(questionnaire)
    return questionnaire


def _text(data: Mapping[str, str]) -> Text:
    return Text(da=data["da"], en=data["en"])


def _section(data: Mapping) -> Section:
    return Section(
        id=data["id"],
        key=data["key"],
        title=_text(data["title"]),
        questions=tuple(_question(q, data["id"]) for q in data["questions"]),
    )


def _question(data: Mapping, section: str) -> Question:
    kind = data["type"]
    if kind not in TYPES:
        raise ValueError(f"{data['id']}: unknown type {kind!r}")
    source = data.get("options_from")
    if source is not None and source not in SOURCES:
        raise ValueError(f"{data['id']}: unknown options_from {source!r}")
    options = tuple(
        Option(o["code"], _text(o["label"]), tuple(o.get("aliases", ())))
        for o in data.get("options", ())
    )
    if kind in {"single", "multi", "yesno", "choice3"} and not options and source is None:
        raise ValueError(f"{data['id']}: a {kind} question needs options or options_from")
    expected = {"yesno": ("yes", "no"), "choice3": ("yes", "no", "maybe")}.get(kind)
    if expected and tuple(o.code for o in options) != expected:
        raise ValueError(f"{data['id']}: a {kind} question has the options {expected}")
    show_if = None
    if "show_if" in data:
        rule = data["show_if"]
        operator = "in" if "in" in rule else "not_in"
        show_if = Condition(rule["question"], operator, frozenset(rule[operator]))
    return Question(
        id=data["id"],
        type=kind,
        section=section,
        label=_text(data["label"]),
        help=_text(data["help"]) if "help" in data else None,
        options=options,
        options_from=source,
        show_if=show_if,
    )


def _check(data: Mapping) -> Check:
    if data["kind"] not in {"equal", "at_most"}:
        raise ValueError(f"{data['id']}: unknown check kind {data['kind']!r}")
    return Check(
        data["id"], data["kind"], tuple(data["left"]), data["right"], _text(data["message"])
    )


def _check_references(questionnaire: Questionnaire) -> None:
    ids = questionnaire.ids
    if len(set(ids)) != len(ids):
        raise ValueError("question ids are not unique")
    for q in questionnaire.questions:
        if q.show_if and q.show_if.question not in ids:
            raise ValueError(f"{q.id}: show_if names an unknown question")
    for check in questionnaire.checks:
        for qid in (*check.left, check.right):
            if qid not in ids or questionnaire.question(qid).type != "int":
                raise ValueError(f"{check.id}: {qid} is not an int question")


def consistency_warnings(
    answers: Mapping[str, Value], questionnaire: Questionnaire | None = None, lang: str = "en"
) -> list[tuple[str, str]]:
    """(check id, detail) for every consistency check the answers break."""
    return (questionnaire or load()).consistency_warnings(answers, lang)
