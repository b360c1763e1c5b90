"""In a real browser: the analyst logs in on the Danish login page and sees the clusters."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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
