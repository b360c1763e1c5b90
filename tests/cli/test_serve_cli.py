"""``klyngeradar serve``: gunicorn on a data directory, and a clear refusal when it is empty."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cli(*args, **kwargs):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return [sys.executable, "-m", "klyngeradar", *args], env


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("served")
    command, env = cli("demo", "--out", str(out))
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
    return out


def test_it_serves_the_danish_login_page_with_gunicorn(demo_dir):
    port = free_port()
    command, env = cli("serve", "--data", str(demo_dir), "--port", str(port))
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        first_line = server.stdout.readline().decode()
        assert f"http://127.0.0.1:{port}/" in first_line
        page = None
        for _attempt in range(50):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    page = response.read().decode()
                    break
            except OSError:
                time.sleep(0.2)
        assert page is not None, "the server did not answer"
        assert '<html lang="da">' in page
        assert "Log ind på Klyngeradar" in page
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert b"gunicorn" in server.stderr.read().lower()


def test_it_refuses_an_empty_data_directory_in_one_line(tmp_path):
    command, env = cli("serve", "--data", str(tmp_path), "--port", str(free_port()))
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("error: the database is not set up")
    assert "klyngeradar demo" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("host", "port", "environ", "expected"),
    [
        ("127.0.0.1", 8123, {}, "http://127.0.0.1:8123"),
        ("0.0.0.0", 9000, {}, "http://127.0.0.1:9000"),
        ("::1", 8000, {}, "http://[::1]:8000"),
        ("127.0.0.1", 8123, {"SITE_URL": "https://klyngeradar.example.dk"}, None),
    ],
)
def test_it_derives_the_links_address_from_the_running_server(host, port, environ, expected):
    from klyngeradar.cli.serve import site_url

    assert site_url(host, port, environ) == (expected or environ["SITE_URL"])
