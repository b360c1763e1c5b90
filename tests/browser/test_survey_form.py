"""In a real browser: a respondent walks the whole form through the personal link.

Including a follow-up question that appears (htmx), a validation error, a
resume (the page is closed and the link opened again) and the submission.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Set KLYNGERADAR_SCREENSHOTS=DIR to keep the screenshots (laptop and phone width) for a look.
SCREENSHOTS = os.environ.get("KLYNGERADAR_SCREENSHOTS")
WIDTHS = {"laptop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def personal_link(organisation, cluster_a):
    from klyngeradar.core.registry.geography import municipalities_in
    from klyngeradar.web.registry.models import Municipality
    from klyngeradar.web.surveys.invitations import invite
    from klyngeradar.web.surveys.models import Round

    for m in municipalities_in("1081"):
        Municipality.objects.create(code=m.code, name=m.name, region=organisation.region)
    round = Round.objects.create(
        organisation=organisation,
        region=organisation.region,
        title="Klyngernes engagement i Nordjylland 2025",
        since=date(2024, 1, 1),
        deadline=date(2031, 3, 15),
        actors=[{"slug": "brn", "name": "BRN"}, {"slug": "aau", "name": "Aalborg Universitet"}],
        efforts=[{"slug": "digitalisering", "name": "Digitalisering og nye teknologier"}],
    )
    link = invite(round, cluster_a, ["kontakt@klynge-a.dk"]).link
    return "/" + link.split("/", 3)[3]


def screenshot(page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)


def next_section(page) -> None:
    page.get_by_role("button", name="Gem og gå videre").click()
    page.wait_for_load_state()


def test_a_respondent_fills_in_half_comes_back_through_the_link_and_submits(
    browser,  # noqa: F811
    live_server,
    personal_link,
    cluster_a,
):
    from klyngeradar.web.surveys.models import Response

    url = live_server.url + personal_link
    page = browser.new_page(locale="en-GB", viewport=WIDTHS["laptop"])
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == "da"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Klyngernes engagement i Nordjylland 2025"
    )
    page.get_by_role("link", name="Start").click()

    # A. Presence: choosing "another actor" brings up "which actor?" without a reload.
    assert page.get_by_text("Afsnit 1 af 8").is_visible()
    page.get_by_label("Samlokation med anden aktør").check()
    page.get_by_label("Hvilken aktør?").fill("Green Hub Denmark")
    page.get_by_label("Aalborg").check()
    page.get_by_label("Hjørring").check()
    page.get_by_role("group", name="Planlægger klyngen").get_by_label("Måske").check()
    screenshot(page, "survey-section-laptop")
    next_section(page)

    # B. Partners.
    page.get_by_label("Aalborg Universitet").check()
    next_section(page)

    # C. Members, with a mistake: "ca. 40" is not a whole number.
    members = page.locator("#q-members__national")
    members.get_by_label("Antal virksomhedsmedlemmer i alt").fill("1.740")
    members.get_by_label("Opgjort").check()
    region = page.locator("#q-members__region")
    region.get_by_label("Heraf med adresse i regionen").fill("ca. 40")
    region.get_by_label("Skønnet").check()
    next_section(page)

    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert "Skriv et helt tal uden decimaler" in summary.inner_text()
    field = page.get_by_label("Heraf med adresse i regionen")
    assert field.get_attribute("aria-invalid") == "true"
    assert "members__region-error" in field.get_attribute("aria-describedby")
    page.set_viewport_size(WIDTHS["phone"])
    screenshot(page, "survey-error-phone")
    page.set_viewport_size(WIDTHS["laptop"])

    # The browser is closed; the respondent comes back through the same link.
    page.close()
    page = browser.new_page(locale="da-DK", viewport=WIDTHS["phone"])
    page.goto(url)
    assert page.get_by_role("link", name="Fortsæt").is_visible()
    screenshot(page, "survey-start-phone")
    page.get_by_role("link", name="Medlemmer").click()
    assert page.get_by_label("Antal virksomhedsmedlemmer i alt").input_value() == "1740"
    page.get_by_label("Heraf med adresse i regionen").fill("40")
    page.locator("#q-members__region").get_by_label("Skønnet").check()
    page.get_by_role("link", name="Tilstedeværelse").count()  # the sections stay reachable
    next_section(page)

    # D–H: the rest, leaving most unanswered, then the summary.
    for _ in range(4):
        next_section(page)
    page.get_by_role("group", name="tættere dialog").get_by_label("Ja").check()
    page.get_by_role("button", name="Gem og se oversigten").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Oversigt før indsendelse"
    assert page.get_by_text("Green Hub Denmark").is_visible()
    assert page.get_by_text("1.740 (opgjort)").is_visible()
    screenshot(page, "survey-summary-phone")
    page.get_by_role("button", name="Indsend svarene").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Tak for svarene"
    response = Response.objects.get(cluster=cluster_a)
    assert response.status == "submitted"
    assert response.answers["members.region"] == 40
    assert response.answers["presence.municipalities"] == ["851", "860"]
    page.close()
