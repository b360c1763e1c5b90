"""Forms for the registry pages: the cluster list's filter and the cluster edit form."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from klyngeradar.web.registry.models import Area, Cluster, Programme


class ClusterFilterForm(forms.Form):
    programme = forms.ModelChoiceField(
        Programme.objects.all(),
        required=False,
        label=_("Programperiode"),
        empty_label=_("Alle perioder"),
        to_field_name="slug",
    )
    area = forms.ModelChoiceField(
        Area.objects.all(),
        required=False,
        label=_("Område"),
        empty_label=_("Alle områder"),
        to_field_name="slug",
    )

    def filter(self, queryset):
        """Apply the valid choices to `queryset`; an invalid choice filters nothing."""
        if not self.is_valid():
            return queryset
        if programme := self.cleaned_data.get("programme"):
            # A cluster belongs to a period through its designation (or, for rows from
            # before designations existed, through its programme field).
            queryset = queryset.filter(
                Q(designations__programme=programme) | Q(programme=programme)
            ).distinct()
        if area := self.cleaned_data.get("area"):
            queryset = queryset.filter(area=area)
        return queryset


class ClusterForm(forms.ModelForm):
    website = forms.URLField(label=_("Hjemmeside"), required=False, assume_scheme="https")

    class Meta:
        model = Cluster
        fields = [
            "name",
            "website",
            "cvr",
            "staff",
            "members",
            "budget_dkk",
            "grant_dkk",
            "figures_year",
            "board_size",
            "chair_from_business",
            "maturity_note",
            "maturity_note_en",
            "source",
            "source_en",
            "verified",
        ]
        widgets = {
            "chair_from_business": forms.NullBooleanSelect,
            "maturity_note": forms.Textarea(attrs={"rows": 3}),
            "maturity_note_en": forms.Textarea(attrs={"rows": 3}),
            "source": forms.Textarea(attrs={"rows": 2}),
            "source_en": forms.Textarea(attrs={"rows": 2}),
        }


class RegistryUploadForm(forms.Form):
    """The analyst's edited registry workbook; `clean_file` returns the checked `RegistryData`."""

    file = forms.FileField(
        label=_("Registrets projektmappe (.xlsx)"),
        help_text=_("Hele projektmappen tjekkes, før noget gemmes."),
    )

    def clean_file(self):
        import tempfile
        from pathlib import Path

        from django.utils.translation import get_language

        from klyngeradar.core.problems import InputError
        from klyngeradar.core.registry.workbook import parse_registry
        from klyngeradar.core.tables import read_tables
        from klyngeradar.web.registry.workbook import known_programmes

        upload = self.cleaned_data["file"]
        name = Path(upload.name).name
        if Path(name).suffix.casefold() != ".xlsx":
            raise forms.ValidationError(_("Filen skal være en .xlsx-projektmappe."))
        lang = "en" if (get_language() or "da").startswith("en") else "da"
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_bytes(upload.read())
            try:
                return parse_registry(read_tables(path), programmes=known_programmes(), file=name)
            except InputError as error:
                raise forms.ValidationError([p.text(lang) for p in error.problems]) from None
