"""In a real browser without JavaScript: the analyst writes next steps and pins a cluster."""

from __future__ import annotations

import os
from datetime import date

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def stored_round(organisation, region):
    from klyngeradar.web.surveys.demo import create_demo_round

    round, _links = create_demo_round(organisation, deadline=date(2023, 10, 15))
    return round


def log_in(browser, live_server, path):
    context = browser.new_context(locale="da-DK", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}{path}")
    page.get_by_label("Brugernavn eller e-mail").fill("analyst")
    page.get_by_label("Adgangskode").fill("correct horse battery")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(f"{live_server.url}{path}")
    return page


def shot(page, name):
    """A screenshot for a person to look at, when KLYNGERADAR_SCREENSHOTS names a folder."""
    folder = os.environ.get("KLYNGERADAR_SCREENSHOTS")
    if folder:
        page.screenshot(path=os.path.join(folder, name), full_page=True)


def test_the_analyst_writes_next_steps_without_javascript(
    browser, live_server, analyst, stored_round
):
    from klyngeradar.web.reports.models import NextStep

    page = log_in(browser, live_server, f"/rapporter/runde/{stored_round.pk}/")
    steps = page.locator("#steps-form")
    assert steps.get_by_label("Skridt 1").input_value().startswith("Indled dialog")
    steps.get_by_label("Ansvarlig 1").fill("Anna Analytiker")
    steps.get_by_label("Dato 1").fill("31.02.2024")
    steps.get_by_label("Budget (kr.) 1").fill("250.000")
    steps.get_by_role("button", name="Gem næste skridt").click()

    assert "Skriv datoen som dd.mm.åååå" in page.locator("#steps-form").inner_text()
    assert not NextStep.objects.exists()
    shot(page, "next-steps-error.png")

    page.locator("#steps-form").get_by_label("Dato 1").fill("15.03.2024")
    page.locator("#steps-form").get_by_role("button", name="Gem næste skridt").click()
    page.wait_for_selector("text=Næste skridt er gemt.")
    first = NextStep.objects.order_by("position").first()
    assert (first.owner, first.due, first.budget) == ("Anna Analytiker", date(2024, 3, 15), 250_000)
    shot(page, "next-steps-saved.png")


def test_the_analyst_pins_a_cluster_without_javascript(browser, live_server, analyst, stored_round):
    from klyngeradar.web.strategy.models import ShortlistChoice

    page = log_in(browser, live_server, f"/runder/{stored_round.pk}/samarbejdsmodeller/")
    shortlist = page.locator("#shortlist")
    shortlist.get_by_label("Fastgør en anden klynge").select_option(label="Klynge L")
    shortlist.get_by_role("button", name="Fastgør", exact=True).first.click()
    page.wait_for_selector("text=Kortlisten er gemt.")
    assert ShortlistChoice.objects.get().subject == "klynge-l"
    first = page.locator("#shortlist table tbody tr").first
    assert "Klynge L" in first.inner_text()
    shot(page, "shortlist.png")


def test_the_analyst_sees_a_rejected_cluster_left_off_and_pins_it_back(
    browser, live_server, analyst, stored_round
):
    from klyngeradar.web.strategy.models import Decision, ShortlistChoice

    Decision.objects.create(
        round=stored_round,
        level="cluster",
        subject="klynge-a",
        recommended_model="cross_municipal_agreement",
        verdict="rejected",
        reason="Ingen kapacitet i år",
    )
    page = log_in(browser, live_server, f"/runder/{stored_round.pk}/samarbejdsmodeller/")
    shortlist = page.locator("#shortlist")
    assert "Klynge A" not in shortlist.locator("table").inner_text()
    rejected = shortlist.locator("#rejected-cluster-klynge-a")
    assert "afvist af analytikeren" in rejected.inner_text()
    assert "Ingen kapacitet i år" in rejected.inner_text()
    # The list of the rejected fits a phone's width.
    page.set_viewport_size({"width": 390, "height": 844})
    box = rejected.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    shot(page, "shortlist-rejected.png")

    rejected.get_by_role("button", name="Fastgør – Klynge A").click()
    page.wait_for_selector("text=Kortlisten er gemt.")
    assert ShortlistChoice.objects.get().subject == "klynge-a"
    assert "Klynge A" in page.locator("#shortlist table tbody tr").first.inner_text()
