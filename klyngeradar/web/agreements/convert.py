"""Turn agreement rows into the core's plain data; all computing happens in the core.

`agreement_facts`, `participation_rows` and `company_figures` feed
`klyngeradar.core.agreements.documentation` and `klyngeradar.core.agreements.participation`;
`core_kpi` and `core_followups` feed `klyngeradar.core.agreements.kpi`; `agreement_text`
feeds the standard agreement document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from klyngeradar.core.agreements import documentation as core_documentation
from klyngeradar.core.agreements.document import (
    AgreementText,
    CoFinancingLine,
    DeliverableLine,
    KpiText,
    MeetingLine,
    PartyText,
)
from klyngeradar.core.agreements.kpi import FollowUp as CoreFollowUp
from klyngeradar.core.agreements.kpi import Kpi as CoreKpi
from klyngeradar.core.agreements.participation import ParticipationRow
from klyngeradar.web.agreements import counting
from klyngeradar.web.agreements.models import Agreement, CompanyFigures, FollowUp, Kpi


def core_kpi(kpi: Kpi) -> CoreKpi:
    entry = None
    if kpi.catalogue_key:
        from klyngeradar.core.agreements.kpi import catalogue_entry

        entry = catalogue_entry(kpi.catalogue_key)
    return CoreKpi(
        definition=kpi.definition,
        unit=kpi.unit,
        baseline=kpi.baseline,
        targets=dict(kpi.target_items()),
        measurement=kpi.measurement,
        key=kpi.catalogue_key or None,
        definition_en=entry.name_en if entry and entry.name_da == kpi.definition else None,
        unit_en=entry.unit_en if entry and entry.unit_da == kpi.unit else None,
    )


def core_followup(followup: FollowUp) -> CoreFollowUp:
    return CoreFollowUp(
        year=followup.year,
        actual=followup.actual,
        basis=followup.basis or None,
        comment=followup.comment or None,
        period=followup.period,
    )


def core_followups(kpi: Kpi) -> tuple[CoreFollowUp, ...]:
    return tuple(core_followup(f) for f in kpi.followups.all())


# What `agreement_facts` reads besides the agreement and its cluster.
FACT_LOOKUPS = (
    "actors",
    "municipalities",
    Prefetch("kpis", queryset=Kpi.objects.prefetch_related("followups")),
)


def with_facts(agreements: QuerySet) -> QuerySet:
    """``agreements`` with what `agreement_facts` reads fetched in a fixed number of queries
    (cluster, parties, KPIs and their follow-ups), however many agreements there are."""
    return agreements.select_related("cluster", "organisation").prefetch_related(*FACT_LOOKUPS)


def party_keys(agreement: Agreement) -> tuple[str, ...]:
    """The regional parties as the core names them: actor slugs, then municipality codes."""
    actors = [actor.slug for actor in agreement.actors.all()]
    municipalities = [municipality.code for municipality in agreement.municipalities.all()]
    return tuple(actors + municipalities)


def agreement_facts(agreement: Agreement) -> core_documentation.AgreementFacts:
    # `.all()` reads what `with_facts` fetched, if it did.
    kpis = tuple(
        core_documentation.AgreementKpi(core_kpi(kpi), core_followups(kpi))
        for kpi in agreement.kpis.all()
    )
    return core_documentation.AgreementFacts(
        slug=agreement.slug,
        title=agreement.title,
        cluster=agreement.cluster.slug,
        parties=party_keys(agreement),
        kpis=kpis,
        start=agreement.start,
        end=agreement.end,
        kind=agreement.kind,
    )


def coverage(agreement: Agreement) -> core_documentation.Coverage:
    """Which participation rows count for ``agreement``, as the core decides (no KPIs read)."""
    facts = core_documentation.AgreementFacts(
        slug=agreement.slug,
        title=agreement.title,
        cluster=agreement.cluster.slug,
        parties=party_keys(agreement),
        start=agreement.start,
        end=agreement.end,
    )
    return facts.coverage


def participation_rows(organisation) -> Iterator[ParticipationRow]:
    """Every participation row the organisation has imported, read in chunks as plain values."""
    return counting.core_rows(counting.participations_of(organisation))


def rows_for(agreement: Agreement) -> tuple[ParticipationRow, ...]:
    """The participation rows that count for ``agreement``, filtered in the database."""
    rows = counting.participations_of(agreement.organisation).filter(
        counting.coverage_filter(coverage(agreement))
    )
    return tuple(counting.core_rows(rows))


def company_figures(organisation, years: Iterable[int] | None = None, cvrs=None):
    """The organisation's company figures, optionally only for ``years`` and the CVR numbers
    of ``cvrs`` (a query of CVR values, run by the database as a subquery)."""
    rows = CompanyFigures.objects.filter(organisation=organisation)
    if years is not None:
        rows = rows.filter(year__in=list(years))
    if cvrs is not None:
        rows = rows.filter(cvr__in=cvrs)
    fields = ("cvr", "year", "revenue_dkk", "employees")
    return [
        core_documentation.CompanyFigures(*values)
        for values in rows.order_by().values_list(*fields).iterator(chunk_size=counting.CHUNK)
    ]


def documentation_package(
    agreements: Iterable[Agreement], year: int, *, as_of: date, agreement: str | None = None
) -> core_documentation.DocumentationPackage:
    """The yearly package for the given agreements (of one organisation) or one of them.

    Only the documented year's rows of the documented agreements are read, as plain
    values; company figures only for the two years compared and for those companies.
    """
    agreements = list(agreements)
    # A thousand agreements cost the same few queries as one.
    prefetch_related_objects(agreements, "cluster", "organisation", *FACT_LOOKUPS)
    facts = [agreement_facts(a) for a in agreements]
    chosen = [f for f in facts if agreement is None or f.slug == agreement]
    organisations = {a.organisation_id: a.organisation for a in agreements}
    years = (year - 1, year)
    rows: list[ParticipationRow] = []
    figures: list[core_documentation.CompanyFigures] | None = None
    for organisation in organisations.values():
        own = counting.participations_of(organisation).filter(
            counting.covering_any(f.coverage for f in chosen),
            date__gte=date(year, 1, 1),
            date__lte=date(year, 12, 31),
        )
        rows += counting.core_rows(own)
        if CompanyFigures.objects.filter(organisation=organisation).exists():
            figures = (figures or []) + company_figures(organisation, years, own.values("cvr"))
    return core_documentation.documentation_package(
        year,
        facts,
        rows,
        as_of=as_of,
        agreement=agreement,
        company_figures=figures,
        figures_years=years,
    )


def agreement_text(agreement: Agreement, *, as_of: date) -> AgreementText:
    """The agreement as the plain data the standard agreement document is written from."""
    cluster = agreement.cluster
    parties = [PartyText("cluster", cluster.name, cluster.cvr or None)]
    parties += [PartyText("actor", actor.name, None) for actor in agreement.actors.all()]
    parties += [
        PartyText("municipality", f"{m.name} Kommune", None) for m in agreement.municipalities.all()
    ]
    return AgreementText(
        title=agreement.title,
        kind=agreement.kind,
        kind_label=agreement.get_kind_display(),
        organisation=str(agreement.organisation.name),
        parties=tuple(parties),
        start=agreement.start,
        end=agreement.end,
        purpose=agreement.purpose or None,
        presence=agreement.presence or None,
        cofinancing=tuple(
            CoFinancingLine(str(line.party), line.year, line.amount_dkk, line.note or None)
            for line in agreement.cofinancing.select_related("actor", "municipality")
        ),
        deliverables=tuple(
            DeliverableLine(d.get_kind_display(), d.title, d.due, d.description or None)
            for d in agreement.deliverables.all()
        ),
        meetings=tuple(MeetingLine(m.planned, m.held) for m in agreement.meetings.all()),
        kpis=tuple(
            KpiText(
                kpi.definition,
                kpi.unit,
                kpi.baseline,
                tuple(kpi.target_items()),
                kpi.measurement or None,
            )
            for kpi in agreement.kpis.all()
        ),
        as_of=as_of,
    )
