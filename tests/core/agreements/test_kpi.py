from datetime import date

import pytest

from klyngeradar.core.agreements.kpi import (
    KPI_CATALOGUE,
    FollowUp,
    Kpi,
    catalogue_entry,
    kpi_from_catalogue,
    kpi_status,
)


@pytest.fixture
def companies():
    return kpi_from_catalogue("unique_companies", targets={2023: 100, 2024: 120}, baseline=80)


def test_the_catalogue_names_the_kpis_the_clusters_asked_for():
    names = {entry.key: entry.name_da for entry in KPI_CATALOGUE}
    assert names["unique_companies"] == "Unikke virksomheder fra regionen i klyngens aktiviteter"
    assert names["participants"] == "Deltagere"
    assert names["projects_started"] == "Projekter startet"
    assert names["cofinancing_raised"] == "Medfinansiering rejst (DKK)"
    assert names["events_held"] == "Arrangementer/temadage afholdt"
    assert all(entry.name_en and entry.measurement_en for entry in KPI_CATALOGUE)


def test_it_builds_a_kpi_from_the_catalogue(companies):
    assert companies.key == "unique_companies"
    assert companies.unit == "virksomheder" and companies.unit_en == "companies"
    assert dict(companies.targets) == {2023: 100, 2024: 120}
    assert companies.baseline == 80


def test_it_refuses_an_unknown_catalogue_key():
    with pytest.raises(KeyError, match="unknown KPI 'likes'"):
        catalogue_entry("likes")


@pytest.mark.parametrize(
    ("targets", "baseline"),
    [({2024: -1}, None), ({2024: 1.5}, None), ({"2024": 10}, None), ({2024: 10}, -5)],
)
def test_it_refuses_bad_targets(targets, baseline):
    with pytest.raises(ValueError):
        Kpi("Deltagere", "deltagere", baseline, targets, "Optælling")


@pytest.mark.parametrize(
    ("followup", "message"),
    [
        (dict(year=2024, actual=-1), "negative"),
        (dict(year=2024, actual=1, basis="guessed"), "unknown basis"),
        (dict(year=2024, actual=1, period="H3"), "unknown period"),
    ],
)
def test_it_refuses_bad_followups(followup, message):
    with pytest.raises(ValueError, match=message):
        FollowUp(**followup)


@pytest.mark.parametrize(
    ("actual", "as_of", "code", "expected", "percent"),
    [
        # A past year counts in full: 100 of 100 is on track, 80 at risk, 79 behind.
        (100, date(2024, 1, 10), "on_track", 100, 100),
        (80, date(2024, 1, 10), "at_risk", 100, 80),
        (79, date(2024, 1, 10), "behind", 100, 79),
        (150, date(2024, 1, 10), "on_track", 100, 150),
        # Within 2023: 30 June is 181/365 of the year, so 50 of an expected 49.6 is on track.
        (50, date(2023, 6, 30), "on_track", 50, 101),
        (40, date(2023, 6, 30), "at_risk", 50, 81),
        (39, date(2023, 6, 30), "behind", 50, 79),
    ],
)
def test_it_computes_the_status_against_the_pro_rated_target(
    actual, as_of, code, expected, percent
):
    kpi = Kpi("Deltagere", "deltagere", None, {2023: 100}, "Optælling")
    status = kpi_status(kpi, [FollowUp(2023, actual, "counted")], as_of=as_of)
    assert (status.code, status.year, status.expected, status.percent) == (
        code,
        2023,
        expected,
        percent,
    )


def test_it_evaluates_the_current_year_when_it_has_a_target(companies):
    followups = [FollowUp(2023, 130, "counted"), FollowUp(2024, 55, "counted", period="H1")]
    status = kpi_status(companies, followups, as_of=date(2024, 7, 1))
    # 2024 is a leap year: 1 July ends day 183 of 366, half the year.
    assert (status.year, status.target, status.expected, status.actual) == (2024, 120, 60, 55)
    assert status.code == "at_risk"
    assert status.percent == 92


def test_it_uses_the_latest_followup_of_the_year(companies):
    followups = [
        FollowUp(2024, 120, "counted", period="year"),
        FollowUp(2024, 55, "estimated", period="H1"),
        FollowUp(2024, 90, "counted", period="Q3"),
    ]
    status = kpi_status(companies, followups, as_of=date(2025, 2, 1))
    assert (status.actual, status.basis, status.code) == (120, "counted", "on_track")
    assert status.follow_up.period == "year"


@pytest.mark.parametrize(
    ("followups", "as_of", "year"),
    [
        ([], date(2024, 5, 1), 2024),
        ([FollowUp(2023, 100, "counted")], date(2024, 5, 1), 2024),
        ([FollowUp(2024, None, None, "not yet counted")], date(2024, 5, 1), 2024),
        ([FollowUp(2023, 100, "counted")], date(2022, 5, 1), None),
    ],
)
def test_it_says_no_data_when_there_is_nothing_to_compare(companies, followups, as_of, year):
    status = kpi_status(companies, followups, as_of=as_of)
    assert status.code == "no_data"
    assert status.year == year
    assert status.actual is None and status.percent is None


def test_it_falls_back_to_the_latest_earlier_target_year():
    kpi = Kpi("Projekter", "projekter", 0, {2022: 4, 2023: 6}, "Optælling")
    status = kpi_status(kpi, [FollowUp(2023, 3, "counted")], as_of=date(2025, 3, 1))
    assert (status.year, status.target, status.expected, status.code) == (2023, 6, 6, "behind")


def test_a_target_of_zero_is_met():
    kpi = Kpi("Projekter", "projekter", 0, {2024: 0}, "Optælling")
    status = kpi_status(kpi, [FollowUp(2024, 0, "counted")], as_of=date(2024, 3, 1))
    assert status.code == "on_track"


def test_it_explains_the_status_in_danish_and_english(companies):
    status = kpi_status(
        companies, [FollowUp(2024, 55, "counted", period="H1")], as_of=date(2024, 7, 1)
    )
    assert status.explanation_da == (
        "I risiko. Mål for 2024: 120 virksomheder; forventet pr. 01.07.2024: 60 (50 % af året). "
        "Faktisk (H1, opgjort): 55 = 92 % af det forventede "
        "(på sporet ved mindst 100 %, i risiko ved 80–99 %)."
    )
    assert status.explanation("en") == (
        "At risk. Target for 2024: 120 companies; expected by 2024-07-01: 60 (50% of the year). "
        "Actual (H1, counted): 55 = 92% of expected (on track at 100% or more, at risk at 80–99%)."
    )
    assert status.label("da") == "I risiko" and status.label("en") == "At risk"


def test_it_says_when_a_figure_is_estimated_and_uses_danish_thousands(companies):
    kpi = kpi_from_catalogue("cofinancing_raised", targets={2023: 1_500_000})
    status = kpi_status(kpi, [FollowUp(2023, 1_740_000, "estimated")], as_of=date(2024, 1, 1))
    assert "hele året: 1.500.000" in status.explanation_da
    assert "Faktisk (hele året, skønnet): 1.740.000" in status.explanation_da
    assert "whole year: 1,500,000" in status.explanation_en
