"""The demo step: the invented employment file, stored for the demo organisation and labelled."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.urls import reverse

from klyngeradar.core.specialisation.demo import DEMO_FILE
from klyngeradar.core.specialisation.employment import read_employment
from klyngeradar.web.specialisation.models import EmploymentUpload

pytestmark = pytest.mark.django_db


@dataclass
class FakeDemo:
    out: Path
    made: list[str] = field(default_factory=list)


@pytest.fixture
def demo_organisation(region):
    from klyngeradar.core.demo import DEMO_ORGANISATION
    from klyngeradar.web.accounts.models import Organisation

    return Organisation.objects.create(
        slug=DEMO_ORGANISATION["slug"], name="Business Region North Denmark", region=region
    )


def test_it_writes_the_invented_file_and_stores_it_labelled(tmp_path, demo_organisation):
    from klyngeradar.web.specialisation.demo import store_demo_statistics

    demo = FakeDemo(tmp_path)
    store_demo_statistics(demo)
    path = tmp_path / DEMO_FILE
    path.read_bytes().decode("cp1252")  # Windows-1252, as a download
    assert read_employment(path).year == 2023
    stored = EmploymentUpload.objects.get(organisation=demo_organisation)
    assert stored.illustrative
    assert "ikke Danmarks Statistiks" in stored.source
    assert "opdigtede tal" in demo.made[0]


def test_it_shows_the_demo_page_with_the_invented_label(tmp_path, demo_organisation, client):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership
    from klyngeradar.web.specialisation.demo import store_demo_statistics

    store_demo_statistics(FakeDemo(tmp_path))
    user = get_user_model().objects.create_user(username="laeser", password="x" * 20)
    Membership.objects.create(user=user, role="viewer", organisation=demo_organisation)
    client.force_login(user)
    page = client.get(reverse("specialisation:structure")).content.decode()
    assert "Opdigtede tal til demoen – ikke Danmarks Statistiks" in page
    assert "Regionens områder efter LQ, 2023" in page


def test_it_shows_the_page_in_english(tmp_path, demo_organisation, client):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership
    from klyngeradar.web.specialisation.demo import store_demo_statistics

    store_demo_statistics(FakeDemo(tmp_path))
    user = get_user_model().objects.create_user(username="reader", password="x" * 20)
    Membership.objects.create(user=user, role="viewer", organisation=demo_organisation)
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("specialisation:structure")).content.decode()
    assert "The region&#x27;s areas by LQ, 2023" in page or "The region's areas by LQ, 2023" in page
    assert "Business structure" in page
