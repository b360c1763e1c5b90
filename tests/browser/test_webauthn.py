"""In a real browser: an analyst adds a security key (WebAuthn) and signs in with it.

Chromium's virtual authenticator (DevTools protocol, ``WebAuthn`` domain) plays
the key: it creates a real credential on the add page and signs the real
challenge at login, so allauth's verification runs end to end.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"


def with_security_key(page):
    """Attach a virtual platform authenticator that says yes; return the session and its id."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    return cdp, added["authenticatorId"]


def log_in(page, base: str) -> None:
    page.goto(f"{base}/konto/login/")
    page.get_by_label("Brugernavn eller e-mail").fill("analyst")
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()


def test_an_analyst_adds_a_security_key_and_signs_in_with_it(browser, live_server, analyst):
    from allauth.mfa.models import Authenticator

    base = live_server.url
    assert base.startswith("http://localhost:")  # WebAuthn needs a domain, not an IP address
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # A failed load (the browser's favicon request) is not a script error.
    page.on(
        "console",
        lambda msg: (
            errors.append(msg.text)
            if msg.type == "error" and not msg.text.startswith("Failed to load resource")
            else None
        ),
    )
    cdp, authenticator = with_security_key(page)

    log_in(page, base)
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/konto/2fa/webauthn/add/")
    if "/reauthenticate/" in page.url:
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("input[name=password]").press("Enter")
        page.wait_for_url(lambda url: "/reauthenticate/" not in url)
    page.locator("input[name=name]").fill("Nøglen på kontoret")
    page.locator("#mfa_webauthn_add").click()
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)
    key = Authenticator.objects.get(user=analyst, type=Authenticator.Type.WEBAUTHN)
    assert key.wrap().name == "Nøglen på kontoret"
    assert (
        len(cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"])
        == 1
    )

    # A new session: the password alone is not enough, the key completes the login.
    context.clear_cookies()
    log_in(page, base)
    page.wait_for_url(lambda url: "/2fa/authenticate/" in url)
    page.locator("#mfa_webauthn_authenticate").click()
    page.wait_for_url(f"{base}/")
    assert page.get_by_role("button", name="Log ud").is_visible()
    key.refresh_from_db()
    assert key.last_used_at is not None
    assert errors == []
    context.close()
