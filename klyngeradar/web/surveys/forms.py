"""The analyst's forms: a round, an invitation, an import upload."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from klyngeradar.core.strategy.plan import Strategy, demo_strategy
from klyngeradar.core.surveys.questionnaire import versions
from klyngeradar.web.dateinput import DanishDateInput
from klyngeradar.web.registry.models import Cluster
from klyngeradar.web.surveys import choices, emails
from klyngeradar.web.surveys.models import Response, Round
from klyngeradar.web.uploads import check_upload

MAX_UPLOAD = 5 * 1024 * 1024
UPLOAD_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt")


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
        help_text=gettext_lazy("Ét navn pr. linje, fx »Aalborg Universitet«."),
    )
    efforts_text = forms.CharField(
        label=gettext_lazy("Regionens indsatser"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=gettext_lazy("Ét navn pr. linje."),
    )
    actors_slugs = forms.CharField(
        label=gettext_lazy("Aktørernes korte navne"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=gettext_lazy(
            "Én pr. linje: kort navn; navn. Bruges i eksportfiler; et navn, der ikke står "
            "her, får et kort navn af sig selv (æ, ø, å bliver ae, oe, aa)."
        ),
    )
    efforts_slugs = forms.CharField(
        label=gettext_lazy("Indsatsernes korte navne"),
        widget=forms.Textarea(attrs={"rows": 4}),
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
        actors = actors or instance.actors or []
        self._known = {"actors": actors, "efforts": efforts}
        self.initial.setdefault("actors_text", choices.format_names(actors))
        self.initial.setdefault("efforts_text", choices.format_names(efforts))
        self.initial.setdefault("actors_slugs", choices.format_slugs(actors))
        self.initial.setdefault("efforts_slugs", choices.format_slugs(efforts))
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

    ADVANCED = ("actors_slugs", "efforts_slugs")

    def _split_at_the_lists(self):
        """(Fields up to the lists of actors and efforts, the rest): the advanced go between."""
        fields = [field for field in self if field.name not in self.ADVANCED]
        cut = next(i for i, f in enumerate(fields) if f.name == "efforts_text") + 1
        return fields[:cut], fields[cut:]

    @property
    def list_fields(self):
        return self._split_at_the_lists()[0]

    @property
    def other_fields(self):
        return self._split_at_the_lists()[1]

    @property
    def advanced_fields(self):
        return [self[name] for name in self.ADVANCED]

    @property
    def advanced_errors(self) -> bool:
        return any(self.errors.get(name) for name in self.ADVANCED)

    def clean_actors_slugs(self) -> dict[str, str]:
        return choices.parse_slugs(self.cleaned_data["actors_slugs"])

    def clean_efforts_slugs(self) -> dict[str, str]:
        return choices.parse_slugs(self.cleaned_data["efforts_slugs"])

    def _clean_names(self, kind: str) -> None:
        """Names to items; the advanced field's slugs and the known items' slugs are kept."""
        slugs = self.cleaned_data.get(f"{kind}_slugs")
        try:
            self.cleaned_data[f"{kind}_text"] = choices.parse_names(
                self.cleaned_data.get(f"{kind}_text") or "",
                slugs=slugs or {},
                known=self._known[kind],
            )
        except ValidationError as error:
            self.add_error(f"{kind}_text", error)

    def clean_reminder_days_text(self) -> list[int]:
        words = [w for w in re.split(r"[\s,;]+", self.cleaned_data["reminder_days_text"]) if w]
        if not all(w.isdigit() and 0 <= int(w) <= 365 for w in words):
            raise ValidationError(_("Skriv hele antal dage, adskilt af komma, fx »7, 2«."))
        return sorted({int(w) for w in words}, reverse=True)

    def clean(self):
        cleaned = super().clean()
        for kind in ("actors", "efforts"):
            self._clean_names(kind)
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


class RemindForm(forms.Form):
    """The clusters ticked on the round page for "Send påmindelse nu"."""

    response = forms.ModelMultipleChoiceField(
        queryset=Response.objects.none(),
        label=gettext_lazy("Klynger"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Vælg mindst én klynge at påminde.")},
    )

    def __init__(self, *args, round: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["response"].queryset = round.responses.select_related("cluster").order_by(
            "cluster__name"
        )


class InviteManyForm(forms.Form):
    """A contact list pasted or uploaded; cleaned to the source the contact reader checks."""

    text = forms.CharField(
        label=gettext_lazy("Indsæt kontaktlisten"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=gettext_lazy(
            "Én række pr. klynge: klyngens navn eller korte navn, derefter e-mailadresse(r). "
            "Kopiér rækkerne fra Excel, eller adskil med semikolon, fx "
            "»Klynge A; anne@klynge-a.dk, bo@klynge-a.dk«."
        ),
    )
    file = forms.FileField(
        label=gettext_lazy("… eller upload en fil (.xlsx eller .csv)"),
        required=False,
        help_text=gettext_lazy(
            "Kolonnerne klynge og e-mail (flere adresser i samme celle, eller flere "
            "e-mailkolonner). CSV fra dansk Excel (semikolon) virker."
        ),
    )
    send = forms.BooleanField(
        label=gettext_lazy("Send invitationerne nu"), required=False, initial=True
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if not upload.name.lower().endswith(UPLOAD_SUFFIXES):
            raise ValidationError(_("Vælg en .xlsx- eller .csv-fil."))
        check_upload(upload, max_bytes=MAX_UPLOAD)
        return upload

    def clean(self):
        cleaned = super().clean()
        text, upload = (cleaned.get("text") or "").strip(), cleaned.get("file")
        if "file" in self.errors:
            return cleaned
        if not text and upload is None:
            raise ValidationError(_("Indsæt en kontaktliste eller vælg en fil."))
        if text and upload is not None:
            raise ValidationError(_("Indsæt en liste eller vælg en fil, ikke begge."))
        return cleaned


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
