"""Agreements between a cluster and regional parties, with their KPIs and follow-ups.

An `Agreement` belongs to the organisation that manages it (e.g. BRN) and binds
one cluster to one or more regional actors and/or municipalities. Around it:
co-financing per party and year, deliverables, coordination meetings, attached
documents, KPIs (from the catalogue or custom) with follow-ups.

Company participation (`Participation`, by CVR) and company figures are the
organisation's, imported in batches; which rows count for an agreement is
decided by the core (`AgreementFacts.covers`), never here.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import FileExtensionValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from klyngeradar.core.agreements.kpi import KPI_CATALOGUE, PERIODS
from klyngeradar.core.agreements.participation import SUPPORT_KIND_LABELS, SUPPORT_KINDS
from klyngeradar.web.accounts.models import Organisation
from klyngeradar.web.registry.models import Actor, Cluster, Municipality
from klyngeradar.web.versions import Versioned

CVR_FORMAT = RegexValidator(r"^\d{8}$", _("Et CVR-nummer har 8 cifre."))
DOCUMENT_EXTENSIONS = ("pdf", "docx", "odt", "xlsx", "ods", "pptx", "txt", "png", "jpg", "jpeg")
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024

UNSAFE_IN_FILE_NAMES = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


@deconstructible
class DocumentStorage(FileSystemStorage):
    """Attached documents live in the data directory's ``media`` folder.

    The location is read from the settings on every use, so that a test (or a
    CLI ``--data DIR``) that changes ``DATA_DIR`` is honoured.
    """

    @property
    def base_location(self):
        return str(Path(settings.DATA_DIR) / "media")

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    @property
    def base_url(self):
        # Documents are served through a view that checks access, never as plain media.
        return None

    def get_valid_name(self, name):
        """Keep the name as uploaded ("Aftale med Klynge A - 2026.pdf"), æøå, dashes and spaces.

        Only what is unsafe in a file name is replaced: path separators, control
        characters and the characters Windows refuses.
        """
        name = Path(str(name)).name.strip()
        cleaned = UNSAFE_IN_FILE_NAMES.sub("_", name).strip(". ")
        return cleaned or "dokument"


class Agreement(Versioned):
    class Kind(models.TextChoices):
        FRAMEWORK = "framework", _("Rammeaftale")
        PROJECT = "project", _("Projektaftale")
        OFFICE = "office", _("Kontorfællesskab")
        FINANCING = "financing", _("Finansieringsaftale")
        OTHER = "other", _("Anden aftale")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Udkast")
        NEGOTIATION = "negotiation", _("Under forhandling")
        ACTIVE = "active", _("Aktiv")
        ENDED = "ended", _("Udløbet")
        TERMINATED = "terminated", _("Opsagt")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("organisation"),
    )
    slug = models.SlugField(_("kort navn"), max_length=80, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, related_name="agreements", verbose_name=_("klynge")
    )
    actors = models.ManyToManyField(
        Actor, blank=True, related_name="agreements", verbose_name=_("regionale aktører")
    )
    municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="agreements", verbose_name=_("kommuner")
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.FRAMEWORK)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    start = models.DateField(_("start"))
    end = models.DateField(
        _("slut"), null=True, blank=True, help_text=_("Tom: løber til opsigelse.")
    )
    purpose = models.TextField(_("formål"), blank=True)
    presence = models.TextField(
        _("fysisk tilstedeværelse"),
        blank=True,
        help_text=_("Fx kontordage i regionen, kontorplads hos en part, faste mødesteder."),
    )
    notes = models.TextField(_("noter"), blank=True)
    created = models.DateTimeField(_("oprettet"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start", "title"]
        verbose_name = _("aftale")
        verbose_name_plural = _("aftaler")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agreements:agreement_detail", kwargs={"slug": self.slug})


class CoFinancing(models.Model):
    """A party's co-financing in a year. Neither actor nor municipality: the cluster itself."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="cofinancing", verbose_name=_("aftale")
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("aktør")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("kommune")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    amount_dkk = models.PositiveBigIntegerField(_("beløb (kr.)"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["year", "pk"]
        verbose_name = _("medfinansiering")
        verbose_name_plural = _("medfinansiering")

    def __str__(self) -> str:
        return f"{self.party} {self.year}: {self.amount_dkk} kr."

    @property
    def party(self):
        return self.actor or self.municipality or self.agreement.cluster


class Deliverable(models.Model):
    class Kind(models.TextChoices):
        EVENT = "event", _("Arrangement")
        THEME_DAY = "theme_day", _("Temadag")
        PROJECT = "project", _("Projekt")
        ADVICE = "advice", _("Rådgivning")
        OFFICE_DAYS = "office_days", _("Kontordage")
        OTHER = "other", _("Andet")

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="deliverables", verbose_name=_("aftale")
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.EVENT)
    title = models.CharField(_("leverance"), max_length=200)
    due = models.DateField(_("frist"), null=True, blank=True)
    done = models.BooleanField(_("leveret"), default=False)
    description = models.TextField(_("beskrivelse"), blank=True)

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("leverance")
        verbose_name_plural = _("leverancer")

    def __str__(self) -> str:
        return self.title


class CoordinationMeeting(models.Model):
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("aftale")
    )
    planned = models.DateField(_("planlagt"))
    held = models.DateField(_("afholdt"), null=True, blank=True)
    minutes = models.TextField(_("referat"), blank=True)

    class Meta:
        ordering = ["planned", "pk"]
        verbose_name = _("koordineringsmøde")
        verbose_name_plural = _("koordineringsmøder")

    def __str__(self) -> str:
        return f"{self.agreement} {self.planned:%d.%m.%Y}"


