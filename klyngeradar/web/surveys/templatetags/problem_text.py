"""Template filters for a refused file's problems, in the page's language.

The core names every problem in English and, where it knows it, in Danish
(`klyngeradar.core.problems.Problem.text`); these filters pick the active one.
"""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def problem_text(problem) -> str:
    """Where, what and why: ``svar!D7 members.region: "x" er ikke et helt tal``."""
    return problem.text(get_language())


@register.filter
def problem_reason(problem) -> str:
    """Only why: "er ikke et helt tal" on a Danish page, "is not a whole number" in English."""
    return problem.reason_in(get_language())
