"""Employment, share and location quotient (LQ) per area, for the region and each municipality.

For area a and municipality k (spec: specialisation.md, The figures):
E(k, a) = Σ weight(a, i) × E(k, i) over the industries i mapped to a;
E(k) = Σ E(k, i) over every industry in the file; E(D, ·) the same summed
over every municipality in the file; LQ(k, a) = (E(k, a)/E(k)) / (E(D, a)/E(D)).
Suppressed cells are missing, never 0: a figure with a suppressed cell is a
lower bound and says so; one whose every cell is suppressed is None.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType

from klyngeradar.core.problems import InputError, Problem
from klyngeradar.core.registry import geography
from klyngeradar.core.specialisation.employment import Employment
from klyngeradar.core.specialisation.mapping import AreaMapping

ALL_MUNICIPALITIES = 98
_PLACES = {"employment": Decimal("0.1"), "share": Decimal("0.0001"), "lq": Decimal("0.01")}


@dataclass(frozen=True)
class Figure:
    """One place's figures for one area; None where they cannot be known.

    `suppressed` is True when a cell that counts towards the employment is
    suppressed: the figures then use the cells given (a lower bound).
    """

    employment: Decimal | None
    share: Decimal | None
    lq: Decimal | None
    suppressed: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "employment": _number(self.employment),
            "share": _number(self.share),
            "lq": _number(self.lq),
            "suppressed": self.suppressed,
        }


@dataclass(frozen=True)
class AreaLq:
    """A cluster's area and the region's LQ in it (None when unknown), for the rules and pages."""

    area: str
    name: str
    lq: Decimal | None
    year: int
    suppressed: bool = False


@dataclass(frozen=True)
class AreaFigures:
    area: str
    region: Figure | None
    municipalities: Mapping[str, Figure] = field(repr=False)


@dataclass(frozen=True)
class Specialisation:
    """The specialisation of a region (or of every municipality in the file) by area.

    `municipalities_in_file` is the base of E(D): every municipality in the
    file, not necessarily all 98. `source` and `mapping` name the inputs.
    """

    year: int
    region: str | None
    areas: tuple[AreaFigures, ...]
    municipalities_in_file: int
    source: str
    mapping: str
    warnings: tuple[Problem, ...] = ()

    def area(self, slug: str) -> AreaFigures | None:
        return next((a for a in self.areas if a.area == slug), None)

    def area_lqs(
        self, cluster_areas: Mapping[str, str | None], names: Mapping[str, str]
    ) -> dict[str, AreaLq]:
        """Each cluster's area LQ in the region: ``{cluster: AreaLq}`` for clusters with an area.

        `cluster_areas` maps a cluster's slug to its area's slug; `names` an
        area's slug to its name.
        """
        lqs = {}
        for cluster, slug in cluster_areas.items():
            figures = self.area(slug) if slug else None
            if figures is None:
                continue
            region = figures.region
            lqs[cluster] = AreaLq(
                slug,
                names.get(slug, slug),
                region.lq if region else None,
                self.year,
                region.suppressed if region else False,
            )
        return lqs

    def by_region_lq(self) -> tuple[AreaFigures, ...]:
        """The areas with a known region LQ, highest first (ties by slug)."""
        known = [a for a in self.areas if a.region is not None and a.region.lq is not None]
        return tuple(sorted(known, key=lambda a: (-a.region.lq, a.area)))

    def as_dict(self) -> dict[str, object]:
        """The spec's JSON (specialisation.md, Output)."""
        return {
            "year": self.year,
            "region": self.region,
            "areas": {
                a.area: {
                    "region": a.region.as_dict() if a.region else None,
                    "municipalities": {k: f.as_dict() for k, f in a.municipalities.items()},
                }
                for a in self.areas
            },
            "warnings": [str(w) for w in self.warnings],
        }


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _round(value: Decimal | None, kind: str) -> Decimal | None:
    return None if value is None else value.quantize(_PLACES[kind], rounding=ROUND_HALF_UP)


@dataclass
class _Sum:
    """A running sum that remembers whether a counted cell was suppressed."""

    total: Decimal = Decimal(0)
    given: int = 0
    suppressed: int = 0

    def add(self, value: Decimal | None) -> None:
        if value is None:
            self.suppressed += 1
        else:
            self.total += value
            self.given += 1

    def merge(self, other: _Sum) -> None:
        self.total += other.total
        self.given += other.given
        self.suppressed += other.suppressed

    @property
    def value(self) -> Decimal | None:
        return self.total if self.given else None


