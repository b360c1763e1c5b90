"""The board deck's outline: a `Deck` spec built from a round's findings and recommendations.

The outline mirrors the 2023 report: title and agenda; (1) the Danish cluster
landscape; (2) the clusters and the region (the survey); (3) collaboration
models. Every number comes from the findings, the recommendations or the
registry; a section without data says so on its slide.

>>> from datetime import date
>>> from klyngeradar.core.surveys.demo import demo_round
>>> from klyngeradar.core.findings.rules import compute_findings
>>> round = demo_round()
>>> deck = build_deck(round, findings=compute_findings(round), as_of=date(2023, 10, 1))
>>> deck.slides[0].title
'Samarbejde med de nationale klynger'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from klyngeradar.core.findings.comparison import Comparison
from klyngeradar.core.findings.model import Findings
from klyngeradar.core.findings.sentences import sentences
from klyngeradar.core.registry.landscape import BusinessModels
from klyngeradar.core.registry.programmes import ProgrammeReference
from klyngeradar.core.registry.reference import AreaFacts, ClusterFacts
from klyngeradar.core.reports.deck import AgendaSlide, Deck, Lang, SectionSlide, Slide, TitleSlide
from klyngeradar.core.reports.outline_base import Context
from klyngeradar.core.reports.outline_comparison import (
    comparison_key_messages,
    comparison_slides,
)
from klyngeradar.core.reports.outline_context import context_slides
from klyngeradar.core.reports.outline_guidance import guidance_slides
from klyngeradar.core.reports.outline_landscape import landscape_slides
from klyngeradar.core.reports.outline_map import map_slides
from klyngeradar.core.reports.outline_models import models_slides
from klyngeradar.core.reports.outline_quotes import Quotes
from klyngeradar.core.reports.outline_specialisation import (
    RegionalStrengths,
    specialisation_slides,
)
from klyngeradar.core.reports.outline_summary import summary_slides
from klyngeradar.core.reports.outline_survey import survey_slides
from klyngeradar.core.strategy.decisions import DecidedRecommendations
from klyngeradar.core.strategy.plan import Strategy
from klyngeradar.core.strategy.priorities import PriorityInputs
from klyngeradar.core.strategy.recommendations import Recommendations
from klyngeradar.core.surveys.responses import RoundData

TITLE = {"da": "Samarbejde med de nationale klynger", "en": "Working with the national clusters"}


def build_deck(
    round: RoundData,
    *,
    findings: Findings,
    recommendations: Recommendations | DecidedRecommendations | None = None,
    clusters: Iterable[ClusterFacts] = (),
    landscape: BusinessModels | None = None,
    strategy: Strategy | None = None,
    lang: Lang = "da",
    as_of: date,
    organisation: str | None = None,
    quotes: Quotes | None = None,
    comparison: Comparison | None = None,
    specialisation: RegionalStrengths | None = None,
    board_asks: Sequence[str] | None = None,
    titles: Mapping[str, str] | None = None,
    priorities: PriorityInputs | None = None,
    programmes: ProgrammeReference | None = None,
    programme: str | None = None,
    areas: Iterable[AreaFacts] | None = None,
) -> Deck:
    """Build the board deck's spec.

    `recommendations` may carry the analyst's decisions (`apply_decisions`); `quotes`
    maps a free-text question id to the answers the analyst chose. `comparison`, with an
    earlier round of the region, adds the section "Udvikling siden {year}" and leads
    the summary with what changed; `board_asks` is the analyst's text for
    "Bestyrelsen bedes …", one item each (default: drawn from the recommendations).
    `titles` maps a slide's `key` to the analyst's own title for it (blank: generated).
    `priorities` holds the analyst's shortlist choices and next steps (default: the
    rule's shortlist and next steps drafted from the recommendations).
    `programmes`, the registry's programme periods and designations, makes the landscape
    count the clusters of the programme current at `as_of` (without it: the clusters
    active on `as_of`); `landscape`'s figures are computed over those same clusters.
    `programme`, the slug of one of `programmes`, counts that programme's clusters instead
    (ValueError for an unknown slug); `areas` names the clusters' areas (default: the
    shipped areas).
    """
    if lang not in ("da", "en"):
        raise ValueError(f"unknown language {lang!r}; use da or en")
    organisation = organisation or round.info.organisation or ""
    ctx = Context(round, findings, lang, as_of, organisation or ctx_default(lang))
    t = ctx.t
    subtitle = "\n".join(
        line
        for line in (
            round.info.title,
            " · ".join(p for p in (organisation, ctx.month(as_of)) if p),
        )
        if line
    )
    plain = (
        recommendations.recommendations
        if isinstance(recommendations, DecidedRecommendations)
        else recommendations
    )
    parts = (
        # The seed's context slides belong to the landscape, the co-financing guidance
        # to the collaboration models: the agenda lists each part once.
        (
            *landscape_slides(ctx, tuple(clusters), landscape, programmes, programme, areas),
            *context_slides(ctx),
        ),
        survey_slides(ctx, _sentences(findings, lang), quotes),
        comparison_slides(ctx, comparison),
        specialisation_slides(ctx, specialisation),
        map_slides(ctx),
        (*models_slides(ctx, recommendations, strategy, priorities), *guidance_slides(ctx)),
    )
    slides: list[Slide] = [
        TitleSlide(title=TITLE[lang], subtitle=subtitle),
        *summary_slides(
            ctx,
            plain,
            comparison=comparison_key_messages(ctx, comparison),
            decisions=board_asks,
        ),
        AgendaSlide(
            title=t("Dagsorden", "Agenda"),
            key="agenda",
            items=agenda(parts),
        ),
    ]
    for part in parts:
        slides += part
    slides = _own_titles(slides, titles or {})
    return Deck(
        title=TITLE[lang],
        organisation=organisation or None,
        date=as_of,
        lang=lang,
        slides=tuple(slides),
    )


def agenda(parts: Sequence[Sequence[Slide]]) -> tuple[str, ...]:
    """The agenda: each part actually in the deck, by its section title.

    A part without a section slide of its own (the specialisation, the map) is listed
    by its first slide's marker.
    """
    items: list[str] = []
    for part in parts:
        if not part:
            continue
        first = part[0]
        item = first.title if isinstance(first, SectionSlide) else first.marker or first.title
        if item not in items:
            items.append(item)
    return tuple(items)


def _own_titles(slides: list[Slide], titles: Mapping[str, str]) -> list[Slide]:
    """Each slide with the analyst's title for its key, where one is written."""
    own = {key: text.strip() for key, text in titles.items() if text and text.strip()}
    return [replace(slide, title=own[slide.key]) if slide.key in own else slide for slide in slides]


def ctx_default(lang: str) -> str:
    return "organisationen" if lang == "da" else "the organisation"


def _sentences(findings: Findings, lang: str) -> dict[str, str]:
    """The narrative sentences per finding key, for the speaker notes."""
    notes: dict[str, str] = {}
    for item in sentences(findings, lang):
        text = f"{item.text} ({item.footnote})" if item.footnote else item.text
        notes[item.key] = f"{notes[item.key]}\n{text}" if item.key in notes else text
    return notes
