"""In a real browser: the analyst opens Rapporter and downloads the round's deck."""

from __future__ import annotations

from datetime import date

import pytest
from pptx import Presentation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def stored_round(organisation, region):
    from klyngeradar.web.surveys.demo import create_demo_round

    round, _links = create_demo_round(organisation, deadline=date(2023, 10, 15))
    return round


def test_the_analyst_downloads_the_deck_from_rapporter(
    browser,  # noqa: F811
    live_server,
    analyst,
    stored_round,
    tmp_path,
    settings,
):
    settings.MEDIA_ROOT = tmp_path / "media"
    page = browser.new_page(locale="da-DK", accept_downloads=True)
    page.goto(f"{live_server.url}/rapporter/")
    page.get_by_label("Brugernavn eller e-mail").fill("analyst")
    page.get_by_label("Adgangskode").fill("correct horse battery")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(f"{live_server.url}/rapporter/")

    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Rapporter").click()
    page.get_by_role("link", name=stored_round.title).click()
    assert page.get_by_role("heading", level=1).inner_text() == stored_round.title
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Hent præsentation (klyngesamarbejde.pptx)").click()
    download = download_info.value

    from klyngeradar.render.report import deck_filename

    assert download.suggested_filename == deck_filename(stored_round.title)
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    deck = Presentation(str(saved))
    assert deck.slides[0].shapes.title.text == "Samarbejde med de nationale klynger"
    page.close()
