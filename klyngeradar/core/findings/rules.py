"""Findings of a survey round: every figure with its base, computed in one place.

`compute_findings(round)` checks the round, then applies the rules of
spec/findings.md. The base of every question finding is the responders; a
missing answer is never counted as 0; a total nobody reported is None.

>>> from klyngeradar.core.surveys.demo import demo_round
>>> compute_findings(demo_round()).response_rate.percent
92
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from types import MappingProxyType

from klyngeradar.core.findings.checks import check_round
from klyngeradar.core.findings.model import (
    FINDING_KEYS,
    PRESENCE_TYPES,
    PRESENT_TYPES,
    AgreementsCount,
    Choice3Count,
    ConsistencyIssue,
    Count,
    Evidence,
    Findings,
    MembersGroup,
    MunicipalAgreements,
    Outcome,
    PartnersCount,
    PresenceVsMembers,
    ResponseRate,
    StrategySupport,
    Total,
    TypedCount,
    frozen_map,
)
from klyngeradar.core.numbers import percent
from klyngeradar.core.surveys.responses import Choice, Response, RoundData, Value

__all__ = ["FINDING_KEYS", "Evidence", "Findings", "compute_findings"]

ACTIVITY_TYPES: tuple[str, ...] = (
    "network",
    "conference",
    "innovation_project",
    "innovation_sprint",
    "matchmaking",
    "company_visit",
    "course",
    "internationalisation",
    "guidance",
    "webinar",
    "other",
)

TOTALS: dict[str, str] = {
    "members_national": "members.national",
    "members_region": "members.region",
    "members_region_50plus": "members.region_50plus",
    "members_region_under50": "members.region_under50",
    "participation_companies": "participation.companies",
    "participation_persons": "participation.persons",
}

PARTNER_QUESTIONS = ("partners.actors", "partners.municipalities", "partners.other")
AGREEMENT_QUESTIONS = ("agreements.actors", "agreements.municipalities", "agreements.other")
# The multi-select questions of the group, named rather than sliced (the free text
# "other" is judged on its own: any text there is a party).
AGREEMENT_PARTIES = ("agreements.actors", "agreements.municipalities")


class _Detail:
    """Collects, per finding, the outcome of every invited cluster (the drill-down)."""

    def __init__(self, round: RoundData):
        self.round = round
        self.rows: dict[str, tuple[Evidence, ...]] = {}

    def add(
        self,
        key: str,
        outcome: Callable[[Response], Outcome],
        value: Callable[[Response], Value | tuple[str, ...] | None] = lambda r: None,
        basis: Callable[[Response], str | None] = lambda r: None,
    ) -> None:
        rows = []
        for response in self.round.responses:
            if not response.responded:
                rows.append(Evidence(response.cluster, response.label, "no_response"))
                continue
            shown = value(response)
            if isinstance(shown, frozenset):
                shown = tuple(sorted(shown))
            rows.append(
                Evidence(
                    response.cluster,
                    response.label,
                    outcome(response),
                    shown,
                    basis(response),
                )
            )
        self.rows[key] = tuple(rows)


def _ordered(counts: Counter[str], order: Iterable[str], keep_zero: bool = False) -> dict:
    """Counts in the round's order of codes, then any other code sorted; zeros left out."""
    known = list(order)
    keys = [code for code in known if keep_zero or counts.get(code)]
    keys += sorted(code for code in counts if code not in known and counts[code])
    return {code: counts.get(code, 0) for code in keys}


def _codes(response: Response, question: str) -> frozenset[str]:
    value = response.get(question)
    return value if isinstance(value, frozenset) else frozenset()


def _slugs(choices: tuple[Choice, ...]) -> list[str]:
    return [choice.slug for choice in choices]


def _municipality_order(round: RoundData) -> list[str]:
    return sorted(_slugs(round.municipalities), key=lambda code: (len(code), code))


def _answer_outcome(
    question: str, counts: Callable[[Response], bool]
) -> Callable[[Response], Outcome]:
    def outcome(response: Response) -> Outcome:
        if not response.answered(question):
            return "unanswered"
        return "included" if counts(response) else "excluded"

    return outcome


def _choice3(
    responders: tuple[Response, ...], question: str, detail: _Detail, key: str
) -> Choice3Count:
    answers = [r.get(question) for r in responders if r.answered(question)]
    detail.add(
        key, _answer_outcome(question, lambda r: r.get(question) == "yes"), _getter(question)
    )
    return Choice3Count(
        count=answers.count("yes"),
        answered=len(answers),
        base=len(responders),
        maybe=answers.count("maybe"),
    )


def _getter(question: str) -> Callable[[Response], Value | None]:
    return lambda response: response.get(question)


