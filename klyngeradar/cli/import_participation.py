"""``klyngeradar import-participation``: import a participation list too large to upload."""

from __future__ import annotations

from pathlib import Path

import click

from klyngeradar.core.problems import InputError, Problem


@click.command("import-participation")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--organisation", "slug", required=True, help="The organisation's short name.")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Data directory (default: $KLYNGERADAR_DATA_DIR or ./klyngeradar-data).",
)
@click.option(
    "--on-repeat",
    type=click.Choice(["refuse", "replace", "skip"]),
    default="refuse",
    show_default=True,
    help="What to do when exactly the same rows were imported before.",
)
def import_participation(file: Path, slug: str, data_dir: Path | None, on_repeat: str) -> None:
    """Read, check and store a participation list (.csv or .xlsx): all rows or none.

    The same checks as the web import; every problem is printed and nothing is
    stored (exit 2). A list with exactly the rows of an earlier import is
    refused unless --on-repeat replace or skip says otherwise.

    Example: klyngeradar import-participation deltagere-2025.csv --organisation brn --data ./data
    """
    from klyngeradar.web.bootstrap import SetupError, check_database, pending_migrations, setup

    setup(data_dir)
    check_database()
    if pending_migrations():
        raise SetupError("the database is not set up; run `klyngeradar manage migrate` first")

    from klyngeradar.core.agreements.participation import read_participation
    from klyngeradar.core.numbers import format_int
    from klyngeradar.web.accounts.models import Organisation
    from klyngeradar.web.agreements.imports import earlier_imports, store_participation
    from klyngeradar.web.registry.models import Actor, Cluster

    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        known = ", ".join(Organisation.objects.values_list("slug", flat=True)) or "ingen"
        raise click.UsageError(f"no organisation {slug!r} (known: {known})")
    click.echo(f"Læser {file.name} …", err=True)
    rows = read_participation(
        file,
        clusters=set(Cluster.objects.values_list("slug", flat=True)),
        actors=set(Actor.objects.values_list("slug", flat=True)),
    )
    earlier = earlier_imports(organisation, rows)
    if earlier and on_repeat == "skip":
        click.echo(f"{file.name}: sprunget over, de samme rækker er importeret før.")
        return
    if earlier and on_repeat == "refuse":
        raise InputError(
            [
                Problem(
                    f"has exactly the same rows as the import {earlier[0].filename}; "
                    "use --on-repeat replace or skip",
                    file=file.name,
                    reason_da=f"har præcis de samme rækker som importen {earlier[0].filename}; "
                    "brug --on-repeat replace eller skip",
                )
            ]
        )

    def progress(done: int, total: int) -> None:
        click.echo(f"  {format_int(done)} af {format_int(total)} rækker gemt", err=True)

    batch = store_participation(organisation, file.name, rows, replace=earlier, progress=progress)
    click.echo(f"{file.name}: {format_int(batch.row_count)} rækker importeret.")
