"""``klyngeradar backup`` / ``restore``: a round trip gives the same findings and documentation.

On SQLite always; on PostgreSQL when ``DATABASE_URL`` points at it (the CI's
second run), into two scratch databases next to it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.parse

import pytest
from openpyxl import load_workbook

FINDINGS = (
    "from klyngeradar.core.findings.rules import compute_findings; "
    "from klyngeradar.web.surveys.convert import round_data; "
    "from klyngeradar.web.surveys.models import Round; "
    "print([repr(compute_findings(round_data(r))) for r in Round.objects.order_by('pk')])"
)


def klyngeradar(*args, env, check=True):
    result = subprocess.run(
        [sys.executable, "-m", "klyngeradar", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def sqlite_env():
    return {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY")}


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    klyngeradar("demo", "--out", out, env=sqlite_env())
    (out / "media" / "skabeloner").mkdir(parents=True, exist_ok=True)
    (out / "media" / "skabeloner" / "brn.pptx").write_bytes(b"en uploadet skabelon")
    return out


def facts(data_dir, env, tmp_path):
    """What the installation says: its findings, its documentation package, media and key."""
    findings = klyngeradar(
        "manage", "--data", data_dir, "shell", "--no-imports", "-c", FINDINGS, env=env
    ).stdout.strip()
    out = tmp_path / f"pakke-{data_dir.name}"
    klyngeradar("documentation", "--year", 2025, "--out", out, "--data", data_dir, env=env)
    book = load_workbook(out / "dokumentation-2025.xlsx")
    package = {sheet.title: [row for row in sheet.iter_rows(values_only=True)] for sheet in book}
    media = {
        str(p.relative_to(data_dir / "media")): p.read_bytes()
        for p in sorted((data_dir / "media").rglob("*"))
        if p.is_file()
    }
    return findings, package, media, (data_dir / "secret_key").read_text()


def test_it_round_trips_a_sqlite_installation(demo_dir, tmp_path):
    env = sqlite_env()
    backup = tmp_path / "klyngeradar.tar.gz"
    result = klyngeradar("backup", "--data", demo_dir, "--out", backup, env=env)
    assert "sqlite-database, 1 filer i media/, secret_key" in result.stdout

    restored = tmp_path / "gendannet"
    klyngeradar("restore", backup, "--data", restored, env=env)

    before, after = facts(demo_dir, env, tmp_path), facts(restored, env, tmp_path)
    assert "Findings(" in before[0]
    assert before == after


def test_it_refuses_to_restore_over_an_installation_with_data(demo_dir, tmp_path):
    env = sqlite_env()
    backup = tmp_path / "klyngeradar.tar.gz"
    klyngeradar("backup", "--data", demo_dir, "--out", backup, env=env)
    result = klyngeradar("restore", backup, "--data", demo_dir, env=env, check=False)
    assert result.returncode == 2
    assert "already holds a database" in result.stderr
    assert "--force" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def postgres_databases():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("DATABASE_URL does not point at PostgreSQL (the CI's PostgreSQL run has it)")
    import psycopg

    parts = urllib.parse.urlsplit(url)
    admin = parts._replace(scheme="postgresql").geturl()
    names = [f"{parts.path.lstrip('/')}_{what}_{os.getpid()}" for what in ("kilde", "kopi")]
    with psycopg.connect(admin, autocommit=True) as conn:
        for name in names:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    yield [parts._replace(path=f"/{name}").geturl() for name in names]
    with psycopg.connect(admin, autocommit=True) as conn:
        for name in names:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.database
def test_it_round_trips_a_postgresql_installation(demo_dir, tmp_path, postgres_databases):
    source_url, copy_url = postgres_databases
    source_dir, copy_dir = tmp_path / "kilde", tmp_path / "kopi"
    source_dir.mkdir()
    # The demo's data, moved into PostgreSQL with Django's own dump and load.
    dump = tmp_path / "demo.json"
    klyngeradar(
        "manage",
        "--data",
        demo_dir,
        "dumpdata",
        "--natural-foreign",
        "--exclude",
        "contenttypes",
        "--exclude",
        "auth.permission",
        "--output",
        dump,
        env=sqlite_env(),
    )
    source = {**sqlite_env(), "DATABASE_URL": source_url}
    klyngeradar("manage", "--data", source_dir, "migrate", "--no-input", env=source)
    klyngeradar("manage", "--data", source_dir, "loaddata", dump, env=source)
    (source_dir / "media").mkdir()
    (source_dir / "media" / "brn.pptx").write_bytes(b"en uploadet skabelon")

    backup = tmp_path / "klyngeradar.tar.gz"
    result = klyngeradar("backup", "--data", source_dir, "--out", backup, env=source)
    assert "postgresql-database" in result.stdout
    copy = {**sqlite_env(), "DATABASE_URL": copy_url}
    klyngeradar("restore", backup, "--data", copy_dir, env=copy)

    assert facts(source_dir, source, tmp_path) == facts(copy_dir, copy, tmp_path)
