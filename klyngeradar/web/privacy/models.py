"""Retention per organisation, the record of what retention did, and the download log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klyngeradar.web.accounts.models import Organisation


class RetentionPolicy(models.Model):
    """How long after a round's close its personal data are kept (default: the setting)."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="retention",
        verbose_name=_("organisation"),
    )
    days_after_close = models.PositiveIntegerField(
        _("dage efter rundens lukning"),
        help_text=_("Kontaktadresser og linklog anonymiseres så mange dage efter, runden lukkede."),
    )

    class Meta:
        verbose_name = _("opbevaringsperiode")
        verbose_name_plural = _("opbevaringsperioder")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.days_after_close}"


class AnonymisedRound(models.Model):
    """A round whose personal data retention has removed (so the daily run is idempotent)."""

    round = models.OneToOneField(
        "surveys.Round", on_delete=models.CASCADE, related_name="+", verbose_name=_("runde")
    )
    anonymised_at = models.DateTimeField(_("anonymiseret"), default=timezone.now)
    invitations = models.PositiveIntegerField(_("invitationer"))
    reminders = models.PositiveIntegerField(_("påmindelser"))

    class Meta:
        verbose_name = _("anonymiseret runde")
        verbose_name_plural = _("anonymiserede runder")

    def __str__(self) -> str:
        return f"{self.round_id}: {self.anonymised_at:%Y-%m-%d}"


class DownloadLog(models.Model):
    """Who downloaded which generated file (deck, appendices, package, export), and when."""

    at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bruger"),
    )
    username = models.CharField(_("brugernavn"), max_length=150)
    path = models.CharField(_("adresse"), max_length=500)
    filename = models.CharField(_("fil"), max_length=255)
    via_api = models.BooleanField(_("via API"), default=False)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("download")
        verbose_name_plural = _("downloadlog")

    def __str__(self) -> str:
        return f"{self.username}: {self.filename}"
