"""``klyngeradar report``: the board deck and the Excel appendices of a round, from a file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for klyngesamarbejde.pptx and bilag.xlsx (created if missing).",
)
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The organisation's own .pptx template (its layouts and theme).",
)
@click.option("--lang", type=click.Choice(["da", "en"]), default="da", show_default=True)
@click.option(
    "--date",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The deck's date as YYYY-MM-DD (default: today).",
)
def report(file: Path, out_dir: Path, template: Path | None, lang: str, as_of) -> None:
    """Write the board deck and the appendices for the round in FILE (.xlsx or .csv).

    The deck (klyngesamarbejde.pptx) has native, editable charts, real tables
    and speaker notes; the appendices (bilag.xlsx) hold the registry, the
    answers, the findings with their bases and the recommendations.

    Example: klyngeradar report svar.xlsx --out rapport --template brn.pptx
    """
    from klyngeradar.core.surveys.exchange import read_round
    from klyngeradar.render.report import write_report

    round = read_round(file)
    for warning in round.warnings:
        click.echo(f"warning: {warning}", err=True)
    day = as_of.date() if as_of else date.today()
    written = write_report(round, out_dir, as_of=day, template=template, lang=lang)
    click.echo(f"Deck: {written.deck}")
    click.echo(f"Appendices: {written.appendices}")
