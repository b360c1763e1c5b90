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


def test_the_analyst_edits_a_named_quote_before_it_goes_in(
    browser,  # noqa: F811
    live_server,
    analyst,
    stored_round,
    tmp_path,
):
    from klyngeradar.web.reports.models import QuoteChoice

    page = browser.new_page(locale="da-DK", viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/rapporter/runde/{stored_round.pk}/")
    page.get_by_label("Brugernavn eller e-mail").fill("analyst")
    page.get_by_label("Adgangskode").fill("correct horse battery")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(f"{live_server.url}/rapporter/runde/{stored_round.pk}/")

    quote = page.locator("#quote-agreementsdescriptionklynge-f")
    text = quote.get_by_label("Tekst i præsentationen")
    assert not text.is_visible()  # the edit fields show for a ticked answer only
    quote.get_by_role("checkbox").first.check()
    assert text.is_visible()
    page.get_by_role("button", name="Gem citater").click()

    assert page.get_by_text("Citatet fra Klynge F nævner »Aalborg kommune«").is_visible()
    assert not QuoteChoice.objects.exists()
    quote = page.locator("#quote-agreementsdescriptionklynge-f")
    quote.get_by_label("Tekst i præsentationen").fill("En kommune var økonomisk partner til 2023.")
    quote.get_by_label("Tema").fill("Medfinansiering")
    page.screenshot(path=str(tmp_path / "quotes.png"), full_page=True)
    page.get_by_role("button", name="Gem citater").click()

    assert page.get_by_text("Citaterne er gemt.").is_visible()
    # Saved with the default choice that was ticked already.
    items = {
        i["cluster"]: i for i in QuoteChoice.objects.get().quotes if "description" in i["question"]
    }
    item = items["klynge-f"]
    assert item["text"] == "En kommune var økonomisk partner til 2023."
    assert item["theme"] == "Medfinansiering"
    page.close()
