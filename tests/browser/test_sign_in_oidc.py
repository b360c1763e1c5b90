"""In a real browser, against a real OpenID Connect provider started by the test.

The provider is panva's certified `oidc-provider` on Node.js (tests/oidc, installed
with `npm ci` there; .ci/run does it). Each sign-in goes the whole way: the
login page's button, the redirect to the provider, its login and consent pages,
the callback with the authorisation code, the token exchange and the session.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HERE = Path(__file__).resolve().parents[1] / "oidc"
CLIENT_ID, CLIENT_SECRET = "klyngeradar-test", "a-test-secret-that-is-long-enough-0123456789"
ACCOUNTS = {
    "analyst": {"email": "analyst@example.org", "email_verified": True, "name": "Ana Lyst"},
    "new": {"email": "ny.medarbejder@kommune.dk", "email_verified": True, "name": "Ny"},
    "outsider": {"email": "someone@elsewhere.com", "email_verified": True, "name": "Ude"},
    "unverified": {"email": "viewer@example.org", "email_verified": False, "name": "Uverificeret"},
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oidc_provider(live_server, settings):
    node = shutil.which("node")
    if node is None or not (HERE / "node_modules" / "oidc-provider").is_dir():
        reason = "Node.js and `npm ci` in tests/oidc are needed for the OIDC provider"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    port = _free_port()
    issuer = f"http://127.0.0.1:{port}"
    callback = f"{live_server.url}/konto/oidc/sso/login/callback/"
    process = subprocess.Popen(
        [node, str(HERE / "provider.mjs"), str(port), CLIENT_ID, CLIENT_SECRET, callback],
        cwd=HERE,
        env={**os.environ, "OIDC_ACCOUNTS": json.dumps(ACCOUNTS)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{issuer}/.well-known/openid-configuration", timeout=2)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(process.stdout.read().decode()) from None
                time.sleep(0.2)
        settings.SOCIALACCOUNT_PROVIDERS = {
            "openid_connect": {
                "OAUTH_PKCE_ENABLED": True,
                "APPS": [
                    {
                        "provider_id": "sso",
                        "name": "Log ind med Kommune-ID",
                        "client_id": CLIENT_ID,
                        "secret": CLIENT_SECRET,
                        "settings": {
                            "server_url": issuer,
                            "token_auth_method": "client_secret_post",
                        },
                    }
                ],
            }
        }
        settings.OIDC_ALLOWED_DOMAINS = ["kommune.dk"]
        policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
        policy["DIRECTIVES"]["form-action"] = ["'self'", issuer]
        settings.CONTENT_SECURITY_POLICY = policy
        yield issuer
    finally:
        process.terminate()
        process.wait(timeout=10)


def sign_in(browser, base: str, login: str):
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    violations = []
    page.on(
        "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
    )
    page.goto(f"{base}/konto/login/")
    page.get_by_role("button", name="Log ind med Kommune-ID").click()
    # The provider's login page, then its consent page.
    page.wait_for_selector("input[name=login]")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", "any password")
    page.click("button[type=submit]")
    page.wait_for_selector("button[type=submit]")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: url.startswith(base))
    page.wait_for_load_state("load")
    assert violations == []
    return context, page


def test_it_signs_in_through_the_organisations_oidc_provider(
    browser, live_server, oidc_provider, analyst, viewer
):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    base = live_server.url

    # An existing account, matched by its verified e-mail address.
    context, page = sign_in(browser, base, "analyst")
    assert page.url == f"{base}/"
    assert "analyst" in page.locator(".user-tools").inner_text()
    page.goto(f"{base}/klynger/")
    assert page.get_by_role("heading", level=1).inner_text() == "Klynger"
    assert analyst.socialaccount_set.filter(provider="sso").exists()
    context.close()

    # Someone unknown from an allowed domain: an account without a role.
    context, page = sign_in(browser, base, "new")
    newcomer = User.objects.get(email="ny.medarbejder@kommune.dk")
    assert not hasattr(newcomer, "membership") or newcomer.membership is None
    context.close()

    # Someone from elsewhere is refused, and nothing is created.
    before = User.objects.count()
    context, page = sign_in(browser, base, "outsider")
    assert page.get_by_role("heading", level=1).inner_text() == "Lukket for nye konti"
    assert User.objects.count() == before
    assert not User.objects.filter(email="someone@elsewhere.com").exists()
    context.close()

    # An unverified address is never matched to the account that has it.
    context, page = sign_in(browser, base, "unverified")
    assert page.get_by_role("heading", level=1).inner_text() == "Lukket for nye konti"
    assert not viewer.socialaccount_set.exists()
    assert User.objects.count() == before
    context.close()
