"""Template filters for agreement pages: whole numbers the Danish (or English) way."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from klyngeradar.core.numbers import format_int

register = template.Library()


@register.filter
def whole(number) -> str:
    """1740 → "1.740" in Danish, "1,740" in English; None → "–"."""
    lang = "en" if (get_language() or "da").startswith("en") else "da"
    return format_int(None if number is None else int(number), lang)
