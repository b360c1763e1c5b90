"""``klyngeradar restore``: put a backup made by ``klyngeradar backup`` back in place."""

from __future__ import annotations

from pathlib import Path

import click

from klyngeradar.cli.backup import DATA_HELP, refused, start


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), help=DATA_HELP
)
@click.option("--force", is_flag=True, help="Replace an installation that already has data.")
def restore(file: Path, data_dir: Path | None, force: bool) -> None:
    """Restore a backup made by ``klyngeradar backup`` into a data directory (and database).

    Example: klyngeradar restore klyngeradar-2026-12-01.tar.gz --data ./gendannet
    """
    from klyngeradar.web import backups

    start(data_dir, must_exist=False)
    try:
        manifest = backups.restore(file, force=force)
    except backups.BackupError as exc:
        raise refused(str(exc)) from None
    click.echo(
        f"{file}: gendannet ({manifest['database']}, {manifest['media_files']} filer i media/, "
        f"lavet {manifest['created']})"
    )
