"""``klyngeradar demo``: what it makes and what it prints (run as a real process)."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys

import pytest

LOGIN_LINE = re.compile(r"^(?P<user>[a-z-]+) / (?P<password>[A-Za-z0-9]{12,})$")
DEMO_USERS = ["analyst", "viewer", "respondent-a", "respondent-b", "admin", "kommune-aalborg"]


def run_demo(out):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, "-m", "klyngeradar", "demo", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    return out, run_demo(out)


def logins(stdout: str) -> dict[str, str]:
    found = {}
    for line in stdout.splitlines():
        if match := LOGIN_LINE.match(line):
            found[match["user"]] = match["password"]
    return found


def test_it_prints_the_logins_one_per_line(demo_run):
    _out, stdout = demo_run
    assert list(logins(stdout)) == DEMO_USERS


def test_it_tells_how_to_start_the_web_app(demo_run):
    out, stdout = demo_run
    assert f"klyngeradar serve --data {out}" in stdout
    assert "http://127.0.0.1:8000/" in stdout


def test_it_creates_the_database_with_the_demo_data(demo_run):
    out, _stdout = demo_run
    with sqlite3.connect(out / "klyngeradar.sqlite3") as db:
        fictitious = db.execute(
            "select slug, name from registry_cluster where fictitious order by slug"
        ).fetchall()
        organisation = db.execute(
            "select o.short_name, r.code from accounts_organisation o "
            "join registry_region r on r.id = o.region_id"
        ).fetchall()
        respondent = db.execute(
            "select c.slug from accounts_membership m join auth_user u on u.id = m.user_id "
            "join registry_cluster c on c.id = m.cluster_id where u.username = 'respondent-b'"
        ).fetchone()
    assert [slug for slug, _ in fictitious] == [f"klynge-{c}" for c in "abcdefghijklm"]
    assert fictitious[0][1] == "Klynge A"
    assert organisation == [("BRN", "1081")]
    assert respondent == ("klynge-b",)


def test_it_makes_kommune_aalborg_a_municipal_officer_for_aalborg(demo_run):
    out, stdout = demo_run
    with sqlite3.connect(out / "klyngeradar.sqlite3") as db:
        membership = db.execute(
            "select m.role, o.short_name, m.cluster_id, u.is_staff from accounts_membership m "
            "join auth_user u on u.id = m.user_id "
            "left join accounts_organisation o on o.id = m.organisation_id "
            "where u.username = 'kommune-aalborg'"
        ).fetchone()
        municipalities = db.execute(
            "select mu.code from agreements_municipalaccess a "
            "join auth_user u on u.id = a.user_id "
            "join registry_municipality mu on mu.id = a.municipality_id "
            "where u.username = 'kommune-aalborg'"
        ).fetchall()
    assert membership == ("viewer", "BRN", None, 0)
    assert municipalities == [("851",)]
    assert "kommune-aalborg ser kun de aftaler, Aalborg Kommune er part i" in stdout


def test_it_refreshes_an_existing_demo_with_new_passwords(tmp_path):
    first = logins(run_demo(tmp_path))
    second = logins(run_demo(tmp_path))
    assert list(second) == DEMO_USERS
    assert all(first[user] != second[user] for user in DEMO_USERS)
    with sqlite3.connect(tmp_path / "klyngeradar.sqlite3") as db:
        assert db.execute("select count(*) from registry_cluster where fictitious").fetchone() == (
            13,
        )
        assert db.execute("select count(*) from auth_user").fetchone() == (6,)
        assert db.execute("select count(*) from agreements_municipalaccess").fetchone() == (1,)


@pytest.mark.parametrize(
    ("argv0", "on_path", "expected"),
    [
        ("venv/bin/klyngeradar", False, "venv/bin/klyngeradar"),
        ("venv/bin/klyngeradar", True, "klyngeradar"),
        ("klyngeradar/__main__.py", True, "klyngeradar"),
        ("klyngeradar/__main__.py", False, "-m klyngeradar"),
    ],
)
def test_it_prints_a_serve_command_that_works_as_shown(
    tmp_path, monkeypatch, argv0, on_path, expected
):
    from klyngeradar.cli import demo

    script = tmp_path / argv0
    script.parent.mkdir(parents=True)
    script.write_text("")
    monkeypatch.setattr(sys, "argv", [str(script)])
    monkeypatch.setattr(demo.shutil, "which", lambda name: str(script) if on_path else None)
    command = demo._command()
    if expected.startswith("-m") or expected == "klyngeradar":
        assert command.endswith(expected)
    else:
        assert command == str(tmp_path / expected)


def test_it_has_two_north_jutland_rounds_and_a_deck_comparing_them(demo_run):
    from pptx import Presentation

    out, stdout = demo_run
    with sqlite3.connect(out / "klyngeradar.sqlite3") as db:
        rounds = db.execute("select year, status from surveys_round order by year").fetchall()
    assert rounds == [(2023, "open"), (2025, "closed")]
    assert (out / "svar-2025.xlsx").exists()
    deck = Presentation(str(out / "runde-2025" / "klyngesamarbejde.pptx"))
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert "Udvikling siden 2023" in titles
    assert "præsentation med udvikling siden 2023" in stdout


def test_it_uses_the_database_database_url_names_and_says_so(tmp_path):
    out, elsewhere = tmp_path / "demo", tmp_path / "server" / "andet.sqlite3"
    elsewhere.parent.mkdir()
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{elsewhere}")
    result = subprocess.run(
        [sys.executable, "-m", "klyngeradar", "demo", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )

    assert result.returncode == 0, result.stderr
    assert f"database: SQLite {elsewhere}" in result.stdout
    assert not (out / "klyngeradar.sqlite3").exists()
    assert (out / "secret_key").exists()
    with sqlite3.connect(elsewhere) as db:
        assert db.execute("select count(*) from agreements_agreement").fetchone()[0] > 0
