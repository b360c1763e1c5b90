"""Load the shipped reference data (regions, municipalities, clusters, actors) into the database.

The load is idempotent: run it twice and the second run changes nothing. Rows
that already exist are left as they are unless `update=True`, which sets the
shipped values again, except a field an analyst has edited (a change in the
row's history made by a signed-in user): that is never touched. `dry_run=True`
says what an update would change and changes nothing. Every change to a
programme, cluster, designation, lineage or actor is kept in its history.

All codes are checked before anything is written: an unknown region,
municipality or area refuses the whole load with every problem listed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction

from klyngeradar.core.problems import InputError, Problem
from klyngeradar.core.registry import geography, programmes, reference
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


@dataclass
class LoadSummary:
    """How many rows of each kind were created and updated."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    # What was (or, in a dry run, would be) changed, and what was kept as an analyst edited it.
    changes: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def count(self, kind: str, created: bool, changed: bool) -> None:
        self.created.setdefault(kind, 0)
        self.updated.setdefault(kind, 0)
        if created:
            self.created[kind] += 1
        elif changed:
            self.updated[kind] += 1

    def lines(self) -> list[str]:
        return [
            f"{kind}: {self.created[kind]} created, {self.updated[kind]} updated"
            for kind in self.created
        ]


@dataclass(frozen=True)
class ReferenceData:
    """The rows to load; the shipped data unless a caller passes its own (tests do)."""

    regions: tuple = ()
    municipalities: tuple = ()
    programme: object | None = None
    areas: tuple = ()
    clusters: tuple = ()
    actors: tuple = ()
    programmes: tuple = ()
    designations: tuple = ()
    lineage: tuple = ()

    @classmethod
    def shipped(cls) -> ReferenceData:
        return cls(
            regions=geography.regions(),
            municipalities=geography.municipalities(),
            programme=reference.reference_programme(),
            areas=reference.reference_areas(),
            clusters=reference.reference_clusters(),
            actors=reference.reference_actors(),
            programmes=programmes.reference_programmes().programmes,
            designations=programmes.reference_programmes().designations,
            lineage=programmes.reference_programmes().lineage,
        )


def load_reference(
    data: ReferenceData | None = None, *, update: bool = False, dry_run: bool = False
) -> LoadSummary:
    """Store `data` (default: the shipped reference data); refuse it whole on unknown codes.

    With `dry_run`, do what `update` would do, report it, and roll everything back.
    """
    data = data or ReferenceData.shipped()
    summary = LoadSummary()
    update = update or dry_run
    with transaction.atomic():
        _load(data, summary, update)
        if dry_run:
            transaction.set_rollback(True)
    return summary


def _load(data: ReferenceData, summary: LoadSummary, update: bool) -> None:
    """Store every row; shipped values only where `update` and no analyst edited them."""
    for row in data.regions:
        _store(summary, Region, "regions", {"code": row.code}, _facts(row, "name"), update)
    regions = {r.code: r for r in Region.objects.all()}
    _check_codes(
        ("municipalities.csv", "region", m.code, m.region)
        for m in data.municipalities
        if m.region not in regions
    )
    for row in data.municipalities:
        values = _facts(row, "name", "note") | {"region": regions[row.region]}
        _store(summary, Municipality, "municipalities", {"code": row.code}, values, update)

    for row in data.programmes:
        values = _facts(row, "name", "start", "end", "grant_dkk", "grant_year") | {
            "cluster_count": row.clusters,
            "unverified_fields": list(row.unverified_fields),
            "note_da": row.note_da,
            "note_en": row.note_en,
        }
        _store(summary, Programme, "programmes", {"slug": row.slug}, values, update)
    programme = None
    if data.programme is not None:
        programme = Programme.objects.filter(slug=data.programme.slug).first()
        if programme is None:
            values = _facts(data.programme, "name", "start", "end")
            programme = _store(
                summary, Programme, "programmes", {"slug": data.programme.slug}, values, update
            )
    for row in data.areas:
        _store(summary, Area, "areas", {"slug": row.slug}, _facts(row, "name"), update)

    areas = {a.slug: a for a in Area.objects.all()}
    municipalities = {m.code: m for m in Municipality.objects.all()}
    _check_codes(
        [("clusters.json", "area", c.slug, c.area) for c in data.clusters if c.area not in areas]
        + [
            ("clusters.json", "seat_municipality", c.slug, c.seat_municipality)
            for c in data.clusters
            if c.seat_municipality and c.seat_municipality not in municipalities
        ]
        + [
            ("actors.json", "region", a.slug, a.region)
            for a in data.actors
            if a.region not in regions
        ]
    )
    for row in data.clusters:
        values = _facts(
            row,
            "name",
            "website",
            "cvr",
            "staff",
            "members",
            "budget_dkk",
            "grant_dkk",
            "figures_year",
            "board_size",
            "chair_from_business",
            "maturity_note",
            "note",
            "valid_from",
            "valid_to",
            "maturity_note_en",
            "note_en",
            "source_en",
        ) | {
            "programme": programme,
            "area": areas[row.area],
            "seat_municipality": municipalities.get(row.seat_municipality),
            "unverified_fields": list(row.unverified_fields),
        }
        _store(summary, Cluster, "clusters", {"slug": row.slug}, values, update)
    for row in data.actors:
        values = _facts(row, "name", "kind", "note", "note_en", "source_en") | {
            "region": regions[row.region]
        }
        _store(summary, Actor, "actors", {"slug": row.slug}, values, update)
    _load_designations(data, summary, update)