def compute(
    employment: Employment, mapping: AreaMapping, *, region: str | None = None
) -> Specialisation:
    """The specialisation of ``region`` (a region code, or None for every municipality)."""
    if region is not None and geography.region(region) is None:
        codes = ", ".join(r.code for r in geography.regions())
        raise InputError(
            [
                Problem(
                    f"is not a region code (one of {codes})",
                    column="--region",
                    value=region,
                    reason_da=f"er ikke en regionskode (en af {codes})",
                )
            ]
        )
    warnings = list(employment.warnings)
    areas = mapping.areas
    # Per industry: the areas it counts towards, with their weights (finest mapped level).
    weights = {i: mapping.weights(i) for i in employment.industries}
    covered = {a for w in weights.values() for a in w}
    cells = {k: {} for k in employment.municipalities}
    for (k, i), value in employment.cells.items():
        cells[k][i] = None if value is None else Decimal(repr(value))
    totals: dict[str, _Sum] = {}
    by_area: dict[str, dict[str, _Sum]] = {a: {} for a in areas}
    for k, row in cells.items():
        total = _Sum()
        sums = {a: _Sum() for a in areas}
        for i, value in row.items():
            total.add(value)
            for a, weight in weights[i].items():
                if weight:
                    sums[a].add(None if value is None else value * weight)
        totals[k] = total
        for a in areas:
            by_area[a][k] = sums[a]
    country_total = _merged(totals.values()).value
    in_region = _region_members(region, employment, warnings)
    listed = in_region if region is not None else sorted(cells)
    results = []
    for a in areas:
        if a not in covered:
            warnings.append(
                Problem(
                    f"no industry in the file is mapped to the area {a}; its figures are unknown",
                    file=employment.file,
                    reason_da=f"ingen branche i filen er knyttet til området {a}; "
                    "dets tal er ukendte",
                    severity="warning",
                )
            )
        country = _merged(by_area[a].values()).value if a in covered else None
        base = _share(country, country_total)
        municipalities = {
            k: _figure(by_area[a][k], totals[k], base, a in covered) for k in listed if k in cells
        }
        figure = None
        if region is not None:
            region_sum = _merged(by_area[a][k] for k in in_region if k in cells)
            region_total = _merged(totals[k] for k in in_region if k in cells)
            figure = _figure(region_sum, region_total, base, a in covered)
        results.append(AreaFigures(a, figure, MappingProxyType(municipalities)))
    if len(cells) < ALL_MUNICIPALITIES:
        warnings.append(
            Problem(
                f"the file holds {len(cells)} of the {ALL_MUNICIPALITIES} municipalities; "
                "the location quotients compare with those, not with all of Denmark",
                file=employment.file,
                reason_da=f"filen har {len(cells)} af de {ALL_MUNICIPALITIES} kommuner; "
                "lokaliseringskvotienterne sammenligner med dem, ikke med hele Danmark",
                severity="warning",
            )
        )
    return Specialisation(
        year=employment.year,
        region=region,
        areas=tuple(results),
        municipalities_in_file=len(cells),
        source=employment.file,
        mapping=mapping.source,
        warnings=tuple(warnings),
    )


def _merged(sums) -> _Sum:
    merged = _Sum()
    for one in sums:
        merged.merge(one)
    return merged


def _share(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    if part is None or not whole:
        return None
    return part / whole


def _figure(area: _Sum, total: _Sum, base: Decimal | None, covered: bool) -> Figure:
    employment = area.value if covered else None
    share = _share(employment, total.value)
    lq = share / base if share is not None and base else None
    return Figure(
        employment=_round(employment, "employment"),
        share=_round(share, "share"),
        lq=_round(lq, "lq"),
        suppressed=bool(area.suppressed),
    )


def _region_members(region: str | None, employment: Employment, warnings: list) -> list[str]:
    if region is None:
        return []
    members = [m.code for m in geography.municipalities_in(region)]
    absent = [m for m in members if m not in set(employment.municipalities)]
    if absent:
        shown = ", ".join(absent)
        warnings.append(
            Problem(
                f"municipalities of region {region} not in the file: {shown}",
                file=employment.file,
                reason_da=f"kommuner i region {region}, som ikke er i filen: {shown}",
                severity="warning",
            )
        )
    return members


def format_decimal(value: Decimal | float | None, places: int = 2, lang: str = "da") -> str:
    """1.32 → "1,32" (da) or "1.32" (en); None → "–"."""
    if value is None:
        return "–"
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{number:,.{places}f}"
    if lang == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def format_employment(value: Decimal | float | None, lang: str = "da") -> str:
    """4210 → "4.210", 4210.5 → "4.210,5" (da); None → "–"."""
    if value is None:
        return "–"
    whole = Decimal(str(value)) == Decimal(str(value)).to_integral_value()
    return format_decimal(value, 0 if whole else 1, lang)
