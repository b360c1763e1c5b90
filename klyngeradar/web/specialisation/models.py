"""An organisation's employment statistics, kept as they were read and checked.

`EmploymentUpload` holds one year's employment by municipality and industry
(the cells the core read, suppressed cells as null), its source and year, and
the area mapping used (null: the shipped default). The newest upload of an
organisation is the one its pages, rules and deck use; older ones stay as a
record. Everything is computed by `klyngeradar.core.specialisation`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klyngeradar.web.accounts.models import Organisation


class EmploymentUpload(models.Model):
    """One year's employment statistics and the area mapping, uploaded by an analyst."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="employment_uploads",
        verbose_name=_("organisation"),
    )
    file_name = models.CharField(_("filnavn"), max_length=255)
    source = models.CharField(
        _("kilde"),
        max_length=300,
        help_text=_("F.eks. »Danmarks Statistik, RAS300, beskæftigede ultimo november«."),
    )
    year = models.PositiveSmallIntegerField(_("år"))
    years = models.JSONField(_("år i filen"), default=list)
    layout = models.CharField(_("format"), max_length=20)
    # [[municipality code, DB07 code, value or null (suppressed)], ...]
    cells = models.JSONField(_("celler"), default=list)
    labels = models.JSONField(_("branchenavne"), default=dict, blank=True)
    mapping_name = models.CharField(_("områdenøgle"), max_length=255, blank=True)
    # [[area, DB07 code, weight as text, note], ...]; null: the shipped default mapping.
    mapping_rows = models.JSONField(_("områdenøglens rækker"), null=True, blank=True)
    illustrative = models.BooleanField(
        _("opdigtede tal"),
        default=False,
        help_text=_("Demoens tal er opdigtede og ikke Danmarks Statistiks."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploadet af"),
    )
    uploaded_at = models.DateTimeField(_("uploadet"), default=timezone.now)

    class Meta:
        ordering = ["organisation", "-uploaded_at", "-pk"]
        verbose_name = _("beskæftigelsesstatistik")
        verbose_name_plural = _("beskæftigelsesstatistikker")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.year})"