def _load_designations(data: ReferenceData, summary: LoadSummary, update: bool) -> None:
    clusters = {c.slug: c for c in Cluster.objects.all()}
    by_slug = {p.slug: p for p in Programme.objects.all()}
    for row in data.designations:
        key = {"cluster": clusters[row.cluster], "programme": by_slug[row.programme]}
        values = _facts(
            row, "status", "period_from", "period_to", "grant_dkk", "grant_year", "note_da"
        ) | {"note_en": row.note_en}
        _store(summary, Designation, "designations", key, values, update)
    for row in data.lineage:
        key = {
            "cluster": clusters[row.cluster],
            "kind": row.kind,
            "successor": clusters[row.successor],
        }
        values = _facts(row, "note_da", "note_en") | {"day": row.day}
        _store(summary, Lineage, "lineage", key, values, update)


def _facts(row, *names: str) -> dict:
    """The named attributes of a reference row, plus its provenance; None text becomes ""."""
    values = {name: getattr(row, name) for name in names}
    for name in ("source", "verified"):
        if hasattr(row, name):
            values[name] = getattr(row, name)
    text_fields = {
        "website",
        "cvr",
        "maturity_note",
        "note",
        "source",
        "maturity_note_en",
        "note_en",
        "source_en",
    }
    return {k: ("" if v is None and k in text_fields else v) for k, v in values.items()}


def _store(summary: LoadSummary, model, kind: str, key: dict, values: dict, update: bool):
    obj = model.objects.filter(**key).first()
    label = f"{kind} {' '.join(str(v) for v in key.values())}"
    if obj is None:
        obj = model.objects.create(**key, **values)
        summary.count(kind, created=True, changed=False)
        summary.changes.append(f"{label}: new")
        return obj
    changed = {name: value for name, value in values.items() if getattr(obj, name) != value}
    edited = analyst_edits(obj) if changed else {}
    for name in sorted(changed.keys() & edited.keys()):
        summary.kept.append(f"{label}: {name} kept as edited by {edited[name]}")
        del changed[name]
    if update and changed:
        for name, value in changed.items():
            summary.changes.append(f"{label}: {name} {getattr(obj, name)!r} → {value!r}")
            setattr(obj, name, value)
        obj.save()
    summary.count(kind, created=False, changed=update and bool(changed))
    return obj


def analyst_edits(obj) -> dict[str, str]:
    """The fields a signed-in user changed in `obj`'s history (field → who); {} without history.

    A change saved through the web or the admin records its user; the loader saves
    without one, so only a person's edits count.
    """
    history = getattr(obj, "history", None)
    if history is None:
        return {}
    edited: dict[str, str] = {}
    records = list(history.order_by("history_date", "history_id").select_related("history_user"))
    for previous, record in zip([None, *records], records, strict=False):
        if record.history_user is None:
            continue
        who = record.history_user.get_username()
        if previous is None:
            names = [f.name for f in obj._meta.concrete_fields]
        else:
            names = record.diff_against(previous).changed_fields
        edited.update(dict.fromkeys(names, who))
    return edited


def _check_codes(unknown: Iterable[tuple[str, str, str, str | None]]) -> None:
    problems = [
        Problem(
            "is not a known code",
            file=file,
            sheet=row,
            column=column,
            value=str(code),
            reason_da="er ikke en kendt kode",
        )
        for file, column, row, code in unknown
    ]
    if problems:
        raise InputError(problems)
