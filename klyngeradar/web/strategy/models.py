"""The region's strategy and the analyst's judgement on a round's collaboration models.

- `Strategy` and `Effort`: an organisation's vision and strategy efforts, edited
  by its analysts (the demo's are flagged as an example).
- `FitOverride`: the analyst's fit score (0–3) for one cluster × effort of a
  round, with a note; it wins over the survey's.
- `Decision`: the analyst's answer to one recommendation (accept, change the
  model, reject), with a written reason for a change or a rejection.
- `RoundThresholds`: the recommendation rules' bars for one round.
- `ShortlistChoice`: the analyst's pin or removal of one cluster or effort on the
  round's shortlist of what to act on first (`klyngeradar.core.strategy.priorities`).

Everything the analyst decides keeps its history (django-simple-history): who,
when and what. The computing is done by `klyngeradar.core`; these rows are only
its inputs (`core_strategy`, `overrides_for`, `thresholds_for`).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from klyngeradar.core.strategy import plan as core_strategy_module
from klyngeradar.core.strategy.catalogue import MODELS
from klyngeradar.core.strategy.fit import MAX_SCORE
from klyngeradar.core.strategy.recommendations import Thresholds

# The names come from the core's catalogue; pages show them in the reader's language.
MODEL_CHOICES = [(m.code, m.name_da) for m in MODELS]

FIT_CHOICES = [
    (0, _("0 – ingen")),
    (1, _("1 – svag")),
    (2, _("2 – tydelig")),
    (3, _("3 – stærk")),
]


class Strategy(models.Model):
    """An organisation's (and so its region's) vision and the efforts clusters can support."""

    organisation = models.OneToOneField(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="strategy",
        verbose_name=_("organisation"),
    )
    vision = models.TextField(_("vision"), blank=True)
    example = models.BooleanField(
        _("eksempel"),
        default=False,
        help_text=_("Markér, når vision og indsatser er et eksempel og ikke regionens egne."),
    )
    source = models.TextField(_("kilde"), blank=True)
    updated_at = models.DateTimeField(_("opdateret"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("strategi")
        verbose_name_plural = _("strategier")

    def __str__(self) -> str:
        return str(_("Strategi for %(organisation)s") % {"organisation": self.organisation})

    def to_core(self) -> core_strategy_module.Strategy:
        """This strategy as the core's plain `Strategy`."""
        return core_strategy_module.Strategy(
            vision=self.vision or None,
            efforts=tuple(
                core_strategy_module.Effort(e.slug, e.name, e.description or None)
                for e in self.efforts.all()
            ),
            example=self.example,
            source=self.source or None,
        )


class Effort(models.Model):
    """One strategy effort (indsats): slug, name and a one-sentence description."""

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="efforts", verbose_name=_("strategi")
    )
    slug = models.SlugField(
        _("kort navn"),
        max_length=80,
        help_text=_("Små bogstaver, tal og bindestreg; bruges i spørgeskemaet og eksportfiler."),
    )
    name = models.CharField(_("navn"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "slug"], name="strategy_effort_unique_slug")
        ]
        verbose_name = _("indsats")
        verbose_name_plural = _("indsatser")

    def __str__(self) -> str:
        return self.name


class FitOverride(models.Model):
    """The analyst's fit score for one cluster × effort of a round; wins over the survey."""

    round = models.ForeignKey(
        "surveys.Round",
        on_delete=models.CASCADE,
        related_name="fit_overrides",
        verbose_name=_("runde"),
    )
    cluster = models.ForeignKey(
        "registry.Cluster", on_delete=models.CASCADE, related_name="+", verbose_name=_("klynge")
    )
    effort = models.SlugField(_("indsats"), max_length=80)
    score = models.PositiveSmallIntegerField(
        _("fit"),
        choices=FIT_CHOICES,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_SCORE)],
    )
    note = models.TextField(_("note"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ændret af"),
    )
    changed_at = models.DateTimeField(_("ændret"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "cluster__name", "effort"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "cluster", "effort"], name="fit_override_one_per_cell"
            ),
            models.CheckConstraint(
                condition=models.Q(score__lte=MAX_SCORE), name="fit_override_score_0_3"
            ),
        ]
        verbose_name = _("fit sat af analytiker")
        verbose_name_plural = _("fit sat af analytiker")

    def __str__(self) -> str:
        return f"{self.cluster} × {self.effort}: {self.score}"


