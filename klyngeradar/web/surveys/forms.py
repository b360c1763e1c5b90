"""The analyst's forms: a round, an invitation, an import upload."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from klyngeradar.core.strategy.plan import Strategy, demo_strategy
from klyngeradar.core.surveys.exchange import slugify
from klyngeradar.core.surveys.questionnaire import SLUG, versions
from klyngeradar.web.dateinput import DanishDateInput
from klyngeradar.web.registry.models import Cluster
from klyngeradar.web.surveys import emails
from klyngeradar.web.surveys.models import Round
from klyngeradar.web.uploads import check_upload

MAX_UPLOAD = 5 * 1024 * 1024
UPLOAD_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt")


def parse_choices(text: str) -> list[dict[str, str]]:
    """Lines of ``slug; Navn`` (or just ``Navn``) as ``[{"slug", "name"}]``; ValidationError."""
    items, seen, problems = [], set(), []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        slug, _sep, name = line.partition(";")
        slug, name = slug.strip(), name.strip()
        if not name:
            slug, name = slugify(slug), slug
        if not SLUG.match(slug):
            problems.append(
                _("Linje %(n)s: »%(slug)s« er ikke et gyldigt kort navn (a-z, 0-9 og -).")
                % {"n": number, "slug": slug}
            )
        elif slug in seen:
            problems.append(
                _("Linje %(n)s: »%(slug)s« står to gange.") % {"n": number, "slug": slug}
            )
        seen.add(slug)
        items.append({"slug": slug, "name": name})
    if problems:
        raise ValidationError(problems)
    return items


def format_choices(items: list[dict[str, str]]) -> str:
    return "\n".join(f"{item['slug']}; {item['name']}" for item in items)


def parse_addresses(text: str) -> list[str]:
    """E-mail addresses separated by commas, semicolons, spaces or lines; ValidationError."""
    addresses = [a for a in re.split(r"[\s,;]+", text) if a]
    if not addresses:
        raise ValidationError(_("Skriv mindst én e-mailadresse."))
    for address in addresses:
        try:
            validate_email(address)
        except ValidationError as exc:
            raise ValidationError(
                _("»%(address)s« er ikke en gyldig e-mailadresse.") % {"address": address}
            ) from exc
    return list(dict.fromkeys(addresses))


class RoundForm(forms.ModelForm):
    actors_text = forms.CharField(
        label=gettext_lazy("Regionens aktører"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=gettext_lazy("Én pr. linje: kort navn; navn (fx »aau; Aalborg Universitet«)."),
    )
    efforts_text = forms.CharField(
        label=gettext_lazy("Regionens indsatser"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=gettext_lazy("Én pr. linje: kort navn; navn."),
    )
    reminder_days_text = forms.CharField(
        label=gettext_lazy("Påmindelser (dage før fristen)"),
        required=False,
        help_text=gettext_lazy("Fx »7, 2«: påmindelse 7 og 2 dage før fristen. Tom: ingen."),
    )
    questionnaire_version = forms.ChoiceField(label=gettext_lazy("Spørgeskemaversion"))

    class Meta:
        model = Round
        fields = [
            "title",
            "since",
            "deadline",
            "questionnaire_version",
            "invitation_subject",
            "invitation_body",
            "reminder_subject",
            "reminder_body",
        ]
        widgets = {
            "since": DanishDateInput(),
            "deadline": DanishDateInput(),
            "invitation_body": forms.Textarea(attrs={"rows": 12}),
            "reminder_body": forms.Textarea(attrs={"rows": 10}),
        }

    field_order = [
        "title",
        "since",
        "deadline",
        "questionnaire_version",
        "actors_text",
        "efforts_text",
        "reminder_days_text",
    ]

    def __init__(self, *args, actors=None, strategy: Strategy | None = None, **kwargs):
        """`actors` and the organisation's `strategy` are suggested for a new round."""
        super().__init__(*args, **kwargs)
        self.fields["questionnaire_version"].choices = [(v, v) for v in versions()]
        instance = self.instance
        efforts = instance.efforts or []
        if instance._state.adding:
            efforts = self._suggest_efforts(strategy)
        self.initial.setdefault("actors_text", format_choices(actors or instance.actors or []))
        self.initial.setdefault("efforts_text", format_choices(efforts))
        self.initial.setdefault(
            "reminder_days_text", ", ".join(str(d) for d in instance.reminder_days)
        )
        names = ", ".join(f"{{{name}}}" for name in emails.PLACEHOLDERS)
        for name in ("invitation_body", "reminder_body"):
            self.fields[name].help_text = _("Felter, der udfyldes: %(names)s.") % {"names": names}

    def _suggest_efforts(self, strategy: Strategy | None) -> list[dict[str, str]]:
        """The organisation's efforts, or the example strategy's when it has none; say which."""
        if strategy is None:
            note = _(
                "Forslaget er et eksempel: organisationen har ingen strategi endnu. "
                "Ret listen til regionens egne indsatser."
            )
            strategy = demo_strategy()
        elif strategy.example:
            note = _("Forslaget er fra organisationens strategi, som er markeret som eksempel.")
        else:
            note = _("Forslaget er fra organisationens strategi.")
        field = self.fields["efforts_text"]
        field.help_text = f"{field.help_text} {note}"
        return [{"slug": e.slug, "name": e.name} for e in strategy.efforts]

    def clean_actors_text(self) -> list[dict[str, str]]:
        return parse_choices(self.cleaned_data["actors_text"])

    def clean_efforts_text(self) -> list[dict[str, str]]:
        return parse_choices(self.cleaned_data["efforts_text"])

    def clean_reminder_days_text(self) -> list[int]:
        words = [w for w in re.split(r"[\s,;]+", self.cleaned_data["reminder_days_text"]) if w]
        if not all(w.isdigit() and 0 <= int(w) <= 365 for w in words):
            raise ValidationError(_("Skriv hele antal dage, adskilt af komma, fx »7, 2«."))
        return sorted({int(w) for w in words}, reverse=True)

    def clean(self):
        cleaned = super().clean()
        for name in ("invitation_subject", "invitation_body", "reminder_subject", "reminder_body"):
            unknown = emails.unknown_placeholders(cleaned.get(name) or "")
            if unknown:
                self.add_error(
                    name,
                    _("Ukendt felt: %(names)s.")
                    % {"names": ", ".join(f"{{{u}}}" for u in unknown)},
                )
        since, deadline = cleaned.get("since"), cleaned.get("deadline")
        if since and deadline and since > deadline:
            self.add_error("since", _("Periodens start skal ligge før svarfristen."))
        return cleaned

    def save(self, commit=True):
        round = super().save(commit=False)
        round.actors = self.cleaned_data["actors_text"]
        round.efforts = self.cleaned_data["efforts_text"]
        round.reminder_days = self.cleaned_data["reminder_days_text"]
        if commit:
            round.save()
        return round


class InviteForm(forms.Form):
    cluster = forms.ModelChoiceField(queryset=Cluster.objects.none(), label=gettext_lazy("Klynge"))
    addresses = forms.CharField(
        label=gettext_lazy("E-mailadresser"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Én eller flere, adskilt af komma eller linjeskift."),
    )
    send = forms.BooleanField(
        label=gettext_lazy("Send invitationen nu"), required=False, initial=True
    )

    def __init__(self, *args, round: Round, **kwargs):
        super().__init__(*args, **kwargs)
        invited = round.responses.values_list("cluster", flat=True)
        self.fields["cluster"].queryset = Cluster.objects.exclude(pk__in=invited).order_by("name")

    def clean_addresses(self) -> list[str]:
        return parse_addresses(self.cleaned_data["addresses"])


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Fil med svar (.xlsx eller .csv)"),
        help_text=gettext_lazy(
            "I udvekslingsformatet: en række pr. klynge med kolonnerne cluster, status "
            "og spørgsmålenes id."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(UPLOAD_SUFFIXES):
            raise ValidationError(_("Vælg en .xlsx- eller .csv-fil."))
        check_upload(upload, max_bytes=MAX_UPLOAD)
        return upload
