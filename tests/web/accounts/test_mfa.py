"""MFA with real TOTP codes: required for analysts and administrators when switched on."""

from __future__ import annotations

from datetime import timedelta

import pyotp
import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def required(settings):
    settings.KLYNGERADAR_REQUIRE_MFA = True
    cache.clear()
    yield
    cache.clear()


def log_in(client, username: str):
    return client.post("/konto/login/", {"login": username, "password": PASSWORD})


def enrol(client) -> str:
    """Set up an authenticator app as the logged-in user; return its secret."""
    page = client.get("/konto/2fa/totp/activate/")
    if page.status_code == 302:  # allauth asks for the password again before a factor is added
        assert page["Location"].startswith("/konto/reauthenticate/")
        client.post("/konto/reauthenticate/", {"password": PASSWORD})
        page = client.get("/konto/2fa/totp/activate/")
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post("/konto/2fa/totp/activate/", {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302, response.content.decode()[:500]
    return secret


def test_an_analyst_must_set_up_mfa_before_any_page_and_then_can(client, analyst):
    from allauth.mfa.models import Authenticator

    assert log_in(client, "analyst").status_code == 302
    response = client.get("/klynger/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/2fa/totp/activate/?next=%2Fklynger%2F")
    # Not even the API-token page opens before the second factor is set up.
    assert client.get("/konto/api-noegler/").status_code == 302
    enrol(client)
    assert client.get("/klynger/").status_code == 200
    types = set(Authenticator.objects.filter(user=analyst).values_list("type", flat=True))
    assert types == {"totp", "recovery_codes"}


def test_a_viewer_is_not_forced_to_use_mfa(client, viewer):
    log_in(client, "viewer")
    assert client.get("/klynger/").status_code == 200


def test_without_the_setting_nobody_is_forced(client, analyst, settings):
    settings.KLYNGERADAR_REQUIRE_MFA = False
    log_in(client, "analyst")
    assert client.get("/klynger/").status_code == 200


def test_login_asks_for_a_code_refuses_a_wrong_or_replayed_one_and_takes_a_fresh_one(
    client, analyst
):
    log_in(client, "analyst")
    secret = enrol(client)
    client.post("/konto/logout/")

    response = log_in(client, "analyst")
    assert response["Location"] == "/konto/2fa/authenticate/"
    code = pyotp.TOTP(secret).now()
    wrong = client.post("/konto/2fa/authenticate/", {"code": "000000" if code != "000000" else "1"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    assert client.post("/konto/2fa/authenticate/", {"code": code}).status_code == 302
    assert client.session["_auth_user_id"] == str(analyst.pk)
    assert client.get("/klynger/").status_code == 200
    client.post("/konto/logout/")

    # The same code a second time (someone who saw it) is refused.
    log_in(client, "analyst")
    replayed = client.post("/konto/2fa/authenticate/", {"code": code})
    assert replayed.status_code == 200 and "_auth_user_id" not in client.session

    with time_machine.travel(timezone.now() + timedelta(seconds=31)):
        fresh = pyotp.TOTP(secret).now()
        assert fresh != code
        accepted = client.post("/konto/2fa/authenticate/", {"code": fresh})
        assert accepted.status_code == 302
        assert client.session["_auth_user_id"] == str(analyst.pk)


def test_a_recovery_code_logs_in_once(client, analyst):
    from allauth.mfa.models import Authenticator

    log_in(client, "analyst")
    enrol(client)
    client.post("/konto/logout/")
    codes = Authenticator.objects.get(user=analyst, type="recovery_codes").wrap()
    code = codes.get_unused_codes()[0]

    log_in(client, "analyst")
    assert client.post("/konto/2fa/authenticate/", {"code": code}).status_code == 302
    assert client.session["_auth_user_id"] == str(analyst.pk)
    client.post("/konto/logout/")
    log_in(client, "analyst")
    assert client.post("/konto/2fa/authenticate/", {"code": code}).status_code == 200
    assert "_auth_user_id" not in client.session


def test_an_administrator_resets_a_lost_factor_and_the_analyst_enrols_again(
    client, analyst, admin_user
):
    from allauth.mfa.models import Authenticator

    log_in(client, "analyst")
    enrol(client)
    client.post("/konto/logout/")
    totp = Authenticator.objects.get(user=analyst, type="totp")

    client.force_login(admin_user)
    enrol(client)  # the administrator needs a factor too
    response = client.post(f"/admin/mfa/authenticator/{totp.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=analyst, type="totp").exists()
    client.post("/konto/logout/")

    assert log_in(client, "analyst")["Location"] != "/konto/2fa/authenticate/"
    assert client.get("/klynger/")["Location"].startswith("/konto/2fa/totp/activate/")
