"""What each API resource returns, built from the ORM through the web's access rules.

Every list starts from `access.visible_to(user, …)` and every object from
`access.get_for_user(…)`, the same calls the pages make, so a token sees what
its user sees on the pages and nothing more.

Extension point: `CLUSTER_EXTRAS` holds functions ``(cluster) -> dict`` whose
keys are added to every cluster (designations, lineage, specialisation, …);
an app that adds such a model appends its function here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from django.db.models import Q
from django.http import Http404

from klyngeradar.web import access
from klyngeradar.web.registry.models import Cluster
from klyngeradar.web.surveys.models import Round

CLUSTER_EXTRAS: list[Callable[[Cluster], dict]] = []


def _code(obj, attr: str = "code"):
    return getattr(obj, attr) if obj is not None else None


def cluster_dict(cluster: Cluster) -> dict:
    municipality = cluster.seat_municipality
    data = {
        "slug": cluster.slug,
        "name": cluster.name,
        "programme": _code(cluster.programme, "slug"),
        "area": _code(cluster.area, "slug"),
        "seat_municipality": _code(municipality),
        "region": _code(municipality.region) if municipality else None,
        "website": cluster.website or None,
        "cvr": cluster.cvr or None,
        "staff": cluster.staff,
        "members": cluster.members,
        "budget_dkk": cluster.budget_dkk,
        "grant_dkk": cluster.grant_dkk,
        "figures_year": cluster.figures_year,
        "valid_from": cluster.valid_from,
        "valid_to": cluster.valid_to,
        "fictitious": cluster.fictitious,
        "verified": cluster.verified,
        "unverified_fields": list(cluster.unverified_fields or []),
        "source": cluster.source or None,
    }
    data["designations"] = [
        {
            "programme": d.programme.slug,
            "programme_name": d.programme.name,
            "status": d.status,
            "period_from": d.period_from,
            "period_to": d.period_to,
            "grant_dkk": d.grant_dkk,
            "grant_year": d.grant_year,
            "source": d.source or None,
            "verified": d.verified,
        }
        for d in cluster.designations.all()
    ]
    data["lineage"] = [
        {
            "kind": link.kind,
            "successor": link.successor.slug,
            "day": link.day,
            "source": link.source or None,
            "verified": link.verified,
        }
        for link in cluster.successions.all()
    ]
    for extra in CLUSTER_EXTRAS:
        data.update(extra(cluster))
    return data


def _with_registry_facts(queryset):
    return queryset.select_related(
        "programme", "area", "seat_municipality__region"
    ).prefetch_related("designations__programme", "successions__successor")


def clusters(
    user, *, year: int | None, region: str | None, programme: str | None = None
) -> list[dict]:
    queryset = _with_registry_facts(access.visible_to(user, Cluster))
    if programme:
        queryset = queryset.filter(designations__programme__slug=programme)
    if region:
        queryset = queryset.filter(seat_municipality__region__code=region)
    if year:
        queryset = queryset.filter(
            Q(valid_from__isnull=True) | Q(valid_from__year__lte=year),
            Q(valid_to__isnull=True) | Q(valid_to__year__gte=year),
        )
    return [cluster_dict(c) for c in queryset.order_by("name")]


def cluster(user, slug: str) -> dict:
    return cluster_dict(access.get_for_user(user, _with_registry_facts(Cluster.objects), slug=slug))


def round_dict(round: Round) -> dict:
    statuses = list(round.responses.values_list("status", flat=True))
    return {
        "id": round.pk,
        "title": round.title,
        "organisation": round.organisation.slug,
        "region": round.region.code,
        "year": round.deadline.year,
        "since": round.since,
        "deadline": round.deadline,
        "status": round.status,
        "created_at": round.created_at,
        "closed_at": round.closed_at,
        "invited": len(statuses),
        "submitted": statuses.count("submitted"),
    }


def rounds(user, *, year: int | None, region: str | None) -> list[dict]:
    queryset = access.visible_to(user, Round).select_related("organisation", "region")
    if region:
        queryset = queryset.filter(region__code=region)
    if year:
        queryset = queryset.filter(deadline__year=year)
    return [round_dict(r) for r in queryset.order_by("-deadline", "pk")]


def get_round(user, round_id: int) -> Round:
    return access.get_for_user(user, Round.objects.select_related("organisation"), pk=round_id)


def findings_document(round: Round) -> dict:
    """The same document as ``klyngeradar findings FILE`` on the round's exchange file."""
    from klyngeradar.core.findings.rules import compute_findings
    from klyngeradar.core.findings.sentences import sentences
    from klyngeradar.web.surveys.convert import round_data

    data = round_data(round)
    result = compute_findings(data)
    said = {code: sentences(result, code) for code in ("da", "en")}

    def with_footnote(sentence) -> str:
        if not sentence.footnote:
            return sentence.text
        return f"{sentence.text} ({sentence.footnote.rstrip('.')})"

    return {
        "round": result.round_dict(),
        "invited": result.invited,
        "responded": result.responded,
        "findings": result.to_dict(),
        "sentences": {code: [with_footnote(s) for s in items] for code, items in said.items()},
        "warnings": [str(problem) for problem in data.warnings],
    }


