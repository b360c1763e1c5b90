"""Start Django from the command line: pick the data directory, then check the database.

The CLI calls `setup()` before anything imports Django's settings, so that
``--data DIR`` decides where the SQLite file and the secret key live. Problems
become `SetupError`s with a one-line message for the CLI to print.
"""

from __future__ import annotations

import os
from pathlib import Path


class SetupError(Exception):
    """The web app cannot start: a one-line reason an operator can act on."""


def setup(data_dir: Path | str | None = None, *, sqlite_in_data_dir: bool = False) -> None:
    """Configure and start Django for a CLI command.

    `data_dir` sets ``KLYNGERADAR_DATA_DIR``; `sqlite_in_data_dir` makes the
    database the SQLite file in it even when ``DATABASE_URL`` is set (the demo).
    """
    import django

    if data_dir is not None:
        data_dir = Path(data_dir).expanduser().resolve()
        os.environ["KLYNGERADAR_DATA_DIR"] = str(data_dir)
        if sqlite_in_data_dir:
            os.environ["DATABASE_URL"] = f"sqlite:///{data_dir / 'klyngeradar.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klyngeradar.web.settings")
    django.setup()


def check_database() -> None:
    """Connect once, so that a wrong or unreachable database fails now and in one line."""
    from django.db import DatabaseError, connection

    try:
        connection.ensure_connection()
    except DatabaseError as exc:
        first_line = (str(exc).strip().splitlines() or ["no reason given"])[0]
        raise SetupError(f"cannot connect to the database: {first_line}") from None


def pending_migrations() -> list[str]:
    """The names of migrations not yet applied to the database."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def database_label() -> str:
    """Which database Django uses, for printing: a SQLite file's path, or a server database's
    URL without its password."""
    from django.conf import settings

    config = settings.DATABASES["default"]
    if config["ENGINE"].endswith("sqlite3"):
        return f"SQLite {config['NAME']}"
    user = f"{config['USER']}@" if config.get("USER") else ""
    port = f":{config['PORT']}" if config.get("PORT") else ""
    vendor = "PostgreSQL" if "postgres" in config["ENGINE"] else config["ENGINE"].rsplit(".", 1)[-1]
    return (
        f"{vendor} {user}{config.get('HOST') or 'localhost'}{port}/{config['NAME']} (DATABASE_URL)"
    )
