"""In a real browser: the analyst copies a new personal link with one click (static JS)."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def invited_round(organisation, cluster_a):
    from klyngeradar.web.surveys.invitations import invite
    from klyngeradar.web.surveys.models import Round

    round = Round.objects.create(
        organisation=organisation,
        region=organisation.region,
        title="Klyngernes engagement i Nordjylland 2025",
        since=date(2024, 1, 1),
        deadline=date(2031, 3, 15),
    )
    invite(round, cluster_a, ["kontakt@klynge-a.dk"])
    return round


def test_it_copies_the_new_link_and_says_so(browser, live_server, analyst, invited_round):
    context = browser.new_context(locale="da-DK")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.goto(f"{live_server.url}/konto/login/")
    page.get_by_label("Brugernavn eller e-mail").fill("analyst")
    page.get_by_label("Adgangskode").fill("correct horse battery")
    page.get_by_role("button", name="Log ind").click()
    page.goto(f"{live_server.url}/runder/{invited_round.pk}/")
    page.get_by_role("button", name="Send nyt link").click()
    page.wait_for_load_state()

    link = page.get_by_label("Linket").input_value()
    page.get_by_role("button", name="Kopiér linket").click()

    page.get_by_text("Linket er kopieret.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == link
    assert "/svar/" in link
    context.close()
