"""``klyngeradar compare``: what changed between two rounds of one region, from two spreadsheets."""

from __future__ import annotations

import json
from pathlib import Path

import click

from klyngeradar.core.problems import InputError

ROUND_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command()
@click.argument("old", type=ROUND_FILE)
@click.argument("new", type=ROUND_FILE)
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
def compare(old, new, output_format, lang) -> None:
    """Compare round NEW with the earlier round OLD (two exchange files of one region).

    Prints JSON (old, new, panel, entered, left, changes, movements, sentences,
    warnings) or, with --format text, the sentences. Rounds of different regions,
    or a file that is not a round, exit 2 with every problem on standard error.

    Example: klyngeradar compare svar-2023.xlsx svar-2025.xlsx --format text
    """
    from klyngeradar.core.findings.comparison_sentences import comparison_document
    from klyngeradar.core.surveys.exchange import read_round

    rounds, problems = [], []
    for path in (old, new):
        try:
            rounds.append(read_round(path))
        except InputError as refused:
            problems.extend(refused.problems)
    if problems:
        raise InputError(problems)
    document = comparison_document(*rounds)
    for warning in document["warnings"]:
        click.echo(f"warning: {warning}", err=True)
    if output_format == "text":
        for sentence in document["sentences"][lang]:
            click.echo(f"{sentence}.")
        return
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))