class Decision(models.Model):
    """The analyst's answer to one recommendation of a round, kept with its history."""

    class Level(models.TextChoices):
        CLUSTER = "cluster", _("Klynge")
        EFFORT = "effort", _("Indsats")
        REGION = "region", _("Region")

    class Verdict(models.TextChoices):
        ACCEPTED = "accepted", _("Accepteret")
        CHANGED = "changed", _("Anden model valgt")
        REJECTED = "rejected", _("Afvist")

    round = models.ForeignKey(
        "surveys.Round", on_delete=models.CASCADE, related_name="decisions", verbose_name=_("runde")
    )
    level = models.CharField(_("niveau"), max_length=10, choices=Level.choices)
    subject = models.SlugField(
        _("emne"),
        max_length=80,
        help_text=_("Klyngens kort navn, indsatsens kort navn eller modellens kode (region)."),
    )
    recommended_model = models.CharField(
        _("anbefalet model"), max_length=40, choices=MODEL_CHOICES, blank=True
    )
    verdict = models.CharField(_("beslutning"), max_length=10, choices=Verdict.choices)
    chosen_model = models.CharField(
        _("valgt model"), max_length=40, choices=MODEL_CHOICES, blank=True
    )
    reason = models.TextField(_("begrundelse"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("besluttet af"),
    )
    decided_at = models.DateTimeField(_("besluttet"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "level", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "level", "subject"], name="decision_one_per_recommendation"
            )
        ]
        verbose_name = _("beslutning")
        verbose_name_plural = _("beslutninger")

    def __str__(self) -> str:
        return f"{self.get_level_display()} {self.subject}: {self.get_verdict_display()}"

    @property
    def model(self) -> str:
        """The model the region goes with: the chosen one, the recommended one, or none."""
        if self.verdict == self.Verdict.CHANGED:
            return self.chosen_model
        if self.verdict == self.Verdict.ACCEPTED:
            return self.recommended_model
        return ""


class RoundThresholds(models.Model):
    """The recommendation rules' bars for one round (`core.strategy.recommendations`)."""

    round = models.OneToOneField(
        "surveys.Round",
        on_delete=models.CASCADE,
        related_name="thresholds",
        verbose_name=_("runde"),
    )
    high_fit = models.PositiveSmallIntegerField(
        _("højt fit fra fit-score"),
        default=Thresholds.high_fit,
        help_text=_("En klynges samlede fit-score på mindst dette tal er højt fit."),
    )
    effort_support = models.PositiveSmallIntegerField(
        _("understøtter en indsats fra fit"),
        default=Thresholds.effort_support,
        help_text=_("En celle på mindst dette tal betyder, at klyngen understøtter indsatsen."),
    )
    effort_call_min = models.PositiveSmallIntegerField(
        _("klynger til en satsning"),
        default=Thresholds.effort_call_min,
        help_text=_("Så mange klynger skal understøtte en indsats, før en satsning anbefales."),
    )
    shared_environment_min = models.PositiveSmallIntegerField(
        _("klynger til et fælles miljø"),
        default=Thresholds.shared_environment_min,
        help_text=_(
            "Så mange klynger med højt fit uden fysisk tilstedeværelse giver et fælles miljø."
        ),
    )
    members_above = models.PositiveIntegerField(
        _("medlemsgrænse"),
        null=True,
        blank=True,
        help_text=_("Tomt: rundens median af medlemmer i regionen."),
    )
    high_engagement = models.PositiveSmallIntegerField(
        _("engagementsgrænse"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Tomt: engagementsscoren bruges ikke i reglerne."),
    )
    specialised_lq = models.DecimalField(
        _("specialiseringsgrænse (LQ)"),
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        default=Thresholds.specialised_lq,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_(
            "Regionen er specialiseret i en klynges område fra denne LQ. Tomt: bruges ikke. "
            "Gælder kun, når der er uploadet beskæftigelsesstatistik."
        ),
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ændret af"),
    )
    changed_at = models.DateTimeField(_("ændret"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("grænser for anbefalinger")
        verbose_name_plural = _("grænser for anbefalinger")

    def __str__(self) -> str:
        return str(_("Grænser for %(round)s") % {"round": self.round})

    def to_core(self) -> Thresholds:
        return Thresholds(
            high_fit=self.high_fit,
            effort_support=self.effort_support,
            effort_call_min=self.effort_call_min,
            shared_environment_min=self.shared_environment_min,
            members_above=self.members_above,
            high_engagement=self.high_engagement,
            specialised_lq=self.specialised_lq,
        )


class ShortlistChoice(models.Model):
    """The analyst's departure from the shortlist's rule for one cluster or effort of a round.

    Pinned: on the shortlist, before the rule's items, in `position` order. Excluded:
    left off. No row: the rule decides. Unpinning deletes the row; its history stays.
    """

    class Kind(models.TextChoices):
        CLUSTER = "cluster", _("Klynge")
        EFFORT = "effort", _("Indsats")

    class State(models.TextChoices):
        PINNED = "pinned", _("Fastgjort")
        EXCLUDED = "excluded", _("Fjernet")

    round = models.ForeignKey(
        "surveys.Round",
        on_delete=models.CASCADE,
        related_name="shortlist_choices",
        verbose_name=_("runde"),
    )
    kind = models.CharField(_("slags"), max_length=10, choices=Kind.choices)
    subject = models.SlugField(
        _("emne"), max_length=80, help_text=_("Klyngens eller indsatsens kort navn.")
    )
    state = models.CharField(_("valg"), max_length=10, choices=State.choices)
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    reason = models.TextField(_("begrundelse"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ændret af"),
    )
    changed_at = models.DateTimeField(_("ændret"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "kind", "position", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "kind", "subject"], name="shortlist_choice_one_per_subject"
            )
        ]
        verbose_name = _("valg til kortlisten")
        verbose_name_plural = _("valg til kortlisten")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.subject}: {self.get_state_display()}"
