"""``klyngeradar specialisation``: location quotients per area from a Statistics Denmark file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from klyngeradar.core.problems import InputError
from klyngeradar.core.registry import geography

_WORDS = {
    "da": {
        "title": "Erhvervsstruktur {year}: {place}",
        "all": "alle kommuner i filen",
        "head": "Område (LQ; beskæftigede)",
        "mun": "Kommuner (LQ)",
        "unknown": "ukendt",
        "lower": "mindst",
        "note": "LQ over 1: en større andel af beskæftigelsen end i {base}.",
        "base_all": "hele landet",
        "base_some": "filens {n} kommuner",
    },
    "en": {
        "title": "Business structure {year}: {place}",
        "all": "every municipality in the file",
        "head": "Area (LQ; employment)",
        "mun": "Municipalities (LQ)",
        "unknown": "unknown",
        "lower": "at least",
        "note": "An LQ above 1: a larger share of employment than in {base}.",
        "base_all": "all of Denmark",
        "base_some": "the file's {n} municipalities",
    },
}


def _region(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and geography.region(value) is None:
        codes = ", ".join(r.code for r in geography.regions())
        raise click.BadParameter(f"{value!r} is not a region code (one of {codes})")
    return value


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mapping",
    "mapping_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Area to DB07 mapping (.xlsx/.csv: area, industry, weight, note); else the shipped one.",
)
@click.option(
    "--region", callback=_region, help="Region code, e.g. 1081 (else every municipality)."
)
@click.option("--year", type=int, help="Year to use, e.g. 2023 (else the file's latest).")
@click.option(
    "--format",
    "output_format",
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
    help="Language of --format text.",
)
def specialisation(file, mapping_file, region, year, output_format, lang) -> None:
    """Compute employment, share and location quotient per area from FILE (.csv or .xlsx).

    FILE is employment by municipality and industry (DB07) as downloaded from
    Statistikbanken (semicolons, Windows-1252 or UTF-8, '..' for suppressed
    cells) or a tidy sheet (municipality, industry, year, employment). Nothing
    is stored. A refused file exits 2 with every problem on standard error.

    Example: klyngeradar specialisation RAS300.csv --region 1081 --format text
    """
    from klyngeradar.core.specialisation.employment import read_employment
    from klyngeradar.core.specialisation.mapping import default_mapping, read_mapping
    from klyngeradar.core.specialisation.quotients import compute

    # Both files are read before either is refused, so that every problem is named at once.
    problems = []
    employment = mapping = None
    try:
        employment = read_employment(file, year=year)
    except InputError as exc:
        problems += exc.problems
    try:
        mapping = read_mapping(mapping_file) if mapping_file else default_mapping()
    except InputError as exc:
        problems += exc.problems
    if problems:
        raise InputError(problems)
    result = compute(employment, mapping, region=region)
    for warning in result.warnings:
        click.echo(f"warning: {warning.text(lang if output_format == 'text' else 'en')}", err=True)
    if output_format == "json":
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(summary(result, lang))


def summary(result, lang: str = "da") -> str:
    """The areas by LQ (the region's, else none) with their municipalities, for people."""
    from klyngeradar.core.registry.reference import reference_areas
    from klyngeradar.core.specialisation.quotients import (
        ALL_MUNICIPALITIES,
        format_decimal,
        format_employment,
    )

    words = _WORDS[lang]
    names = {area.slug: area.name for area in reference_areas()}
    municipality = {m.code: m.name for m in geography.municipalities()}
    place = geography.region(result.region).name if result.region else words["all"]
    lines = [words["title"].format(year=result.year, place=place), "", words["head"]]
    ranked = result.by_region_lq() if result.region else ()
    rest = [a for a in result.areas if a not in ranked]
    for area in (*ranked, *rest):
        figure = area.region
        if figure is None or figure.lq is None:
            lines.append(f"  {names.get(area.area, area.area)}: {words['unknown']}")
        else:
            lower = f"{words['lower']} " if figure.suppressed else ""
            lines.append(
                f"  {names.get(area.area, area.area)}: {format_decimal(figure.lq, 2, lang)}; "
                f"{lower}{format_employment(figure.employment, lang)}"
            )
        known = [(k, f) for k, f in area.municipalities.items() if f.lq is not None]
        known.sort(key=lambda item: (-item[1].lq, item[0]))
        shown = ", ".join(
            f"{municipality.get(k, k)} {format_decimal(f.lq, 2, lang)}{'*' if f.suppressed else ''}"
            for k, f in known[:5]
        )
        if shown:
            lines.append(f"    {words['mun']}: {shown}")
    n = result.municipalities_in_file
    base = words["base_all"] if n >= ALL_MUNICIPALITIES else words["base_some"].format(n=n)
    lines += ["", words["note"].format(base=base)]
    return "\n".join(lines)
