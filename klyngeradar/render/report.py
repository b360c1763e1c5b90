"""The deliverables of a round in one call: the board deck and the Excel appendices.

`klyngeradar report`, `klyngeradar demo` and the web's "Rapporter" page all call
`write_report` (or, for one file, `write_report_deck` / `write_report_appendices`),
so the three produce the same files from the same findings. The web passes what
only it knows: the analyst's quotes, recommendations computed with the analyst's
fit cells and thresholds, and the analyst's decisions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from klyngeradar.core.findings.comparison import Comparison
from klyngeradar.core.findings.model import Findings
from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.registry.landscape import business_models
from klyngeradar.core.registry.programmes import ProgrammeReference, reference_programmes
from klyngeradar.core.registry.reference import (
    AreaFacts,
    ClusterFacts,
    reference_clusters,
    reference_landscape_facts,
)
from klyngeradar.core.reports.deck import Deck, Lang
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.reports.outline_quotes import Quotes
from klyngeradar.core.reports.outline_specialisation import RegionalStrengths
from klyngeradar.core.strategy.decisions import (
    AnalystDecision,
    DecidedRecommendations,
    apply_decisions,
)
from klyngeradar.core.strategy.plan import Strategy
from klyngeradar.core.strategy.priorities import PriorityInputs
from klyngeradar.core.strategy.recommendations import Recommendations, recommend
from klyngeradar.core.surveys.responses import RoundData
from klyngeradar.render.deck.writer import write_deck
from klyngeradar.render.workbooks.appendices import write_appendices

DECK_NAME = "klyngesamarbejde.pptx"
APPENDICES_NAME = "bilag.xlsx"

_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe"})


def deck_filename(title: str | None) -> str:
    """The deck's download name after its round: "klyngesamarbejde-nordjylland-2023.pptx".

    Only ASCII letters, digits and dashes, so that every mail client and file system
    keeps it; a round without a title gets ``klyngesamarbejde.pptx``.
    """
    words = re.findall(r"[a-z0-9]+", (title or "").casefold().translate(_LETTERS))
    slug = "-".join(words)[:60].strip("-")
    return f"klyngesamarbejde-{slug}.pptx" if slug else DECK_NAME


def appendices_filename(title: str | None) -> str:
    """The appendices' download name after their round, like `deck_filename`."""
    deck = deck_filename(title)
    return "bilag" + deck.removeprefix("klyngesamarbejde").removesuffix(".pptx") + ".xlsx"


@dataclass(frozen=True)
class Report:
    deck: Path
    appendices: Path


def write_report(
    round: RoundData,
    out_dir: str | Path,
    *,
    as_of: date,
    template: str | Path | None = None,
    lang: Lang = "da",
    strategy: Strategy | None = None,
    agreements: object | None = None,
    quotes: Quotes | None = None,
    recommendations: Recommendations | None = None,
    decisions: Iterable[AnalystDecision] | None = None,
    findings: Findings | None = None,
    comparison: Comparison | None = None,
    specialisation: RegionalStrengths | None = None,
    layouts: Mapping[str, str] | None = None,
    board_asks: Sequence[str] | None = None,
    deck_name: str = DECK_NAME,
    appendices_name: str = APPENDICES_NAME,
    priorities: PriorityInputs | None = None,
    titles: Mapping[str, str] | None = None,
    clusters: Iterable[ClusterFacts] | None = None,
    programmes: ProgrammeReference | None = None,
    programme: str | None = None,
    areas: Iterable[AreaFacts] | None = None,
) -> Report:
    """Write ``klyngesamarbejde.pptx`` and ``bilag.xlsx`` (or the names given) into `out_dir`.

    `strategy` defaults to the efforts named in the round; `agreements` is the
    agreements register when there is one (its sheet says so when there is none);
    `quotes` maps a free-text question id to the chosen answers (default: the
    deck's own choice). `recommendations` and `findings` are used as given when
    precomputed (e.g. with the analyst's fit cells and thresholds), else computed
    here; `decisions` are the analyst's decisions on the recommendations, shown
    beside them in both files (without any, both files show only the rules').
    `comparison` with an earlier round of the region adds "Udvikling siden {year}"
    to the deck and its changes table to the appendices.
    `layouts` names the template's layout per slide kind where it is not found.
    `board_asks` the analyst's "Bestyrelsen bedes …" items (default: drawn from
    the recommendations). `priorities` the analyst's shortlist choices and next
    steps (default: the rule's shortlist and drafted next steps); `titles` the
    analyst's own slide titles by key. `clusters`, `programmes` and `areas` are the
    registry (default: the shipped reference data; the web passes its database's); `programme`,
    the slug of one of `programmes`, makes both files count that programme's clusters
    instead of those of the programme current at `as_of`.

    A refused template or deck raises InputError before anything is written; each
    file is written under a temporary name and renamed, so no half file is left.
    """
    out = Path(out_dir)
    created = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    try:
        findings = findings or compute_findings(round)
        recommendations = recommendations or recommend(round, strategy=strategy)
        registry = {
            "clusters": clusters,
            "programmes": programmes,
            "programme": programme,
            "areas": areas,
        }
        return Report(
            write_report_deck(
                round,
                out / deck_name,
                as_of=as_of,
                template=template,
                lang=lang,
                strategy=strategy,
                quotes=quotes,
                recommendations=recommendations,
                decisions=decisions,
                findings=findings,
                comparison=comparison,
                specialisation=specialisation,
                layouts=layouts,
                board_asks=board_asks,
                priorities=priorities,
                titles=titles,
                **registry,
            ),
            write_report_appendices(
                round,
                out / appendices_name,
                as_of=as_of,
                lang=lang,
                strategy=strategy,
                agreements=agreements,
                recommendations=recommendations,
                decisions=decisions,
                findings=findings,
                comparison=comparison,
                specialisation=specialisation,
                priorities=priorities,
                quotes=quotes,
                **registry,
            ),
        )
    except BaseException:
        # A refused deck leaves no folder behind that the command made for it.
        if created and out.is_dir() and not any(out.iterdir()):
            out.rmdir()
        raise


