"""In a real browser: the analyst logs in on the Danish login page and sees the clusters."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; CI must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); CI runs this test")
    # Playwright's sync API runs an event loop in this thread; Django's ORM then
    # refuses to work "in an async context" unless told it is safe here.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def test_the_analyst_logs_in_and_sees_the_cluster_list(
    browser, live_server, analyst, cluster_a, cluster_b
):
    page = browser.new_page(locale="en-GB")
    page.goto(f"{live_server.url}/klynger/")

    assert page.locator("html").get_attribute("lang") == "da"
    assert page.get_by_role("heading", level=1).inner_text() == "Log ind på Klyngeradar"
    page.get_by_label("Brugernavn eller e-mail").fill("analyst")
    page.get_by_label("Adgangskode").fill("correct horse battery")
    page.get_by_role("button", name="Log ind").click()

    page.wait_for_url(f"{live_server.url}/klynger/")
    assert page.get_by_role("heading", level=1).inner_text() == "Klynger"
    rows = page.locator("#cluster-rows tbody tr")
    assert rows.count() == 2
    assert page.get_by_role("link", name="Klynge A").is_visible()
    assert page.get_by_role("link", name="Klynge B").is_visible()
    page.close()
