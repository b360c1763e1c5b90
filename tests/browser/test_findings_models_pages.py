"""In a real browser: the analyst reads the findings (charts, drill-down) and sets a fit inline."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from waiting import wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Set KLYNGERADAR_SCREENSHOTS=DIR to keep the screenshots (laptop and phone width) for a look.
SCREENSHOTS = os.environ.get("KLYNGERADAR_SCREENSHOTS")
WIDTHS = {"laptop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def stored_round(organisation):
    from klyngeradar.web.strategy.demo import store_demo_strategy
    from klyngeradar.web.surveys.demo import create_demo_round

    store_demo_strategy(organisation)
    round, _links = create_demo_round(organisation, deadline=date(2031, 3, 1))
    return round


def log_in(page, url: str) -> None:
    page.goto(url)
    page.get_by_label("Brugernavn eller e-mail").fill("analyst")
    page.get_by_label("Adgangskode").fill("correct horse battery")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(url)


def screenshot(page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)


def test_the_analyst_reads_the_findings_and_sets_a_fit_inline(
    browser,  # noqa: F811
    live_server,
    analyst,
    stored_round,
):
    findings_url = f"{live_server.url}/runder/{stored_round.pk}/fund/"
    models_url = f"{live_server.url}/runder/{stored_round.pk}/samarbejdsmodeller/"
    page = browser.new_page(locale="da-DK", viewport=WIDTHS["laptop"])
    log_in(page, findings_url)

    assert page.get_by_role("heading", level=1).inner_text() == "Fund"
    figure = page.locator("#fund-participation_companies")
    assert figure.locator(".headline").inner_text() == "mindst 1.740"
    figure.locator(".chart svg").first.wait_for()
    assert page.locator(".chart svg").count() >= 10
    screenshot(page, "findings-laptop")

    wait_until(page, "document.readyState === 'complete' && window.htmx !== undefined")
    figure.get_by_role("link", name="Se svarene bag tallet").click()
    drilldown = page.locator("#detail-participation_companies table")
    drilldown.wait_for()
    assert page.url == findings_url  # swapped in place by htmx, no navigation
    assert drilldown.locator("tr[data-cluster='klynge-a']").inner_text().split("\t")[:3] == [
        "Klynge A",
        "Tæller med",
        "420",
    ]
    assert drilldown.locator("tr.outcome-no_response").count() == 1

    page.goto(models_url)
    wait_until(page, "document.readyState === 'complete' && window.htmx !== undefined")
    cell = page.locator("#cell-klynge-m-digitalisering")
    assert cell.locator(".score").inner_text() == "–"
    cell.get_by_role("link", name="Ret").click()
    cell.get_by_label("3 – stærk").check()
    cell.get_by_label("Note (hvorfor)").fill("Leder regionens dataprojekt")
    cell.get_by_role("button", name="Gem fit").click()

    cell = page.locator("#cell-klynge-m-digitalisering")
    cell.locator(".fit-3").wait_for()
    assert cell.locator(".score").inner_text() == "3"
    assert "sat af analytiker" in cell.inner_text()
    assert "Leder regionens dataprojekt" in cell.inner_text()
    assert page.url == models_url
    screenshot(page, "models-laptop")

    page.set_viewport_size(WIDTHS["phone"])
    page.goto(findings_url)
    page.locator(".chart svg").first.wait_for()
    screenshot(page, "findings-phone")
    page.goto(models_url)
    screenshot(page, "models-phone")
    page.close()
