"""No log line carries a personal link's token: gunicorn's access/error log and Django's log."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import timedelta
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from klyngeradar.web.serverlog import PersonalLinkLogger, RedactPersonalLinks, redact

TOKEN = "Qk9HVVMtdG9rZW4tdGhhdC1tdXN0LW5ldmVyLWJlLWxvZ2dlZA"


@pytest.mark.parametrize(
    ("logged", "shown"),
    [
        (f"/svar/{TOKEN}/", "/svar/…/"),
        (
            f"GET /svar/{TOKEN}/afsnit/members/?x=1 HTTP/1.1",
            "GET /svar/…/afsnit/members/?x=1 HTTP/1.1",
        ),
        (f"https://klyngeradar.example.dk/svar/{TOKEN}", "https://klyngeradar.example.dk/svar/…"),
        (f"Not Found: /svar/{TOKEN}/oversigt/", "Not Found: /svar/…/oversigt/"),
        (f"/%73var/{TOKEN}/", "/svar/…/"),
        (f"/konto/login/?next=%2Fsvar%2F{TOKEN}%2F", "/konto/login/?next=/svar/…/"),
        (f"/SVAR/{TOKEN}/", "/SVAR/…/"),
        ("/runder/3/klynger/7/", "/runder/3/klynger/7/"),
        ("/runder/%C3%A6/", "/runder/%C3%A6/"),
    ],
)
def test_it_redacts_the_token_of_every_personal_link(logged, shown):
    assert redact(logged) == shown


def gunicorn_logger() -> PersonalLinkLogger:
    cfg = Config()
    cfg.set("accesslog", "-")
    cfg.set("logger_class", "klyngeradar.web.serverlog.PersonalLinkLogger")
    return cfg.logger_class(cfg)


def test_gunicorn_is_told_to_use_the_redacting_logger():
    assert isinstance(gunicorn_logger(), PersonalLinkLogger)


def test_the_access_log_atoms_never_hold_the_token():
    path = f"/svar/{TOKEN}/afsnit/members/"
    environ = {
        "REQUEST_METHOD": "POST",
        "RAW_URI": path,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": f"https://klyngeradar.example.dk/svar/{TOKEN}/",
        "HTTP_USER_AGENT": "Mozilla/5.0",
    }
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"]), ("HOST", "x")])
    response = SimpleNamespace(status="302 Found", sent=0, headers=[("Location", path)])

    atoms = gunicorn_logger().atoms(response, request, environ, timedelta(milliseconds=5))

    assert atoms["r"] == "POST /svar/…/afsnit/members/ HTTP/1.1"
    assert atoms["U"] == "/svar/…/afsnit/members/"
    assert atoms["f"] == "https://klyngeradar.example.dk/svar/…/"
    assert atoms["{referer}i"] == "https://klyngeradar.example.dk/svar/…/"
    assert atoms["{location}o"] == "/svar/…/afsnit/members/"
    assert atoms["s"] == "302"
    assert not [key for key, value in atoms.items() if TOKEN in str(value)]


def test_the_gunicorn_error_log_redacts_the_token(caplog):
    logger = gunicorn_logger()
    logger.error_log.addHandler(caplog.handler)
    try:
        logger.error("Error handling request %s", f"/svar/{TOKEN}/")
    finally:
        logger.error_log.removeHandler(caplog.handler)
    assert [r.getMessage() for r in caplog.records] == ["Error handling request /svar/…/"]


@pytest.mark.django_db
def test_a_404_for_a_dead_link_is_logged_without_its_token(client, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(f"/svar/{TOKEN}/", HTTP_REFERER=f"http://testserver/svar/{TOKEN}/")

    assert response.status_code == 404
    messages = [r.getMessage() for r in caplog.records if r.name == "django.request"]
    assert messages == ["Not Found: /svar/…/"]
    assert TOKEN not in caplog.text


def test_the_development_server_log_redacts_the_token(caplog):
    server = logging.getLogger("django.server")
    server.addHandler(caplog.handler)
    try:
        server.info('"%s" %s %s', f"GET /svar/{TOKEN}/ HTTP/1.1", "404", "1234")
    finally:
        server.removeHandler(caplog.handler)
    assert [r.getMessage() for r in caplog.records] == ['"GET /svar/…/ HTTP/1.1" 404 1234']


@pytest.mark.parametrize("name", ["django.security.csrf", "klyngeradar.web.surveys", "py.warnings"])
def test_the_console_handler_redacts_what_any_logger_sends_it(name):
    handlers = [h for h in logging.getLogger().handlers if _redacts(h)]
    assert handlers, "the root logger's console handler has no redacting filter"
    record = logging.LogRecord(
        name, logging.WARNING, __file__, 1, "Forbidden (%s): %s", ("CSRF", f"/svar/{TOKEN}/"), None
    )
    assert all(handler.filter(record) for handler in handlers)
    assert record.getMessage() == "Forbidden (CSRF): /svar/…/"


def test_a_traceback_that_names_the_token_is_redacted():
    try:
        raise ValueError(f"no invitation for /svar/{TOKEN}/")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom", (), sys.exc_info())
    RedactPersonalLinks().filter(record)
    text = logging.Formatter().format(record)
    assert "no invitation for /svar/…/" in text
    assert TOKEN not in text


def _redacts(handler: logging.Handler) -> bool:
    return any(isinstance(f, RedactPersonalLinks) for f in handler.filters)


# -- klyngeradar serve, for real ---------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cli(*args: str) -> tuple[list[str], dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["LOG_LEVEL"] = "WARNING"
    return [sys.executable, "-m", "klyngeradar", *args], env


def get(url: str, **headers: str) -> int:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_served_personal_link_does_not_print_its_token(tmp_path):
    command, env = cli("manage", "--data", str(tmp_path), "migrate", "--no-input")
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
    port = free_port()
    command, env = cli("serve", "--data", str(tmp_path), "--port", str(port), "--workers", "1")
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        server.stdout.readline()
        status = None
        for _attempt in range(50):
            try:
                status = get(f"{base}/svar/{TOKEN}/", Referer=f"{base}/svar/{TOKEN}/afsnit/a/")
                break
            except OSError:
                time.sleep(0.2)
        assert status == 404
        time.sleep(0.3)  # let gunicorn write the access line
    finally:
        server.terminate()
        out, err = server.communicate(timeout=10)
    logged = out.decode() + err.decode()
    assert "GET /svar/…/ HTTP/1.1" in logged  # the access log line, redacted
    assert "Not Found: /svar/…/" in logged  # Django's own warning, redacted
    assert TOKEN not in logged
