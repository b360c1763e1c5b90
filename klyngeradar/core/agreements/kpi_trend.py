"""A KPI over its follow-up years: target and actual per year, for a chart or a table.

The years are every year with a target or a follow-up, in order. A year's actual is
the follow-up that covers most of that year (`latest_followup`); a year nobody
followed up is None, never 0, so a chart shows a gap. `estimated` marks the years
whose figure is an estimate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from klyngeradar.core.agreements.kpi import FollowUp, Kpi, latest_followup


@dataclass(frozen=True)
class KpiTrend:
    years: tuple[int, ...]
    targets: tuple[int | None, ...]
    actuals: tuple[int | None, ...]
    estimated: tuple[bool, ...]

    @property
    def has_data(self) -> bool:
        return any(value is not None for value in self.actuals)

    def until(self, year: int) -> KpiTrend:
        """The trend up to and including ``year`` (a package for a year shows no later one)."""
        keep = [i for i, y in enumerate(self.years) if y <= year]
        return KpiTrend(
            years=tuple(self.years[i] for i in keep),
            targets=tuple(self.targets[i] for i in keep),
            actuals=tuple(self.actuals[i] for i in keep),
            estimated=tuple(self.estimated[i] for i in keep),
        )


def kpi_trend(kpi: Kpi, followups: Iterable[FollowUp]) -> KpiTrend:
    followups = tuple(followups)
    years = sorted(set(kpi.targets) | {f.year for f in followups})
    picked = [latest_followup(followups, year) for year in years]
    return KpiTrend(
        years=tuple(years),
        targets=tuple(kpi.targets.get(year) for year in years),
        actuals=tuple(f.actual if f else None for f in picked),
        estimated=tuple(bool(f and f.basis == "estimated") for f in picked),
    )
