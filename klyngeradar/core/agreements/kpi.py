"""KPIs of a collaboration agreement, their follow-ups and a transparent status.

The status rule, in full:

1. The year evaluated is the year of ``as_of`` when the KPI has a target for it;
   otherwise the latest earlier year with a target. No such year: ``no_data``.
2. The actual is the latest follow-up of that year with a figure (a follow-up
   states the figure for the year *so far*, not an increment; the whole year
   ranks after H2, H2 after H1, Q4 after Q3 …). No figure: ``no_data``.
3. The expected value is the year's target pro-rated by the share of the year
   elapsed on ``as_of`` (a past year counts in full): a target of 120 is 60 on
   1 July.
4. actual ≥ 100 % of expected: ``on_track``; ≥ 80 %: ``at_risk``; below: ``behind``.
   An expected value of 0 is met by any actual.

The explanation (Danish and English) states the target, the expected value,
the actual with its basis (counted/estimated) and the percentage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Literal

from klyngeradar.core.numbers import format_int, format_percent

StatusCode = Literal["on_track", "at_risk", "behind", "no_data"]
Basis = Literal["counted", "estimated"]

ON_TRACK_PERCENT = 100
AT_RISK_PERCENT = 80

STATUS_LABELS = {
    "on_track": ("På sporet", "On track"),
    "at_risk": ("I risiko", "At risk"),
    "behind": ("Bagud", "Behind"),
    "no_data": ("Ingen data", "No data"),
}

BASIS_LABELS = {"counted": ("opgjort", "counted"), "estimated": ("skønnet", "estimated")}

# Period → (month, day) on which it ends; the rank orders periods within a year.
PERIODS = {
    "Q1": (3, 31),
    "H1": (6, 30),
    "Q2": (6, 30),
    "Q3": (9, 30),
    "Q4": (12, 31),
    "H2": (12, 31),
    "year": (12, 31),
}
_PERIOD_RANK = {"Q1": 1, "Q2": 2, "H1": 3, "Q3": 4, "Q4": 5, "H2": 6, "year": 7}


@dataclass(frozen=True)
class KpiDefinition:
    """A catalogue entry: a KPI that agreements across municipalities can share."""

    key: str
    name_da: str
    name_en: str
    unit_da: str
    unit_en: str
    measurement_da: str
    measurement_en: str


KPI_CATALOGUE = (
    KpiDefinition(
        "unique_companies",
        "Unikke virksomheder fra regionen i klyngens aktiviteter",
        "Unique companies from the region in the cluster's activities",
        "virksomheder",
        "companies",
        "Antal forskellige CVR-numre fra regionen i deltagerlisterne (opgjort, ikke skønnet)",
        "Number of distinct CVR numbers from the region in the participation lists",
    ),
    KpiDefinition(
        "participants",
        "Deltagere",
        "Participants",
        "deltagere",
        "participants",
        "Antal deltagende personer fra regionen i klyngens aktiviteter",
        "Number of people from the region taking part in the cluster's activities",
    ),
    KpiDefinition(
        "companies_advised",
        "Virksomheder der har fået rådgivning",
        "Companies advised",
        "virksomheder",
        "companies",
        "Antal forskellige CVR-numre med rådgivning i deltagerlisterne",
        "Number of distinct CVR numbers with advice in the participation lists",
    ),
    KpiDefinition(
        "projects_started",
        "Projekter startet",
        "Projects started",
        "projekter",
        "projects",
        "Antal innovations- og samarbejdsprojekter med deltagere fra regionen, startet i året",
        "Number of innovation and collaboration projects with regional participants started",
    ),
    KpiDefinition(
        "cofinancing_raised",
        "Medfinansiering rejst (DKK)",
        "Co-financing raised (DKK)",
        "kr.",
        "DKK",
        "Tilsagn om ekstern medfinansiering til aktiviteter i regionen, i kroner",
        "External co-financing committed to activities in the region, in DKK",
    ),
    KpiDefinition(
        "events_held",
        "Arrangementer/temadage afholdt",
        "Events/theme days held",
        "arrangementer",
        "events",
        "Antal arrangementer og temadage afholdt i regionen",
        "Number of events and theme days held in the region",
    ),
    KpiDefinition(
        "members_in_region",
        "Medlemmer i regionen",
        "Members in the region",
        "medlemmer",
        "members",
        "Antal medlemsvirksomheder med adresse i regionen ved årets udgang",
        "Number of member companies located in the region at the end of the year",
    ),
    KpiDefinition(
        "coordination_meetings",
        "Koordineringsmøder afholdt",
        "Coordination meetings held",
        "møder",
        "meetings",
        "Antal afholdte koordineringsmøder med referat",
        "Number of coordination meetings held, with minutes",
    ),
)


def catalogue_entry(key: str) -> KpiDefinition:
    """The catalogue entry for ``key``; KeyError naming the known keys when unknown."""
    for entry in KPI_CATALOGUE:
        if entry.key == key:
            return entry
    known = ", ".join(entry.key for entry in KPI_CATALOGUE)
    raise KeyError(f"unknown KPI {key!r}; the catalogue has {known}")


@dataclass(frozen=True)
class Kpi:
    """A KPI in an agreement: what is measured, in what unit, from where, towards which targets.

    ``targets`` maps a year to its target value (whole numbers; DKK for money).
    ``key`` names the catalogue entry it was taken from, if any.
    """

    definition: str
    unit: str
    baseline: int | None
    targets: Mapping[int, int]
    measurement: str
    key: str | None = None
    definition_en: str | None = None
    unit_en: str | None = None

    def __post_init__(self) -> None:
        for year, value in self.targets.items():
            if not isinstance(year, int) or isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"target {year!r}: {value!r} is not a whole number for a year")
            if value < 0:
                raise ValueError(f"target for {year} is negative")
        if self.baseline is not None and self.baseline < 0:
            raise ValueError("the baseline is negative")
        object.__setattr__(self, "targets", MappingProxyType(dict(sorted(self.targets.items()))))


def kpi_from_catalogue(key: str, *, targets: Mapping[int, int], baseline: int | None = None) -> Kpi:
    """A `Kpi` with the catalogue's wording (Danish, English available)."""
    entry = catalogue_entry(key)
    return Kpi(
        definition=entry.name_da,
        unit=entry.unit_da,
        baseline=baseline,
        targets=targets,
        measurement=entry.measurement_da,
        key=entry.key,
        definition_en=entry.name_en,
        unit_en=entry.unit_en,
    )