def _total(responders: tuple[Response, ...], key: str, question: str, detail: _Detail) -> Total:
    reported = [r for r in responders if r.answered(question)]
    bases = [r.basis.get(question) for r in reported]
    detail.add(
        key,
        lambda r: "included" if r.answered(question) else "unanswered",
        _getter(question),
        lambda r: r.basis.get(question) if r.answered(question) else None,
    )
    return Total(
        total=sum(int(r.get(question)) for r in reported) if reported else None,
        reported=len(reported),
        base=len(responders),
        estimated=bases.count("estimated"),
        unstated=bases.count(None),
        minimum=len(reported) < len(responders),
        overlap_possible=(len(reported) > 1) if key == "participation_companies" else None,
    )


def _has_any(response: Response, questions: tuple[str, ...]) -> bool:
    """≥1 code in the multi questions or a text in the last one (the ``other`` field)."""
    *multis, other = questions
    return any(_codes(response, q) for q in multis) or response.answered(other)


def _any_answered(response: Response, questions: tuple[str, ...]) -> bool:
    return any(response.answered(q) for q in questions)


def _group_outcome(questions: tuple[str, ...], counts: Callable[[Response], bool]):
    def outcome(response: Response) -> Outcome:
        if not _any_answered(response, questions):
            return "unanswered"
        return "included" if counts(response) else "excluded"

    return outcome


def _group_value(questions: tuple[str, ...]) -> Callable[[Response], tuple[str, ...] | None]:
    """All codes (and an ``other`` text) given across a group of questions, for the drill-down."""

    def value(response: Response) -> tuple[str, ...] | None:
        if not _any_answered(response, questions):
            return None
        *multis, other = questions
        codes = sorted(set().union(*(_codes(response, q) for q in multis)))
        if response.answered(other):
            codes.append(str(response.get(other)))
        return tuple(codes)

    return value


def _is_present(response: Response) -> bool:
    return response.get("presence.type") in PRESENT_TYPES


def _no_agreement(response: Response) -> bool:
    """At least one agreements question answered, every answered one empty, no other party."""
    multis = [q for q in AGREEMENT_PARTIES if response.answered(q)]
    return (
        bool(multis)
        and not any(_codes(response, q) for q in multis)
        and not (response.answered("agreements.other"))
    )


def _members_group(responders: Iterable[Response]) -> MembersGroup:
    group = list(responders)
    reported = [r for r in group if r.answered("members.region")]
    return MembersGroup(
        clusters=len(group),
        members_region=sum(int(r.get("members.region")) for r in reported) if reported else None,
        reported=len(reported),
    )


def _consistency(responders: tuple[Response, ...]) -> tuple[ConsistencyIssue, ...]:
    issues = []
    for r in responders:
        region, national = r.get("members.region"), r.get("members.national")
        big, small = r.get("members.region_50plus"), r.get("members.region_under50")
        if region is not None and big is not None and small is not None and big + small != region:
            issues.append(
                ConsistencyIssue(
                    r.cluster,
                    "members_split_sum",
                    f"50+ ({big}) + under 50 ({small}) = {big + small}, not {region}",
                )
            )
        if region is not None and national is not None and region > national:
            issues.append(
                ConsistencyIssue(
                    r.cluster,
                    "members_region_above_national",
                    f"region ({region}) is above national ({national})",
                )
            )
    return tuple(issues)


