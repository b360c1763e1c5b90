"""Settings come only from the environment and fail loudly, in one line, when wrong."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from klyngeradar.web.environment import (
    SettingsError,
    database_config,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_required,
    local_secret_key,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("Yes", True), ("1", True), ("off", False), ("False", False), ("", None)],
)
def test_it_reads_yes_no_values(monkeypatch, value, expected):
    monkeypatch.setenv("KR_FLAG", value)
    assert env_bool("KR_FLAG", None) is expected


@pytest.mark.parametrize(
    ("reader", "value", "message"),
    [
        (
            lambda: env_bool("KR_X", False),
            "maybe",
            "KR_X='maybe' is not a yes/no value; use true or false",
        ),
        (lambda: env_int("KR_X", 1), "twelve", "KR_X='twelve' is not a whole number"),
        (lambda: env_choice("KR_X", ("a", "b"), "a"), "c", "KR_X='c' is not one of: a, b"),
        (lambda: env_required("KR_X", "in production"), "", "KR_X must be set in production"),
    ],
    ids=["bool", "int", "choice", "required"],
)
def test_it_fails_loudly_in_one_line(monkeypatch, reader, value, message):
    monkeypatch.setenv("KR_X", value)
    with pytest.raises(SettingsError) as failure:
        reader()
    assert str(failure.value) == message


def test_it_reads_comma_separated_lists(monkeypatch):
    monkeypatch.setenv("KR_HOSTS", " a.example , b.example,")
    assert env_list("KR_HOSTS", []) == ["a.example", "b.example"]


@pytest.mark.parametrize(
    "url",
    ["not a url", "mysqlx://host/db", "postgres://user:secret@host:5432/"],
    ids=["garbage", "unknown-scheme", "no-database-name"],
)
def test_it_refuses_a_bad_database_url_without_leaking_the_password(url):
    with pytest.raises(SettingsError) as failure:
        database_config(url)
    message = str(failure.value)
    assert message.startswith("DATABASE_URL")
    assert "\n" not in message
    assert "secret" not in message


def test_it_reads_postgres_and_sqlite_urls(tmp_path):
    assert database_config("postgres://postgres@127.0.0.1:5432/test")["NAME"] == "test"
    sqlite = database_config(f"sqlite:///{tmp_path}/k.sqlite3")
    assert sqlite["ENGINE"] == "django.db.backends.sqlite3"


def test_it_creates_a_private_secret_key_once(tmp_path):
    path = tmp_path / "data" / "secret_key"
    first = local_secret_key(path)
    assert len(first) >= 50
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert local_secret_key(path) == first


def run_cli(*args, env_extra, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY")}
    env.update(KLYNGERADAR_DATA_DIR=str(tmp_path), **env_extra)
    return subprocess.run(
        [sys.executable, "-m", "klyngeradar", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env_extra", "message"),
    [
        ({"KLYNGERADAR_ENV": "production"}, "error: SECRET_KEY must be set when KLYNGERADAR_ENV"),
        ({"DATABASE_URL": "nonsense://x"}, "error: DATABASE_URL is not a database URL"),
        ({"DEBUG": "perhaps"}, "error: DEBUG='perhaps' is not a yes/no value"),
    ],
    ids=["production-without-secret-key", "bad-database-url", "bad-debug"],
)
def test_the_cli_reports_bad_settings_in_one_line_without_a_traceback(tmp_path, env_extra, message):
    result = run_cli("manage", "check", env_extra=env_extra, tmp_path=tmp_path)
    assert result.returncode != 0
    assert result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_the_cli_reports_an_unreachable_database_in_one_line(tmp_path):
    result = run_cli(
        "serve",
        env_extra={"DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"},
        tmp_path=tmp_path,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: cannot connect to the database:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_env_example_lists_every_variable_the_settings_read():
    import re
    from pathlib import Path

    import klyngeradar.web.settings as settings_module

    source = Path(settings_module.__file__).read_text("utf-8")
    read = set(re.findall(r'env_[a-z]+\(\s*"([A-Z_]+)"', source))
    example = (Path(__file__).parents[2] / ".env.example").read_text("utf-8")
    listed = set(re.findall(r"^#?\s*([A-Z_]+)=", example, flags=re.MULTILINE))
    assert read - listed == set()
