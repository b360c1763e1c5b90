"""Forms of the strategy and collaboration-model pages: the only parsers of their request data."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from klyngeradar.core.problems import InputError
from klyngeradar.core.strategy.recommendations import Thresholds
from klyngeradar.web.strategy.models import (
    FIT_CHOICES,
    MODEL_CHOICES,
    Decision,
    Effort,
    FitOverride,
    RoundThresholds,
    ShortlistChoice,
    Strategy,
)


class StrategyForm(forms.ModelForm):
    class Meta:
        model = Strategy
        fields = ["vision", "example", "source"]
        widgets = {
            "vision": forms.Textarea(attrs={"rows": 3}),
            "source": forms.Textarea(attrs={"rows": 2}),
        }


EffortFormSet = forms.inlineformset_factory(
    Strategy,
    Effort,
    fields=["slug", "name", "description", "position"],
    widgets={"description": forms.Textarea(attrs={"rows": 2})},
    extra=1,
    can_delete=True,
)


class FitOverrideForm(forms.ModelForm):
    """The analyst's fit for one cell: a score 0–3 and a note saying why (required)."""

    score = forms.TypedChoiceField(
        label=_("Fit"), choices=FIT_CHOICES, coerce=int, widget=forms.RadioSelect
    )

    class Meta:
        model = FitOverride
        fields = ["score", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}
        labels = {"note": _("Note (hvorfor)")}
        error_messages = {
            "note": {"required": _("Skriv en note om, hvorfor du sætter dette fit.")},
        }


class DecisionForm(forms.ModelForm):
    """Accept, change or reject a recommendation; a change or a rejection needs a reason.

    The page knows the recommended model from the current analysis and passes it
    in; `DecisionAdminForm` reads it from the row. Both check the rules the core
    checks again when a stored decision is read for the deck and the appendices
    (`klyngeradar.core.strategy.decisions.AnalystDecision`).
    """

    verdict = forms.ChoiceField(
        label=_("Beslutning"), choices=Decision.Verdict.choices, widget=forms.RadioSelect
    )
    chosen_model = forms.ChoiceField(
        label=_("Anden model"),
        choices=[("", _("Vælg en model"))] + MODEL_CHOICES,
        required=False,
    )

    class Meta:
        model = Decision
        fields = ["verdict", "chosen_model", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}
        labels = {"reason": _("Begrundelse")}
        help_texts = {"reason": _("Skal udfyldes, når du vælger en anden model eller afviser.")}

    def __init__(self, *args, recommended_model: str | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.recommended_model = recommended_model or ""

    def recommended(self) -> str:
        """The model the rules recommend ("" for keep informed)."""
        return self.recommended_model

    def clean(self):
        data = super().clean()
        verdict = data.get("verdict")
        reason = (data.get("reason") or "").strip()
        data["reason"] = reason
        chosen = data.get("chosen_model") or ""
        if verdict == Decision.Verdict.CHANGED:
            if not chosen:
                self.add_error("chosen_model", _("Vælg den model, der skal bruges i stedet."))
            elif chosen == self.recommended():
                self.add_error("chosen_model", _("Vælg en anden model end den anbefalede."))
        else:
            data["chosen_model"] = ""
        if verdict in (Decision.Verdict.CHANGED, Decision.Verdict.REJECTED) and not reason:
            self.add_error(
                "reason",
                _("Skriv en begrundelse, når du vælger en anden model eller afviser anbefalingen."),
            )
        return data


class DecisionAdminForm(DecisionForm):
    """The admin's decision form: every field, with the page form's rules."""

    class Meta(DecisionForm.Meta):
        fields = [
            "round",
            "level",
            "subject",
            "recommended_model",
            "verdict",
            "chosen_model",
            "reason",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, recommended_model=None, **kwargs)

    def recommended(self) -> str:
        return self.cleaned_data.get("recommended_model") or ""


class ThresholdsForm(forms.ModelForm):
    class Meta:
        model = RoundThresholds
        fields = [
            "high_fit",
            "effort_support",
            "effort_call_min",
            "shared_environment_min",
            "members_above",
            "high_engagement",
            "specialised_lq",
        ]
        # An LQ is typed the Danish way on Danish pages ("1,20").
        localized_fields = ["specialised_lq"]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            Thresholds(**{name: data.get(name) for name in self.Meta.fields})
        except InputError as error:
            # The core names each problem in English and Danish; show the page's language.
            lang = get_language()
            for problem in error.problems:
                field = problem.column if problem.column in self.fields else None
                why = problem.reason_in(lang)
                self.add_error(field, _("Ugyldig grænse: %(why)s") % {"why": why})
        return data


class ShortlistChoiceForm(forms.Form):
    """Pin, remove, reset or move one cluster or effort on the round's shortlist.

    `subjects` maps each kind to the slugs the round has (its invited clusters and
    its efforts); anything else is refused, so no choice is stored for nothing.
    """

    ACTIONS = [
        ("pin", _("Fastgør på kortlisten")),
        ("exclude", _("Fjern fra kortlisten")),
        ("reset", _("Lad reglen bestemme")),
        ("up", _("Flyt op")),
        ("down", _("Flyt ned")),
    ]

    kind = forms.ChoiceField(choices=ShortlistChoice.Kind.choices)
    subject = forms.SlugField(max_length=80)
    action = forms.ChoiceField(choices=ACTIONS)
    reason = forms.CharField(
        label=_("Begrundelse (valgfri)"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"size": 30}),
    )

    def __init__(self, *args, subjects: dict[str, set[str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.subjects = subjects

    def clean(self):
        data = super().clean()
        kind, subject = data.get("kind"), data.get("subject")
        if kind and subject and subject not in self.subjects.get(kind, set()):
            self.add_error(
                "subject",
                _("»%(subject)s« er ikke en klynge eller indsats i runden.") % {"subject": subject},
            )
        data["reason"] = (data.get("reason") or "").strip()
        return data
