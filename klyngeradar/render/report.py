"""The deliverables of a round in one call: the board deck and the Excel appendices.

`klyngeradar report`, `klyngeradar demo` and the web's "Rapporter" page all call
`write_report`, so the three produce the same files from the same findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from klyngeradar.core.deck import Lang
from klyngeradar.core.findings import compute_findings
from klyngeradar.core.landscape import business_models
from klyngeradar.core.outline import build_deck
from klyngeradar.core.recommendations import recommend
from klyngeradar.core.registry import reference_clusters, reference_landscape_facts
from klyngeradar.core.responses import RoundData
from klyngeradar.core.strategy import Strategy
from klyngeradar.render.appendices import write_appendices
from klyngeradar.render.deck import write_deck

DECK_NAME = "klyngesamarbejde.pptx"
APPENDICES_NAME = "bilag.xlsx"


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
) -> Report:
    """Write ``klyngesamarbejde.pptx`` and ``bilag.xlsx`` for `round` into `out_dir`.

    `strategy` defaults to the efforts named in the round; `agreements` is the
    agreements register when there is one (its sheet says so when there is none).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    findings = compute_findings(round)
    recommendations = recommend(round, strategy=strategy)
    clusters = reference_clusters()
    landscape = business_models(clusters, reference_landscape_facts(), as_of=as_of)
    deck = build_deck(
        round,
        findings=findings,
        recommendations=recommendations,
        clusters=clusters,
        landscape=landscape,
        strategy=strategy,
        lang=lang,
        as_of=as_of,
    )
    deck_path = write_deck(deck, out / DECK_NAME, template=template)
    appendices_path = write_appendices(
        out / APPENDICES_NAME,
        round=round,
        findings=findings,
        recommendations=recommendations,
        clusters=clusters,
        lang=lang,
        agreements=agreements,
    )
    return Report(deck_path, appendices_path)
