"""A round's board deck and appendices, written from the database.

Everything is computed by the core on `round_data(round)`, the same data the
findings page uses; the collaboration models come from the strategy app's
`analyse` (the organisation's strategy, the analyst's fit cells and the round's
thresholds), the analyst's decisions from the strategy app's converter, the
agreements from the agreements app's converter, and the quotes from the
analyst's choice (with their edits and themes, each once its names are
confirmed), the slide titles from the analyst's own where written. The files are
written by `klyngeradar.render.report`, the same functions the CLI and the demo use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.utils import timezone, translation

from klyngeradar.core.agreements.documentation import AgreementFacts
from klyngeradar.core.findings.comparison import Comparison, compare_rounds
from klyngeradar.core.findings.model import Findings
from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.registry.geography import municipalities
from klyngeradar.core.registry.programmes import ProgrammeReference
from klyngeradar.core.registry.reference import AreaFacts, ClusterFacts
from klyngeradar.core.reports.deck import Deck, Lang
from klyngeradar.core.reports.landscape_clusters import round_landscape_day
from klyngeradar.core.reports.outline_guidance import (
    AgreementRegister,
    CoFinancingLine,
    RegisteredAgreement,
)
from klyngeradar.core.reports.outline_quotes import Quote
from klyngeradar.core.reports.outline_specialisation import RegionalStrengths
from klyngeradar.core.strategy.decisions import AnalystDecision
from klyngeradar.core.strategy.plan import Strategy
from klyngeradar.core.strategy.priorities import NextStep as PlannedStep
from klyngeradar.core.strategy.priorities import PriorityInputs
from klyngeradar.core.strategy.recommendations import Recommendations
from klyngeradar.core.surveys.responses import RoundData
from klyngeradar.render.report import (
    APPENDICES_NAME,
    DECK_NAME,
    Report,
    appendices_filename,
    deck_filename,
    report_deck,
    write_report,
    write_report_appendices,
    write_report_deck,
)
from klyngeradar.web.access import visible_to
from klyngeradar.web.agreements.convert import agreement_facts, with_facts
from klyngeradar.web.agreements.models import Agreement
from klyngeradar.web.registry.facts import registry_areas, registry_clusters, registry_programmes
from klyngeradar.web.registry.programmes import programme_on
from klyngeradar.web.reports.models import BoardAsks, NextStep, QuoteChoice, SlideTitles
from klyngeradar.web.reports.quotes import chosen_quotes
from klyngeradar.web.strategy.analysis import analyse, round_strategy
from klyngeradar.web.strategy.decisions import round_decisions
from klyngeradar.web.strategy.priorities import shortlist_overrides

DECK_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
APPENDICES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def regional_strengths(organisation) -> RegionalStrengths | None:
    """The region's specialisation for the deck and appendices; None without statistics."""
    from klyngeradar.web.specialisation.convert import area_names, specialisation_for

    found = specialisation_for(organisation)
    if found is None:
        return None
    upload, result = found
    return RegionalStrengths(result, upload.source, area_names(), upload.illustrative)


@dataclass(frozen=True)
class ReportInputs:
    """What the deck and the appendices of a round are written from."""

    data: RoundData
    findings: Findings
    recommendations: Recommendations
    strategy: Strategy
    agreements: tuple[AgreementFacts, ...]
    quotes: dict[str, tuple[Quote, ...]] | None
    decisions: tuple[AnalystDecision, ...] = ()
    comparison: Comparison | None = None
    specialisation: RegionalStrengths | None = None
    board_asks: tuple[str, ...] | None = None
    cofinancing: tuple[CoFinancingLine, ...] = ()
    priorities: PriorityInputs | None = None
    titles: dict[str, str] | None = None
    # The registry as the analyst keeps it in the database (None: the shipped reference).
    clusters: tuple[ClusterFacts, ...] | None = None
    programmes: ProgrammeReference | None = None
    areas: tuple[AreaFacts, ...] | None = None


