"""``klyngeradar findings``: the findings of one survey round, straight from a spreadsheet."""

from __future__ import annotations

import json
from pathlib import Path

import click

from klyngeradar.core.registry import geography


def _region(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and geography.region(value) is None:
        codes = ", ".join(r.code for r in geography.regions())
        raise click.BadParameter(f"{value!r} is not a region code (one of {codes})")
    return value


def _with_footnote(sentence) -> str:
    """The sentence as one string; a footnote (e.g. on overlap) follows in brackets."""
    if not sentence.footnote:
        return sentence.text
    return f"{sentence.text} ({sentence.footnote.rstrip('.')})"


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--region", callback=_region, help="Region code, e.g. 1081 (else the file's).")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Period start as YYYY-MM-DD, e.g. 2021-01-01 (else the file's).",
)
@click.option("--organisation", help="The organisation running the round, e.g. BRN.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
)
@click.option(
    "--lang",
    type=click.Choice(["da", "en"]),
    default="da",
    show_default=True,
    help="Language of --format text.",
)
def findings(file, region, since, organisation, output_format, lang) -> None:
    """Compute the findings of the round in FILE (.xlsx or .csv) with their base.

    Prints JSON (round, invited, responded, findings, sentences, warnings) or,
    with --format text, the sentences. A refused file exits 2 with every problem
    on standard error and nothing on standard output.

    Example: klyngeradar findings svar.xlsx --format text
    """
    from klyngeradar.core.findings.rules import compute_findings
    from klyngeradar.core.findings.sentences import sentences
    from klyngeradar.core.surveys.exchange import read_round

    round = read_round(
        file,
        region=region,
        since=since.date() if since else None,
        organisation=organisation,
    )
    result = compute_findings(round)
    said = {code: sentences(result, code) for code in ("da", "en")}
    warnings = [str(problem) for problem in round.warnings]

    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    if output_format == "text":
        for sentence in said[lang]:
            click.echo(f"{sentence.text}.")
            if sentence.footnote:
                click.echo(f"  * {sentence.footnote}")
        return
    document = {
        "round": result.round_dict(),
        "invited": result.invited,
        "responded": result.responded,
        "findings": result.to_dict(),
        "sentences": {code: [_with_footnote(s) for s in items] for code, items in said.items()},
        "warnings": warnings,
    }
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))
