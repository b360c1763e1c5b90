"""ORM rows as the core's map inputs; the figures themselves are computed in core/maps."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count

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
