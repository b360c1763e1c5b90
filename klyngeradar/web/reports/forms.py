"""The forms of the "Rapporter" page: the only parsers of its request data."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from klyngeradar.core.problems import InputError
from klyngeradar.render.deck.template import load_template
from klyngeradar.web.reports.quotes import QuoteOption

MAX_TEMPLATE_BYTES = 30 * 1024 * 1024


class DownloadForm(forms.Form):
    """Language and template of a download; a GET form, so viewers may use it too."""

    lang = forms.ChoiceField(
        label=_("Sprog"),
        choices=[("da", _("Dansk")), ("en", _("Engelsk"))],
        initial="da",
        widget=forms.RadioSelect,
    )
    template = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Skabelon"),
        empty_label=_("Standardskabelonen (16:9)"),
    )

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates

    @classmethod
    def from_query(cls, query, *, templates):
        """The form on a query string, with the defaults for what it leaves out."""
        data = {"lang": query.get("lang", "da"), "template": query.get("template", "")}
        return cls(data, templates=templates)


class TemplateUploadForm(forms.Form):
    """A new organisation template, accepted only when the deck can be written with it."""

    file = forms.FileField(
        label=_("Ny skabelon (.pptx)"),
        help_text=_(
            "Præsentationen bruger skabelonens layouts efter navn: titel, titel og indhold, "
            "sektionsoverskrift og to indholdsobjekter (dansk eller engelsk navn)."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".pptx,application/vnd.openxmlformats-officedocument"
                ".presentationml.presentation"
            }
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = Path(upload.name).name
        if not name.lower().endswith(".pptx"):
            raise ValidationError(_("Skabelonen skal være en PowerPoint-fil (.pptx)."))
        if upload.size > MAX_TEMPLATE_BYTES:
            raise ValidationError(_("Skabelonen er større end 30 MB."))
        problems = _template_problems(upload, name)
        if problems:
            raise ValidationError(
                [
                    _("Skabelonen kan ikke bruges: %(problem)s") % {"problem": problem}
                    for problem in problems
                ]
            )
        upload.seek(0)
        return upload


def _template_problems(upload, name: str) -> list[str]:
    """Open the upload exactly as the deck writer will; return what stops it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        with path.open("wb") as copy:
            for chunk in upload.chunks():
                copy.write(chunk)
        try:
            load_template(path)
        except InputError as error:
            return [problem.text(get_language()) for problem in error.problems]
    return []


class QuoteForm(forms.Form):
    """The analyst's quotes: ticked answers, cleaned to (question, cluster) pairs."""

    quotes = forms.MultipleChoiceField(
        label=_("Citater"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, options: tuple[QuoteOption, ...], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quotes"].choices = [(o.key, o.text) for o in options]
        self._options = {o.key: o for o in options}

    def clean_quotes(self) -> list[tuple[str, str]]:
        return [
            (self._options[key].question, self._options[key].cluster)
            for key in self.cleaned_data["quotes"]
        ]
