"""A date field people can type in Danish: dd.mm.åååå, with the format as a visible hint.

A text input (not the browser's date picker, whose format follows the
browser's language, often English): the page's language decides the accepted
formats (`klyngeradar.web.formats`), ISO dates (2026-03-15) are always accepted.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

HINT = _("dd.mm.åååå")


class DanishDateInput(forms.DateInput):
    input_type = "text"

    def __init__(self, attrs=None):
        defaults = {"placeholder": HINT, "inputmode": "numeric", "autocomplete": "off", "size": 10}
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%d.%m.%Y")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["placeholder"] = str(HINT)
        context["widget"]["attrs"]["title"] = str(_("Skriv datoen som dd.mm.åååå, fx 15.03.2026"))
        return context