def comparison(user, round: Round, old_id: int | None) -> dict:
    """Round `round` beside an earlier round of its region (`old_id`, else the newest earlier).

    The same document as ``klyngeradar compare OLD.xlsx NEW.xlsx`` on the two rounds'
    exports. Both rounds go through the web's access rules; a round without an
    earlier round of its region, or two rounds that cannot be compared, is a 404/400.
    """
    from klyngeradar.core.findings.comparison_sentences import comparison_document
    from klyngeradar.core.problems import InputError
    from klyngeradar.web.api.auth import ApiError
    from klyngeradar.web.findings.comparison import earlier_rounds
    from klyngeradar.web.surveys.convert import round_data

    if old_id is None:
        earlier = earlier_rounds(round)
        if not earlier:
            raise ApiError(404, "no_earlier_round", "The round has no earlier round of its region.")
        old = get_round(user, earlier[0].pk)
    else:
        old = get_round(user, old_id)
    try:
        return comparison_document(round_data(old), round_data(round))
    except InputError as refused:
        raise ApiError(
            400, "not_comparable", "; ".join(problem.text("en") for problem in refused.problems)
        ) from None


def specialisation(user) -> dict:
    """The organisation's newest employment statistics, as ``klyngeradar specialisation``.

    The same JSON as the CLI on the uploaded file with ``--region`` the organisation's
    region; 404 when no statistics are uploaded or the user may not read them.
    """
    from klyngeradar.web.accounts.roles import organisation_of
    from klyngeradar.web.specialisation import convert
    from klyngeradar.web.specialisation.models import EmploymentUpload

    organisation = organisation_of(user)
    upload = convert.latest_for(organisation)
    if upload is None:
        raise Http404
    upload = access.get_for_user(user, EmploymentUpload, pk=upload.pk)
    return convert.compute_for(upload, organisation.region.code).as_dict()


def recommendations(user, round: Round, lang: str) -> dict:
    from klyngeradar.web.strategy.analysis import analyse
    from klyngeradar.web.strategy.decisions import round_decisions

    # The collaboration models page's own rule: who may read the round's decisions.
    if not _may_read_strategy(user, round):
        raise Http404
    analysis = analyse(round)
    return {
        "round": round.pk,
        "recommendations": analysis.result.as_dict(lang),
        "decisions": [_plain(dataclasses.asdict(d)) for d in round_decisions(round)],
    }


def _may_read_strategy(user, round: Round) -> bool:
    from klyngeradar.web.strategy.models import Decision

    probe = Decision(round=round)
    return access.can(user, "view", probe)


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "value") and not isinstance(value, str | int | float):
        return value.value
    return value


def agreements(user, *, year: int | None, region: str | None) -> list[dict]:
    from klyngeradar.web.agreements.models import Agreement

    queryset = (
        access.visible_to(user, Agreement)
        .select_related("cluster", "organisation__region")
        .prefetch_related("actors", "municipalities", "cofinancing", "kpis__followups")
    )
    if region:
        queryset = queryset.filter(organisation__region__code=region)
    if year:
        queryset = queryset.filter(
            Q(start__year__lte=year), Q(end__isnull=True) | Q(end__year__gte=year)
        )
    return [agreement_dict(a) for a in queryset.order_by("slug")]


