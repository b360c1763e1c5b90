"""Survey rounds, the invitations (personal links) and the clusters' responses.

A `Round` binds a questionnaire version to a region and an organisation, with
the region's actors and strategy efforts as editable lists of slug + name.
Each invited cluster has one `Response` per round; its answers are stored as
JSON in the exchange format's vocabulary (`klyngeradar.web.surveys.convert`
turns them into the core's `RoundData`). An `Invitation` is a personal link:
only the SHA-256 hash of its token is stored.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from klyngeradar.core.surveys.questionnaire import latest_version
from klyngeradar.web.accounts.models import Organisation
from klyngeradar.web.registry.models import Cluster, Region
from klyngeradar.web.surveys import emails
from klyngeradar.web.versions import Versioned


def default_reminder_days() -> list[int]:
    return [7, 2]


class Round(models.Model):
    """One survey round of an organisation in its region."""

    class Status(models.TextChoices):
        OPEN = "open", _("Åben")
        CLOSED = "closed", _("Lukket")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="rounds",
        verbose_name=_("organisation"),
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="rounds", verbose_name=_("region")
    )
    title = models.CharField(_("titel"), max_length=200)
    questionnaire_version = models.CharField(
        _("spørgeskemaversion"), max_length=20, default=latest_version
    )
    since = models.DateField(
        _("periodens start"),
        null=True,
        blank=True,
        help_text=_("Spørgsmålene om deltagere gælder perioden fra denne dato."),
    )
    deadline = models.DateField(_("svarfrist"))
    year = models.PositiveSmallIntegerField(
        _("år"),
        null=True,
        blank=True,
        help_text=_("Rundens år, fx 2025 (tomt: svarfristens år)."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.OPEN)
    actors = models.JSONField(_("regionens aktører"), default=list, blank=True)
    efforts = models.JSONField(_("regionens indsatser"), default=list, blank=True)
    invitation_subject = models.CharField(
        _("emne for invitation"), max_length=200, default=emails.INVITATION_SUBJECT
    )
    invitation_body = models.TextField(_("tekst i invitation"), default=emails.INVITATION_BODY)
    reminder_subject = models.CharField(
        _("emne for påmindelse"), max_length=200, default=emails.REMINDER_SUBJECT
    )
    reminder_body = models.TextField(_("tekst i påmindelse"), default=emails.REMINDER_BODY)
    reminder_days = models.JSONField(
        _("påmindelser (dage før fristen)"), default=default_reminder_days, blank=True
    )
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)
    closed_at = models.DateTimeField(_("lukket"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "title"]
        verbose_name = _("runde")
        verbose_name_plural = _("runder")

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def round_year(self) -> int | None:
        """The round's year: as given, else the year of its deadline."""
        if self.year is not None:
            return self.year
        return self.deadline.year if self.deadline else None


class Invitation(models.Model):
    """A personal link for one cluster in one round; the token is stored only as a hash.

    A cluster may hold several live links: each reminder carries a fresh one
    (the hash cannot be turned back into the first link), and earlier links
    keep working until they are revoked or the round closes.
    """

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("runde")
    )
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, related_name="invitations", verbose_name=_("klynge")
    )
    emails = models.JSONField(_("e-mailadresser"), default=list)
    token_hash = models.CharField(_("token (SHA-256)"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("tilbagekaldt"), null=True, blank=True)
    opened_at = models.DateTimeField(_("først åbnet"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("senest set"), null=True, blank=True)

    class Meta:
        ordering = ["round", "cluster__name", "-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitationer")

    def __str__(self) -> str:
        return f"{self.cluster} · {self.round}"

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def usable(self) -> bool:
        """A link works while it is not revoked and its round is open (expires with the round)."""
        return not self.revoked and self.round.is_open


class Response(Versioned):
    """One cluster's answers in one round, in the exchange format's vocabulary.

    `answers` maps question ids to values: a list of codes for ``multi`` (an
    empty list is the answer "none"), an int for ``int``, a string otherwise;
    an unanswered question is absent. `basis` maps int question ids to
    ``counted``/``estimated``.
    """

    class Status(models.TextChoices):
        NOT_OPENED = "not_opened", _("Ikke åbnet")
        OPENED = "opened", _("Åbnet")
        DRAFT = "draft", _("Kladde")
        SUBMITTED = "submitted", _("Indsendt")

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="responses", verbose_name=_("runde")
    )
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, related_name="responses", verbose_name=_("klynge")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.NOT_OPENED)
    answers = models.JSONField(_("svar"), default=dict, blank=True)
    basis = models.JSONField(_("grundlag"), default=dict, blank=True)
    confirmed_warnings = models.JSONField(_("bekræftede advarsler"), default=list, blank=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    submitted_at = models.DateTimeField(_("indsendt"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "cluster__name"]
        verbose_name = _("besvarelse")
        verbose_name_plural = _("besvarelser")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "cluster"], name="surveys_one_response_per_cluster"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cluster} · {self.round}"

    @property
    def submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class Reminder(models.Model):
    """A reminder sent to a cluster on a day; unique, so a daily cron never sends two."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("runde")
    )
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, related_name="reminders", verbose_name=_("klynge")
    )
    day = models.DateField(_("dag"))
    invitation = models.ForeignKey(
        Invitation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reminders",
        verbose_name=_("link i påmindelsen"),
    )
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("påmindelse")
        verbose_name_plural = _("påmindelser")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "cluster", "day"], name="surveys_one_reminder_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cluster} · {self.day}"


# Who changed a response when nobody is logged in: the respondent at the personal link.
VIA_LINK = "via personligt link"