def compute_findings(round: RoundData) -> Findings:
    """Check `round`, then compute every finding of spec/findings.md (raises InputError)."""
    check_round(round)
    responders = round.responders
    base = len(responders)
    detail = _Detail(round)

    complete = sum(1 for r in responders if r.status == "complete")
    detail.add("response_rate", lambda r: "included", lambda r: r.status)
    response_rate = ResponseRate(
        count=base,
        complete=complete,
        partial=base - complete,
        base=round.invited,
        percent=percent(base, round.invited),
    )

    presence_types = Counter(
        str(r.get("presence.type")) for r in responders if r.answered("presence.type")
    )
    detail.add(
        "physical_presence",
        _answer_outcome("presence.type", _is_present),
        _getter("presence.type"),
    )
    physical_presence = TypedCount(
        count=sum(presence_types[code] for code in PRESENT_TYPES),
        answered=sum(presence_types.values()),
        base=base,
        by_type=frozen_map({code: presence_types[code] for code in PRESENCE_TYPES}),
    )

    municipality_order = _municipality_order(round)
    partner_actors = Counter(c for r in responders for c in _codes(r, "partners.actors"))
    partner_municipalities = Counter(
        c for r in responders for c in _codes(r, "partners.municipalities")
    )
    detail.add(
        "partners_any",
        _group_outcome(PARTNER_QUESTIONS, lambda r: _has_any(r, PARTNER_QUESTIONS)),
        _group_value(PARTNER_QUESTIONS),
    )
    partners_any = PartnersCount(
        count=sum(1 for r in responders if _has_any(r, PARTNER_QUESTIONS)),
        answered=sum(1 for r in responders if _any_answered(r, PARTNER_QUESTIONS)),
        base=base,
        by_actor=frozen_map(_ordered(partner_actors, _slugs(round.actors))),
        by_municipality=frozen_map(_ordered(partner_municipalities, municipality_order)),
    )

    members_answers = [r for r in responders if r.answered("members.region")]
    detail.add(
        "members_any",
        _answer_outcome("members.region", lambda r: int(r.get("members.region")) > 0),
        _getter("members.region"),
        lambda r: r.basis.get("members.region") if r.answered("members.region") else None,
    )
    members_any = Count(
        count=sum(1 for r in members_answers if int(r.get("members.region")) > 0),
        answered=len(members_answers),
        base=base,
    )

    totals = {key: _total(responders, key, question, detail) for key, question in TOTALS.items()}

    activity_types = Counter(c for r in responders for c in _codes(r, "activities.types"))
    in_region = [r for r in responders if r.answered("activities.in_region")]
    detail.add(
        "activities_in_region",
        _answer_outcome("activities.in_region", lambda r: r.get("activities.in_region") == "yes"),
        _getter("activities.in_region"),
    )
    activities_in_region = TypedCount(
        count=sum(1 for r in in_region if r.get("activities.in_region") == "yes"),
        answered=len(in_region),
        base=base,
        by_type=frozen_map(_ordered(activity_types, ACTIVITY_TYPES)),
    )

    agreement_actors = Counter(c for r in responders for c in _codes(r, "agreements.actors"))
    agreements_answered = sum(1 for r in responders if _any_answered(r, AGREEMENT_QUESTIONS))
    detail.add(
        "agreements_any",
        _group_outcome(AGREEMENT_QUESTIONS, lambda r: _has_any(r, AGREEMENT_QUESTIONS)),
        _group_value(AGREEMENT_QUESTIONS),
    )
    agreements_any = AgreementsCount(
        count=sum(1 for r in responders if _has_any(r, AGREEMENT_QUESTIONS)),
        answered=agreements_answered,
        base=base,
        by_actor=frozen_map(_ordered(agreement_actors, _slugs(round.actors))),
    )
    detail.add(
        "agreements_none",
        _group_outcome(AGREEMENT_QUESTIONS, _no_agreement),
        _group_value(AGREEMENT_QUESTIONS),
    )
    agreements_none = Count(
        count=sum(1 for r in responders if _no_agreement(r)),
        answered=agreements_answered,
        base=base,
    )

    per_cluster = {r.cluster: _codes(r, "agreements.municipalities") for r in responders}
    by_municipality = Counter(code for codes in per_cluster.values() for code in codes)
    holders = [len(codes) for codes in per_cluster.values() if codes]
    detail.add(
        "municipal_agreements",
        _answer_outcome(
            "agreements.municipalities", lambda r: bool(_codes(r, "agreements.municipalities"))
        ),
        _getter("agreements.municipalities"),
    )
    municipal_agreements = MunicipalAgreements(
        agreements=sum(holders),
        municipalities=len(by_municipality),
        clusters=len(holders),
        max_per_cluster=max(holders) if holders else None,
        by_municipality=frozen_map(_ordered(by_municipality, municipality_order)),
        answered=sum(1 for r in responders if r.answered("agreements.municipalities")),
    )

    efforts = Counter(c for r in responders for c in _codes(r, "strategy.efforts"))
    detail.add(
        "strategy_support",
        _answer_outcome("strategy.efforts", lambda r: bool(_codes(r, "strategy.efforts"))),
        _getter("strategy.efforts"),
    )
    strategy_support = StrategySupport(
        answered=sum(1 for r in responders if r.answered("strategy.efforts")),
        base=base,
        by_effort=frozen_map(_ordered(efforts, _slugs(round.efforts))),
    )

    # Responders that did not answer presence.type are in neither group: they
    # are neither known to be present nor known to be absent.
    detail.add(
        "presence_vs_members",
        _answer_outcome("presence.type", _is_present),
        _getter("members.region"),
        lambda r: r.basis.get("members.region") if r.answered("members.region") else None,
    )
    presence_vs_members = PresenceVsMembers(
        present=_members_group(r for r in responders if _is_present(r)),
        absent=_members_group(
            r for r in responders if r.answered("presence.type") and not _is_present(r)
        ),
    )

    consistency = _consistency(responders)
    flagged = {issue.cluster for issue in consistency}
    detail.add(
        "consistency",
        lambda r: "included" if r.cluster in flagged else "excluded",
        lambda r: "; ".join(i.detail for i in consistency if i.cluster == r.cluster) or None,
    )

    return Findings(
        info=round.info,
        invited=round.invited,
        responded=base,
        response_rate=response_rate,
        dialogue_willing=_choice3(responders, "dialogue.willing", detail, "dialogue_willing"),
        physical_presence=physical_presence,
        presence_planned=_choice3(responders, "presence.planned", detail, "presence_planned"),
        partners_any=partners_any,
        members_any=members_any,
        activities_in_region=activities_in_region,
        agreements_any=agreements_any,
        agreements_none=agreements_none,
        municipal_agreements=municipal_agreements,
        strategy_support=strategy_support,
        presence_vs_members=presence_vs_members,
        consistency=consistency,
        actors=round.actors,
        efforts=round.efforts,
        municipalities=round.municipalities,
        details=MappingProxyType(dict(detail.rows)),
        **totals,
    )