def write_report_deck(
    round: RoundData,
    path: str | Path,
    *,
    as_of: date,
    template: str | Path | None = None,
    lang: Lang = "da",
    strategy: Strategy | None = None,
    quotes: Quotes | None = None,
    recommendations: Recommendations | None = None,
    decisions: Iterable[AnalystDecision] | None = None,
    findings: Findings | None = None,
    comparison: Comparison | None = None,
    specialisation: RegionalStrengths | None = None,
    layouts: Mapping[str, str] | None = None,
    board_asks: Sequence[str] | None = None,
    priorities: PriorityInputs | None = None,
    titles: Mapping[str, str] | None = None,
    clusters: Iterable[ClusterFacts] | None = None,
    programmes: ProgrammeReference | None = None,
    programme: str | None = None,
    areas: Iterable[AreaFacts] | None = None,
) -> Path:
    """Write only the board deck to `path`; the arguments are `write_report`'s.

    `layouts` maps a slide kind to the template's layout name (``--layout``); `titles`
    maps a slide's key to the analyst's own title.
    """
    deck = report_deck(
        round,
        as_of=as_of,
        lang=lang,
        strategy=strategy,
        quotes=quotes,
        recommendations=recommendations,
        decisions=decisions,
        findings=findings,
        comparison=comparison,
        specialisation=specialisation,
        board_asks=board_asks,
        priorities=priorities,
        titles=titles,
        clusters=clusters,
        programmes=programmes,
        programme=programme,
        areas=areas,
    )
    return write_deck(deck, Path(path), template=template, layouts=layouts)


def report_deck(
    round: RoundData,
    *,
    as_of: date,
    lang: Lang = "da",
    strategy: Strategy | None = None,
    quotes: Quotes | None = None,
    recommendations: Recommendations | None = None,
    decisions: Iterable[AnalystDecision] | None = None,
    findings: Findings | None = None,
    comparison: Comparison | None = None,
    specialisation: RegionalStrengths | None = None,
    board_asks: Sequence[str] | None = None,
    priorities: PriorityInputs | None = None,
    titles: Mapping[str, str] | None = None,
    clusters: Iterable[ClusterFacts] | None = None,
    programmes: ProgrammeReference | None = None,
    programme: str | None = None,
    areas: Iterable[AreaFacts] | None = None,
) -> Deck:
    """The board deck's spec as `write_report_deck` writes it (e.g. to list its slides).

    The landscape counts the clusters of the programme current at `as_of` (or of the
    chosen `programme`) among `clusters` and `programmes` (default: the shipped ones).
    """
    clusters = tuple(reference_clusters() if clusters is None else clusters)
    return build_deck(
        round,
        findings=findings or compute_findings(round),
        recommendations=_decided(round, strategy, recommendations, decisions),
        clusters=clusters,
        landscape=business_models(clusters, reference_landscape_facts(), as_of=as_of),
        programmes=reference_programmes() if programmes is None else programmes,
        programme=programme,
        areas=areas,
        strategy=strategy,
        lang=lang,
        as_of=as_of,
        quotes=quotes,
        comparison=comparison,
        specialisation=specialisation,
        board_asks=board_asks,
        priorities=priorities,
        titles=titles,
    )


def write_report_appendices(
    round: RoundData,
    path: str | Path,
    *,
    lang: Lang = "da",
    strategy: Strategy | None = None,
    agreements: object | None = None,
    recommendations: Recommendations | None = None,
    decisions: Iterable[AnalystDecision] | None = None,
    findings: Findings | None = None,
    comparison: Comparison | None = None,
    specialisation: RegionalStrengths | None = None,
    as_of: date | None = None,
    priorities: PriorityInputs | None = None,
    quotes: Quotes | None = None,
    clusters: Iterable[ClusterFacts] | None = None,
    programmes: ProgrammeReference | None = None,
    programme: str | None = None,
    areas: Iterable[AreaFacts] | None = None,
) -> Path:
    """Write only the appendices workbook to `path`; the arguments are `write_report`'s."""
    return write_appendices(
        Path(path),
        round=round,
        findings=findings or compute_findings(round),
        recommendations=_decided(round, strategy, recommendations, decisions),
        clusters=reference_clusters() if clusters is None else clusters,
        programmes=programmes,
        programme=programme,
        areas=areas,
        lang=lang,
        agreements=agreements,
        comparison=comparison,
        specialisation=specialisation,
        as_of=as_of,
        priorities=priorities,
        quotes=quotes,
    )


def _decided(
    round: RoundData,
    strategy: Strategy | None,
    recommendations: Recommendations | None,
    decisions: Iterable[AnalystDecision] | None,
) -> Recommendations | DecidedRecommendations:
    """The recommendations, with the decisions beside them when there are any."""
    recommendations = recommendations or recommend(round, strategy=strategy)
    decisions = tuple(decisions or ())
    return apply_decisions(recommendations, decisions) if decisions else recommendations