def priority_inputs(round) -> PriorityInputs:
    """The analyst's shortlist choices and next steps for `round` (None: none written)."""
    steps = tuple(
        PlannedStep(s.text, s.owner or None, s.due, s.budget)
        for s in NextStep.objects.filter(round=round).order_by("position", "pk")
    )
    return PriorityInputs(overrides=shortlist_overrides(round), next_steps=steps or None)


def report_inputs(round, *, user=None, earlier=None) -> ReportInputs:
    """Collect a round's inputs; `user` narrows the agreements to those they may see.

    `earlier`, an earlier round of the region, adds the comparison with it.
    """
    from klyngeradar.web.surveys.convert import round_data

    analysis = analyse(round)
    data = analysis.data
    agreements = Agreement.objects.filter(organisation=round.organisation)
    if user is not None:
        agreements = visible_to(user, agreements)
    choice = QuoteChoice.objects.filter(round=round).first()
    asks = BoardAsks.objects.filter(round=round).first()
    own = SlideTitles.objects.filter(round=round).first()
    return ReportInputs(
        data=data,
        findings=compute_findings(data),
        recommendations=analysis.result,
        strategy=round_strategy(round, data),
        agreements=tuple(agreement_facts(a) for a in with_facts(agreements).order_by("slug")),
        quotes=chosen_quotes(data, choice.items if choice else None),
        decisions=round_decisions(round),
        comparison=compare_rounds(round_data(earlier), data) if earlier is not None else None,
        specialisation=regional_strengths(round.organisation),
        board_asks=asks.items if asks else None,
        cofinancing=cofinancing_lines(agreements),
        priorities=priority_inputs(round),
        titles=dict(own.titles) if own else None,
        clusters=registry_clusters(),
        programmes=registry_programmes(),
        areas=registry_areas(),
    )


def cofinancing_lines(agreements) -> tuple[CoFinancingLine, ...]:
    """Every party's co-financing of `agreements` per year, by name, for the appendices."""
    from klyngeradar.web.agreements.models import CoFinancing

    rows = CoFinancing.objects.filter(agreement__in=agreements).select_related(
        "agreement__cluster", "actor", "municipality"
    )
    return tuple(
        CoFinancingLine(
            agreement=row.agreement.title,
            cluster=row.agreement.cluster.name,
            kind=row.agreement.kind,
            party=str(row.party),
            role="actor" if row.actor else "municipality" if row.municipality else "cluster",
            year=row.year,
            amount_dkk=row.amount_dkk,
        )
        for row in rows.order_by("agreement__slug", "year", "pk")
    )


def agreement_register(inputs: ReportInputs, lang: Lang) -> AgreementRegister:
    """The agreements register for the appendices: the rows, the kinds and the co-financing."""
    names = {m.code: m.name for m in municipalities()}
    names.update({a.slug: a.name for a in inputs.data.actors})
    names.update({r.cluster: r.label for r in inputs.data.responses})
    codes = {m.code for m in municipalities()}
    return AgreementRegister(
        rows=tuple(agreement_rows(inputs.agreements, lang, inputs.data)),
        agreements=tuple(
            RegisteredAgreement(
                title=a.title,
                cluster=names.get(a.cluster, a.cluster),
                kind=a.kind,
                parties=tuple(names.get(p, p) for p in a.parties),
                municipalities=tuple(names[p] for p in a.parties if p in codes),
            )
            for a in inputs.agreements
        ),
        cofinancing=inputs.cofinancing,
    )


