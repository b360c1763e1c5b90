"""Branded error pages: 400, 403, 404, 500 and a failed CSRF check, in Danish and English.

Each page names Klyngeradar, says what happened in the user's language and
leads back to the overview; none shows Django's bare English page, a library
message or a server path.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, override_settings
from django.urls import include, path

pytestmark = pytest.mark.django_db


def _boom(request):
    raise RuntimeError("/srv/klyngeradar/secret.py: library exploded")


def _denied(request):
    raise PermissionDenied


def _bad(request):
    raise SuspiciousOperation("bad host /srv/klyngeradar")


urlpatterns = [
    path("test/boom/", _boom),
    path("test/denied/", _denied),
    path("test/bad/", _bad),
    path("", include("klyngeradar.web.urls")),
]

CASES = [
    # (url, status, Danish heading, English heading)
    ("/test/boom/", 500, "Der opstod en fejl", "Something went wrong"),
    ("/test/denied/", 403, "Ingen adgang", "Access denied"),
    ("/test/bad/", 400, "Forespørgslen kan ikke bruges", "The request cannot be used"),
    ("/findes-ikke/", 404, "Siden findes ikke", "Page not found"),
]


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize(("lang", "column"), [("da", 2), ("en", 3)])
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_it_shows_a_branded_error_page_in_the_users_language(client, analyst, case, lang, column):
    client.raise_request_exception = False
    client.force_login(analyst)
    client.cookies["django_language"] = lang
    response = client.get(case[0])

    assert response.status_code == case[1]
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert case[column] in html
    assert "Klyngeradar" in html
    assert 'href="/"' in html  # back into the app
    assert "Server Error" not in html and "/srv/" not in html and "exploded" not in html


@pytest.mark.parametrize(
    ("lang", "heading"), [("da", "Formularen er udløbet"), ("en", "The form has expired")]
)
def test_it_explains_a_failed_csrf_check_and_leads_back(lang, heading):
    client = Client(enforce_csrf_checks=True)
    client.cookies["django_language"] = lang
    response = client.post("/konto/login/", {"login": "analyst", "password": "x"})

    assert response.status_code == 403
    html = response.content.decode()
    assert heading in html
    assert 'href="/"' in html
    assert "CSRF" not in html and "Forbidden" not in html
