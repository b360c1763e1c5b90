"""The agreement's counts come from the database and agree with the core's rule and counts."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from klyngeradar.core.agreements.participation import ParticipationRow
from klyngeradar.web.agreements import convert, summary
from klyngeradar.web.agreements.imports import store_participation

pytestmark = pytest.mark.django_db


def _row(cvr, day, *, cluster=None, actor=None, kind=None, activity="Temadag"):
    return ParticipationRow(cvr, None, f"Virksomhed {cvr}", activity, day, cluster, actor, kind)


@pytest.fixture
def mixed_rows(agreement, other_agreement):
    """Rows of both clusters, cluster-less rows of parties and non-parties, rows out of period."""
    a, b = agreement.cluster.slug, other_agreement.cluster.slug
    return [
        _row("13748136", date(2024, 3, 1), cluster=a, kind="event"),
        _row("13748136", date(2024, 4, 1), cluster=a, kind="advice", activity="Sparring"),
        _row("25313763", date(2025, 2, 1), cluster=a, actor="aau", kind="advice"),
        _row("25313763", date(2025, 2, 1), cluster=b, activity="Projektmøde"),
        _row("10150817", date(2024, 6, 1), actor="brn", kind="event"),
        _row("10150817", date(2024, 6, 2), actor="aau"),
        _row("30060946", date(2023, 12, 31), cluster=a, kind="event"),
        _row("30060946", date(2027, 1, 1), cluster=a, kind="event"),
        _row("29189846", date(2025, 5, 5), actor="erhvervshus-nordjylland"),
    ]


@pytest.mark.parametrize("which", ["agreement", "other_agreement"])
def test_it_counts_in_the_database_what_the_core_counts(
    request, organisation, actors, mixed_rows, which
):
    chosen = request.getfixturevalue(which)
    store_participation(organisation, "liste.csv", mixed_rows)
    facts = convert.agreement_facts(chosen)

    expected = summary.counts(tuple(row for row in mixed_rows if facts.covers(row)))
    counted = summary.agreement_counts(chosen)

    assert counted == expected
    assert counted.participations > 0


def test_it_counts_the_agreement_with_a_fixed_number_of_queries(
    organisation, agreement, actors, mixed_rows
):
    store_participation(organisation, "liste.csv", mixed_rows)
    with CaptureQueriesContext(connection) as few:
        summary.agreement_counts(agreement)
    store_participation(organisation, "liste-2.csv", mixed_rows * 30)
    with CaptureQueriesContext(connection) as many:
        counts = summary.agreement_counts(agreement)

    assert len(many) == len(few)
    assert counts.participations == 31 * 4


def test_it_reads_only_the_agreement_s_rows_for_the_core(organisation, agreement, mixed_rows):
    store_participation(organisation, "liste.csv", mixed_rows)

    rows = convert.rows_for(agreement)

    assert sorted(r.cvr for r in rows) == ["10150817", "13748136", "13748136", "25313763"]


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_it_builds_the_package_from_the_year_s_rows_as_the_core_does(
    organisation, agreement, other_agreement, mixed_rows, year
):
    from klyngeradar.core.agreements.documentation import documentation_package
    from klyngeradar.web.agreements.models import Agreement

    store_participation(organisation, "liste.csv", mixed_rows)
    agreements = list(Agreement.objects.order_by("slug"))
    as_of = date(2026, 1, 1)

    package = convert.documentation_package(agreements, year, as_of=as_of)
    expected = documentation_package(
        year, [convert.agreement_facts(a) for a in agreements], mixed_rows, as_of=as_of
    )

    assert package == expected


def test_it_reads_the_agreements_for_the_package_with_a_fixed_number_of_queries(
    organisation, agreement, cluster_b, actors, mixed_rows
):
    from agreement_helpers import make_agreement

    from klyngeradar.web.agreements.models import Agreement

    store_participation(organisation, "liste.csv", mixed_rows)

    def queries_for_the_package() -> int:
        with CaptureQueriesContext(connection) as captured:
            convert.documentation_package(
                list(Agreement.objects.all()), 2024, as_of=date(2025, 1, 1)
            )
        return len(captured)

    few = queries_for_the_package()
    for n in range(5):
        more = make_agreement(organisation, cluster_b, slug=f"flere-{n}", actors=[actors["aau"]])
        more.kpis.create(definition="Møder", unit="møder", targets={"2024": 2})
    many = queries_for_the_package()

    assert many == few


def test_the_agreement_pages_counts_are_kept_until_an_import_or_the_agreement_changes(
    organisation, django_assert_max_num_queries
):
    from datetime import date as day

    from klyngeradar.web.agreements.models import Agreement, Participation, ParticipationImport
    from klyngeradar.web.agreements.summary import agreement_counts
    from klyngeradar.web.registry.models import Cluster

    cluster = Cluster.objects.create(slug="klynge-x", name="Klynge X")
    agreement = Agreement.objects.create(
        organisation=organisation,
        slug="aftale-x",
        title="Aftale X",
        cluster=cluster,
        kind="project",
        start=day(2024, 1, 1),
    )

    def imported(*cvrs, when=day(2024, 5, 1)):
        batch = ParticipationImport.objects.create(
            organisation=organisation, filename="liste.csv", row_count=len(cvrs)
        )
        for n, cvr in enumerate(cvrs):
            Participation.objects.create(
                batch=batch, cvr=cvr, company=f"V{n}", activity=f"A{n}", date=when, cluster=cluster
            )
        return batch

    first = imported("12345678", "87654321")
    assert agreement_counts(agreement).total == 2
    # Read again: from the cache, without counting the rows (only the key's two queries).
    with django_assert_max_num_queries(4):
        assert agreement_counts(agreement).total == 2
    second = imported("11111111")
    assert agreement_counts(agreement).total == 3  # a new import counts again
    first.delete()
    assert agreement_counts(agreement).total == 1  # so does a deleted one
    second.delete()
    imported("12345678", when=day(2023, 5, 1))
    assert agreement_counts(agreement).total == 0  # before the agreement's start
    agreement.start = day(2023, 1, 1)
    agreement.save()
    assert agreement_counts(agreement).total == 1  # a changed period counts again