def write_round_deck(
    inputs: ReportInputs,
    path: str | Path,
    *,
    as_of: date,
    lang: Lang = "da",
    template: str | Path | None = None,
    layouts: dict[str, str] | None = None,
    programme: str | None = None,
) -> Path:
    """Write the board deck; `template` is a .pptx path or None for the default template.

    `layouts` is the template's layout per slide kind, as named on its upload;
    `programme` the slug of the programme period the landscape counts (None: the one
    current at `as_of`).
    """
    return write_report_deck(
        inputs.data,
        path,
        as_of=as_of,
        lang=lang,
        template=template,
        layouts=layouts or None,
        strategy=inputs.strategy,
        findings=inputs.findings,
        recommendations=inputs.recommendations,
        decisions=inputs.decisions,
        quotes=inputs.quotes,
        comparison=inputs.comparison,
        specialisation=inputs.specialisation,
        board_asks=inputs.board_asks,
        priorities=inputs.priorities,
        titles=inputs.titles,
        clusters=inputs.clusters,
        programmes=inputs.programmes,
        areas=inputs.areas,
        programme=programme,
    )


def generated_slides(inputs: ReportInputs, *, as_of: date, lang: Lang = "da"):
    """The deck's slides that take an own title: (key, marker, generated title), in order."""
    deck: Deck = report_deck(
        inputs.data,
        as_of=as_of,
        lang=lang,
        strategy=inputs.strategy,
        findings=inputs.findings,
        recommendations=inputs.recommendations,
        decisions=inputs.decisions,
        quotes=inputs.quotes,
        comparison=inputs.comparison,
        specialisation=inputs.specialisation,
        board_asks=inputs.board_asks,
        clusters=inputs.clusters,
        programmes=inputs.programmes,
        areas=inputs.areas,
    )
    seen: set[str] = set()
    slides = []
    for slide in deck.slides:
        if slide.key and slide.key not in seen:
            seen.add(slide.key)
            slides.append((slide.key, slide.marker, slide.title))
    return tuple(slides)


def round_date(round, today: date) -> date:
    """The date the deliverables carry: the day a closed round closed, else today.

    A round closed in 2023 is reported as of 2023, whenever its deck is downloaded;
    so is a round of 2023 still open later: as of its deadline, or the year's last
    day when the deadline was moved past it.
    """
    if round.closed_at is not None:
        return timezone.localdate(round.closed_at)
    year = round.year or round.deadline.year
    if year < today.year:
        return min(round.deadline, date(year, 12, 31))
    return today


def round_programme(round, today: date):
    """The programme period (a `Programme` row) current at the round's date, as the deck has it.

    The deck's landscape describes the round's own year (`round_landscape_day`); None when
    no programme period has started by then.
    """
    day = round_landscape_day(round.round_year, round_date(round, today))
    return programme_on(day)


def write_round_appendices(
    inputs: ReportInputs,
    path: str | Path,
    *,
    lang: Lang = "da",
    as_of: date | None = None,
    programme: str | None = None,
) -> Path:
    """Write the Excel appendices; `as_of` is the date in their printed footer.

    `programme` is the slug of the programme period "Udpegede klynger" lists (None: the
    one current at `as_of`), as for the deck.
    """
    return write_report_appendices(
        inputs.data,
        path,
        lang=lang,
        as_of=as_of,
        agreements=agreement_register(inputs, lang),
        strategy=inputs.strategy,
        findings=inputs.findings,
        recommendations=inputs.recommendations,
        decisions=inputs.decisions,
        comparison=inputs.comparison,
        specialisation=inputs.specialisation,
        priorities=inputs.priorities,
        quotes=inputs.quotes,
        clusters=inputs.clusters,
        programmes=inputs.programmes,
        areas=inputs.areas,
        programme=programme,
    )


# A round with more clusters than this gets its deck and appendices from a background job.
# A regional round (the 13–14 national clusters) takes well under a second and stays a direct
# download, which needs no worker; a 50-cluster round takes several seconds on a busy server.
BACKGROUND_CLUSTERS = 25


def made_in_background(round) -> bool:
    """True when ``round``'s files are made by a background job instead of in the request."""
    return round.responses.count() > BACKGROUND_CLUSTERS


def round_file_name(round, name: str) -> str:
    """The downloaded file's name: after the round, so that rounds do not overwrite each other."""
    return deck_filename(round.title) if name == DECK_NAME else appendices_filename(round.title)


