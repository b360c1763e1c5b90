"""``klyngeradar manage``: Django's management commands, on the chosen data directory."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Data directory (default: $KLYNGERADAR_DATA_DIR or ./klyngeradar-data).",
)
@click.option(
    "--create",
    is_flag=True,
    help="Create the --data directory when it does not exist (a new, empty installation).",
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(data_dir: Path | None, create: bool, args: tuple[str, ...]) -> None:
    """Run a Django management command, e.g. ``klyngeradar manage createsuperuser``.

    A --data directory that does not exist is refused (a typo would otherwise
    start an empty database with a new secret key) unless --create is given.

    Example: klyngeradar manage --data ./klyngeradar-demo load_reference
    """
    from klyngeradar.core.problems import InputError, Problem
    from klyngeradar.web.bootstrap import setup

    if data_dir is not None and not data_dir.exists() and not create:
        raise InputError(
            [
                Problem(
                    "is not a data directory (it does not exist); check the path, "
                    "or add --create to start a new installation there",
                    file=str(data_dir),
                )
            ]
        )

    setup(data_dir)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["klyngeradar manage", *(args or ("help",))])
