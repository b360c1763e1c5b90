"""The landscape's reference data: programme, areas, national clusters and regional actors.

The facts ship with the package as JSON (``data/reference/clusters.json`` and
``actors.json``). Every row carries its source; a fact that is not confirmed by
its source is named in ``unverified_fields`` (or the whole row is
``verified: false``); an unknown figure is ``null``, never a guess.

The files are validated when loaded: a bad row raises `InputError` naming the
file, the list (``sheet``), the 1-based entry number (``row``), the field and why.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from klyngeradar.core.problems import InputError, Problem
from klyngeradar.core.registry import geography
from klyngeradar.core.registry.cvr import check_cvr, normalise_cvr

ACTOR_KINDS = (
    "regional_body",
    "business_hub",
    "municipality",
    "university",
    "hub_partnership",
    "other",
)

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NOT_OBJECT_DA = "er ikke et JSON-objekt"
# The English versions of the Danish texts may be left out of a row (then Danish is shown).
ENGLISH_FIELDS = ("note_en", "maturity_note_en", "source_en")


@dataclass(frozen=True)
class ProgrammeFacts:
    slug: str
    name: str
    start: date
    end: date
    source: str


@dataclass(frozen=True)
class AreaFacts:
    """An "erhvervs- og teknologiområde" (business and technology area)."""

    slug: str
    name: str
    source: str
    verified: bool


@dataclass(frozen=True)
class LandscapeFact:
    """A programme-level fact about the clusters as a group (e.g. "staff from 7 to 40–50").

    ``low``/``high`` are the numeric bounds where the fact has them (``None`` when open).
    """

    key: str
    label_da: str
    label_en: str
    value_da: str
    value_en: str
    low: int | None
    high: int | None
    year: int | None
    source: str


@dataclass(frozen=True)
class ClusterFacts:
    """A national cluster organisation as far as public sources support it."""

    slug: str
    name: str
    area: str
    seat_municipality: str | None
    website: str | None
    cvr: str | None
    staff: int | None
    members: int | None
    budget_dkk: int | None
    grant_dkk: int | None
    figures_year: int | None
    board_size: int | None
    chair_from_business: bool | None
    maturity_note: str | None
    source: str
    verified: bool
    unverified_fields: tuple[str, ...]
    note: str | None
    valid_from: date | None
    valid_to: date | None
    # `note`, `maturity_note` and a `source` that is a text rather than addresses are in
    # Danish; these are the same in English.
    note_en: str | None = None
    maturity_note_en: str | None = None
    source_en: str | None = None

    def text(self, field: str, lang: str = "da") -> str | None:
        """`note`, `maturity_note` or `source` in `lang` (English falls back to Danish)."""
        if lang == "en":
            english = getattr(self, f"{field}_en")
            if english:
                return english
        return getattr(self, field)

    def is_active(self, on: date) -> bool:
        """True when the cluster is part of the programme on ``on`` (open ends count as open)."""
        if self.valid_from is not None and on < self.valid_from:
            return False
        return self.valid_to is None or on <= self.valid_to

    def is_confirmed(self, field: str) -> bool:
        """True when the row is verified and ``field`` is not flagged as unverified."""
        return self.verified and field not in self.unverified_fields


@dataclass(frozen=True)
class ActorFacts:
    """A regional business-promotion actor (BRN, Erhvervshus, university, hub …)."""

    slug: str
    name: str
    kind: str
    region: str
    source: str
    verified: bool
    note: str | None
    note_en: str | None = None
    source_en: str | None = None


@dataclass(frozen=True)
class ClusterReference:
    """Everything in ``clusters.json``, validated."""

    programme: ProgrammeFacts
    areas: tuple[AreaFacts, ...]
    landscape_facts: tuple[LandscapeFact, ...]
    clusters: tuple[ClusterFacts, ...]


_CLUSTER_FIELDS = tuple(f.name for f in fields(ClusterFacts))


class _Entry:
    """Reads typed fields from one JSON object and records a Problem for each bad one."""

    def __init__(
        self, data: Any, *, file: str, sheet: str, row: int | None, problems: list[Problem]
    ):
        self.file, self.sheet, self.row, self.problems = file, sheet, row, problems
        self.is_object = isinstance(data, Mapping)
        self.data: Mapping[str, Any] = data if self.is_object else {}
        if not self.is_object:
            self.fail(None, data, "is not an object", "er ikke et objekt")

    def fail(self, key: str | None, value: Any, reason: str, reason_da: str) -> None:
        shown = None if value is None else json.dumps(value, ensure_ascii=False, default=str)
        self.problems.append(
            Problem(
                reason,
                file=self.file,
                sheet=self.sheet,
                row=self.row,
                column=key,
                value=shown,
                reason_da=reason_da,
            )
        )

    def check_keys(self, expected: tuple[str, ...], optional: tuple[str, ...] = ()) -> None:
        if not self.is_object:
            return
        for key in expected:
            if key not in self.data and key not in optional:
                self.fail(key, None, "is missing", "mangler")
        for key in self.data:
            if key not in expected:
                self.fail(key, None, "is not a known field", "er ikke et kendt felt")

    def text(self, key: str, *, required: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required and key in self.data:
                self.fail(key, None, "is empty", "er tomt")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(key, value, "is not a non-empty text", "er ikke en udfyldt tekst")
            return None
        return value.strip()

    def slug(self, key: str) -> str | None:
        value = self.text(key)
        if value is not None and not _SLUG.match(value):
            reason = "is not a slug (lower-case a–z, 0–9 and single dashes)"
            self.fail(key, value, reason, "er ikke et kort navn (små a–z, 0–9 og enkelte -)")
            return None
        return value

    def whole(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(key, value, "is not a whole number ≥ 0", "er ikke et helt tal ≥ 0")
            return None
        return value

    def flag(self, key: str, *, required: bool = True) -> bool | None:
        value = self.data.get(key)
        if value is None:
            if required and key in self.data:
                self.fail(
                    key,
                    None,
                    "is empty; true or false is expected",
                    "er tomt; true eller false forventes",
                )
            return None
        if not isinstance(value, bool):
            self.fail(key, value, "is not true or false", "er ikke true eller false")
            return None
        return value

    def day(self, key: str, *, required: bool = False) -> date | None:
        value = self.data.get(key)
        if value is None:
            if required and key in self.data:
                reason = "is empty; a date (YYYY-MM-DD) is expected"
                self.fail(key, None, reason, "er tomt; en dato (ÅÅÅÅ-MM-DD) forventes")
            return None
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            self.fail(key, value, "is not a date (YYYY-MM-DD)", "er ikke en dato (ÅÅÅÅ-MM-DD)")
            return None


def _unique(rows: list[tuple[int, str | None]], *, file: str, sheet: str) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for number, slug in rows:
        if slug is None:
            continue
        if slug in seen:
            problems.append(
                Problem(
                    f"is used twice (also entry {seen[slug]})",
                    file=file,
                    sheet=sheet,
                    row=number,
                    column="slug",
                    value=slug,
                    reason_da=f"er brugt to gange (også post {seen[slug]})",
                )
            )
        else:
            seen[slug] = number
    return problems


def _list(document: Mapping[str, Any], key: str, file: str, problems: list[Problem]) -> list:
    value = document.get(key)
    if not isinstance(value, list):
        reason_da = "mangler eller er ikke en liste"
        problems.append(
            Problem("is missing or not a list", file=file, column=key, reason_da=reason_da)
        )
        return []
    return value


def load_cluster_reference(document: Any, *, file: str = "clusters.json") -> ClusterReference:
    """Validate a parsed ``clusters.json`` document; raise `InputError` with every problem."""
    problems: list[Problem] = []
    if not isinstance(document, Mapping):
        raise InputError([Problem("is not a JSON object", file=file, reason_da=NOT_OBJECT_DA)])
    known_keys = ("programme", "landscape_facts", "areas", "clusters")
    for key in document:
        if key not in known_keys:
            reason_da = "er ikke en kendt sektion"
            problems.append(
                Problem("is not a known section", file=file, column=key, reason_da=reason_da)
            )

    entry = _Entry(
        document.get("programme"), file=file, sheet="programme", row=None, problems=problems
    )
    entry.check_keys(("slug", "name", "start", "end", "source"))
    programme = ProgrammeFacts(
        slug=entry.slug("slug") or "",
        name=entry.text("name") or "",
        start=entry.day("start", required=True) or date.min,
        end=entry.day("end", required=True) or date.max,
        source=entry.text("source") or "",
    )
    if programme.end < programme.start:
        entry.fail(
            "end", str(programme.end), "is before the programme's start", "er før programmets start"
        )

    facts = []
    for number, raw in enumerate(_list(document, "landscape_facts", file, problems), start=1):
        entry = _Entry(raw, file=file, sheet="landscape_facts", row=number, problems=problems)
        entry.check_keys(tuple(f.name for f in fields(LandscapeFact)))
        facts.append(
            LandscapeFact(
                key=entry.text("key") or "",
                label_da=entry.text("label_da") or "",
                label_en=entry.text("label_en") or "",
                value_da=entry.text("value_da") or "",
                value_en=entry.text("value_en") or "",
                low=entry.whole("low"),
                high=entry.whole("high"),
                year=entry.whole("year"),
                source=entry.text("source") or "",
            )
        )

    areas = []
    area_slugs = []
    for number, raw in enumerate(_list(document, "areas", file, problems), start=1):
        entry = _Entry(raw, file=file, sheet="areas", row=number, problems=problems)
        entry.check_keys(("slug", "name", "source", "verified"))
        slug = entry.slug("slug")
        area_slugs.append((number, slug))
        areas.append(
            AreaFacts(
                slug=slug or "",
                name=entry.text("name") or "",
                source=entry.text("source") or "",
                verified=bool(entry.flag("verified")),
            )
        )
    problems += _unique(area_slugs, file=file, sheet="areas")
    known_areas = {slug for _, slug in area_slugs if slug}

    clusters = []
    cluster_slugs = []
    for number, raw in enumerate(_list(document, "clusters", file, problems), start=1):
        cluster = _cluster(raw, number, file=file, areas=known_areas, problems=problems)
        cluster_slugs.append((number, cluster.slug or None))
        clusters.append(cluster)
    problems += _unique(cluster_slugs, file=file, sheet="clusters")

    if problems:
        raise InputError(problems)
    return ClusterReference(programme, tuple(areas), tuple(facts), tuple(clusters))


def _cluster(
    raw: Any, number: int, *, file: str, areas: set[str], problems: list[Problem]
) -> ClusterFacts:
    entry = _Entry(raw, file=file, sheet="clusters", row=number, problems=problems)
    entry.check_keys(_CLUSTER_FIELDS, optional=ENGLISH_FIELDS)

    area = entry.slug("area")
    if area is not None and area not in areas:
        entry.fail(
            "area", area, "is not one of the areas in this file", "er ikke et af områderne i filen"
        )

    seat = entry.text("seat_municipality", required=False)
    known_codes = {m.code for m in geography.municipalities()}
    if seat is not None and seat not in known_codes:
        reason, reason_da = "is not a known municipality code", "er ikke en kendt kommunekode"
        entry.fail("seat_municipality", seat, reason, reason_da)
        seat = None

    cvr = entry.text("cvr", required=False)
    if cvr is not None:
        reason = check_cvr(cvr)
        if reason:
            entry.fail("cvr", cvr, reason, check_cvr(cvr, "da"))
        cvr = normalise_cvr(cvr)

    unverified = entry.data.get("unverified_fields", [])
    if not isinstance(unverified, list) or not all(isinstance(x, str) for x in unverified):
        reason, reason_da = "is not a list of field names", "er ikke en liste af feltnavne"
        entry.fail("unverified_fields", unverified, reason, reason_da)
        unverified = []
    for name in unverified:
        if name not in _CLUSTER_FIELDS or name in (
            "verified",
            "unverified_fields",
            "source",
            "source_en",
            "note_en",
            "maturity_note_en",
        ):
            reason = "is not a field that can be unverified"
            entry.fail(
                "unverified_fields", name, reason, "er ikke et felt, der kan være ubekræftet"
            )

    valid_from, valid_to = entry.day("valid_from"), entry.day("valid_to")
    if valid_from and valid_to and valid_to < valid_from:
        entry.fail("valid_to", str(valid_to), "is before valid_from", "er før valid_from")

    website = entry.text("website", required=False)
    if website is not None and not website.startswith(("http://", "https://")):
        reason = "is not a web address (http:// or https://)"
        entry.fail("website", website, reason, "er ikke en webadresse (http:// eller https://)")

    return ClusterFacts(
        slug=entry.slug("slug") or "",
        name=entry.text("name") or "",
        area=area or "",
        seat_municipality=seat,
        website=website,
        cvr=cvr,
        staff=entry.whole("staff"),
        members=entry.whole("members"),
        budget_dkk=entry.whole("budget_dkk"),
        grant_dkk=entry.whole("grant_dkk"),
        figures_year=entry.whole("figures_year"),
        board_size=entry.whole("board_size"),
        chair_from_business=entry.flag("chair_from_business", required=False),
        maturity_note=entry.text("maturity_note", required=False),
        source=entry.text("source") or "",
        verified=bool(entry.flag("verified")),
        unverified_fields=tuple(unverified),
        note=entry.text("note", required=False),
        valid_from=valid_from,
        valid_to=valid_to,
        note_en=entry.text("note_en", required=False),
        maturity_note_en=entry.text("maturity_note_en", required=False),
        source_en=entry.text("source_en", required=False),
    )


def load_actors(document: Any, *, file: str = "actors.json") -> tuple[ActorFacts, ...]:
    """Validate a parsed ``actors.json`` document; raise `InputError` with every problem."""
    problems: list[Problem] = []
    if not isinstance(document, Mapping):
        raise InputError([Problem("is not a JSON object", file=file, reason_da=NOT_OBJECT_DA)])
    region_codes = {r.code for r in geography.regions()}
    actors = []
    slugs = []
    for number, raw in enumerate(_list(document, "actors", file, problems), start=1):
        entry = _Entry(raw, file=file, sheet="actors", row=number, problems=problems)
        entry.check_keys(tuple(f.name for f in fields(ActorFacts)), optional=ENGLISH_FIELDS)
        slug = entry.slug("slug")
        slugs.append((number, slug))
        kind = entry.text("kind")
        if kind is not None and kind not in ACTOR_KINDS:
            kinds = ", ".join(ACTOR_KINDS)
            entry.fail("kind", kind, f"is not one of {kinds}", f"er ikke en af {kinds}")
        region = entry.text("region")
        if region is not None and region not in region_codes:
            entry.fail(
                "region", region, "is not a known region code", "er ikke en kendt regionskode"
            )
        actors.append(
            ActorFacts(
                slug=slug or "",
                name=entry.text("name") or "",
                kind=kind or "",
                region=region or "",
                source=entry.text("source") or "",
                verified=bool(entry.flag("verified")),
                note=entry.text("note", required=False),
                note_en=entry.text("note_en", required=False),
                source_en=entry.text("source_en", required=False),
            )
        )
    problems += _unique(slugs, file=file, sheet="actors")
    if problems:
        raise InputError(problems)
    return tuple(actors)


def _packaged(name: str) -> Any:
    text = resources.files("klyngeradar.data.reference").joinpath(name).read_text("utf-8")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        reason_da = f"er ikke gyldig JSON: {error}"
        raise InputError(
            [Problem(f"is not valid JSON: {error}", file=name, reason_da=reason_da)]
        ) from error


@cache
def _cluster_reference() -> ClusterReference:
    return load_cluster_reference(_packaged("clusters.json"), file="clusters.json")


def reference_programme() -> ProgrammeFacts:
    """The programme period the shipped clusters belong to (Innovationskraft 2021–2024)."""
    return _cluster_reference().programme


def reference_areas() -> tuple[AreaFacts, ...]:
    return _cluster_reference().areas


def reference_landscape_facts() -> tuple[LandscapeFact, ...]:
    """Programme-level facts from the seed report (ranges across all clusters)."""
    return _cluster_reference().landscape_facts


def reference_clusters() -> tuple[ClusterFacts, ...]:
    """Every shipped cluster row, including ended (MARLOG) and unconfirmed ones."""
    return _cluster_reference().clusters


@cache
def reference_actors() -> tuple[ActorFacts, ...]:
    return load_actors(_packaged("actors.json"), file="actors.json")
