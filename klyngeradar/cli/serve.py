"""``klyngeradar serve``: run the web app with gunicorn on a data directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click


def site_url(host: str, port: int, environ) -> str:
    """SITE_URL as set, else the address this server answers on (personal links use it)."""
    if environ.get("SITE_URL"):
        return environ["SITE_URL"]
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


@click.command()
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Data directory (default: $KLYNGERADAR_DATA_DIR or ./klyngeradar-data).",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True)
@click.option(
    "--jobs/--no-jobs",
    default=True,
    show_default=True,
    help="Start the worker for background jobs (large imports, whole documentation packages).",
)
def serve(data_dir: Path | None, port: int, host: str, workers: int, jobs: bool) -> None:
    """Serve the web app with gunicorn and print its address.

    A job worker runs beside it (one process polling the database's job table)
    and stops with it.

    Example: klyngeradar serve --data ./klyngeradar-demo --port 8000
    """
    from klyngeradar.web.bootstrap import SetupError, check_database, pending_migrations, setup

    # Links in e-mails and on the pages point to this server unless SITE_URL says otherwise.
    os.environ["SITE_URL"] = site_url(host, port, os.environ)
    setup(data_dir)
    check_database()
    pending = pending_migrations()
    if pending:
        raise SetupError(
            f"the database is not set up ({len(pending)} migrations to apply); "
            "run `klyngeradar demo` or `klyngeradar manage migrate` first"
        )
    shown_host = f"[{host}]" if ":" in host else host
    click.echo(f"Klyngeradar kører på http://{shown_host}:{port}/  (stop med Ctrl+C)")
    sys.stdout.flush()
    if jobs:
        # The worker stops by itself when this process (gunicorn, after the exec) is gone.
        subprocess.Popen(
            [sys.executable, "-m", "klyngeradar.web.jobs.worker", str(os.getpid())],
            env=dict(os.environ),
        )
    # Replace this process with gunicorn so that signals (Ctrl+C, SIGTERM) reach it directly.
    os.execv(
        sys.executable,
        [
            sys.executable,
            "-m",
            "gunicorn",
            "klyngeradar.web.wsgi:application",
            "--bind",
            f"{shown_host}:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "-",
            # The access log must not print the token of a personal link (/svar/<token>/).
            "--logger-class",
            "klyngeradar.web.serverlog.PersonalLinkLogger",
        ],
    )
