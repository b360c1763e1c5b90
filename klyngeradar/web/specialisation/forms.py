"""The upload form of the "Erhvervsstruktur" page: the only parser of its request data.

The statistics file and the optional mapping are read and checked whole by the
core before anything is stored; every problem is shown on the form, in the
page's language, and nothing is kept.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from klyngeradar.core.problems import InputError
from klyngeradar.core.specialisation.employment import read_employment
from klyngeradar.core.specialisation.mapping import read_mapping

MAX_BYTES = 50 * 1024 * 1024


class UploadForm(forms.Form):
    statistics = forms.FileField(
        label=_("Beskæftigelse efter kommune og branche (.csv eller .xlsx)"),
        help_text=_(
            "Udtræk fra Statistikbanken (f.eks. RAS300) med kolonnerne for område, branche "
            "(DB07), TID og INDHOLD, eller et ark med kolonnerne municipality, industry, year, "
            "employment."
        ),
    )
    source = forms.CharField(
        label=_("Kilde"),
        max_length=300,
        help_text=_("F.eks. »Danmarks Statistik, RAS300, beskæftigede ultimo november«."),
    )
    year = forms.IntegerField(
        label=_("År"),
        required=False,
        min_value=1900,
        max_value=2100,
        help_text=_("Tomt: filens seneste år."),
    )
    mapping = forms.FileField(
        label=_("Områdenøgle (valgfri, .csv eller .xlsx)"),
        required=False,
        help_text=_(
            "Kolonnerne area, industry, weight og note. Tomt: den medfølgende nøgle (DB07)."
        ),
    )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        lang = "en" if (get_language() or "da").startswith("en") else "da"
        problems = []
        with tempfile.TemporaryDirectory(prefix="klyngeradar-statistik-") as folder:
            employment = mapping = None
            try:
                employment = read_employment(
                    _saved(data["statistics"], folder, "statistics"), year=data.get("year")
                )
            except InputError as error:
                problems += error.problems
            if data.get("mapping"):
                try:
                    mapping = read_mapping(_saved(data["mapping"], folder, "mapping"))
                except InputError as error:
                    problems += error.problems
        if problems:
            raise ValidationError([problem.text(lang) for problem in problems])
        data["employment"] = employment
        data["area_mapping"] = mapping
        return data


def _saved(upload, folder: str, part: str) -> Path:
    """The upload as a file under its own name (the core refuses a type it cannot read)."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("Filen er større end 50 MB."))
    path = Path(folder) / part / Path(upload.name).name
    path.parent.mkdir()
    with path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return path