class AgreementDocument(models.Model):
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="documents", verbose_name=_("aftale")
    )
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(
        _("fil"),
        storage=DocumentStorage(),
        upload_to="agreements/%Y/",
        validators=[FileExtensionValidator(DOCUMENT_EXTENSIONS)],
    )
    uploaded = models.DateTimeField(_("uploadet"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-uploaded"]
        verbose_name = _("dokument")
        verbose_name_plural = _("dokumenter")

    def __str__(self) -> str:
        return self.title

    @property
    def filename(self) -> str:
        return Path(self.file.name).name


# A follow-up states the figure for the year so far, up to the end of its period.
PERIOD_LABELS = {
    "Q1": _("1. kvartal"),
    "H1": _("1. halvår"),
    "Q2": _("2. kvartal"),
    "Q3": _("3. kvartal"),
    "Q4": _("4. kvartal"),
    "H2": _("2. halvår"),
    "year": _("Hele året"),
}
PERIOD_CHOICES = [(period, PERIOD_LABELS[period]) for period in PERIODS]
CATALOGUE_CHOICES = [(entry.key, entry.name_da) for entry in KPI_CATALOGUE]


class Kpi(Versioned):
    """A KPI of an agreement; `targets` maps a year (as text, JSON keys) to a whole number."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="kpis", verbose_name=_("aftale")
    )
    catalogue_key = models.CharField(
        _("fra kataloget"), max_length=40, choices=CATALOGUE_CHOICES, blank=True
    )
    definition = models.CharField(_("definition"), max_length=200)
    unit = models.CharField(_("enhed"), max_length=40)
    baseline = models.PositiveBigIntegerField(_("udgangspunkt"), null=True, blank=True)
    targets = models.JSONField(_("mål pr. år"), default=dict, blank=True)
    measurement = models.TextField(_("sådan måles"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("KPI")
        verbose_name_plural = _("KPI'er")

    def __str__(self) -> str:
        return self.definition

    def target_items(self) -> list[tuple[int, int]]:
        return sorted((int(year), value) for year, value in self.targets.items())


class FollowUp(models.Model):
    class Basis(models.TextChoices):
        COUNTED = "counted", _("Opgjort")
        ESTIMATED = "estimated", _("Skønnet")

    kpi = models.ForeignKey(
        Kpi, on_delete=models.CASCADE, related_name="followups", verbose_name=_("KPI")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    period = models.CharField(_("periode"), max_length=4, choices=PERIOD_CHOICES, default="year")
    actual = models.PositiveBigIntegerField(_("faktisk værdi"), null=True, blank=True)
    basis = models.CharField(_("grundlag"), max_length=10, choices=Basis.choices, blank=True)
    comment = models.TextField(_("kommentar"), blank=True)
    recorded = models.DateTimeField(_("registreret"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "pk"]
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")

    def __str__(self) -> str:
        return f"{self.kpi} {self.year} {self.period}: {self.actual}"


class ImportBatch(models.Model):
    """One imported file: who imported it when (all its rows were stored, or none)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    filename = models.CharField(_("fil"), max_length=255)
    imported = models.DateTimeField(_("importeret"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Stored at import, so that a list of imports never counts its rows again.
    row_count = models.PositiveIntegerField(_("rækker"), default=0)

    class Meta:
        abstract = True
        ordering = ["-imported"]

    def __str__(self) -> str:
        return self.filename


class ParticipationImport(ImportBatch):
    """One imported participation list, with what it covers and its content's fingerprint."""

    first_date = models.DateField(_("første dato"), null=True, blank=True)
    last_date = models.DateField(_("seneste dato"), null=True, blank=True)
    # `klyngeradar.core.agreements.repeats.fingerprint` of the rows; empty for lists
    # imported before fingerprints were kept.
    fingerprint = models.CharField(_("fingeraftryk"), max_length=64, blank=True, db_index=True)

    class Meta(ImportBatch.Meta):
        verbose_name = _("import af deltagerliste")
        verbose_name_plural = _("importer af deltagerlister")


class Participation(models.Model):
    batch = models.ForeignKey(
        ParticipationImport, on_delete=models.CASCADE, related_name="rows", verbose_name=_("import")
    )
    cvr = models.CharField(_("CVR-nummer"), max_length=8, validators=[CVR_FORMAT], db_index=True)
    pnr = models.CharField(_("P-nummer"), max_length=10, blank=True)
    company = models.CharField(_("virksomhed"), max_length=200)
    activity = models.CharField(_("aktivitet"), max_length=200)
    date = models.DateField(_("dato"))
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("klynge")
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("aktør")
    )
    kind = models.CharField(
        _("støttetype"),
        max_length=20,
        blank=True,
        choices=[(kind, SUPPORT_KIND_LABELS[kind][0]) for kind in SUPPORT_KINDS],
    )

    class Meta:
        ordering = ["date", "company"]
        # The pages and the documentation package count an agreement's rows by cluster (or by
        # actor for rows without a cluster) within a period, per CVR.
        indexes = [
            models.Index(fields=["cluster", "date", "cvr"], name="participation_cluster_date"),
            models.Index(fields=["actor", "date", "cvr"], name="participation_actor_date"),
        ]
        verbose_name = _("deltagelse")
        verbose_name_plural = _("deltagelser")

    def __str__(self) -> str:
        return f"{self.cvr} {self.activity} {self.date}"


class CompanyFiguresImport(ImportBatch):
    """One imported file of company figures."""

    class Meta(ImportBatch.Meta):
        verbose_name = _("import af virksomhedstal")
        verbose_name_plural = _("importer af virksomhedstal")


class CompanyFigures(models.Model):
    """A company's revenue and employees in a year; a later import replaces the same CVR-year."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    batch = models.ForeignKey(
        CompanyFiguresImport,
        on_delete=models.CASCADE,
        related_name="rows",
        verbose_name=_("import"),
    )
    cvr = models.CharField(_("CVR-nummer"), max_length=8, validators=[CVR_FORMAT])
    year = models.PositiveSmallIntegerField(_("år"))
    revenue_dkk = models.BigIntegerField(_("omsætning (kr.)"), null=True, blank=True)
    employees = models.PositiveIntegerField(_("ansatte"), null=True, blank=True)

    class Meta:
        ordering = ["cvr", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "cvr", "year"], name="company_figures_once_per_year"
            )
        ]
        verbose_name = _("virksomhedstal")
        verbose_name_plural = _("virksomhedstal")

    def __str__(self) -> str:
        return f"{self.cvr} {self.year}"


class MunicipalAccess(models.Model):
    """Ties a user (a municipal business officer) to a municipality.

    A viewer with at least one of these sees only the agreements their
    municipalities are party to, whichever organisation manages them.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="municipal_access",
        verbose_name=_("bruger"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality"], name="municipal_access_once")
        ]
        verbose_name = _("kommunal adgang")
        verbose_name_plural = _("kommunal adgang")

    def __str__(self) -> str:
        return f"{self.user} – {self.municipality}"
