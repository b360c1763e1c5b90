"""The rounds' report inputs in the admin: administrators look, nobody edits them there."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from klyngeradar.web.reports.models import NextStep, QuoteChoice, SlideTitles
from klyngeradar.web.strategy.models import ShortlistChoice

pytestmark = pytest.mark.django_db


@pytest.fixture
def round(organisation):
    from klyngeradar.web.surveys.models import Round

    return Round.objects.create(
        organisation=organisation,
        region=organisation.region,
        title="Runde 2025",
        since=date(2024, 1, 1),
        deadline=date(2025, 3, 15),
    )


@pytest.fixture
def records(round):
    """One of each record, with the text an administrator should see."""
    return {
        "strategy_shortlistchoice": ShortlistChoice.objects.create(
            round=round, kind="cluster", subject="klynge-a", state="pinned", reason="ny strategi"
        ),
        "reports_nextstep": NextStep.objects.create(
            round=round, text="Indled dialog med Klynge A", owner="Anna", budget=50_000
        ),
        "reports_quotechoice": QuoteChoice.objects.create(
            round=round,
            quotes=[{"question": "q1", "cluster": "klynge-a", "theme": "Faste møder"}],
        ),
        "reports_slidetitles": SlideTitles.objects.create(
            round=round, titles={"survey.presence": "Egen titel"}
        ),
    }


NAMES = [
    "strategy_shortlistchoice",
    "reports_nextstep",
    "reports_quotechoice",
    "reports_slidetitles",
]


@pytest.mark.parametrize("name", NAMES)
def test_an_administrator_sees_the_record_and_its_history(client_for, admin_user, records, name):
    obj = records[name]
    client = client_for(admin_user)

    listing = client.get(reverse(f"admin:{name}_changelist"))
    page = client.get(reverse(f"admin:{name}_change", args=[obj.pk]))
    history = client.get(reverse(f"admin:{name}_history", args=[obj.pk]))

    assert listing.status_code == 200
    assert page.status_code == 200 and history.status_code == 200
    content = page.content.decode()
    # Shown as text, not as a form to save.
    assert 'name="_save"' not in content
    assert "Runde 2025" in content


@pytest.mark.parametrize("name", NAMES)
def test_nobody_adds_changes_or_deletes_the_record_in_the_admin(
    client_for, admin_user, records, name
):
    obj = records[name]
    before = {f.name: getattr(obj, f.name) for f in obj._meta.concrete_fields}
    client = client_for(admin_user)

    added = client.post(reverse(f"admin:{name}_add"), {"round": obj.round_id})
    changed = client.post(reverse(f"admin:{name}_change", args=[obj.pk]), {"round": obj.round_id})
    deleted = client.post(reverse(f"admin:{name}_delete", args=[obj.pk]), {"post": "yes"})

    assert (added.status_code, changed.status_code, deleted.status_code) == (403, 403, 403)
    assert type(obj).objects.count() == 1
    obj.refresh_from_db()
    assert {f.name: getattr(obj, f.name) for f in obj._meta.concrete_fields} == before
    index = client.get(reverse("admin:index")).content.decode()
    assert reverse(f"admin:{name}_add") not in index


@pytest.mark.parametrize("name", NAMES)
def test_an_analyst_cannot_open_the_record_in_the_admin(client_for, analyst, records, name):
    analyst.is_staff = True
    analyst.save()
    client = client_for(analyst)
    assert client.get(reverse(f"admin:{name}_changelist")).status_code == 403
    assert client.get(reverse(f"admin:{name}_change", args=[records[name].pk])).status_code == 403
