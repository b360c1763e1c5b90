"""In a real browser: the analyst opens Aftaler, opens an agreement and records a KPI follow-up.

The follow-up form opens in the KPI's card and is saved with htmx: the card is
swapped in place (no page load) and shows the KPI's new status.
"""

from __future__ import annotations

from datetime import date

import pytest
from waiting import wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def agreement(organisation, cluster_a, tmp_path, settings):
    """Klynge A's agreement with one KPI whose target is this year's (so no figure yet)."""
    from django.utils import timezone

    from klyngeradar.web.agreements.models import Agreement

    settings.DATA_DIR = tmp_path
    year = timezone.localdate().year
    agreement = Agreement.objects.create(
        organisation=organisation,
        cluster=cluster_a,
        slug="tvaerkommunal-a",
        title="Tværkommunal aftale med Klynge A",
        kind="framework",
        status="active",
        start=date(year - 1, 1, 1),
        end=date(year + 2, 12, 31),
    )
    agreement.kpis.create(
        catalogue_key="unique_companies",
        definition="Unikke virksomheder fra regionen i klyngens aktiviteter",
        unit="virksomheder",
        baseline=10,
        targets={str(year): 100},
        measurement="CVR-numre i deltagerlisterne",
    )
    return agreement


def log_in(page, url: str) -> None:
    page.goto(url)
    page.get_by_label("Brugernavn eller e-mail").fill("analyst")
    page.get_by_label("Adgangskode").fill("correct horse battery")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(url)


def test_the_analyst_records_a_kpi_follow_up_and_sees_the_new_status(
    page, live_server, analyst, agreement
):
    from django.utils import timezone

    from klyngeradar.web.agreements.models import FollowUp

    log_in(page, f"{live_server.url}/")
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Aftaler").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Aftaler"
    page.get_by_role("link", name=agreement.title).click()
    assert agreement.title in page.get_by_role("heading", level=1).inner_text()

    kpi = agreement.kpis.get()
    card = page.locator(f"#kpi-{kpi.pk}")
    assert card.locator("[data-status]").get_attribute("data-status") == "no_data"
    assert card.locator("[data-status]").inner_text() == "Ingen data"
    detail_url = page.url
    # htmx is loaded with `defer`: a click before it has processed the page would follow
    # the link as a plain page (which works too, but is not what this test is about).
    wait_until(page, "document.readyState === 'complete' && window.htmx !== undefined")

    card.get_by_role("link", name="Tilføj opfølgning").click()
    form = page.locator(f"#kpi-{kpi.pk} form.followup-form")
    form.wait_for()
    form.get_by_label("År").fill(str(timezone.localdate().year))
    form.get_by_label("Periode").select_option(label="Hele året")
    form.get_by_label("Faktisk værdi").fill("120")
    form.get_by_label("Grundlag").select_option(label="Opgjort")
    form.get_by_label("Kommentar").fill("Deltagerlister fra tre temadage")
    form.get_by_role("button", name="Gem opfølgning").click()

    badge = page.locator(f"#kpi-{kpi.pk} [data-status='on_track']")
    badge.wait_for()
    assert badge.inner_text() == "På sporet"
    card = page.locator(f"#kpi-{kpi.pk}")
    assert "Deltagerlister fra tre temadage" in card.inner_text()
    assert card.locator("form").count() == 0  # the form is gone, the card is back
    assert page.url == detail_url  # swapped in place by htmx, no navigation
    followup = FollowUp.objects.get(kpi=kpi)
    assert (followup.actual, followup.basis, followup.recorded_by) == (120, "counted", analyst)
