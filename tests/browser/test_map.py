"""In a real browser: the North Jutland map on the findings page, the whole country a click away,
and a municipal officer who lands on their own municipality's page."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from waiting import wait_until

from klyngeradar.core.maps.geometry import ATTRIBUTION

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Set KLYNGERADAR_SCREENSHOTS=DIR to keep the screenshots for a look.
SCREENSHOTS = os.environ.get("KLYNGERADAR_SCREENSHOTS")


@pytest.fixture
def stored_round(organisation):
    from klyngeradar.core.registry.geography import municipalities_in
    from klyngeradar.web.registry.models import Municipality
    from klyngeradar.web.surveys.demo import create_demo_round

    for m in municipalities_in("1081"):
        Municipality.objects.create(code=m.code, name=m.name, region=organisation.region)
    round, _links = create_demo_round(organisation, deadline=date(2031, 3, 1))
    return round


def log_in(page, url: str, username: str, password: str) -> None:
    page.goto(url)
    page.get_by_label("Brugernavn eller e-mail").fill(username)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").click()


def screenshot(page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)


def _map_name(page) -> str:
    return page.evaluate(
        "echarts.getInstanceByDom(document.querySelector('.map-canvas')).getOption().series[0].map"
    )


def test_the_analyst_sees_the_region_and_then_the_whole_country(
    browser, live_server, analyst, stored_round
):
    url = f"{live_server.url}/runder/{stored_round.pk}/fund/"
    page = browser.new_page(locale="da-DK", viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, url, "analyst", "correct horse battery")
    page.wait_for_url(url)
    card = page.locator(".map-card")
    page.locator(".map-card[data-map-ready=true]").wait_for()
    # North Jutland's 11 municipalities, each one path or more (Læsø and the islands).
    assert card.locator(".map-canvas svg path").count() >= 11
    assert _map_name(page).startswith("klyngeradar-region-")
    assert card.get_by_text(ATTRIBUTION).is_visible()
    assert card.get_by_role("button", name="Region Nordjylland").get_attribute("aria-pressed") == (
        "true"
    )
    card.locator(".map-canvas").scroll_into_view_if_needed()
    screenshot(page, "map-findings-region")

    card.get_by_role("button", name="Hele landet").focus()
    page.keyboard.press("Enter")
    assert _map_name(page) == "klyngeradar-dk"
    assert card.locator(".map-canvas svg path").count() >= 98
    screenshot(page, "map-findings-country")

    card.get_by_role("button", name="Kommunale aftaler (surveyen)").click()
    assert card.locator("[data-map-notes=survey_agreements]").is_visible()
    assert not card.locator("[data-map-notes=presence]").is_visible()

    # The table alternative opens from the keyboard and has the same figure.
    summary = card.locator("[data-map-notes=survey_agreements] summary")
    summary.focus()
    page.keyboard.press("Enter")
    row = card.locator("[data-map-notes=survey_agreements] tr", has_text="Aalborg")
    assert row.locator("td.number").inner_text() == "3"
    assert not errors, errors
    page.close()


def test_a_municipal_officer_lands_on_their_municipality(browser, live_server, organisation):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership
    from klyngeradar.web.agreements.models import MunicipalAccess
    from klyngeradar.web.registry.models import Municipality

    aalborg = Municipality.objects.create(code="851", name="Aalborg", region=organisation.region)
    user = get_user_model().objects.create_user(username="kommune", password="kommunens kodeord")
    Membership.objects.create(user=user, role="viewer", organisation=organisation)
    MunicipalAccess.objects.create(user=user, municipality=aalborg)
    page = browser.new_page(locale="da-DK", viewport={"width": 1280, "height": 900})
    log_in(page, f"{live_server.url}/konto/login/", "kommune", "kommunens kodeord")
    page.wait_for_url(f"{live_server.url}/kommuner/851/")
    assert page.get_by_role("heading", level=1).inner_text() == "Aalborg Kommune"
    page.locator(".map-card[data-map-ready=true]").wait_for()
    screenshot(page, "map-municipality")
    page.close()


def test_the_agreements_map_follows_the_filter(browser, live_server, analyst, stored_round):
    from klyngeradar.web.agreements.models import Agreement
    from klyngeradar.web.registry.models import Cluster, Municipality

    for letter, code in (("a", "851"), ("b", "787")):
        cluster, slug = Cluster.objects.get(slug=f"klynge-{letter}"), f"aftale-{letter}"
        agreement = Agreement.objects.create(
            organisation=stored_round.organisation,
            cluster=cluster,
            slug=slug,
            title=f"Aftale {slug}",
            status="active",
            start=date(2024, 1, 1),
        )
        agreement.municipalities.set([Municipality.objects.get(code=code)])
    url = f"{live_server.url}/aftaler/"
    page = browser.new_page(locale="da-DK", viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, url, "analyst", "correct horse battery")
    page.wait_for_url(url)
    page.locator(".map-card[data-map-ready=true]").wait_for()
    page.get_by_label("Klynge", exact=True).select_option(label="Klynge B")
    wait_until(
        page, "document.querySelector('#agreement-rows caption').textContent.includes('1 aftale')"
    )
    page.locator(".map-card[data-map-ready=true]").wait_for()
    row = page.locator("[data-map-notes=agreements] tr", has_text="Thisted")
    # The table sits in a closed <details>: its text is there, not shown.
    assert row.locator("td.number").text_content() == "1"
    aalborg = page.locator("[data-map-notes=agreements] tr", has_text="Aalborg")
    assert aalborg.locator("td.number").text_content() == "0"
    assert page.locator(".map-canvas svg path").count() >= 11
    assert not errors, errors
    page.close()
