"""The registry in the database as the core's plain data: clusters, programmes, designations.

The deck and the appendices written from the web count the clusters the analyst keeps
in the database (edited on the registry pages or imported from the registry workbook),
not the shipped reference data. `registry_clusters()` gives every stored cluster as a
`ClusterFacts`, `registry_areas()` the areas that name them, and `registry_programmes()`
the stored programme periods with their designations and lineage as a
`ProgrammeReference`. A cluster linked to a programme by
its programme field but without any designation (rows from before designations existed)
counts as designated for that programme's whole period, as on the overview
(`klyngeradar.web.registry.programmes.designated_on`).
"""

from __future__ import annotations

from klyngeradar.core.registry import programmes as core
from klyngeradar.core.registry.reference import AreaFacts, ClusterFacts
from klyngeradar.web.registry.models import Area, Cluster, Designation, Lineage, Programme


def _text(value: str) -> str | None:
    """A blank text field of the database is an unknown fact: None."""
    return value or None


def cluster_facts(cluster: Cluster) -> ClusterFacts:
    """One stored cluster as the core's `ClusterFacts`."""
    return ClusterFacts(
        slug=cluster.slug,
        name=cluster.name,
        area=cluster.area.slug if cluster.area else "",
        seat_municipality=cluster.seat_municipality.code if cluster.seat_municipality else None,
        website=_text(cluster.website),
        cvr=_text(cluster.cvr),
        staff=cluster.staff,
        members=cluster.members,
        budget_dkk=cluster.budget_dkk,
        grant_dkk=cluster.grant_dkk,
        figures_year=cluster.figures_year,
        board_size=cluster.board_size,
        chair_from_business=cluster.chair_from_business,
        maturity_note=_text(cluster.maturity_note),
        source=cluster.source,
        verified=cluster.verified,
        unverified_fields=tuple(cluster.unverified_fields or ()),
        note=_text(cluster.note),
        valid_from=cluster.valid_from,
        valid_to=cluster.valid_to,
        note_en=_text(cluster.note_en),
        maturity_note_en=_text(cluster.maturity_note_en),
        source_en=_text(cluster.source_en),
    )


def registry_clusters() -> tuple[ClusterFacts, ...]:
    """Every cluster in the database, by name (the registry's order)."""
    rows = Cluster.objects.select_related("area", "seat_municipality").order_by("name", "slug")
    return tuple(cluster_facts(c) for c in rows)


def registry_areas() -> tuple[AreaFacts, ...]:
    """Every business and technology area in the database, by name (the clusters' areas)."""
    return tuple(
        AreaFacts(a.slug, a.name, a.source, a.verified) for a in Area.objects.order_by("name")
    )


def programme_facts(programme: Programme) -> core.Programme:
    """One stored programme period as the core's `Programme`."""
    return core.Programme(
        slug=programme.slug,
        name=programme.name,
        start=programme.start,
        end=programme.end,
        source=programme.source,
        verified=programme.verified,
        clusters=programme.cluster_count,
        grant_dkk=programme.grant_dkk,
        grant_year=programme.grant_year,
        unverified_fields=tuple(programme.unverified_fields or ()),
        note_da=programme.note_da,
        note_en=programme.note_en,
    )


def registry_programmes() -> core.ProgrammeReference:
    """The stored programme periods, designations and lineage, as the core reads them."""
    programmes = tuple(programme_facts(p) for p in Programme.objects.order_by("start", "slug"))
    designations = [
        core.Designation(
            cluster=d.cluster.slug,
            programme=d.programme.slug,
            status=d.status,
            period_from=d.period_from,
            period_to=d.period_to,
            source=d.source,
            verified=d.verified,
            grant_dkk=d.grant_dkk,
            grant_year=d.grant_year,
            note_da=d.note_da,
            note_en=d.note_en,
        )
        for d in Designation.objects.select_related("cluster", "programme").order_by(
            "programme__start", "cluster__slug"
        )
    ]
    legacy = (
        Cluster.objects.filter(programme__isnull=False, designations__isnull=True)
        .select_related("programme")
        .order_by("slug")
    )
    designations += [
        core.Designation(
            cluster=c.slug,
            programme=c.programme.slug,
            status="designated",
            period_from=None,
            period_to=None,
            source=c.source,
            verified=c.verified,
        )
        for c in legacy
    ]
    lineage = tuple(
        core.Lineage(
            cluster=x.cluster.slug,
            kind=x.kind,
            successor=x.successor.slug,
            day=x.day,
            source=x.source,
            verified=x.verified,
            note_da=x.note_da,
            note_en=x.note_en,
        )
        for x in Lineage.objects.select_related("cluster", "successor").order_by("day", "pk")
    )
    return core.ProgrammeReference(programmes, tuple(designations), lineage)
