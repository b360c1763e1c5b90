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
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(data_dir: Path | None, args: tuple[str, ...]) -> None:
    """Run a Django management command, e.g. ``klyngeradar manage createsuperuser``.

    Example: klyngeradar manage --data ./klyngeradar-demo load_reference
    """
    from klyngeradar.web.bootstrap import setup

    setup(data_dir)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["klyngeradar manage", *(args or ("help",))])
