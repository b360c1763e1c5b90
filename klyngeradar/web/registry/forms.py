"""Forms for the registry pages: the cluster list's filter and the cluster edit form."""

from __future__ import annotations

from django import forms
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
            queryset = queryset.filter(programme=programme)
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
            "source",
            "verified",
        ]
        widgets = {
            "chair_from_business": forms.NullBooleanSelect,
            "maturity_note": forms.Textarea(attrs={"rows": 3}),
            "source": forms.Textarea(attrs={"rows": 2}),
        }
