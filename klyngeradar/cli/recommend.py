"""``klyngeradar recommend``: fit, engagement and collaboration models from an exchange file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from klyngeradar.core.numbers import format_int
from klyngeradar.core.strategy.catalogue import CHECKLIST, model
from klyngeradar.core.strategy.recommendations import Recommendations, reason_text
from klyngeradar.core.strategy.recommendations import recommend as compute

_WORDS = {
    "da": {
        "title": "Samarbejdsmodeller",
        "example": "eksempel",
        "vision": "Vision",
        "fit": "Fit (0–3; – = ukendt)",
        "clusters": "Anbefalinger pr. klynge",
        "none": "Ingen model – hold orienteret",
        "engagement": "engagement {score} (baseret på {k} af {n} input)",
        "no_engagement": "engagement ukendt (0 af {n} input)",
        "calls": "Satsning/udbud inden for en central indsats",
        "no_calls": "Ingen indsats har nok klynger bag sig.",
        "region": "Regionen",
        "no_region": "Ingen anbefaling for hele regionen.",
        "checklist": "Før en aftale indgås",
    },
    "en": {
        "title": "Collaboration models",
        "example": "example",
        "vision": "Vision",
        "fit": "Fit (0–3; – = unknown)",
        "clusters": "Recommendations per cluster",
        "none": "No model – keep informed",
        "engagement": "engagement {score} (based on {k} of {n} inputs)",
        "no_engagement": "engagement unknown (0 of {n} inputs)",
        "calls": "A targeted call within a central effort",
        "no_calls": "No effort has enough clusters behind it.",
        "region": "The region",
        "no_region": "No recommendation for the region as a whole.",
        "checklist": "Before an agreement is made",
    },
}


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "output",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="JSON for programs, text for people.",
)
@click.option(
    "--lang",
    type=click.Choice(["da", "en"]),
    default="da",
    show_default=True,
    help="Language of the reasons and the text summary.",
)
def recommend(file: Path, output: str, lang: str) -> None:
    """Recommend collaboration models for the clusters in an exchange FILE (.xlsx or .csv).

    Prints the fit matrix, the engagement scores and the recommendations with
    their reasons. Nothing is stored.

    Example: klyngeradar recommend svar.xlsx --format text --lang en
    """
    from klyngeradar.core.surveys.exchange import read_round

    result = compute(read_round(file))
    if output == "json":
        click.echo(json.dumps(result.as_dict(lang), ensure_ascii=False, indent=2))
    else:
        click.echo(summary(result, lang, title=file.name))


def summary(result: Recommendations, lang: str = "da", *, title: str | None = None) -> str:
    """A readable summary of `result` in Danish or English."""
    words = _WORDS[lang]
    lines = [f"{words['title']}: {title}" if title else words["title"], ""]
    strategy = result.strategy
    if strategy.vision:
        example = f" ({words['example']})" if strategy.example else ""
        lines += [f"{words['vision']}{example}: {strategy.vision}", ""]
    lines += _fit_table(result, words)
    lines += ["", words["clusters"]]
    for rec in result.clusters:
        name = model(rec.model).name(lang) if rec.model else words["none"]
        score = result.engagement.get(rec.cluster)
        if score.score is None:
            engaged = words["no_engagement"].format(n=score.of)
        else:
            engaged = words["engagement"].format(
                score=format_int(score.score, lang), k=score.inputs, n=score.of
            )
        lines.append(f"  {rec.label}: {name}; {engaged}")
        lines += [f"    - {reason_text(reason, lang)}" for reason in rec.reasons]
    lines += ["", words["calls"]]
    lines += [f"  - {reason_text(call.reasons[0], lang)}" for call in result.effort_calls] or [
        f"  {words['no_calls']}"
    ]
    lines += ["", words["region"]]
    for region in result.region:
        lines.append(f"  {model(region.model).name(lang)}")
        lines += [f"    - {reason_text(reason, lang)}" for reason in region.reasons]
    if not result.region:
        lines.append(f"  {words['no_region']}")
    lines += ["", words["checklist"]]
    lines += [f"  - {item.text(lang)}" for item in CHECKLIST]
    return "\n".join(lines)


def _fit_table(result: Recommendations, words: dict[str, str]) -> list[str]:
    efforts = result.fit.efforts
    if not efforts:
        return [words["fit"], "  –"]
    width = max((len(row.label) for row in result.fit.rows), default=0)
    numbers = "".join(f"{i:>4}" for i in range(1, len(efforts) + 1))
    lines = [words["fit"], f"  {'':<{width}}{numbers}   Σ"]
    for row in result.fit.rows:
        cells = "".join(f"{'–' if c.score is None else c.score:>4}" for _, c in row.cells)
        total = "–" if row.score is None else row.score
        lines.append(f"  {row.label:<{width}}{cells}{total:>4}")
    lines += [f"  {i}. {effort.name}" for i, effort in enumerate(efforts, start=1)]
    return lines
