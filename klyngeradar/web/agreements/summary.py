"""What an agreement's page shows beyond its rows: KPI status and unique-company counts.

KPI status comes from the core (`kpi_status`); the unique-company counts are
computed in the database (`counting`) with the core's coverage rule, and agree
with the core's `unique_companies` over the same rows (`counts`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils.translation import get_language

from klyngeradar.core.agreements.kpi import Status, kpi_status
from klyngeradar.core.agreements.participation import (
    SUPPORT_KIND_LABELS,
    ParticipationRow,
    count_unique_companies,
    unique_companies,
)
from klyngeradar.web.agreements import convert, counting
from klyngeradar.web.agreements.models import Agreement, Kpi


@dataclass(frozen=True)
class KpiView:
    kpi: Kpi
    status: Status
    followups: list

    @property
    def label(self) -> str:
        return self.status.label(_lang())

    @property
    def explanation(self) -> str:
        return self.status.explanation(_lang())


def _lang() -> str:
    return "en" if (get_language() or "da").startswith("en") else "da"


@dataclass(frozen=True)
class Counts:
    """Unique companies (by CVR) for an agreement: in total, per year, kind, cluster and actor."""

    total: int
    participations: int
    by_year: dict
    by_kind: list[tuple[str, int]]
    by_cluster: dict
    by_actor: dict


def kpi_view(kpi: Kpi, *, as_of: date) -> KpiView:
    followups = list(kpi.followups.select_related("recorded_by"))
    status = kpi_status(
        convert.core_kpi(kpi), [convert.core_followup(f) for f in followups], as_of=as_of
    )
    return KpiView(kpi, status, followups)


def kpi_views(agreement: Agreement, *, as_of: date) -> list[KpiView]:
    return [kpi_view(kpi, as_of=as_of) for kpi in agreement.kpis.prefetch_related("followups")]


def counts(rows: tuple[ParticipationRow, ...]) -> Counts:
    kinds = unique_companies(rows, by="kind")
    return Counts(
        total=count_unique_companies(rows),
        participations=len(rows),
        by_year=unique_companies(rows, by="year"),
        by_kind=[(SUPPORT_KIND_LABELS[kind][0], number) for kind, number in kinds.items()],
        by_cluster=unique_companies(rows, by="cluster"),
        by_actor=unique_companies(rows, by="actor"),
    )


def agreement_counts(agreement: Agreement) -> Counts:
    """The agreement's counts, computed in the database (nothing but the figures is loaded).

    They are kept in the cache under a key made of everything they are computed from:
    the agreement's coverage (cluster, parties, period) and the organisation's imports
    (how many and the newest; an import is stored whole and never changed, only
    deleted), so a new or deleted import, or a changed agreement, computes them again,
    and every other view of the page reads them without touching the participation
    rows. Slugs are the registry's identity and never change, so the cached keys of
    `by_cluster` and `by_actor` stay right.
    """
    coverage = convert.coverage(agreement)
    key = _counts_key(agreement, coverage)
    found = cache.get(key)
    if found is not None:
        return found
    found = _computed_counts(agreement, coverage)
    cache.set(key, found, COUNTS_SECONDS)
    return found


# How long computed counts are kept; the key changes whenever they would change anyway.
COUNTS_SECONDS = 7 * 24 * 3600


def imports_stamp(organisation_id) -> tuple[int, int | None]:
    """What changes whenever the organisation's participation rows change: how many
    imports it has and the newest one's id (imports are stored whole and only deleted,
    and ids are never reused)."""
    from klyngeradar.web.agreements.models import ParticipationImport

    found = ParticipationImport.objects.filter(organisation=organisation_id).aggregate(
        n=Count("pk"), newest=Max("pk")
    )
    return found["n"], found["newest"]


def _counts_key(agreement: Agreement, coverage) -> str:
    count, newest = imports_stamp(agreement.organisation_id)
    facts = json.dumps(
        [
            agreement.pk,
            coverage.cluster,
            sorted(coverage.parties),
            coverage.start.isoformat() if coverage.start else None,
            coverage.end.isoformat() if coverage.end else None,
            count,
            newest,
        ]
    )
    return "agreement-counts:" + hashlib.sha256(facts.encode()).hexdigest()


def _computed_counts(agreement: Agreement, coverage) -> Counts:
    rows = counting.participations_of(agreement.organisation).filter(
        counting.coverage_filter(coverage)
    )
    kinds = counting.unique_companies_by(rows, "kind")
    return Counts(
        total=counting.unique_companies(rows),
        participations=rows.count(),
        by_year=counting.unique_companies_by(rows, "year"),
        by_kind=[(SUPPORT_KIND_LABELS[kind][0], number) for kind, number in kinds.items()],
        by_cluster=counting.unique_companies_by(rows, "cluster"),
        by_actor=counting.unique_companies_by(rows, "actor"),
    )
