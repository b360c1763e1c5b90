"""The registry workbook against the database: export what is stored, store a checked workbook.

`parse_registry` (core) has checked the whole workbook before `store_registry` runs;
storing is one transaction that creates new rows and changes only the fields that
differ, so each changed fact gets one history entry with the analyst as its author
(the history middleware records the request's user). Nothing is deleted: a row left
out of the workbook stays as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from klyngeradar.core.registry import programmes as core
from klyngeradar.core.registry.workbook import ActorRow, AreaRow, ClusterRow, RegistryData
from klyngeradar.web.registry.models import (
    Actor,
    Area,
    Cluster,
    Designation,
    Lineage,
    Municipality,
    Programme,
    Region,
)


def known_programmes() -> dict[str, core.Programme]:
    return {
        p.slug: core.Programme(p.slug, p.name, p.start, p.end, p.source, p.verified)
        for p in Programme.objects.all()
    }


def registry_data() -> RegistryData:
    """Everything the workbook holds, as stored (fictitious demo clusters included)."""
    return RegistryData(
        areas=tuple(AreaRow(a.slug, a.name, a.source, a.verified) for a in Area.objects.all()),
        clusters=tuple(
            ClusterRow(
                c.slug,
                c.name,
                c.area.slug if c.area else None,
                c.seat_municipality.code if c.seat_municipality else None,
                c.website,
                c.staff,
                c.members,
                c.source,
                c.verified,
            )
            for c in Cluster.objects.select_related("area", "seat_municipality").order_by("slug")
        ),
        actors=tuple(
            ActorRow(
                a.slug, a.name, a.kind, a.region.code if a.region else None, a.source, a.verified
            )
            for a in Actor.objects.select_related("region").order_by("slug")
        ),
        designations=tuple(
            core.Designation(
                d.cluster.slug,
                d.programme.slug,
                d.status,
                d.period_from,
                d.period_to,
                d.source,
                d.verified,
                d.grant_dkk,
                d.grant_year,
                d.note_da,
                d.note_en,
            )
            for d in Designation.objects.select_related("cluster", "programme").order_by(
                "programme__start", "cluster__slug"
            )
        ),
        lineage=tuple(
            core.Lineage(
                x.cluster.slug,
                x.kind,
                x.successor.slug,
                x.day,
                x.source,
                x.verified,
                x.note_da,
                x.note_en,
            )
            for x in Lineage.objects.select_related("cluster", "successor")
        ),
    )


@dataclass
class Stored:
    created: int = 0
    changed: int = 0
    changes: list[str] = field(default_factory=list)


def _put(stored: Stored, model, key: dict, values: dict, label: str) -> object:
    obj = model.objects.filter(**key).first()
    if obj is None:
        stored.created += 1
        stored.changes.append(f"{label}: +")
        return model.objects.create(**key, **values)
    changed = {k: v for k, v in values.items() if getattr(obj, k) != v}
    if changed:
        for name, value in changed.items():
            setattr(obj, name, value)
        obj.save()
        stored.changed += 1
        stored.changes.append(f"{label}: {', '.join(sorted(changed))}")
    return obj


@transaction.atomic
def store_registry(data: RegistryData) -> Stored:
    """Store a checked workbook; only what differs is saved (and so kept in history)."""
    stored = Stored()
    for a in data.areas:
        values = {"name": a.name, "source": a.source, "verified": a.verified}
        _put(stored, Area, {"slug": a.slug}, values, f"område {a.slug}")
    areas = {a.slug: a for a in Area.objects.all()}
    seats = {m.code: m for m in Municipality.objects.all()}
    regions = {r.code: r for r in Region.objects.all()}
    for c in data.clusters:
        values = {
            "name": c.name,
            "area": areas.get(c.area) if c.area else None,
            "seat_municipality": seats.get(c.seat_municipality) if c.seat_municipality else None,
            "website": c.website,
            "staff": c.staff,
            "members": c.members,
            "source": c.source,
            "verified": c.verified,
        }
        _put(stored, Cluster, {"slug": c.slug}, values, f"klynge {c.slug}")
    for a in data.actors:
        values = {
            "name": a.name,
            "kind": a.kind,
            "region": regions.get(a.region) if a.region else None,
            "source": a.source,
            "verified": a.verified,
        }
        _put(stored, Actor, {"slug": a.slug}, values, f"aktør {a.slug}")
    clusters = {c.slug: c for c in Cluster.objects.all()}
    programmes = {p.slug: p for p in Programme.objects.all()}
    for d in data.designations:
        key = {"cluster": clusters[d.cluster], "programme": programmes[d.programme]}
        values = {
            "status": d.status,
            "period_from": d.period_from,
            "period_to": d.period_to,
            "grant_dkk": d.grant_dkk,
            "grant_year": d.grant_year,
            "source": d.source,
            "verified": d.verified,
            "note_da": d.note_da,
            "note_en": d.note_en,
        }
        _put(stored, Designation, key, values, f"udpegning {d.cluster} {d.programme}")
    for x in data.lineage:
        key = {"cluster": clusters[x.cluster], "kind": x.kind, "successor": clusters[x.successor]}
        values = {
            "day": x.day,
            "source": x.source,
            "verified": x.verified,
            "note_da": x.note_da,
            "note_en": x.note_en,
        }
        _put(stored, Lineage, key, values, f"afstamning {x.cluster} {x.successor}")
    return stored