@dataclass(frozen=True)
class FollowUp:
    """The figure for a KPI in a year so far (``period``: year, H1, H2, Q1–Q4)."""

    year: int
    actual: int | None
    basis: Basis | None = None
    comment: str | None = None
    period: str = "year"

    def __post_init__(self) -> None:
        if self.period not in PERIODS:
            raise ValueError(f"unknown period {self.period!r}; use one of {', '.join(PERIODS)}")
        if self.basis not in (None, "counted", "estimated"):
            raise ValueError(f"unknown basis {self.basis!r}; use counted or estimated")
        if self.actual is not None and self.actual < 0:
            raise ValueError("the actual value is negative")

    @property
    def period_end(self) -> date:
        month, day = PERIODS[self.period]
        return date(self.year, month, day)


@dataclass(frozen=True)
class Status:
    """A KPI's status on a day, with every number used and the explanation."""

    code: StatusCode
    year: int | None
    target: int | None
    expected: int | None
    actual: int | None
    basis: Basis | None
    percent: int | None
    follow_up: FollowUp | None
    explanation_da: str
    explanation_en: str

    def explanation(self, lang: str = "da") -> str:
        return self.explanation_da if lang == "da" else self.explanation_en

    def label(self, lang: str = "da") -> str:
        da, en = STATUS_LABELS[self.code]
        return da if lang == "da" else en


def _round(value: Fraction) -> int:
    return int(
        (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
            Decimal(1), rounding=ROUND_HALF_UP
        )
    )


def _share_of_year(year: int, as_of: date) -> Fraction:
    """The share of ``year`` elapsed at the end of ``as_of`` (1 for a past year)."""
    if as_of.year > year:
        return Fraction(1)
    start, end = date(year, 1, 1), date(year, 12, 31)
    return Fraction((as_of - start).days + 1, (end - start).days + 1)


