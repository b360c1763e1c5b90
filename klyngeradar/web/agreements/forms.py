"""Forms for agreements: the only parsers of request data; `clean_*` returns domain types."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from klyngeradar.core.agreements.documentation import read_company_figures
from klyngeradar.core.agreements.kpi import catalogue_entry
from klyngeradar.core.agreements.participation import read_participation
from klyngeradar.core.problems import InputError
from klyngeradar.web.agreements.expiry import expiring
from klyngeradar.web.agreements.models import (
    DOCUMENT_EXTENSIONS,
    DOCUMENT_MAX_BYTES,
    Agreement,
    AgreementDocument,
    CoFinancing,
    CoordinationMeeting,
    Deliverable,
    FollowUp,
    Kpi,
)
from klyngeradar.web.dateinput import DanishDateInput
from klyngeradar.web.registry.models import Actor, Cluster, Municipality
from klyngeradar.web.uploads import check_upload
from klyngeradar.web.versions import VersionedModelForm

DATE = DanishDateInput()
UPLOAD_SUFFIXES = (".csv", ".xlsx")


class AgreementFilterForm(forms.Form):
    cluster = forms.ModelChoiceField(
        Cluster.objects.all(),
        required=False,
        label=_("Klynge"),
        empty_label=_("Alle klynger"),
        to_field_name="slug",
    )
    municipality = forms.ModelChoiceField(
        Municipality.objects.all(),
        required=False,
        label=_("Kommune"),
        empty_label=_("Alle kommuner"),
        to_field_name="code",
    )
    status = forms.ChoiceField(
        choices=[("", _("Alle statusser")), *Agreement.Status.choices],
        required=False,
        label=_("Status"),
    )
    expiring = forms.BooleanField(required=False, label=_("Udløber inden for 90 dage"))

    def __init__(self, *args, clusters=None, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        if clusters is not None:
            self.fields["cluster"].queryset = clusters
        if municipalities is not None:
            self.fields["municipality"].queryset = municipalities

    def filter(self, queryset, *, today):
        """Apply the valid choices to `queryset`; an invalid choice filters nothing."""
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data.get("cluster"):
            queryset = queryset.filter(cluster=data["cluster"])
        if data.get("municipality"):
            queryset = queryset.filter(municipalities=data["municipality"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("expiring"):
            queryset = expiring(queryset, today=today)
        return queryset


class AgreementForm(VersionedModelForm):
    conflict_subject = _("Aftalen")

    class Meta:
        model = Agreement
        fields = [
            "title",
            "slug",
            "cluster",
            "actors",
            "municipalities",
            "kind",
            "status",
            "start",
            "end",
            "purpose",
            "presence",
            "notes",
        ]
        widgets = {
            "start": DATE,
            "end": DATE,
            "actors": forms.CheckboxSelectMultiple,
            "municipalities": forms.CheckboxSelectMultiple,
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "presence": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, clusters=None, region=None, **kwargs):
        super().__init__(*args, **kwargs)
        if clusters is not None:
            self.fields["cluster"].queryset = clusters
        if region is not None:
            self.fields["actors"].queryset = Actor.objects.filter(region=region) | (
                Actor.objects.filter(region__isnull=True)
            )
            self.fields["municipalities"].queryset = Municipality.objects.filter(region=region)

    def clean(self):
        data = super().clean()
        if not data.get("actors") and not data.get("municipalities"):
            raise forms.ValidationError(
                _("Vælg mindst én regional aktør eller kommune som part i aftalen.")
            )
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("Slutdatoen ligger før startdatoen."))
        return data


def parse_targets(text: str) -> dict[str, int]:
    """Read "2024: 40; 2025: 50" (or one year per line) into {"2024": 40, "2025": 50}."""
    targets: dict[str, int] = {}
    for part in re.split(r"[;\n,]+", text or ""):
        part = part.strip()
        if not part:
            continue
        match = re.fullmatch(r"(\d{4})\s*[:=]\s*(\d{1,3}(?:\.\d{3})+|\d+)", part)
        if not match:
            raise forms.ValidationError(
                _("“%(part)s” er ikke “år: mål”, fx “2025: 40”."), params={"part": part}
            )
        year, value = match.groups()
        if year in targets:
            raise forms.ValidationError(_("Året %(year)s står to gange."), params={"year": year})
        targets[year] = int(value.replace(".", ""))
    return targets


class KpiForm(VersionedModelForm):
    conflict_subject = _("KPI'en")

    targets_text = forms.CharField(
        label=_("Mål pr. år"),
        required=False,
        help_text=_("Fx “2024: 40; 2025: 50”. Hele tal; kroner for penge."),
    )

    class Meta:
        model = Kpi
        fields = ["catalogue_key", "definition", "unit", "baseline", "measurement"]
        widgets = {"measurement": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["definition"].required = False
        self.fields["unit"].required = False
        self.fields["catalogue_key"].help_text = _(
            "Vælg fra kataloget, så aftaler på tværs af kommuner kan sammenlignes; "
            "tomme felter udfyldes fra kataloget."
        )
        if self.instance.pk:
            self.initial["targets_text"] = "; ".join(
                f"{year}: {value}" for year, value in self.instance.target_items()
            )

    def clean_targets_text(self) -> dict[str, int]:
        return parse_targets(self.cleaned_data.get("targets_text", ""))

    def clean(self):
        data = super().clean()
        key = data.get("catalogue_key")
        if key:
            entry = catalogue_entry(key)
            data["definition"] = data.get("definition") or entry.name_da
            data["unit"] = data.get("unit") or entry.unit_da
            data["measurement"] = data.get("measurement") or entry.measurement_da
        if not data.get("definition"):
            self.add_error("definition", _("Skriv en definition eller vælg fra kataloget."))
        if not data.get("unit"):
            self.add_error("unit", _("Angiv en enhed."))
        return data

    def save(self, commit=True):
        kpi = super().save(commit=False)
        kpi.definition = self.cleaned_data["definition"]
        kpi.unit = self.cleaned_data["unit"]
        kpi.measurement = self.cleaned_data["measurement"]
        kpi.targets = self.cleaned_data["targets_text"]
        if commit:
            kpi.save()
        return kpi


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["year", "period", "actual", "basis", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        if data.get("actual") is not None and not data.get("basis"):
            self.add_error("basis", _("Angiv om tallet er opgjort eller skønnet."))
        return data


class CoFinancingForm(forms.ModelForm):
    party = forms.ChoiceField(label=_("Part"))

    class Meta:
        model = CoFinancing
        fields = ["year", "amount_dkk", "note"]

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.agreement = agreement
        choices = [("cluster", agreement.cluster.name)]
        choices += [(f"actor:{a.pk}", a.name) for a in agreement.actors.all()]
        choices += [(f"municipality:{m.pk}", m.name) for m in agreement.municipalities.all()]
        self.fields["party"].choices = choices
        self.order_fields(["party", "year", "amount_dkk", "note"])

    def clean_party(self):
        value = self.cleaned_data["party"]
        if value == "cluster":
            return None, None
        kind, pk = value.split(":")
        if kind == "actor":
            return self.agreement.actors.get(pk=pk), None
        return None, self.agreement.municipalities.get(pk=pk)

    def save(self, commit=True):
        line = super().save(commit=False)
        line.agreement = self.agreement
        line.actor, line.municipality = self.cleaned_data["party"]
        if commit:
            line.save()
        return line


class DeliverableForm(forms.ModelForm):
    class Meta:
        model = Deliverable
        fields = ["kind", "title", "due", "done", "description"]
        widgets = {"due": DATE, "description": forms.Textarea(attrs={"rows": 2})}


class MeetingForm(forms.ModelForm):
    class Meta:
        model = CoordinationMeeting
        fields = ["planned", "held", "minutes"]
        widgets = {"planned": DATE, "held": DATE, "minutes": forms.Textarea(attrs={"rows": 4})}


class DocumentForm(forms.ModelForm):
    class Meta:
        model = AgreementDocument
        fields = ["title", "file"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower().lstrip(".")
        if suffix not in DOCUMENT_EXTENSIONS:
            raise forms.ValidationError(
                _("Filtypen .%(suffix)s er ikke tilladt (tilladt: %(allowed)s)."),
                params={"suffix": suffix, "allowed": ", ".join(DOCUMENT_EXTENSIONS)},
            )
        check_upload(upload, max_bytes=DOCUMENT_MAX_BYTES)
        return upload


def _read_upload(upload, reader):
    """Run a core reader on an uploaded .csv/.xlsx under its own name; problems as errors."""
    name = Path(upload.name).name
    if Path(name).suffix.lower() not in UPLOAD_SUFFIXES:
        raise forms.ValidationError(_("Upload en .csv- eller .xlsx-fil."))
    check_upload(upload, max_bytes=settings.IMPORT_MAX_BYTES)
    safe = re.sub(r"[^\w.\-æøåÆØÅ ]", "_", name)
    with tempfile.TemporaryDirectory(prefix="klyngeradar-upload-") as folder:
        path = Path(folder) / safe
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        try:
            return reader(path)
        except InputError as error:
            lang = get_language()
            raise forms.ValidationError([p.text(lang) for p in error.problems]) from None


class ParticipationImportForm(forms.Form):
    file = forms.FileField(
        label=_("Deltagerliste (.csv eller .xlsx)"),
        help_text=_(
            "Kolonner: cvr, pnr (valgfri), virksomhed, aktivitet, dato, klynge og/eller aktør, "
            "type (valgfri). Listen afvises samlet, hvis blot én række er forkert."
        ),
    )

    on_repeat = forms.ChoiceField(
        label=_("Hvis præcis de samme rækker er importeret før"),
        choices=[
            ("ask", _("Spørg mig (importér ikke)")),
            ("replace", _("Erstat den tidligere import")),
            ("skip", _("Spring over")),
        ],
        initial="ask",
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_on_repeat(self):
        return self.cleaned_data.get("on_repeat") or "ask"

    # A list larger than this is read and stored by a background job, not in the request.
    background_bytes = 2 * 1024 * 1024
    background = False

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.background_bytes:
            self.background = True
            return upload
        clusters = set(Cluster.objects.values_list("slug", flat=True))
        actors = set(Actor.objects.values_list("slug", flat=True))
        return _read_upload(
            self.cleaned_data["file"],
            lambda path: read_participation(path, clusters=clusters, actors=actors),
        )


class CompanyFiguresImportForm(forms.Form):
    file = forms.FileField(
        label=_("Virksomhedstal (.csv eller .xlsx)"),
        help_text=_("Kolonner: cvr, år, omsætning (kr.), ansatte. Tomme felter: ikke oplyst."),
    )

    def clean_file(self):
        return _read_upload(self.cleaned_data["file"], read_company_figures)


class PackageForm(forms.Form):
    year = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100)
    agreement = forms.ChoiceField(label=_("Aftale"), required=False)

    def __init__(self, *args, agreements=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].choices = [("", _("Alle aftaler"))] + [
            (a.slug, a.title) for a in agreements
        ]
