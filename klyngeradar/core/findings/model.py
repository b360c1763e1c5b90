"""The shapes of findings: frozen results that state their base, and their JSON form.

Every finding knows how many clusters it is about (`base`, the responders) and
how many answered; a total also knows how many reported a value, how many of
those values are estimates, and whether it is only a minimum. The JSON keys and
fields are a contract (spec/findings.md); `to_dict` gives exactly those.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from klyngeradar.core.surveys.responses import Basis, Choice, RoundInfo

Outcome = Literal["included", "excluded", "unanswered", "no_response"]

PRESENCE_TYPES: tuple[str, ...] = (
    "own_office",
    "colocated_business_hub",
    "colocated_other",
    "none",
)
PRESENT_TYPES: frozenset[str] = frozenset(PRESENCE_TYPES[:3])


def frozen_map(items: Mapping[str, int]) -> Mapping[str, int]:
    """A read-only copy of a count map, keeping its order."""
    return MappingProxyType(dict(items))


@dataclass(frozen=True)
class ResponseRate:
    count: int
    complete: int
    partial: int
    base: int
    percent: int | None

    def to_dict(self) -> dict:
        return {
            "count": self.count,
            "complete": self.complete,
            "partial": self.partial,
            "base": self.base,
            "percent": self.percent,
        }


@dataclass(frozen=True)
class Count:
    """How many responders said yes (or had something), of those who answered, of the base."""

    count: int
    answered: int
    base: int

    def to_dict(self) -> dict:
        return {"count": self.count, "answered": self.answered, "base": self.base}


@dataclass(frozen=True)
class Choice3Count(Count):
    """A yes/no/maybe question: `count` says yes, `maybe` says maybe."""

    maybe: int = 0

    def to_dict(self) -> dict:
        return {
            "count": self.count,
            "maybe": self.maybe,
            "answered": self.answered,
            "base": self.base,
        }


@dataclass(frozen=True)
class TypedCount(Count):
    """A count with the answer codes behind it (presence types, activity types)."""

    by_type: Mapping[str, int] = field(default_factory=lambda: frozen_map({}))

    def to_dict(self) -> dict:
        return {**super().to_dict(), "by_type": dict(self.by_type)}


@dataclass(frozen=True)
class PartnersCount(Count):
    by_actor: Mapping[str, int] = field(default_factory=lambda: frozen_map({}))
    by_municipality: Mapping[str, int] = field(default_factory=lambda: frozen_map({}))

    def to_dict(self) -> dict:
        return {
            **super().to_dict(),
            "by_actor": dict(self.by_actor),
            "by_municipality": dict(self.by_municipality),
        }


@dataclass(frozen=True)
class AgreementsCount(Count):
    by_actor: Mapping[str, int] = field(default_factory=lambda: frozen_map({}))

    def to_dict(self) -> dict:
        return {**super().to_dict(), "by_actor": dict(self.by_actor)}


@dataclass(frozen=True)
class Total:
    """A sum of whole numbers the responders reported.

    `total` is None when nobody reported (never 0); `minimum` is true when some
    responders did not report, so the true figure is at least `total`.
    `overlap_possible` is only set for per-cluster unique counts (companies).
    """

    total: int | None
    reported: int
    base: int
    estimated: int
    unstated: int
    minimum: bool
    overlap_possible: bool | None = None

    def to_dict(self) -> dict:
        data = {
            "total": self.total,
            "reported": self.reported,
            "base": self.base,
            "estimated": self.estimated,
            "unstated": self.unstated,
            "minimum": self.minimum,
        }
        if self.overlap_possible is not None:
            data["overlap_possible"] = self.overlap_possible
        return data


@dataclass(frozen=True)
class MunicipalAgreements:
    """One agreement per (cluster, municipality); `answered` is kept out of the JSON."""

    agreements: int
    municipalities: int
    clusters: int
    max_per_cluster: int | None
    by_municipality: Mapping[str, int]
    answered: int = 0

    def to_dict(self) -> dict:
        return {
            "agreements": self.agreements,
            "municipalities": self.municipalities,
            "clusters": self.clusters,
            "max_per_cluster": self.max_per_cluster,
            "by_municipality": dict(self.by_municipality),
        }


@dataclass(frozen=True)
class StrategySupport:
    answered: int
    base: int
    by_effort: Mapping[str, int]

    def to_dict(self) -> dict:
        return {"answered": self.answered, "base": self.base, "by_effort": dict(self.by_effort)}


@dataclass(frozen=True)
class MembersGroup:
    """Responders on one side of the presence split; `reported` is kept out of the JSON."""

    clusters: int
    members_region: int | None
    reported: int = 0

    def to_dict(self) -> dict:
        return {"clusters": self.clusters, "members_region": self.members_region}


@dataclass(frozen=True)
class PresenceVsMembers:
    present: MembersGroup
    absent: MembersGroup

    def to_dict(self) -> dict:
        return {"present": self.present.to_dict(), "absent": self.absent.to_dict()}


@dataclass(frozen=True)
class ConsistencyIssue:
    cluster: str
    check: Literal["members_split_sum", "members_region_above_national"]
    detail: str

    def to_dict(self) -> dict:
        return {"cluster": self.cluster, "check": self.check, "detail": self.detail}


@dataclass(frozen=True)
class Evidence:
    """One invited cluster behind a figure: what it answered and whether it counted.

    `outcome` is ``included`` (counts towards the figure), ``excluded`` (answered,
    does not count), ``unanswered`` (responded but left the question empty) or
    ``no_response`` (invited, did not respond). `value` is the answer (a multi
    answer as a sorted tuple), `basis` the basis of a whole number.
    """

    cluster: str
    name: str
    outcome: Outcome
    value: str | int | tuple[str, ...] | None = None
    basis: Basis | None = None


FINDING_KEYS: tuple[str, ...] = (
    "response_rate",
    "dialogue_willing",
    "physical_presence",
    "presence_planned",
    "partners_any",
    "members_any",
    "members_national",
    "members_region",
    "members_region_50plus",
    "members_region_under50",
    "participation_companies",
    "participation_persons",
    "activities_in_region",
    "agreements_any",
    "agreements_none",
    "municipal_agreements",
    "strategy_support",
    "presence_vs_members",
    "consistency",
)


@dataclass(frozen=True)
class Findings:
    """Every finding of one round, with the answers behind each one.

    Attribute names are the spec's JSON keys; `to_dict()` gives the ``findings``
    object of the JSON output and `detail(key)` the clusters behind a finding.
    """

    info: RoundInfo
    invited: int
    responded: int
    response_rate: ResponseRate
    dialogue_willing: Choice3Count
    physical_presence: TypedCount
    presence_planned: Choice3Count
    partners_any: PartnersCount
    members_any: Count
    members_national: Total
    members_region: Total
    members_region_50plus: Total
    members_region_under50: Total
    participation_companies: Total
    participation_persons: Total
    activities_in_region: TypedCount
    agreements_any: AgreementsCount
    agreements_none: Count
    municipal_agreements: MunicipalAgreements
    strategy_support: StrategySupport
    presence_vs_members: PresenceVsMembers
    consistency: tuple[ConsistencyIssue, ...]
    actors: tuple[Choice, ...] = ()
    efforts: tuple[Choice, ...] = ()
    municipalities: tuple[Choice, ...] = ()
    details: Mapping[str, tuple[Evidence, ...]] = field(
        default_factory=lambda: MappingProxyType({}), repr=False, compare=False
    )

    def to_dict(self) -> dict:
        """The ``findings`` object of the JSON output: every key, in the spec's order."""
        data: dict = {}
        for key in FINDING_KEYS:
            value = getattr(self, key)
            if key == "consistency":
                data[key] = [issue.to_dict() for issue in value]
            else:
                data[key] = value.to_dict()
        return data

    def round_dict(self) -> dict:
        """The ``round`` object of the JSON output."""
        return {
            "region": self.info.region,
            "since": self.info.since.isoformat() if self.info.since else None,
            "organisation": self.info.organisation,
            "title": self.info.title,
        }

    def detail(self, key: str) -> tuple[Evidence, ...]:
        """The invited clusters behind finding `key`, in the round's order (KeyError if unknown)."""
        if key not in FINDING_KEYS:
            raise KeyError(f"unknown finding: {key}")
        return self.details.get(key, ())

    def name_of(self, kind: Literal["actor", "effort", "municipality"], slug: str) -> str:
        """The display name of an actor, effort or municipality code (the slug if unknown)."""
        choices = {
            "actor": self.actors,
            "effort": self.efforts,
            "municipality": self.municipalities,
        }
        return next((c.name for c in choices[kind] if c.slug == slug), slug)
