"""Menus show only what the user may open: every menu link, as every persona, opens.

The main menu of the front page is read from the HTML as each persona sees it
and every link in it is followed; each must answer 200. The admin's title
speaks of Klyngeradar in Danish, not of the framework.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def municipal_officer(organisation):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership
    from klyngeradar.web.agreements.models import MunicipalAccess
    from klyngeradar.web.registry.models import Municipality

    aalborg = Municipality.objects.create(code="851", name="Aalborg", region=organisation.region)
    user = get_user_model().objects.create_user(username="kommune-aalborg", password="x" * 20)
    Membership.objects.create(user=user, role="viewer", organisation=organisation)
    MunicipalAccess.objects.create(user=user, municipality=aalborg)
    return user


def menu_links(html: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav class="main-nav"[^>]*>(.*?)</nav>', html, re.S)
    assert nav, "no main menu on the page"
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav.group(1))


PERSONAS = ("analyst", "viewer", "municipal_officer", "respondent_a", "respondent_b", "admin_user")
EXPECTED = {
    "analyst": [
        "Overblik",
        "Klynger",
        "Runder",
        "Aftaler",
        "Strategi",
        "Erhvervsstruktur",
        "Rapporter",
    ],
    "viewer": [
        "Overblik",
        "Klynger",
        "Runder",
        "Aftaler",
        "Strategi",
        "Erhvervsstruktur",
        "Rapporter",
    ],
    "municipal_officer": [
        "Overblik",
        "Klynger",
        "Runder",
        "Aftaler",
        "Strategi",
        "Erhvervsstruktur",
        "Rapporter",
    ],
    "respondent_a": ["Overblik", "Klynger", "Runder", "Aftaler"],
    "respondent_b": ["Overblik", "Klynger", "Runder", "Aftaler"],
    # The administrator without an organisation has no strategy to read.
    "admin_user": ["Overblik", "Klynger", "Runder", "Aftaler", "Rapporter"],
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_opens_every_menu_link_the_persona_is_shown(persona, request, client):
    client.force_login(request.getfixturevalue(persona))
    links = menu_links(client.get("/").content.decode())
    assert [label for _url, label in links] == EXPECTED[persona]
    for url, label in links:
        response = client.get(url)
        assert response.status_code == 200, f"{persona}: {label} ({url}) -> {response.status_code}"


def test_it_titles_the_admin_in_danish_without_the_frameworks_name(client, admin_user):
    client.force_login(admin_user)
    html = client.get("/admin/").content.decode()
    assert "Klyngeradar – administration" in html
    assert "Django" not in html
