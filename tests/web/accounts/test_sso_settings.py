"""Single sign-on: configured from the environment, refused in one line when incomplete."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db


def check(tmp_path, **extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"KLYNGERADAR_DATA_DIR": str(tmp_path), **extra}
    return subprocess.run(
        [sys.executable, "-m", "klyngeradar", "manage", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"KLYNGERADAR_OIDC_ISSUER": "https://login.example.dk"},
            "error: KLYNGERADAR_OIDC_CLIENT_ID must be set when KLYNGERADAR_OIDC_ISSUER is set",
        ),
        (
            {"KLYNGERADAR_OIDC_ISSUER": "login.example.dk"},
            "error: KLYNGERADAR_OIDC_ISSUER='login.example.dk' is not an http(s) URL",
        ),
    ],
)
def test_an_incomplete_sso_configuration_stops_the_app_in_one_line(tmp_path, extra, message):
    result = check(tmp_path, **extra)
    assert result.returncode != 0
    assert result.stderr.strip() == message


def test_the_login_page_shows_the_configured_sign_in_button(client, settings):
    assert "sso-login" not in client.get("/konto/login/").content.decode()
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "sso",
                    "name": "Log ind med Kommune-ID",
                    "client_id": "x",
                    "secret": "y",
                    "settings": {"server_url": "http://127.0.0.1:9"},
                }
            ]
        }
    }
    page = client.get("/konto/login/").content.decode()
    assert "Log ind med Kommune-ID" in page and 'action="/konto/oidc/sso/login/' in page


def test_an_unreachable_provider_gives_a_message_not_a_500(client, settings, caplog):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "sso",
                    "name": "SSO",
                    "client_id": "x",
                    "secret": "a-secret-that-must-not-be-logged",
                    "settings": {"server_url": "http://127.0.0.1:9"},
                }
            ]
        }
    }
    response = client.post("/konto/oidc/sso/login/", follow=True)
    assert response.status_code == 200
    assert "kan ikke nå login-tjenesten" in response.content.decode()
    assert "a-secret-that-must-not-be-logged" not in caplog.text
