"""Back up and restore an installation: its database, uploaded files (media/) and secret key.

A backup is one ``.tar.gz`` holding ``manifest.json``, the database and the
data directory's ``media/`` and ``secret_key``:

- SQLite: ``database.sqlite3``, a consistent copy made with SQLite's online
  backup API (the web app may keep running);
- PostgreSQL: ``database.pgdump``, made with ``pg_dump --format=custom``
  (postgresql-client must be installed; its major version must not be older
  than the server's) and restored with ``pg_restore --clean --if-exists``.

A backup restores into the same kind of database it came from. Restoring
refuses to overwrite an installation that has a database unless asked.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

FORMAT = 1
SQLITE_NAME = "database.sqlite3"
POSTGRES_NAME = "database.pgdump"


class BackupError(Exception):
    """A backup or restore cannot be done; a one-line reason."""


def engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"backups support SQLite and PostgreSQL, not {vendor}")
    return vendor


def backup(out: Path) -> dict:
    """Write the installation's backup to `out` (.tar.gz) and return its manifest."""
    from klyngeradar.render.atomic import replacing

    kind = engine()
    data_dir = Path(settings.DATA_DIR)
    manifest = {
        "format": FORMAT,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": kind,
        "media_files": 0,
        "secret_key": (data_dir / "secret_key").is_file(),
    }
    with tempfile.TemporaryDirectory(prefix="klyngeradar-backup-") as scratch:
        database = Path(scratch) / (SQLITE_NAME if kind == "sqlite" else POSTGRES_NAME)
        if kind == "sqlite":
            _sqlite_copy(Path(settings.DATABASES["default"]["NAME"]), database)
        else:
            _run(["pg_dump", "--format=custom", "--no-owner", f"--file={database}", _pg_url()])
        with replacing(out) as temporary, tarfile.open(temporary, "w:gz") as archive:
            archive.add(database, arcname=database.name)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                for path in sorted(media.rglob("*")):
                    if path.is_file():
                        archive.add(path, arcname=f"media/{path.relative_to(media)}")
                        manifest["media_files"] += 1
            if manifest["secret_key"]:
                archive.add(data_dir / "secret_key", arcname="secret_key")
            text = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(text)
            archive.addfile(info, io.BytesIO(text))
    return manifest


def restore(source: Path, *, force: bool = False) -> dict:
    """Restore the backup at `source` into the configured database and data directory."""
    kind = engine()
    data_dir = Path(settings.DATA_DIR)
    try:
        archive = tarfile.open(source, "r:gz")  # noqa: SIM115 - closed by the `with` below.
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"{source} is not a Klyngeradar backup ({exc})") from None
    with archive, tempfile.TemporaryDirectory(prefix="klyngeradar-restore-") as scratch:
        # The "data" filter refuses absolute paths, links out of the folder and devices.
        try:
            archive.extractall(scratch, filter="data")
        except (OSError, tarfile.TarError) as exc:
            raise BackupError(f"{source} cannot be unpacked ({exc})") from None
        unpacked = Path(scratch)
        manifest = _manifest(unpacked, source)
        if manifest["database"] != kind:
            raise BackupError(
                f"{source.name} is a {manifest['database']} backup; it restores into "
                f"{manifest['database']}, and this installation uses {kind}"
            )
        if kind == "sqlite":
            target = Path(settings.DATABASES["default"]["NAME"])
            if _has_tables() and not force:
                raise BackupError(
                    f"{target} already holds a database; restore into an empty data "
                    "directory, or add --force to replace it"
                )
            connection.close()
            _sqlite_copy(unpacked / SQLITE_NAME, target)
            for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
                leftover.unlink(missing_ok=True)
        else:
            if _has_tables() and not force:
                raise BackupError(
                    "the database already holds tables; restore into an empty database, "
                    "or add --force to replace its contents"
                )
            connection.close()
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    f"--dbname={_pg_url()}",
                    str(unpacked / POSTGRES_NAME),
                ]
            )
        media = Path(settings.MEDIA_ROOT)
        if (unpacked / "media").is_dir():
            if media.exists():
                shutil.rmtree(media)
            shutil.copytree(unpacked / "media", media)
        if manifest.get("secret_key") and (unpacked / "secret_key").is_file():
            key = data_dir / "secret_key"
            fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write((unpacked / "secret_key").read_bytes())
    return manifest


def _manifest(unpacked: Path, source: Path) -> dict:
    try:
        manifest = json.loads((unpacked / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError):
        raise BackupError(f"{source} is not a Klyngeradar backup (no manifest)") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{source} has backup format {manifest.get('format')}, not {FORMAT}")
    return manifest


def _sqlite_copy(source: Path, target: Path) -> None:
    """Copy a SQLite database consistently (the online backup API), even while it is in use."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    origin.close()
    copy.close()


def _pg_url() -> str:
    db = settings.DATABASES["default"]
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    at = "@" if user else ""
    return f"postgresql://{user}{password}{at}{host}{port}/{db['NAME']}"


def _has_tables() -> bool:
    return bool(connection.introspection.table_names())


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(
            f"{command[0]} is not installed (Debian: apt-get install postgresql-client)"
        )
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        first = (result.stderr.strip().splitlines() or ["no reason given"])[0]
        raise BackupError(f"{command[0]} failed: {first}")
