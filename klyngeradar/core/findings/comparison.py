"""Round over round: what changed between two rounds of one region (spec/comparison.md).

`compare_rounds(old, new)` checks that both rounds are of the same region,
computes each round's findings, and sets them side by side: every change with
both figures, the like-for-like figure over the *panel* (the clusters that
responded in both rounds, computed from each round's own answers), who entered
and who left, and what each panel cluster changed (its movements). A figure
nobody gave stays None; a change where either side is a minimum is flagged.

>>> from klyngeradar.core.surveys.demo import demo_round
>>> compare_rounds(demo_round(), demo_round()).panel[:2]
('klynge-a', 'klynge-b')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Literal

from klyngeradar.core.findings.model import PRESENT_TYPES, Count, Findings, ResponseRate, Total
from klyngeradar.core.findings.rules import TOTALS, compute_findings
from klyngeradar.core.numbers import percent
from klyngeradar.core.problems import InputError, Problem
from klyngeradar.core.registry import geography
from klyngeradar.core.surveys.responses import Response, RoundData, RoundInfo

COUNT_KEYS: tuple[str, ...] = (
    "response_rate",
    "dialogue_willing",
    "physical_presence",
    "presence_planned",
    "partners_any",
    "members_any",
    "activities_in_region",
    "agreements_any",
    "agreements_none",
)
TOTAL_KEYS: tuple[str, ...] = tuple(TOTALS)
PERIOD_KEYS: frozenset[str] = frozenset({"participation_companies", "participation_persons"})
CHANGE_KEYS: tuple[str, ...] = (*COUNT_KEYS, *TOTAL_KEYS, "municipal_agreements")

Qualifier = Literal["estimates", "minimum", "period_changed"]
MovementKind = Literal["presence_opened", "presence_closed", "agreement_added", "agreement_ended"]


@dataclass(frozen=True)
class Side:
    """One of the two rounds: its keys and how many were invited and responded."""

    info: RoundInfo
    invited: int
    responded: int

    @property
    def label(self) -> str:
        """The round's year when given, else its title (else "?")."""
        return self.info.label or "?"

    def to_dict(self) -> dict:
        info = self.info
        return {
            "round": {
                "region": info.region,
                "year": info.year,
                "since": info.since.isoformat() if info.since else None,
                "organisation": info.organisation,
                "title": info.title,
            },
            "invited": self.invited,
            "responded": self.responded,
        }


@dataclass(frozen=True)
class CountChange:
    """A count finding in both rounds, with the same count over the panel only."""

    old: int
    new: int
    old_base: int
    new_base: int
    old_percent: int | None
    new_percent: int | None
    panel_old: int
    panel_new: int

    @property
    def delta(self) -> int:
        return self.new - self.old

    @property
    def panel_delta(self) -> int:
        return self.panel_new - self.panel_old

    def to_dict(self) -> dict:
        return {
            "old": self.old,
            "new": self.new,
            "delta": self.delta,
            "old_base": self.old_base,
            "new_base": self.new_base,
            "old_percent": self.old_percent,
            "new_percent": self.new_percent,
            "panel_old": self.panel_old,
            "panel_new": self.panel_new,
            "panel_delta": self.panel_delta,
        }


@dataclass(frozen=True)
class TotalChange:
    """A total in both rounds (None when nobody reported) and over the panel's reporters."""

    old: int | None
    new: int | None
    old_reported: int
    new_reported: int
    panel_reported: int
    panel_old: int | None
    panel_new: int | None
    qualifiers: tuple[Qualifier, ...] = ()

    @property
    def delta(self) -> int | None:
        return None if self.old is None or self.new is None else self.new - self.old

    @property
    def panel_delta(self) -> int | None:
        if self.panel_old is None or self.panel_new is None:
            return None
        return self.panel_new - self.panel_old

    def to_dict(self) -> dict:
        return {
            "old": self.old,
            "new": self.new,
            "delta": self.delta,
            "old_reported": self.old_reported,
            "new_reported": self.new_reported,
            "panel_reported": self.panel_reported,
            "panel_old": self.panel_old,
            "panel_new": self.panel_new,
            "panel_delta": self.panel_delta,
            "qualifiers": list(self.qualifiers),
        }


