"""Check a round before computing findings on it: every problem at once, or nothing.

A `RoundData` from the exchange reader or the web app is already validated;
these checks make findings safe on a round built by hand (an API user, a test)
and state precisely what is wrong instead of computing on it.
"""

from __future__ import annotations

from klyngeradar.core.findings_model import PRESENCE_TYPES
from klyngeradar.core.problems import InputError, Problem
from klyngeradar.core.responses import RoundData

STATUSES = ("complete", "partial", "none")
BASES = ("counted", "estimated")

# The question types findings read (questionnaire.md); other questions are not checked here.
QUESTION_TYPES: dict[str, str] = {
    "presence.type": "single",
    "presence.municipalities": "multi",
    "presence.colocated_with": "text",
    "presence.planned": "choice3",
    "partners.actors": "multi",
    "partners.municipalities": "multi",
    "partners.other": "text",
    "members.national": "int",
    "members.region": "int",
    "members.region_50plus": "int",
    "members.region_under50": "int",
    "participation.companies": "int",
    "participation.persons": "int",
    "activities.in_region": "yesno",
    "activities.types": "multi",
    "activities.value_offers": "text",
    "agreements.actors": "multi",
    "agreements.municipalities": "multi",
    "agreements.other": "text",
    "agreements.description": "text",
    "agreements.optimal": "text",
    "strategy.efforts": "multi",
    "strategy.comment": "text",
    "dialogue.willing": "choice3",
    "dialogue.comment": "text",
}

_CODES = {
    "presence.type": PRESENCE_TYPES,
    "presence.planned": ("yes", "no", "maybe"),
    "dialogue.willing": ("yes", "no", "maybe"),
    "activities.in_region": ("yes", "no"),
}


def _value_problem(question: str, value: object) -> str | None:
    """Why `value` is not a valid answer to `question`, or None when it is."""
    kind = QUESTION_TYPES[question]
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return "is not a whole number"
        if value < 0:
            return "is negative; a whole number ≥ 0 is expected"
    elif kind == "multi":
        if not isinstance(value, frozenset) or not all(isinstance(c, str) for c in value):
            return "is not a set of codes"
    elif kind == "text":
        if not isinstance(value, str) or not value.strip():
            return "is not a non-empty text"
    elif not isinstance(value, str) or value not in _CODES[question]:
        return f"is not one of {', '.join(_CODES[question])}"
    return None


def check_round(round: RoundData) -> None:
    """Raise `InputError` listing every problem that stops findings being computed."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, response in enumerate(round.responses, start=1):
        where = f"(cluster {response.cluster}, row {index})"
        if response.cluster in seen:
            problems.append(Problem(f"appears twice {where}", column="cluster"))
        seen.add(response.cluster)
        if response.status not in STATUSES:
            problems.append(
                Problem(
                    f"is not one of {', '.join(STATUSES)} {where}",
                    column="status",
                    value=str(response.status),
                )
            )
        if response.status == "none" and (response.answers or response.basis):
            problems.append(Problem(f"has answers but status none {where}", column="status"))
        for question, value in response.answers.items():
            if question not in QUESTION_TYPES:
                continue
            reason = _value_problem(question, value)
            if reason:
                problems.append(Problem(f"{reason} {where}", column=question, value=repr(value)))
        for question, basis in response.basis.items():
            if basis is not None and basis not in BASES:
                problems.append(
                    Problem(
                        f"is not counted or estimated {where}",
                        column=f"{question}.basis",
                        value=str(basis),
                    )
                )
            if basis is not None and question not in response.answers:
                problems.append(
                    Problem(f"basis given without a value {where}", column=f"{question}.basis")
                )
    if problems:
        raise InputError(problems)
