from dataclasses import replace
from datetime import date

import pytest

from klyngeradar.core.registry.landscape import Range, business_models
from klyngeradar.core.registry.reference import (
    ClusterFacts,
    reference_clusters,
    reference_landscape_facts,
)


def cluster(slug, **figures):
    values = dict(
        slug=slug,
        name=slug.title(),
        area="energiteknologi",
        seat_municipality=None,
        website=None,
        cvr=None,
        staff=None,
        members=None,
        budget_dkk=None,
        grant_dkk=None,
        figures_year=None,
        board_size=None,
        chair_from_business=None,
        maturity_note=None,
        source="https://example.org",
        verified=True,
        unverified_fields=(),
        note=None,
        valid_from=date(2021, 1, 1),
        valid_to=None,
    )
    values.update(figures)
    return ClusterFacts(**values)


def test_it_computes_ranges_from_the_clusters_that_reported():
    models = business_models(
        [
            cluster("a", staff=7, members=85, board_size=10),
            cluster("b", staff=45, members=450),
            cluster("c"),
        ]
    )
    assert models.base == 3
    assert models.staff == Range(7, 45, 2, 3, False)
    assert models.members == Range(85, 450, 2, 3, False)
    assert models.board_size == Range(10, 10, 1, 3, False)


def test_it_says_none_when_nobody_reported():
    models = business_models([cluster("a"), cluster("b")])
    assert models.staff == Range(None, None, 0, 2, False)
    assert models.staff.spread is None
    assert models.chair_from_business.count is None
    assert models.chair_from_business.reported == 0


def test_it_counts_a_reported_zero_as_a_value_not_as_missing():
    models = business_models([cluster("a", staff=0), cluster("b", staff=12)])
    assert (models.staff.low, models.staff.reported) == (0, 2)


@pytest.mark.parametrize(
    ("grant", "budget", "expected"),
    [
        (5_500_000, 11_000_000, Range(50, 50, 1, 1, False)),
        (1, 3, Range(33, 33, 1, 1, False)),
        (None, 11_000_000, Range(None, None, 0, 1, False)),
        (5_500_000, None, Range(None, None, 0, 1, False)),
        (5_500_000, 0, Range(None, None, 0, 1, False)),
    ],
)
def test_it_computes_the_funding_ratio_only_where_both_figures_exist(grant, budget, expected):
    models = business_models([cluster("a", grant_dkk=grant, budget_dkk=budget)])
    assert models.funding_ratio_percent == expected


def test_it_counts_chairs_from_business_among_those_that_reported():
    models = business_models(
        [
            cluster("a", chair_from_business=True),
            cluster("b", chair_from_business=False),
            cluster("c", chair_from_business=True),
            cluster("d"),
        ]
    )
    chairs = models.chair_from_business
    assert (chairs.count, chairs.reported, chairs.base) == (2, 3, 4)


def test_it_flags_ranges_that_include_unverified_figures():
    models = business_models(
        [
            cluster("a", staff=10),
            cluster("b", staff=20, unverified_fields=("staff",)),
            cluster("c", members=100, verified=False),
        ]
    )
    assert models.staff.includes_unverified
    assert models.members.includes_unverified
    assert not models.board_size.includes_unverified


def test_it_leaves_out_clusters_that_were_not_active_on_the_day():
    ended = cluster("marlog", staff=3, valid_to=date(2022, 3, 31))
    models = business_models([ended, cluster("b", staff=20)], as_of=date(2023, 10, 1))
    assert models.base == 1
    assert models.staff.low == 20


def test_it_reports_the_spread_between_largest_and_smallest():
    models = business_models([cluster("a", budget_dkk=4), cluster("b", budget_dkk=100)])
    assert models.budget_dkk.spread == 25


def test_it_passes_the_seed_facts_through_on_the_shipped_registry():
    models = business_models(
        reference_clusters(), reference_landscape_facts(), as_of=date(2023, 10, 1)
    )
    assert "marlog" not in {c.slug for c in reference_clusters() if c.is_active(date(2023, 10, 1))}
    assert models.base == len([c for c in reference_clusters() if c.is_active(date(2023, 10, 1))])
    assert {f.key for f in models.seed_facts} >= {"staff", "members", "board_size"}
    # Only the clusters with a published figure count; the others are left out of the range.
    assert 1 <= models.staff.reported < models.base


def test_it_returns_frozen_results():
    models = business_models([cluster("a")])
    with pytest.raises(AttributeError):
        models.base = 3  # type: ignore[misc]
    assert replace(models.staff, low=1).low == 1