@dataclass(frozen=True)
class AgreementsChange:
    """The municipal agreements (one per cluster and municipality) in both rounds."""

    old: int
    new: int
    old_municipalities: int
    new_municipalities: int
    old_clusters: int
    new_clusters: int

    @property
    def delta(self) -> int:
        return self.new - self.old

    def to_dict(self) -> dict:
        return {
            "old": self.old,
            "new": self.new,
            "delta": self.delta,
            "old_municipalities": self.old_municipalities,
            "new_municipalities": self.new_municipalities,
            "old_clusters": self.old_clusters,
            "new_clusters": self.new_clusters,
        }


@dataclass(frozen=True)
class Movement:
    """What one panel cluster changed: presence opened/closed, an agreement added/ended."""

    cluster: str
    change: MovementKind
    detail: str

    def to_dict(self) -> dict:
        return {"cluster": self.cluster, "change": self.change, "detail": self.detail}


@dataclass(frozen=True)
class Comparison:
    """Two rounds of one region side by side; `to_dict()` gives the spec's JSON (no sentences).

    `old_findings` and `new_findings` are each round's own findings; `names` maps a
    cluster's slug to its display name (from the newer round when it is in both).
    """

    old: Side
    new: Side
    panel: tuple[str, ...]
    entered: tuple[str, ...]
    left: tuple[str, ...]
    changes: Mapping[str, CountChange | TotalChange | AgreementsChange]
    movements: tuple[Movement, ...]
    warnings: tuple[Problem, ...]
    old_findings: Findings = field(repr=False, compare=False)
    new_findings: Findings = field(repr=False, compare=False)
    names: Mapping[str, str] = field(
        default_factory=lambda: MappingProxyType({}), repr=False, compare=False
    )

    def name_of(self, slug: str) -> str:
        return self.names.get(slug, slug)

    def to_dict(self) -> dict:
        return {
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "panel": {"count": len(self.panel), "clusters": list(self.panel)},
            "entered": list(self.entered),
            "left": list(self.left),
            "changes": {key: self.changes[key].to_dict() for key in CHANGE_KEYS},
            "movements": [m.to_dict() for m in self.movements],
        }


def compare_rounds(old: RoundData, new: RoundData) -> Comparison:
    """Compare round `old` with the newer round `new`; InputError when their regions differ."""
    _check_regions(old, new)
    warnings = _warnings(old, new)
    old_findings, new_findings = compute_findings(old), compute_findings(new)
    old_by_slug = {r.cluster: r for r in old.responders}
    new_by_slug = {r.cluster: r for r in new.responders}
    panel = tuple(sorted(old_by_slug.keys() & new_by_slug.keys()))
    entered = tuple(sorted(new_by_slug.keys() - old_by_slug.keys()))
    left = tuple(sorted(old_by_slug.keys() - new_by_slug.keys()))
    old_panel = compute_findings(_only(old, panel))
    new_panel = compute_findings(_only(new, panel))

    changes: dict[str, CountChange | TotalChange | AgreementsChange] = {}
    for key in COUNT_KEYS:
        changes[key] = _count_change(
            getattr(old_findings, key),
            getattr(new_findings, key),
            getattr(old_panel, key),
            getattr(new_panel, key),
        )
    period_changed = old.info.since != new.info.since
    for key in TOTAL_KEYS:
        changes[key] = _total_change(
            key,
            getattr(old_findings, key),
            getattr(new_findings, key),
            [(old_by_slug[slug], new_by_slug[slug]) for slug in panel],
            period_changed=period_changed,
        )
    a, b = old_findings.municipal_agreements, new_findings.municipal_agreements
    changes["municipal_agreements"] = AgreementsChange(
        old=a.agreements,
        new=b.agreements,
        old_municipalities=a.municipalities,
        new_municipalities=b.municipalities,
        old_clusters=a.clusters,
        new_clusters=b.clusters,
    )
    movements = tuple(
        movement for slug in panel for movement in _movements(old_by_slug[slug], new_by_slug[slug])
    )
    names = {r.cluster: r.label for r in old.responses}
    names.update({r.cluster: r.label for r in new.responses})
    return Comparison(
        old=Side(old.info, old.invited, len(old.responders)),
        new=Side(new.info, new.invited, len(new.responders)),
        panel=panel,
        entered=entered,
        left=left,
        changes=MappingProxyType(changes),
        movements=movements,
        warnings=warnings,
        old_findings=old_findings,
        new_findings=new_findings,
        names=MappingProxyType(names),
    )


