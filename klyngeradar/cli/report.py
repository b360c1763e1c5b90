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
@click.option(
    "--layout",
    "layout_options",
    multiple=True,
    metavar="KIND=NAME",
    help="The template's layout for a slide kind (title, content, section, two), "
    'e.g. --layout title="Forside BRN"; repeat for each kind.',
)
@click.option(
    "--strategy",
    "strategy_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The region's strategy (.json: vision and efforts); default: the round's efforts.",
)
@click.option("--lang", type=click.Choice(["da", "en"]), default="da", show_default=True)
@click.option(
    "--date",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The deck's date as YYYY-MM-DD (default: today; for a round of an earlier "
    "year, that year's last day).",
)
def report(
    file: Path,
    out_dir: Path,
    template: Path | None,
    layout_options: tuple[str, ...],
    strategy_file: Path | None,
    lang: str,
    as_of,
) -> None:
    """Write the board deck and the appendices for the round in FILE (.xlsx or .csv).

    The deck (klyngesamarbejde.pptx) has native, editable charts, real tables
    and speaker notes; the appendices (bilag.xlsx) hold the registry, the
    answers, the findings with their bases and the recommendations.

    Layouts are found by what they hold (a title and one or two content areas),
    with their names as hints; --layout names one where that is not enough. A
    template or deck that cannot be used exits 2 naming the slide and shape, and
    nothing is written.

    Example: klyngeradar report svar.xlsx --out rapport --template brn.pptx
    --layout content="Indhold med titel"
    """
    from klyngeradar.core.strategy.plan import read_strategy
    from klyngeradar.core.surveys.exchange import read_round
    from klyngeradar.render.report import write_report

    layouts = parse_layouts(layout_options)
    strategy = read_strategy(strategy_file) if strategy_file else None
    round = read_round(file)
    for warning in round.warnings:
        click.echo(f"warning: {warning}", err=True)
    day = as_of.date() if as_of else round_day(round.info.year, date.today())
    written = write_report(
        round,
        out_dir,
        as_of=day,
        template=template,
        lang=lang,
        strategy=strategy,
        layouts=layouts,
    )
    click.echo(f"Deck: {written.deck}")
    click.echo(f"Appendices: {written.appendices}")


def round_day(year: int | None, today: date) -> date:
    """A round of an earlier year is dated its year's last day, not the day it is reported."""
    if year is not None and year < today.year:
        return date(year, 12, 31)
    return today


def parse_layouts(options: tuple[str, ...]) -> dict[str, str]:
    """``("title=Forside BRN", …)`` as ``{"title": "Forside BRN"}``; refuse all but KIND=NAME."""
    from klyngeradar.core.problems import InputError, Problem

    layouts, problems = {}, []
    for option in options:
        kind, equals, name = option.partition("=")
        kind, name = kind.strip(), name.strip().strip('"')
        if not equals or not kind or not name:
            problems.append(
                Problem(
                    f'--layout "{option}" is not KIND=NAME (e.g. title="Forside")',
                    reason_da=f'--layout "{option}" er ikke SLAGS=NAVN (fx title="Forside")',
                )
            )
        else:
            layouts[kind] = name
    if problems:
        raise InputError(problems)
    return layouts
