"""The landscape: regions, municipalities, areas, programmes, clusters and regional actors.

Facts taken from public sources carry their `source` and a `verified` flag;
a fact not yet checked against its source is listed in `unverified_fields` so
that it is shown as "ikke verificeret" wherever it appears.
"""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

CVR = RegexValidator(r"^\d{8}$", _("Et CVR-nummer har 8 cifre."))


class Provenance(models.Model):
    """Where a row's facts come from and whether they have been checked."""

    source = models.TextField(_("kilde"), blank=True)
    verified = models.BooleanField(_("verificeret"), default=False)

    class Meta:
        abstract = True


class Region(Provenance):
    code = models.CharField(_("regionskode"), max_length=4, unique=True)
    name = models.CharField(_("navn"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regioner")

    def __str__(self) -> str:
        return self.name


class Municipality(Provenance):
    code = models.CharField(
        _("kommunekode"),
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^\d{3}$", _("En kommunekode har 3 cifre."))],
    )
    name = models.CharField(_("navn"), max_length=100)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self) -> str:
        return self.name


class Area(Provenance):
    """An erhvervs- og teknologiområde (a business and technology area, a stronghold)."""

    slug = models.SlugField(_("kort navn"), max_length=80, unique=True)
    name = models.CharField(_("navn"), max_length=200)
    emerging = models.BooleanField(
        _("spirende"), default=False, help_text=_("Et spirende område frem for en styrkeposition.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("erhvervs- og teknologiområde")
        verbose_name_plural = _("erhvervs- og teknologiområder")

    def __str__(self) -> str:
        return self.name


class Programme(Provenance):
    """A programme period, e.g. Innovationskraft 2021-2024."""

    slug = models.SlugField(_("kort navn"), max_length=80, unique=True)
    name = models.CharField(_("navn"), max_length=200)
    start = models.DateField(_("start"))
    end = models.DateField(_("slut"))
    cluster_count = models.PositiveSmallIntegerField(
        _("antal klynger"),
        null=True,
        blank=True,
        help_text=_("Antallet af klynger i perioden, som kilden oplyser det."),
    )
    grant_dkk = models.PositiveBigIntegerField(_("samlet bevilling (kr.)"), null=True, blank=True)
    grant_year = models.PositiveSmallIntegerField(_("år for bevillingen"), null=True, blank=True)
    unverified_fields = models.JSONField(_("ikke verificerede felter"), default=list, blank=True)
    note_da = models.TextField(_("note (dansk)"), blank=True)
    note_en = models.TextField(_("note (engelsk)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start", "name"]
        verbose_name = _("programperiode")
        verbose_name_plural = _("programperioder")

    def __str__(self) -> str:
        return self.name

    def note(self, lang: str = "da") -> str:
        return self.note_en if lang == "en" else self.note_da

    @property
    def note_shown(self) -> str:
        """The note in the active language."""
        from django.utils.translation import get_language

        return self.note("en" if (get_language() or "da").startswith("en") else "da")

    def covers(self, day) -> bool:
        return self.start <= day <= self.end


class Cluster(Provenance):
    """A cluster organisation in a programme period."""

    slug = models.SlugField(_("kort navn"), max_length=80, unique=True)
    name = models.CharField(_("navn"), max_length=200)
    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="clusters",
        verbose_name=_("programperiode"),
    )
    area = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="clusters",
        verbose_name=_("erhvervs- og teknologiområde"),
    )
    seat_municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="seated_clusters",
        verbose_name=_("hjemkommune"),
    )
    website = models.URLField(_("hjemmeside"), blank=True)
    cvr = models.CharField(_("CVR-nummer"), max_length=8, blank=True, validators=[CVR])
    staff = models.PositiveIntegerField(_("ansatte"), null=True, blank=True)
    members = models.PositiveIntegerField(_("medlemmer"), null=True, blank=True)
    budget_dkk = models.PositiveBigIntegerField(_("budget (kr.)"), null=True, blank=True)
    grant_dkk = models.PositiveBigIntegerField(
        _("offentlig bevilling (kr.)"), null=True, blank=True
    )
    figures_year = models.PositiveSmallIntegerField(
        _("år for tallene"),
        null=True,
        blank=True,
        help_text=_("Året som budget og bevilling gælder."),
    )
    board_size = models.PositiveSmallIntegerField(_("bestyrelsesmedlemmer"), null=True, blank=True)
    chair_from_business = models.BooleanField(_("formand fra erhvervslivet"), null=True, blank=True)
    maturity_note = models.TextField(_("modenhed"), blank=True)
    maturity_note_en = models.TextField(_("modenhed (engelsk)"), blank=True)
    note = models.TextField(_("note"), blank=True)
    note_en = models.TextField(_("note (engelsk)"), blank=True)
    source_en = models.TextField(
        _("kilde (engelsk)"),
        blank=True,
        help_text=_("Kun når kilden er en tekst frem for adresser."),
    )
    unverified_fields = models.JSONField(
        _("ikke verificerede felter"),
        default=list,
        blank=True,
        help_text=_("Navnene på de felter, hvis værdi ikke er tjekket mod kilden."),
    )
    valid_from = models.DateField(_("gyldig fra"), null=True, blank=True)
    valid_to = models.DateField(_("gyldig til"), null=True, blank=True)
    fictitious = models.BooleanField(
        _("fiktiv"), default=False, help_text=_("Opdigtede demodata, ikke en rigtig klynge.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("klynge")
        verbose_name_plural = _("klynger")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:cluster_detail", kwargs={"slug": self.slug})

    def text(self, field: str, lang: str = "da") -> str:
        """`note`, `maturity_note` or `source` in `lang` (English falls back to Danish)."""
        if lang == "en" and getattr(self, f"{field}_en"):
            return getattr(self, f"{field}_en")
        return getattr(self, field)

    @property
    def note_shown(self) -> str:
        from django.utils.translation import get_language

        return self.text("note", "en" if (get_language() or "da").startswith("en") else "da")

    @property
    def source_shown(self) -> str:
        from django.utils.translation import get_language

        return self.text("source", "en" if (get_language() or "da").startswith("en") else "da")

    def is_verified(self, field: str) -> bool:
        """Whether the named fact has been checked against the source."""
        return self.verified and field not in self.unverified_fields


class Actor(Provenance):
    """A regional actor in business promotion (erhvervsfremmeaktør)."""

    class Kind(models.TextChoices):
        REGIONAL_BODY = "regional_body", _("Regional aktør")
        BUSINESS_HUB = "business_hub", _("Erhvervshus")
        MUNICIPALITY = "municipality", _("Kommune")
        UNIVERSITY = "university", _("Uddannelses- og videninstitution")
        HUB_PARTNERSHIP = "hub_partnership", _("Hub eller partnerskab")
        OTHER = "other", _("Andet")

    slug = models.SlugField(_("kort navn"), max_length=80, unique=True)
    name = models.CharField(_("navn"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actors",
        verbose_name=_("region"),
    )
    website = models.URLField(_("hjemmeside"), blank=True)
    note = models.TextField(_("note"), blank=True)
    note_en = models.TextField(_("note (engelsk)"), blank=True)
    source_en = models.TextField(_("kilde (engelsk)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("aktør")
        verbose_name_plural = _("aktører")

    def __str__(self) -> str:
        return self.name


class Designation(Provenance):
    """One cluster in one programme period: its status, period and grant."""

    class Status(models.TextChoices):
        DESIGNATED = "designated", _("Udpeget")
        FUNDED = "funded", _("Bevilget")
        ENDED = "ended", _("Afsluttet")
        DROPPED = "dropped", _("Ikke videreført")
        BANKRUPT = "bankrupt", _("Gået konkurs")

    cluster = models.ForeignKey(
        Cluster, on_delete=models.CASCADE, related_name="designations", verbose_name=_("klynge")
    )
    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        related_name="designations",
        verbose_name=_("programperiode"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DESIGNATED
    )
    period_from = models.DateField(_("fra"), null=True, blank=True)
    period_to = models.DateField(_("til"), null=True, blank=True)
    grant_dkk = models.PositiveBigIntegerField(_("bevilling (kr.)"), null=True, blank=True)
    grant_year = models.PositiveSmallIntegerField(_("år for bevillingen"), null=True, blank=True)
    note_da = models.TextField(_("note (dansk)"), blank=True)
    note_en = models.TextField(_("note (engelsk)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme__start", "cluster__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "programme"], name="one_designation_per_programme"
            )
        ]
        verbose_name = _("udpegning")
        verbose_name_plural = _("udpegninger")

    def __str__(self) -> str:
        return f"{self.cluster} – {self.programme}"

    def note(self, lang: str = "da") -> str:
        return self.note_en if lang == "en" else self.note_da

    def active_on(self, day) -> bool:
        if self.period_from is not None and day < self.period_from:
            return False
        return self.period_to is None or day <= self.period_to


class Lineage(Provenance):
    """An organisation merged into, renamed to or succeeded by another."""

    class Kind(models.TextChoices):
        MERGED_INTO = "merged_into", _("fusioneret ind i")
        RENAMED_TO = "renamed_to", _("omdøbt til")
        SUCCEEDED_BY = "succeeded_by", _("efterfulgt af")

    cluster = models.ForeignKey(
        Cluster, on_delete=models.CASCADE, related_name="successions", verbose_name=_("klynge")
    )
    kind = models.CharField(_("slags"), max_length=14, choices=Kind.choices)
    successor = models.ForeignKey(
        Cluster,
        on_delete=models.CASCADE,
        related_name="predecessions",
        verbose_name=_("efterfølger"),
    )
    day = models.DateField(_("dato"), null=True, blank=True)
    note_da = models.TextField(_("note (dansk)"), blank=True)
    note_en = models.TextField(_("note (engelsk)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["day", "cluster__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "kind", "successor"], name="one_lineage_per_pair"
            )
        ]
        verbose_name = _("afstamning")
        verbose_name_plural = _("afstamninger")

    def __str__(self) -> str:
        return f"{self.cluster} {self.get_kind_display()} {self.successor}"