def _day(value: date, lang: str) -> str:
    return value.strftime("%d.%m.%Y") if lang == "da" else value.isoformat()


def _no_data(year: int | None, target: int | None, da: str, en: str) -> Status:
    return Status("no_data", year, target, None, None, None, None, None, da, en)


def latest_followup(followups: Iterable[FollowUp], year: int) -> FollowUp | None:
    """The follow-up of ``year`` with a figure that covers the most of the year, or None."""
    reported = [f for f in followups if f.year == year and f.actual is not None]
    return max(reported, key=lambda f: _PERIOD_RANK[f.period]) if reported else None


def kpi_status(kpi: Kpi, followups: Iterable[FollowUp], *, as_of: date) -> Status:
    """Compute the KPI's status on ``as_of`` by the rule in this module's docstring."""
    years = [year for year in kpi.targets if year <= as_of.year]
    if not years:
        return _no_data(
            None,
            None,
            f"Intet mål for {as_of.year} eller tidligere.",
            f"No target for {as_of.year} or earlier.",
        )
    year = max(years)
    target = kpi.targets[year]
    unit_da, unit_en = kpi.unit, kpi.unit_en or kpi.unit

    latest = latest_followup(followups, year)
    if latest is None:
        return _no_data(
            year,
            target,
            f"Mål for {year}: {format_int(target)} {unit_da}. Ingen opfølgning med tal for {year}.",
            f"Target for {year}: {format_int(target, 'en')} {unit_en}. "
            f"No follow-up with a figure for {year}.",
        )
    actual = latest.actual
    assert actual is not None  # latest_followup only returns follow-ups with a figure

    share = _share_of_year(year, as_of)
    expected_exact = target * share
    expected = _round(expected_exact)
    if expected_exact == 0:
        code: StatusCode = "on_track"
        ratio = None
    else:
        ratio_exact = Fraction(actual * 100) / expected_exact
        ratio = _round(ratio_exact)
        if ratio_exact >= ON_TRACK_PERCENT:
            code = "on_track"
        elif ratio_exact >= AT_RISK_PERCENT:
            code = "at_risk"
        else:
            code = "behind"

    basis_da, basis_en = BASIS_LABELS.get(
        latest.basis or "", ("grundlag ikke angivet", "basis not stated")
    )
    share_pct = _round(share * 100)
    label_da, label_en = STATUS_LABELS[code]
    if share == 1:
        expected_da = f"hele året: {format_int(expected)}"
        expected_en = f"whole year: {format_int(expected, 'en')}"
    else:
        expected_da = (
            f"forventet pr. {_day(as_of, 'da')}: {format_int(expected)} "
            f"({format_percent(share_pct)} af året)"
        )
        expected_en = (
            f"expected by {_day(as_of, 'en')}: {format_int(expected, 'en')} "
            f"({format_percent(share_pct, 'en')} of the year)"
        )
    pct_da = format_percent(ratio) if ratio is not None else "–"
    pct_en = format_percent(ratio, "en") if ratio is not None else "–"
    period_da = "hele året" if latest.period == "year" else latest.period
    period_en = "whole year" if latest.period == "year" else latest.period
    rule_da = f"på sporet ved mindst {ON_TRACK_PERCENT} %, i risiko ved {AT_RISK_PERCENT}–99 %"
    rule_en = f"on track at {ON_TRACK_PERCENT}% or more, at risk at {AT_RISK_PERCENT}–99%"
    da = (
        f"{label_da}. Mål for {year}: {format_int(target)} {unit_da}; {expected_da}. "
        f"Faktisk ({period_da}, {basis_da}): {format_int(actual)} = {pct_da} af det forventede "
        f"({rule_da})."
    )
    en = (
        f"{label_en}. Target for {year}: {format_int(target, 'en')} {unit_en}; {expected_en}. "
        f"Actual ({period_en}, {basis_en}): {format_int(actual, 'en')} = {pct_en} of expected "
        f"({rule_en})."
    )
    return Status(code, year, target, expected, actual, latest.basis, ratio, latest, da, en)
