"""``klyngeradar backup``: the database, media/ and the secret key in one file."""

from __future__ import annotations

from pathlib import Path

import click

DATA_HELP = "Data directory (default: $KLYNGERADAR_DATA_DIR or ./klyngeradar-data)."


@click.command()
@click.option(
    "--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), help=DATA_HELP
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The backup file to write (.tar.gz).",
)
def backup(data_dir: Path | None, out: Path) -> None:
    """Back up the database, the uploaded files (media/) and the secret key into one file.

    Example: klyngeradar backup --data ./klyngeradar-demo --out klyngeradar-2026-12-01.tar.gz
    """
    from klyngeradar.web import backups

    start(data_dir, must_exist=True)
    try:
        manifest = backups.backup(out.expanduser())
    except backups.BackupError as exc:
        raise refused(str(exc)) from None
    click.echo(
        f"{out}: {manifest['database']}-database, {manifest['media_files']} filer i media/"
        + (", secret_key" if manifest["secret_key"] else "")
    )


def start(data_dir: Path | None, *, must_exist: bool) -> None:
    from klyngeradar.web.bootstrap import check_database, setup

    if must_exist and data_dir is not None and not data_dir.is_dir():
        raise refused(f"{data_dir} does not exist")
    setup(data_dir)
    check_database()


def refused(message: str) -> click.ClickException:
    """A one-line refusal that exits 2, like every refused input."""
    error = click.ClickException(message)
    error.exit_code = 2
    return error
