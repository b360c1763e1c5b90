"""Deadline day: 20 respondents and 2 analysts at once against `klyngeradar serve`, 0 errors.

A real gunicorn (the documented two workers) serves a fresh data directory on
the loopback interface; 20 respondents each open their link and save their
members section again and again while two analysts read the round and its
findings. Every answer must be a success (no 500, no "database is locked"),
and every respondent's last save must be what the database holds. Bounded:
22 clients, a fixed number of requests each, a timeout on everything.

It runs on SQLite always and, when ``DATABASE_URL`` points at PostgreSQL (the
CI's second run), on a scratch PostgreSQL database next to it.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.load

RESPONDENTS = 20
ANALYSTS = 2
SAVES = 8
READS = 15
ROOT = Path(__file__).resolve().parents[3]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args, env, timeout=180):
    return subprocess.run(
        [sys.executable, *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def database_env(request, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["KLYNGERADAR_DATA_DIR"] = str(tmp_path)
    if request.param == "sqlite":
        yield env
        return
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("DATABASE_URL does not point at PostgreSQL (the CI's PostgreSQL run has it)")
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = f"{parts.path.lstrip('/')}_load_{os.getpid()}"
    admin = parts._replace(scheme="postgresql").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    env["DATABASE_URL"] = parts._replace(path=f"/{name}").geturl()
    try:
        yield env
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def server(database_env, tmp_path):
    env = database_env
    run(["-m", "klyngeradar", "manage", "migrate", "--no-input"], env)
    site = json.loads(
        run(["-m", "tests.web.load.site", str(tmp_path), str(RESPONDENTS), str(ANALYSTS)], env)
        .stdout.strip()
        .splitlines()[-1]
    )
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "klyngeradar",
            "serve",
            "--data",
            str(tmp_path),
            "--port",
            str(port),
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(100):
            try:
                urllib.request.urlopen(base + "/konto/login/", timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        yield base, site
    finally:
        process.terminate()
        process.wait(timeout=20)
        process.stderr.close()


class Client:
    """One browser: its own cookies, following redirects, recording every failure."""

    def __init__(self, base: str, failures: list[str]):
        self.base = base
        self.failures = failures
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path: str, data: dict | None = None) -> str:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        headers = {"Referer": self.base + path} if data is not None else {}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.read().decode()
        except urllib.error.HTTPError as exc:
            self.failures.append(f"{exc.code} {data and 'POST'} {path[:40]}")
        except OSError as exc:
            self.failures.append(f"{exc!r} {path[:40]}")
        return ""


def respondent(base: str, link: str, failures: list[str], last: dict) -> None:
    client = Client(base, failures)
    client.request(link)
    section = link + "afsnit/members/"
    page = client.request(section)
    for number in range(1, SAVES + 1):
        token = CSRF.search(page)
        if token is None:
            failures.append(f"no form at {section[:40]}")
            return
        page = client.request(
            section,
            {
                "csrfmiddlewaretoken": token.group(1),
                "shown": ["members.national", "members.region", "members.region_50plus"],
                "members__national": str(100 + number),
                "members__national__basis": "counted",
                "members__region": str(number),
                "members__region__basis": "estimated",
                "go": "stay",
            },
        )
        last[link] = 100 + number


def analyst(base: str, session: str, pages: list[str], failures: list[str]) -> None:
    client = Client(base, failures)
    client.jar.set_cookie(
        http.cookiejar.Cookie(
            0,
            "sessionid",
            session,
            None,
            False,
            "127.0.0.1",
            False,
            False,
            "/",
            True,
            False,
            None,
            False,
            None,
            None,
            {},
        )
    )
    for number in range(READS):
        client.request(pages[number % len(pages)])


def test_it_serves_twenty_respondents_and_two_analysts_at_once_without_an_error(
    server, database_env, tmp_path
):
    base, site = server
    failures: list[str] = []
    last: dict[str, int] = {}
    threads = [
        threading.Thread(target=respondent, args=(base, link, failures, last))
        for link in site["links"]
    ] + [
        threading.Thread(target=analyst, args=(base, session, site["pages"], failures))
        for session in site["sessions"]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads), "clients still running after 5 min"
    assert failures == []
    assert len(last) == RESPONDENTS and set(last.values()) == {100 + SAVES}
    stored = run(
        [
            "-m",
            "klyngeradar",
            "manage",
            "shell",
            "--no-imports",
            "-c",
            "from klyngeradar.web.surveys.models import Response; "
            f"print(sorted(r.answers.get('members.national') for r in "
            f"Response.objects.filter(round_id={site['round']})))",
        ],
        database_env,
    )
    assert stored.stdout.strip() == str([100 + SAVES] * RESPONDENTS)