def write_round_file(
    round,
    name: str,
    folder: str | Path,
    *,
    user,
    lang: Lang,
    template=None,
    earlier=None,
    today: date,
    progress=None,
    programme: str | None = None,
) -> Path:
    """Write the round's deck (``DECK_NAME``) or appendices (``APPENDICES_NAME``) into
    ``folder`` under its download name, for ``user``; ``template`` is a `ReportTemplate`,
    ``programme`` a chosen programme period's slug (None: the one current at the date).

    ``progress(done, total, step)``, when given, hears of the two steps.
    """
    if name not in (DECK_NAME, APPENDICES_NAME):
        raise ValueError(f"unknown round file {name!r}")
    if progress:
        progress(0, 2, "Samler rundens tal, modeller og aftaler")
    inputs = report_inputs(round, user=user, earlier=earlier)
    path = Path(folder) / round_file_name(round, name)
    as_of = round_date(round, today)
    if name == DECK_NAME:
        if progress:
            progress(1, 2, "Skriver præsentationen")
        write_round_deck(
            inputs,
            path,
            as_of=as_of,
            lang=lang,
            template=template.file.path if template else None,
            layouts=template.layouts if template else None,
            programme=programme,
        )
    else:
        if progress:
            progress(1, 2, "Skriver bilagene")
        write_round_appendices(inputs, path, lang=lang, as_of=as_of, programme=programme)
    if progress:
        progress(2, 2)
    return path


AGREEMENT_COLUMNS = {
    "da": ("titel", "klynge", "parter", "type", "start", "slut", "KPI'er"),
    "en": ("title", "cluster", "parties", "kind", "start", "end", "KPIs"),
}


def agreement_rows(
    agreements: tuple[AgreementFacts, ...], lang: Lang, data: RoundData | None = None
) -> list[dict[str, object]]:
    """The agreements as the appendices' rows, by name: one per agreement, its KPIs in a cell.

    Clusters, actors and municipalities are named (from the round and the
    geography), the kind by its label in `lang`; an unknown code is kept as it is.
    """
    names = {m.code: m.name for m in municipalities()}
    if data is not None:
        names.update({a.slug: a.name for a in data.actors})
        names.update({r.cluster: r.label for r in data.responses})
    with translation.override(lang):
        kinds = {kind.value: str(kind.label) for kind in Agreement.Kind}
    columns = AGREEMENT_COLUMNS[lang]
    return [
        dict(
            zip(
                columns,
                (
                    a.title,
                    names.get(a.cluster, a.cluster),
                    ", ".join(names.get(p, p) for p in a.parties),
                    kinds.get(a.kind, a.kind) if a.kind else None,
                    a.start,
                    a.end,
                    "; ".join(f"{k.kpi.definition} ({k.kpi.unit})" for k in a.kpis) or None,
                ),
                strict=True,
            )
        )
        for a in agreements
    ]


def write_round_report(
    round,
    out_dir: str | Path,
    *,
    as_of: date,
    lang: Lang = "da",
    template: str | Path | None = None,
    user=None,
    earlier=None,
    programme: str | None = None,
) -> Report:
    """Write ``klyngesamarbejde.pptx`` and ``bilag.xlsx`` for `round` into `out_dir`."""
    inputs = report_inputs(round, user=user, earlier=earlier)
    return write_report(
        inputs.data,
        out_dir,
        as_of=as_of,
        lang=lang,
        template=template,
        agreements=agreement_register(inputs, lang),
        strategy=inputs.strategy,
        findings=inputs.findings,
        recommendations=inputs.recommendations,
        decisions=inputs.decisions,
        quotes=inputs.quotes,
        comparison=inputs.comparison,
        specialisation=inputs.specialisation,
        board_asks=inputs.board_asks,
        priorities=inputs.priorities,
        titles=inputs.titles,
        clusters=inputs.clusters,
        programmes=inputs.programmes,
        areas=inputs.areas,
        programme=programme,
    )
