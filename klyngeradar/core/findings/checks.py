"""Check a round before computing findings on it: every problem at once, or nothing.

A `RoundData` from the exchange reader or the web app is already validated;
these checks make findings safe on a round built by hand (an API user, a test)
and state precisely what is wrong instead of computing on it.
"""

from __future__ import annotations

from klyngeradar.core.findings.model import PRESENCE_TYPES
from klyngeradar.core.problems import InputError, Problem
from klyngeradar.core.surveys.responses import RoundData

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


def _value_problem(question: str, value: object) -> tuple[str, str] | None:
    """Why `value` is not a valid answer to `question` (in English and Danish), or None."""
    kind = QUESTION_TYPES[question]
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return "is not a whole number", "er ikke et helt tal"
        if value < 0:
            return (
                "is negative; a whole number ≥ 0 is expected",
                "er negativt; et helt tal ≥ 0 forventes",
            )
    elif kind == "multi":
        if not isinstance(value, frozenset) or not all(isinstance(c, str) for c in value):
            return "is not a set of codes", "er ikke en mængde af koder"
    elif kind == "text":
        if not isinstance(value, str) or not value.strip():
            return "is not a non-empty text", "er ikke en udfyldt tekst"
    elif not isinstance(value, str) or value not in _CODES[question]:
        codes = ", ".join(_CODES[question])
        return f"is not one of {codes}", f"er ikke en af {codes}"
    return None


def check_round(round: RoundData) -> None:
    """Raise `InputError` listing every problem that stops findings being computed."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, response in enumerate(round.responses, start=1):
        where = f"(cluster {response.cluster}, row {index})"
        where_da = f"(klynge {response.cluster}, række {index})"
        if response.cluster in seen:
            reason_da = f"står to gange {where_da}"
            problems.append(
                Problem(f"appears twice {where}", column="cluster", reason_da=reason_da)
            )
        seen.add(response.cluster)
        if response.status not in STATUSES:
            problems.append(
                Problem(
                    f"is not one of {', '.join(STATUSES)} {where}",
                    column="status",
                    value=str(response.status),
                    reason_da=f"er ikke en af {', '.join(STATUSES)} {where_da}",
                )
            )
        if response.status == "none" and (response.answers or response.basis):
            reason, reason_da = (
                f"has answers but status none {where}",
                f"har svar, men status er none {where_da}",
            )
            problems.append(Problem(reason, column="status", reason_da=reason_da))
        for question, value in response.answers.items():
            if question not in QUESTION_TYPES:
                continue
            reasons = _value_problem(question, value)
            if reasons:
                problems.append(
                    Problem(
                        f"{reasons[0]} {where}",
                        column=question,
                        value=repr(value),
                        reason_da=f"{reasons[1]} {where_da}",
                    )
                )
        for question, basis in response.basis.items():
            if basis is not None and basis not in BASES:
                problems.append(
                    Problem(
                        f"is not counted or estimated {where}",
                        column=f"{question}.basis",
                        value=str(basis),
                        reason_da=f"er ikke counted eller estimated {where_da}",
                    )
                )
            if basis is not None and question not in response.answers:
                problems.append(
                    Problem(
                        f"basis given without a value {where}",
                        column=f"{question}.basis",
                        reason_da=f"grundlag angivet uden en værdi {where_da}",
                    )
                )
    if problems:
        raise InputError(problems)
