"""A KPI over its follow-up years: targets and actuals per year, gaps kept as None."""

import pytest

from klyngeradar.core.agreements.kpi import FollowUp, Kpi
from klyngeradar.core.agreements.kpi_trend import kpi_trend

KPI = Kpi(
    definition="Unikke virksomheder",
    unit="virksomheder",
    baseline=10,
    targets={2024: 40, 2025: 120},
    measurement="CVR",
)


@pytest.mark.parametrize(
    ("followups", "years", "targets", "actuals", "estimated"),
    [
        ([], (2024, 2025), (40, 120), (None, None), (False, False)),
        (
            [FollowUp(2024, 35, "counted"), FollowUp(2025, 50, "estimated", period="H1")],
            (2024, 2025),
            (40, 120),
            (35, 50),
            (False, True),
        ),
        (
            [FollowUp(2025, 50, period="H1"), FollowUp(2025, 110, "counted")],
            (2024, 2025),
            (40, 120),
            (None, 110),
            (False, False),
        ),
        (
            [FollowUp(2026, 5, "counted")],
            (2024, 2025, 2026),
            (40, 120, None),
            (None, None, 5),
            (False, False, False),
        ),
        ([FollowUp(2024, None)], (2024, 2025), (40, 120), (None, None), (False, False)),
    ],
    ids=["no-follow-ups", "half-year-estimate", "whole-year-wins", "year-without-target", "empty"],
)
def test_it_sets_targets_beside_actuals_per_year(followups, years, targets, actuals, estimated):
    trend = kpi_trend(KPI, followups)
    assert (trend.years, trend.targets, trend.actuals, trend.estimated) == (
        years,
        targets,
        actuals,
        estimated,
    )
