"""Login throttling per account, the admin locked to its purpose, refusals logged in one line."""

from __future__ import annotations

import logging

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def login(client, username: str, password: str, ip: str = "10.0.0.1"):
    return client.post("/konto/login/", {"login": username, "password": password}, REMOTE_ADDR=ip)


def test_it_throttles_failed_logins_per_account(client, analyst):
    for _ in range(5):
        assert login(client, "analyst", "wrong").status_code == 200
    # The sixth attempt within five minutes is refused even with the right password.
    refused = login(client, "analyst", "correct horse battery")
    assert refused.status_code == 429 or "_auth_user_id" not in client.session


def test_one_persons_failures_do_not_lock_out_a_colleague_on_the_same_address(
    client, analyst, viewer
):
    for _ in range(8):
        login(client, "analyst", "wrong")
    response = login(client, "viewer", "correct horse battery")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(viewer.pk)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/surveys/response/",
        "/admin/surveys/round/",
        "/admin/agreements/agreement/",
        "/admin/reports/reporttemplate/",
        "/admin/accounts/membership/",
        "/admin/auth/user/",
    ],
)
def test_an_analyst_cannot_open_the_admin_pages_the_index_hides(client, analyst, path):
    analyst.is_staff = True
    analyst.save()
    client.force_login(analyst)
    assert client.get(path).status_code == 403
    index = client.get("/admin/").content.decode()
    assert f'href="{path}"' not in index


def test_an_analyst_keeps_the_registry_in_the_admin_and_an_administrator_everything(
    client, analyst, admin_user
):
    analyst.is_staff = True
    analyst.save()
    client.force_login(analyst)
    assert client.get("/admin/registry/cluster/").status_code == 200
    client.force_login(admin_user)
    for path in ("/admin/surveys/response/", "/admin/agreements/agreement/", "/admin/auth/user/"):
        assert client.get(path).status_code == 200, path


def test_the_admin_login_is_the_apps_login(client, respondent_a):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
    client.force_login(respondent_a)
    assert client.get("/admin/login/?next=/admin/").status_code == 403
    assert client.post("/admin/login/", {"username": "x", "password": "y"}).status_code == 403


def test_a_refusal_is_logged_in_one_line_without_a_traceback(client, viewer, caplog):
    from klyngeradar.web.requestlog import RefusalsWithoutTraceback

    client.force_login(viewer)
    logger = logging.getLogger("django.request")
    # The settings attach the filter to Django's request logger.
    assert any(isinstance(f, RefusalsWithoutTraceback) for f in logger.filters)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.post("/runder/ny/", {})
    assert response.status_code == 403
    records = [r for r in caplog.records if r.name == "django.request"]
    assert records and all(r.exc_info is None for r in records)
    assert "Forbidden" in records[0].getMessage()