def agreement(user, slug: str) -> dict:
    from klyngeradar.web.agreements.models import Agreement

    return agreement_dict(access.get_for_user(user, Agreement, slug=slug))


def agreement_dict(agreement) -> dict:
    from django.utils import timezone

    from klyngeradar.web.agreements.summary import kpi_view

    kpis = []
    for kpi in agreement.kpis.all():
        view = kpi_view(kpi, as_of=timezone.localdate())
        status = view.status
        kpis.append(
            {
                "definition": kpi.definition,
                "catalogue_key": kpi.catalogue_key or None,
                "unit": kpi.unit,
                "baseline": kpi.baseline,
                "targets": kpi.targets,
                "status": {
                    "code": _plain(status.code),
                    "year": status.year,
                    "target": status.target,
                    "expected": status.expected,
                    "actual": status.actual,
                    "percent": status.percent,
                    "explanation": status.explanation_da,
                },
                "follow_ups": [
                    {
                        "year": f.year,
                        "period": f.period,
                        "actual": f.actual,
                        "basis": f.basis or None,
                        "comment": f.comment or None,
                        "recorded": f.recorded,
                    }
                    for f in view.followups
                ],
            }
        )
    return {
        "slug": agreement.slug,
        "title": agreement.title,
        "organisation": agreement.organisation.slug,
        "region": agreement.organisation.region.code,
        "kind": agreement.kind,
        "status": agreement.status,
        "start": agreement.start,
        "end": agreement.end,
        "parties": {
            "cluster": agreement.cluster.slug,
            "actors": sorted(a.slug for a in agreement.actors.all()),
            "municipalities": sorted(m.code for m in agreement.municipalities.all()),
        },
        "co_financing": [
            {
                "year": c.year,
                "amount_dkk": c.amount_dkk,
                "actor": c.actor.slug if c.actor_id else None,
                "municipality": c.municipality.code if c.municipality_id else None,
                "note": c.note or None,
            }
            for c in agreement.cofinancing.all()
        ],
        "kpis": kpis,
    }


GROUPS = ("cluster", "actor", "year")


def participation(user, *, by: str, year: int | None, region: str | None) -> list[dict]:
    """Unique companies (by CVR) per group over the agreements the user may see; no person.

    `by` is cluster, actor, year or municipality. Participation rows do not say where
    a company is, so `municipality` groups by the municipalities that are party to
    the agreement that covers the row (what a municipality's agreements reached).
    """
    from klyngeradar.core.agreements.participation import unique_companies
    from klyngeradar.web.agreements import convert
    from klyngeradar.web.agreements.models import Agreement

    visible = access.visible_to(user, Agreement).select_related("organisation__region")
    if region:
        visible = visible.filter(organisation__region__code=region)
    if by == "municipality":
        return _participation_by_party_municipality(
            visible.prefetch_related("municipalities"), year
        )
    rows: dict[tuple, object] = {}
    # Each agreement's rows are filtered in the database (its coverage rule); a row that
    # two agreements cover is counted once.
    for agreement in visible:
        for row in convert.rows_for(agreement):
            rows[(row.cvr, row.activity, row.date, row.cluster, row.actor)] = row
    chosen = [r for r in rows.values() if year is None or r.year == year]
    groups = (by,) if by == "year" else (by, "year")
    counts = unique_companies(chosen, by=groups)
    result = []
    for key, companies in counts.items():
        key = key if isinstance(key, tuple) else (key,)
        result.append({**dict(zip(groups, key, strict=True)), "unique_companies": companies})
    return result


def _participation_by_party_municipality(agreements, year: int | None) -> list[dict]:
    from klyngeradar.web.agreements import convert

    companies: dict[tuple[str, int], set[str]] = {}
    for agreement in agreements:
        codes = [m.code for m in agreement.municipalities.all()]
        if not codes:
            continue
        for row in convert.rows_for(agreement):
            if year is not None and row.year != year:
                continue
            for code in codes:
                companies.setdefault((code, row.year), set()).add(row.cvr)
    return [
        {"municipality": code, "year": row_year, "unique_companies": len(cvrs)}
        for (code, row_year), cvrs in sorted(companies.items())
    ]
