"""The respondent's form for one section: parses the posted answers with the core's validator.

Fields are built from the questionnaire; `klyngeradar.core.surveys.questionnaire.validate_answer`
decides what is a valid answer (the same rules as a spreadsheet import), and
this form puts its verdict into Danish (or English) next to the field. The
template renders the fields by hand from `blocks()`, to control fieldsets,
legends and ``aria-describedby``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext as _

from klyngeradar.core.surveys.questionnaire import (
    NONE_WORDS,
    TEXT_MAX,
    Question,
    Questionnaire,
    Section,
    validate_answer,
)
from klyngeradar.core.surveys.responses import Value
from klyngeradar.web.surveys.convert import choices
from klyngeradar.web.surveys.models import Round

NONE_CODE = "none"


def field_name(question_id: str) -> str:
    """``members.region`` → ``members__region`` (a name that is also a plain HTML id)."""
    return question_id.replace(".", "__")


def basis_name(question_id: str) -> str:
    return field_name(question_id) + "__basis"


def options_of(round: Round, question: Question, lang: str) -> list[tuple[str, str]]:
    """(code, label): the question's own options, or the round's municipalities/actors/efforts."""
    if question.options_from == "municipalities":
        return [(m.code, m.name) for m in round.region.municipalities.order_by("name")]
    if question.options_from == "actors":
        return [(c.slug, c.name) for c in choices(round.actors)]
    if question.options_from == "efforts":
        return [(c.slug, c.name) for c in choices(round.efforts)]
    return [(o.code, o.label.get(lang)) for o in question.options]


@dataclass
class Block:
    """What the template needs to render one question."""

    question: Question
    name: str
    label: str
    help: str | None
    kind: str
    options: list[tuple[str, str]] = field(default_factory=list)
    value: object = None
    basis: str | None = None
    errors: list[str] = field(default_factory=list)
    basis_errors: list[str] = field(default_factory=list)

    @property
    def describedby(self) -> str:
        ids = []
        if self.help:
            ids.append(f"{self.name}-help")
        if self.errors:
            ids.append(f"{self.name}-error")
        return " ".join(ids)


class SectionForm(forms.Form):
    """One section's questions (only those shown); `answers()`/`basis()` after `is_valid()`."""

    def __init__(
        self,
        data=None,
        *,
        round: Round,
        questionnaire: Questionnaire,
        section: Section,
        shown: list[Question],
        saved: Mapping[str, Value],
        saved_basis: Mapping[str, str | None],
        lang: str,
    ):
        super().__init__(data)
        self.round = round
        self.q = questionnaire
        self.section = section
        self.shown = shown
        self.saved = saved
        self.saved_basis = saved_basis
        self.lang = lang
        self._options = {q.id: options_of(round, q, lang) for q in shown}
        for question in shown:
            name = field_name(question.id)
            if question.type == "multi":
                # Options are checked in `clean` against the round (the core decides).
                self.fields[name] = forms.Field(required=False, widget=forms.SelectMultiple)
            else:
                self.fields[name] = forms.CharField(required=False, strip=True)
            if question.type == "int":
                self.fields[basis_name(question.id)] = forms.CharField(required=False)

    def clean(self):
        cleaned = super().clean()
        self._answers: dict[str, Value | None] = {}
        self._basis: dict[str, str | None] = {}
        for question in self.shown:
            name = field_name(question.id)
            raw = self.data.getlist(name) if question.type == "multi" else cleaned.get(name)
            try:
                value = self._validate(question, raw)
            except ValueError as exc:
                self.add_error(name, str(exc))
                continue
            self._answers[question.id] = value
            if question.type == "int":
                basis = (cleaned.get(basis_name(question.id)) or "").strip() or None
                if value is not None and basis not in ("counted", "estimated"):
                    self.add_error(
                        basis_name(question.id), _("Angiv, om tallet er opgjort eller skønnet.")
                    )
                    continue
                self._basis[question.id] = basis if value is not None else None
        return cleaned

    def valid_answers(self) -> tuple[dict[str, Value | None], dict[str, str | None]]:
        """The answers (and bases) that passed, even when others did not: a draft keeps them."""
        answers = {
            qid: v
            for qid, v in self._answers.items()
            if field_name(qid) not in self.errors and basis_name(qid) not in self.errors
        }
        return answers, {qid: b for qid, b in self._basis.items() if qid in answers}

    def _validate(self, question: Question, raw) -> Value | None:
        allowed = {code for code, _label in self._options[question.id]}
        if question.type == "multi":
            words = [w for w in raw if w]
            if any(w in NONE_WORDS for w in words) and len(words) > 1:
                raise ValueError(_("Vælg enten »Ingen« eller en eller flere af mulighederne."))
            if any(w not in allowed and w not in NONE_WORDS for w in words):
                raise ValueError(_("Vælg blandt mulighederne på listen."))
        elif question.type in ("single", "yesno", "choice3"):
            if raw and raw not in allowed:
                raise ValueError(_("Vælg en af mulighederne."))
        elif question.type == "text" and raw and len(raw) > TEXT_MAX:
            raise ValueError(
                _("Teksten er for lang (højst %(max)s tegn).") % {"max": f"{TEXT_MAX:,}"}
            )
        try:
            return validate_answer(question, raw, choices=allowed)
        except ValueError as exc:
            if question.type == "int":
                if "negative" in str(exc):
                    raise ValueError(_("Tallet kan ikke være negativt.")) from exc
                raise ValueError(_("Skriv et helt tal uden decimaler, fx 40 eller 1.740.")) from exc
            raise ValueError(_("Vælg en af mulighederne.")) from exc

    def blocks(self) -> list[Block]:
        result = []
        for question in self.shown:
            name = field_name(question.id)
            label = self.q.label(
                question,
                self.lang,
                since=self.round.since,
                organisation=str(self.round.organisation),
            )
            help_text = self.q.help(
                question,
                self.lang,
                since=self.round.since,
                organisation=str(self.round.organisation),
            )
            block = Block(
                question=question,
                name=name,
                label=label,
                help=help_text,
                kind=question.type,
                options=self._options[question.id],
                errors=list(self.errors.get(name, [])) if self.is_bound else [],
                basis_errors=list(self.errors.get(basis_name(question.id), []))
                if self.is_bound
                else [],
            )
            if self.is_bound:
                block.value = (
                    self.data.getlist(name) if question.type == "multi" else self.data.get(name, "")
                )
                block.basis = self.data.get(basis_name(question.id))
            else:
                block.value = _display(self.saved.get(question.id), question)
                block.basis = self.saved_basis.get(question.id)
            result.append(block)
        return result


def _display(value: Value | None, question: Question) -> object:
    """A saved answer as the form shows it: codes for choices, "1.740"-free digits for numbers."""
    if value is None:
        return [] if question.type == "multi" else ""
    if isinstance(value, frozenset):
        return sorted(value) if value else [NONE_CODE]
    return str(value)
