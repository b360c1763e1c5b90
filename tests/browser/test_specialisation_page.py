"""In a real browser: the analyst uploads statistics and sees the areas by LQ drawn as a chart."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from waiting import wait_until

from klyngeradar.core.maps.geometry import ATTRIBUTION

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RAS = (
    Path(__file__).resolve().parents[1] / "fixtures" / "specialisation" / "ras-statistikbanken.csv"
)


def test_the_analyst_uploads_statistics_and_sees_the_chart(browser, live_server, analyst, tmp_path):
    url = f"{live_server.url}/erhvervsstruktur/"
    page = browser.new_page(locale="da-DK", viewport={"width": 1280, "height": 900})
    # Script errors (and refused inline code) show in the console; the favicon's 404 and the
    # refused upload's 400 are the server's answers, not errors of the page.
    errors = []
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.goto(url)
    page.get_by_label("Brugernavn eller e-mail").fill("analyst")
    page.get_by_label("Adgangskode").fill("correct horse battery")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(url)
    assert page.get_by_text("Der er endnu ikke uploadet beskæftigelsesstatistik.").is_visible()

    bad = tmp_path / "forkert.csv"
    bad.write_text("OMRÅDE;BRANCHE07;TID;INDHOLD\nAalborgg;28;2023;1\n", "utf-8")
    page.get_by_label("Beskæftigelse efter kommune og branche (.csv eller .xlsx)").set_input_files(
        str(bad)
    )
    page.get_by_label("Kilde").fill("Danmarks Statistik, RAS300")
    page.get_by_role("button", name="Kontrollér og gem").click()
    assert page.get_by_text('mente du "Aalborg"?', exact=False).is_visible()

    page.get_by_label("Beskæftigelse efter kommune og branche (.csv eller .xlsx)").set_input_files(
        str(RAS)
    )
    page.get_by_label("Kilde").fill("Danmarks Statistik, RAS300")
    page.get_by_role("button", name="Kontrollér og gem").click()
    page.wait_for_url(url)
    chart = page.locator("[data-specialisation-chart] svg")
    chart.wait_for()
    assert "Avanceret produktion" in chart.text_content()
    assert page.locator("#area-energiteknologi table tbody tr").count() == 2
    assert errors == []
    if os.environ.get("KLYNGERADAR_SCREENSHOTS"):
        folder = Path(os.environ["KLYNGERADAR_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / "erhvervsstruktur-laptop.png"), full_page=True)
    page.close()


def test_choosing_an_area_draws_its_municipalities_lq_on_the_map(
    browser, live_server, analyst, tmp_path
):
    url = f"{live_server.url}/erhvervsstruktur/"
    page = browser.new_page(locale="da-DK", viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.goto(url)
    page.get_by_label("Brugernavn eller e-mail").fill("analyst")
    page.get_by_label("Adgangskode").fill("correct horse battery")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(url)
    page.get_by_label("Beskæftigelse efter kommune og branche (.csv eller .xlsx)").set_input_files(
        str(RAS)
    )
    page.get_by_label("Kilde").fill("Danmarks Statistik, RAS300")
    page.get_by_role("button", name="Kontrollér og gem").click()
    page.wait_for_url(url)

    card = page.locator(".map-card")
    page.locator(".map-card[data-map-ready=true]").wait_for()
    assert card.locator(".map-canvas svg path").count() >= 11
    assert card.get_by_text(ATTRIBUTION).is_visible()
    # The first area shown is the region's most specialised one.
    assert card.get_attribute("data-map-layer-shown") == "lq-avanceret-produktion"

    card.get_by_label("Vis på kortet").select_option("lq-energiteknologi")
    wait_until(
        page,
        "document.querySelector('.map-card').getAttribute('data-map-layer-shown')"
        " === 'lq-energiteknologi'",
    )
    notes = card.locator("[data-map-notes=lq-energiteknologi]")
    assert notes.is_visible()
    assert not card.locator("[data-map-notes=lq-avanceret-produktion]").is_visible()
    legend = notes.locator(".map-legend").inner_text()
    for label in ("under 0,80", "0,80–1,20", "1,21–2,00", "over 2,00", "ikke oplyst"):
        assert label in legend
    drawn = page.evaluate(
        "echarts.getInstanceByDom(document.querySelector('.map-card .map-canvas'))"
        ".getOption().series[0].data.map(d => [d.name, d.value, d.tooltip.split('\\n')[0]])"
    )
    by_code = {code: (value, first) for code, value, first in drawn}
    value, first = by_code["851"]
    assert isinstance(value, float) and first.startswith("Aalborg: LQ ") and "," in first
    assert by_code["813"] == (None, "Frederikshavn: ikke oplyst")
    assert errors == []
    if os.environ.get("KLYNGERADAR_SCREENSHOTS"):
        folder = Path(os.environ["KLYNGERADAR_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        card.scroll_into_view_if_needed()
        page.screenshot(path=str(folder / "erhvervsstruktur-kort.png"), full_page=True)
    page.close()
