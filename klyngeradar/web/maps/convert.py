"""ORM rows as the core's map inputs; the figures themselves are computed in core/maps."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, QuerySet

from klyngeradar.core.maps.register import CoFinancingRow, CompanyRow, RegisteredAgreement
from klyngeradar.web.agreements.models import Agreement, CoFinancing, Participation
from klyngeradar.web.registry.models import Municipality, Region


def region_municipalities(region: Region | None) -> dict[str, str]:
    """The region's municipalities, code -> name, in code order (empty without a region)."""
    if region is None:
        return {}
    rows = Municipality.objects.filter(region=region).order_by("code")
    return {m.code: m.name for m in sorted(rows, key=lambda m: (len(m.code), m.code))}


def registered_agreements(agreements: Iterable[Agreement]) -> tuple[RegisteredAgreement, ...]:
    return tuple(
        RegisteredAgreement(
            a.slug,
            a.title,
            a.cluster.name,
            tuple(m.code for m in a.municipalities.all()),
            a.status,
        )
        for a in agreements
    )


def registered_agreements_of(agreements: QuerySet) -> tuple[RegisteredAgreement, ...]:
    """`registered_agreements` of a query, read as plain values: a thousand agreements
    cost two queries and no model instances."""
    parties: dict[int, list[str]] = defaultdict(list)
    through = Agreement.municipalities.through.objects.filter(agreement__in=agreements)
    for agreement_id, code in through.values_list("agreement_id", "municipality__code"):
        parties[agreement_id].append(code)
    rows = agreements.order_by().values_list("pk", "slug", "title", "cluster__name", "status")
    return tuple(
        RegisteredAgreement(slug, title, cluster, tuple(parties.get(pk, ())), status)
        for pk, slug, title, cluster, status in rows
    )


def cofinancing_rows_of(agreements: QuerySet) -> tuple[CoFinancingRow, ...]:
    """`cofinancing_rows` of a query, read as plain values."""
    rows = CoFinancing.objects.filter(agreement__in=agreements).values_list(
        "agreement__slug", "municipality__code", "year", "amount_dkk"
    )
    return tuple(CoFinancingRow(*row) for row in rows.order_by("pk"))


def cofinancing_rows(agreements: Iterable[Agreement]) -> tuple[CoFinancingRow, ...]:
    rows = CoFinancing.objects.filter(agreement__in=list(agreements)).select_related(
        "agreement", "municipality"
    )
    return tuple(
        CoFinancingRow(
            r.agreement.slug, r.municipality.code if r.municipality else None, r.year, r.amount_dkk
        )
        for r in rows
    )


def company_rows(organisation) -> tuple[CompanyRow, ...]:
    """The organisation's participation rows; they carry a P-number but no municipality yet.

    Rows of the same company and P-number are grouped by the database (one row with its
    count), so a million participations come back as one row per company and P-unit.
    """
    if organisation is None:
        return ()
    rows = (
        Participation.objects.filter(batch__organisation=organisation)
        .order_by()
        .values_list("cvr", "pnr")
        .annotate(n=Count("pk"))
    )
    return tuple(CompanyRow(cvr, None, pnr or None, n) for cvr, pnr, n in rows)
