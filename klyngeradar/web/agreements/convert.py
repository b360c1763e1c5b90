"""Turn agreement rows into the core's plain data; all computing happens in the core.

`agreement_facts`, `participation_rows` and `company_figures` feed
`klyngeradar.core.agreements.documentation` and `klyngeradar.core.agreements.participation`;
`core_kpi` and `core_followups` feed `klyngeradar.core.agreements.kpi`; `agreement_text`
feeds the standard agreement document.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

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
from klyngeradar.web.agreements.models import (
    Agreement,
    CompanyFigures,
    FollowUp,
    Kpi,
    Participation,
)


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


def party_keys(agreement: Agreement) -> tuple[str, ...]:
    """The regional parties as the core names them: actor slugs, then municipality codes."""
    actors = [actor.slug for actor in agreement.actors.all()]
    municipalities = [municipality.code for municipality in agreement.municipalities.all()]
    return tuple(actors + municipalities)


def agreement_facts(agreement: Agreement) -> core_documentation.AgreementFacts:
    kpis = tuple(
        core_documentation.AgreementKpi(core_kpi(kpi), core_followups(kpi))
        for kpi in agreement.kpis.prefetch_related("followups")
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


def participation_row(row: Participation) -> ParticipationRow:
    return ParticipationRow(
        cvr=row.cvr,
        pnr=row.pnr or None,
        company=row.company,
        activity=row.activity,
        date=row.date,
        cluster=row.cluster.slug if row.cluster else None,
        actor=row.actor.slug if row.actor else None,
        kind=row.kind or None,
    )


def participation_rows(organisation) -> tuple[ParticipationRow, ...]:
    """Every participation row the organisation has imported."""
    rows = Participation.objects.filter(batch__organisation=organisation).select_related(
        "cluster", "actor"
    )
    return tuple(participation_row(row) for row in rows)


def rows_for(agreement: Agreement, rows: Iterable[ParticipationRow] | None = None):
    """The participation rows that count for ``agreement`` (the core decides which)."""
    facts = agreement_facts(agreement)
    if rows is None:
        rows = participation_rows(agreement.organisation)
    return tuple(row for row in rows if facts.covers(row))


def company_figures(organisation) -> tuple[core_documentation.CompanyFigures, ...]:
    rows = CompanyFigures.objects.filter(organisation=organisation)
    return tuple(
        core_documentation.CompanyFigures(r.cvr, r.year, r.revenue_dkk, r.employees) for r in rows
    )


def documentation_package(
    agreements: Iterable[Agreement], year: int, *, as_of: date, agreement: str | None = None
) -> core_documentation.DocumentationPackage:
    """The yearly package for the given agreements (of one organisation) or one of them."""
    agreements = list(agreements)
    organisations = {a.organisation_id: a.organisation for a in agreements}
    rows: list[ParticipationRow] = []
    figures: list[core_documentation.CompanyFigures] = []
    for organisation in organisations.values():
        rows += participation_rows(organisation)
        figures += company_figures(organisation)
    return core_documentation.documentation_package(
        year,
        [agreement_facts(a) for a in agreements],
        rows,
        as_of=as_of,
        agreement=agreement,
        company_figures=figures or None,
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
