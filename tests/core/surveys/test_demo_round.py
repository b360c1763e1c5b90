"""The demo round reproduces the published 2023 North Jutland figures (spec/findings.md)."""

import pytest

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.surveys.demo import demo_data, demo_round


@pytest.fixture(scope="module")
def findings():
    return compute_findings(demo_round())


@pytest.mark.parametrize(
    ("key", "field", "expected"),
    [
        ("response_rate", "base", 13),
        ("response_rate", "count", 12),
        ("response_rate", "complete", 12),
        ("response_rate", "percent", 92),
        ("dialogue_willing", "count", 12),
        ("dialogue_willing", "base", 12),
        ("physical_presence", "count", 7),
        ("partners_any", "count", 12),
        ("members_any", "count", 12),
        ("activities_in_region", "count", 12),
        ("members_region", "total", 375),
        ("members_region", "reported", 12),
        ("members_region_50plus", "total", 123),
        ("members_region_under50", "total", 252),
        ("participation_companies", "total", 1740),
        ("participation_companies", "reported", 10),
        ("participation_companies", "minimum", True),
        ("participation_companies", "overlap_possible", True),
        ("participation_persons", "total", 4324),
        ("participation_persons", "reported", 7),
        ("participation_persons", "minimum", True),
        ("agreements_none", "count", 4),
        ("municipal_agreements", "agreements", 7),
        ("municipal_agreements", "municipalities", 5),
        ("municipal_agreements", "clusters", 3),
        ("municipal_agreements", "max_per_cluster", 4),
    ],
)
def test_it_reproduces_the_seed_figure(findings, key, field, expected):
    assert getattr(getattr(findings, key), field) == expected


def test_it_splits_presence_into_own_offices_and_the_business_hub(findings):
    assert dict(findings.physical_presence.by_type) == {
        "own_office": 5,
        "colocated_business_hub": 2,
        "colocated_other": 0,
        "none": 5,
    }


def test_it_includes_estimates_in_the_member_figures(findings):
    assert findings.members_region.estimated > 0
    assert findings.members_region_50plus.estimated > 0
    assert findings.members_region_under50.estimated > 0


def test_it_reports_participation_as_estimates_from_every_reporting_cluster(findings):
    assert findings.participation_companies.estimated == 10
    assert findings.participation_persons.estimated == 7


def test_it_has_thirteen_pseudonymous_clusters_one_of_which_did_not_answer():
    round = demo_round()
    assert [r.cluster for r in round.responses] == [f"klynge-{c}" for c in "abcdefghijklm"]
    assert [r.name for r in round.responses] == [f"Klynge {c}" for c in "ABCDEFGHIJKLM"]
    assert [r.cluster for r in round.responses if r.status == "none"] == ["klynge-m"]


def test_it_is_labelled_as_fictitious():
    assert "Fiktive data" in demo_data()["note"]
    assert "fictitious" in demo_data()["note"].lower()


def test_it_describes_the_north_jutland_round():
    info = demo_round().info
    assert (info.region, info.since.isoformat(), info.organisation) == ("1081", "2021-01-01", "BRN")
    assert "demo" in info.title


def test_it_has_members_split_that_adds_up_for_every_cluster(findings):
    assert findings.consistency == ()


def test_it_spreads_strategy_efforts_over_clusters(findings):
    by_effort = findings.strategy_support.by_effort
    assert len(by_effort) == 6
    assert sum(1 for count in by_effort.values() if count >= 3) >= 3
    assert min(by_effort.values()) < 3
    # One cluster holds 4 of the 7 municipal agreements.
    holders = [e for e in findings.detail("municipal_agreements") if e.outcome == "included"]
    assert sorted(len(e.value) for e in holders) == [1, 2, 4]