def _region_name(code: str) -> str:
    region = geography.region(code)
    return f"{code} ({region.name})" if region else code


def _check_regions(old: RoundData, new: RoundData) -> None:
    a, b = old.info.region, new.info.region
    if a and b and a != b:
        reason = (
            f"the rounds are of different regions: {_region_name(a)} and {_region_name(b)}; "
            "only rounds of the same region can be compared"
        )
        reason_da = (
            f"runderne er fra forskellige regioner: {_region_name(a)} og {_region_name(b)}; "
            "kun runder fra samme region kan sammenlignes"
        )
        raise InputError([Problem(reason, reason_da=reason_da)])


def _warnings(old: RoundData, new: RoundData) -> tuple[Problem, ...]:
    found: list[Problem] = []
    if old.info == new.info and old.responses == new.responses:
        found.append(
            Problem(
                "the two rounds are identical; compared anyway, so nothing has changed",
                severity="warning",
                reason_da="de to runder er ens; sammenlignet alligevel, så intet har ændret sig",
            )
        )
    if not old.info.region or not new.info.region:
        found.append(
            Problem(
                "a round does not say its region, so it is assumed to be the same region",
                severity="warning",
                reason_da="en runde angiver ikke sin region, så det antages at være samme region",
            )
        )
    if old.info.year and new.info.year and old.info.year > new.info.year:
        found.append(
            Problem(
                f"the old round ({old.info.year}) is later than the new one ({new.info.year})",
                severity="warning",
                reason_da=(
                    f"den gamle runde ({old.info.year}) er senere end den nye ({new.info.year})"
                ),
            )
        )
    return tuple(found)


def _only(round: RoundData, slugs: tuple[str, ...]) -> RoundData:
    """The round with only the given clusters' rows (the panel), keeping the round's lists."""
    keep = set(slugs)
    return replace(round, responses=tuple(r for r in round.responses if r.cluster in keep))


def _count_change(old: Count | ResponseRate, new: Count | ResponseRate, panel_old, panel_new):
    return CountChange(
        old=old.count,
        new=new.count,
        old_base=old.base,
        new_base=new.base,
        old_percent=percent(old.count, old.base),
        new_percent=percent(new.count, new.base),
        panel_old=panel_old.count,
        panel_new=panel_new.count,
    )


def _total_change(
    key: str,
    old: Total,
    new: Total,
    pairs: list[tuple[Response, Response]],
    *,
    period_changed: bool,
) -> TotalChange:
    question = TOTALS[key]
    both = [(a, b) for a, b in pairs if a.answered(question) and b.answered(question)]
    qualifiers: list[Qualifier] = []
    if old.estimated or old.unstated or new.estimated or new.unstated:
        qualifiers.append("estimates")
    if old.minimum or new.minimum:
        qualifiers.append("minimum")
    if period_changed and key in PERIOD_KEYS:
        qualifiers.append("period_changed")
    return TotalChange(
        old=old.total,
        new=new.total,
        old_reported=old.reported,
        new_reported=new.reported,
        panel_reported=len(both),
        panel_old=sum(int(a.get(question)) for a, _ in both) if both else None,
        panel_new=sum(int(b.get(question)) for _, b in both) if both else None,
        qualifiers=tuple(sorted(qualifiers)),
    )


def _codes(response: Response, question: str) -> frozenset[str]:
    value = response.get(question)
    return value if isinstance(value, frozenset) else frozenset()


def _code_order(code: str) -> tuple[int, str]:
    return (len(code), code)


def _movements(old: Response, new: Response) -> list[Movement]:
    """One panel cluster's movements, for the questions it answered in both rounds."""
    slug = old.cluster
    found: list[Movement] = []
    if old.answered("presence.type") and new.answered("presence.type"):
        before, after = old.get("presence.type"), new.get("presence.type")
        if before == "none" and after in PRESENT_TYPES:
            found.append(Movement(slug, "presence_opened", str(after)))
        elif before in PRESENT_TYPES and after == "none":
            found.append(Movement(slug, "presence_closed", str(before)))
    question = "agreements.municipalities"
    if old.answered(question) and new.answered(question):
        before, after = _codes(old, question), _codes(new, question)
        for code in sorted(after - before, key=_code_order):
            found.append(Movement(slug, "agreement_added", code))
        for code in sorted(before - after, key=_code_order):
            found.append(Movement(slug, "agreement_ended", code))
    return found
