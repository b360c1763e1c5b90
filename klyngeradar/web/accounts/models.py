"""Organisations that run survey rounds, and each user's role.

An `Organisation` (e.g. BRN) is the tenant: its analysts run its rounds and its
viewers read its results. A respondent belongs to one cluster and sees only
that cluster's objects. The role lives on `Membership`, one per user.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from klyngeradar.web.registry.models import Cluster, Region


class Organisation(models.Model):
    """A regional body that runs survey rounds, e.g. Business Region North Denmark."""

    slug = models.SlugField(_("kort navn"), max_length=80, unique=True)
    name = models.CharField(_("navn"), max_length=200)
    short_name = models.CharField(_("forkortelse"), max_length=40, blank=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("region")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self) -> str:
        return self.short_name or self.name


class Role(models.TextChoices):
    ANALYST = "analyst", _("Analytiker")
    RESPONDENT = "respondent", _("Respondent")
    VIEWER = "viewer", _("Læser")
    ADMIN = "admin", _("Administrator")


class Membership(models.Model):
    """A user's role, in an organisation (analyst, viewer) or for a cluster (respondent)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="membership",
        verbose_name=_("bruger"),
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="respondents",
        verbose_name=_("klynge"),
    )

    class Meta:
        verbose_name = _("rolle")
        verbose_name_plural = _("roller")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    def clean(self) -> None:
        if self.role == Role.RESPONDENT and self.cluster_id is None:
            raise ValidationError({"cluster": _("En respondent skal høre til en klynge.")})
        if self.role in (Role.ANALYST, Role.VIEWER) and self.organisation_id is None:
            raise ValidationError({"organisation": _("Vælg den organisation, brugeren hører til.")})
        if self.role != Role.RESPONDENT and self.cluster_id is not None:
            raise ValidationError({"cluster": _("Kun respondenter hører til en klynge.")})
