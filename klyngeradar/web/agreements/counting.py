"""Participation counted in the database: which rows an agreement covers, and their counts.

The rule of which rows count for an agreement is the core's
(`AgreementFacts.coverage`); this module only translates it into a query, so a
page never loads rows it does not show. Every figure is a `COUNT(DISTINCT cvr)`
the database computes with the indexes on (cluster, date) and (actor, date).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import ExtractYear

from klyngeradar.core.agreements.documentation import Coverage
from klyngeradar.core.agreements.participation import ParticipationRow
from klyngeradar.web.agreements.models import Participation
from klyngeradar.web.registry.models import Actor, Cluster

# Rows are read from the database in chunks of this size, never all at once.
CHUNK = 5_000


def participations_of(organisation) -> QuerySet:
    """Every participation row the organisation has imported, as a query (nothing loaded)."""
    return Participation.objects.filter(batch__organisation=organisation)


def coverage_filter(coverage: Coverage) -> Q:
    """The core's coverage rule as a database filter."""
    cluster_ids = list(Cluster.objects.filter(slug=coverage.cluster).values_list("pk", flat=True))
    actor_ids = list(Actor.objects.filter(slug__in=coverage.parties).values_list("pk", flat=True))
    rule = Q(cluster_id__in=cluster_ids) | Q(cluster__isnull=True, actor_id__in=actor_ids)
    if coverage.start is not None:
        rule &= Q(date__gte=coverage.start)
    if coverage.end is not None:
        rule &= Q(date__lte=coverage.end)
    return rule


def unique_companies(rows: QuerySet) -> int:
    """The number of distinct CVR numbers among ``rows``."""
    return rows.aggregate(n=Count("cvr", distinct=True))["n"]


def unique_companies_by(rows: QuerySet, by: str) -> dict:
    """Distinct CVR numbers per ``year``, ``kind``, ``cluster`` or ``actor`` (slugs); rows
    without a value for the group are not counted in it. Keys are sorted, as in the core."""
    if by == "year":
        grouped = rows.values(group=ExtractYear("date"))
    elif by == "kind":
        grouped = rows.exclude(kind="").values(group=F("kind"))
    elif by in ("cluster", "actor"):
        grouped = rows.filter(**{f"{by}__isnull": False}).values(group=F(f"{by}__slug"))
    else:
        raise ValueError(f"cannot count by {by!r}; use one of year, kind, cluster, actor")
    counted = grouped.order_by().annotate(n=Count("cvr", distinct=True)).values_list("group", "n")
    return dict(sorted(counted))


def core_rows(rows: QuerySet) -> Iterator[ParticipationRow]:
    """The rows as the core's `ParticipationRow`s, read as plain values in chunks."""
    fields = ("cvr", "pnr", "company", "activity", "date", "cluster__slug", "actor__slug", "kind")
    for cvr, pnr, company, activity, day, cluster, actor, kind in (
        rows.order_by().values_list(*fields).iterator(chunk_size=CHUNK)
    ):
        yield ParticipationRow(
            cvr, pnr or None, company, activity, day, cluster, actor, kind or None
        )


def covering_any(coverages: Iterable[Coverage]) -> Q:
    """A filter for a superset of the rows covered by at least one of ``coverages``: the rows of
    their clusters, or of their parties without a cluster, within their overall period. The core
    (`documentation_package`) then applies each agreement's exact rule; the filter stays small
    however many agreements there are."""
    coverages = list(coverages)
    if not coverages:
        return Q(pk__in=[])
    clusters = {c.cluster for c in coverages}
    parties = {party for c in coverages for party in c.parties}
    cluster_ids = list(Cluster.objects.filter(slug__in=clusters).values_list("pk", flat=True))
    actor_ids = list(Actor.objects.filter(slug__in=parties).values_list("pk", flat=True))
    rule = Q(cluster_id__in=cluster_ids) | Q(cluster__isnull=True, actor_id__in=actor_ids)
    starts, ends = [c.start for c in coverages], [c.end for c in coverages]
    if None not in starts:
        rule &= Q(date__gte=min(starts))
    if None not in ends:
        rule &= Q(date__lte=max(ends))
    return rule
