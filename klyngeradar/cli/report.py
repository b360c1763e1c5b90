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
    help="Folder for the deck and the appendices, named after the round (created if missing).",
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
    help=(
        "The deck's date as YYYY-MM-DD (default: today; for a round of an earlier "
        "year, 31 December of that year)."
    ),
)
@click.option(
    "--programme",
    metavar="SLUG",
    help=(
        "The programme period whose clusters the landscape and the appendices count, "
        "e.g. klyngeprogram-2025-2028 (default: the one current at the deck's date)."
    ),
)
def report(
    file: Path,
    out_dir: Path,
    template: Path | None,
    layout_options: tuple[str, ...],
    strategy_file: Path | None,
    lang: str,
    as_of,
    programme: str | None,
) -> None:
    """Write the board deck and the appendices for the round in FILE (.xlsx or .csv).

    The deck (klyngesamarbejde-<round>.pptx, named after the round's title or
    year) has native, editable charts, real tables and speaker notes; the
    appendices (bilag-<round>.xlsx) hold the registry, the answers, the findings
    with their bases and the recommendations. --programme counts the clusters of
    one of the shipped programme periods instead of the one current at the date.

    Layouts are found by what they hold (a title and one or two content areas),
    with their names as hints; --layout names one where that is not enough. A
    template or deck that cannot be used exits 2 naming the slide and shape, and
    nothing is written.

    Example: klyngeradar report svar.xlsx --out rapport --template brn.pptx
    --layout content="Indhold med titel"
    """
    from klyngeradar.core.strategy.plan import read_strategy
    from klyngeradar.core.surveys.exchange import read_round
    from klyngeradar.render.report import appendices_filename, deck_filename, write_report

    layouts = parse_layouts(layout_options)
    check_programme(programme)
    strategy = read_strategy(strategy_file) if strategy_file else None
    round = read_round(file)
    for warning in round.warnings:
        click.echo(f"warning: {warning}", err=True)
    day = as_of.date() if as_of else round_day(round.info.year, date.today())
    name = round.info.title or (f"runde {round.info.year}" if round.info.year else None)
    written = write_report(
        round,
        out_dir,
        as_of=day,
        template=template,
        lang=lang,
        strategy=strategy,
        layouts=layouts,
        deck_name=deck_filename(name),
        appendices_name=appendices_filename(name),
        programme=programme,
    )
    click.echo(f"Deck: {written.deck}")
    click.echo(f"Appendices: {written.appendices}")


def round_day(year: int | None, today: date) -> date:
    """The date a round's deck carries: today, or the last day of an earlier round's year."""
    if year is not None and year < today.year:
        return date(year, 12, 31)
    return today


def check_programme(slug: str | None) -> None:
    """Refuse a --programme that is not one of the shipped programme periods, naming them."""
    from klyngeradar.core.problems import InputError, Problem
    from klyngeradar.core.registry.programmes import reference_programmes

    known = [p.slug for p in reference_programmes().programmes]
    if slug is None or slug in known:
        return
    names = ", ".join(known)
    raise InputError(
        [
            Problem(
                f'--programme "{slug}" is not a known programme period (known: {names})',
                reason_da=f'--programme "{slug}" er ikke en kendt programperiode (kendte: {names})',
            )
        ]
    )


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
