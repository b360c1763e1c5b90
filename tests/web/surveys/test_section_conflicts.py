"""Two sessions on one response section: the stale page never reverts the other's answer."""

from __future__ import annotations

import re

from django.test import Client

from klyngeradar.web.surveys.models import Response

MEMBERS = "afsnit/members/"
PARTICIPATION = "afsnit/participation/"


def version_on(page) -> str:
    return re.search(r'name="version" value="(\d+)"', page.content.decode()).group(1)


def members(national: str, version: str, go: str = "stay") -> dict:
    return {
        "shown": ["members.national", "members.region", "members.region_50plus"],
        "members__national": national,
        "members__national__basis": "counted",
        "version": version,
        "go": go,
    }


def test_it_refuses_a_stale_section_and_says_what_changed_keeping_what_was_typed(link_a, cluster_a):
    first, second = Client(), Client()
    stale = version_on(first.get(link_a + MEMBERS))
    fresh = version_on(second.get(link_a + MEMBERS))
    assert second.post(link_a + MEMBERS, members("120", fresh)).status_code == 302

    refused = first.post(link_a + MEMBERS, members("95", stale))

    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Afsnittet er blevet ændret af via personligt link" in html
    assert "Antal medlemmer i alt" in html or "»120«" in html
    assert "»120«" in html
    assert 'value="95"' in html  # What this person typed is still in the form.
    response = Response.objects.get(cluster=cluster_a)
    assert response.answers["members.national"] == 120

    # Saving again from the refreshed page overwrites knowingly.
    again = first.post(link_a + MEMBERS, members("95", version_on(refused)))
    assert again.status_code == 302
    assert Response.objects.get(cluster=cluster_a).answers["members.national"] == 95


def test_it_lets_a_stale_page_save_a_section_nobody_else_changed(link_a, cluster_a):
    first, second = Client(), Client()
    stale = version_on(first.get(link_a + MEMBERS))
    fresh = version_on(second.get(link_a + PARTICIPATION))
    second.post(
        link_a + PARTICIPATION,
        {
            "shown": ["participation.companies", "participation.persons"],
            "participation__companies": "40",
            "participation__companies__basis": "counted",
            "version": fresh,
            "go": "stay",
        },
    )

    assert first.post(link_a + MEMBERS, members("95", stale)).status_code == 302
    answers = Response.objects.get(cluster=cluster_a).answers
    assert answers["members.national"] == 95
    assert answers["participation.companies"] == 40
