"""The North Jutland municipalities, the demo round and two agreements, for the map pages."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture
def north_jutland(region):
    from klyngeradar.core.registry.geography import municipalities_in
    from klyngeradar.web.registry.models import Municipality

    return {
        m.code: Municipality.objects.create(code=m.code, name=m.name, region=region)
        for m in municipalities_in("1081")
    }


@pytest.fixture
def demo_round_db(organisation, north_jutland):
    from klyngeradar.web.surveys.demo import create_demo_round

    round, _links = create_demo_round(organisation, deadline=date(2031, 3, 1))
    return round


@pytest.fixture
def agreements(organisation, cluster_a, cluster_b, north_jutland):
    from klyngeradar.web.agreements.models import Agreement, CoFinancing

    first = Agreement.objects.create(
        organisation=organisation,
        cluster=cluster_a,
        slug="aftale-a",
        title="Tværkommunal aftale",
        status="active",
        start=date(2024, 1, 1),
    )
    first.municipalities.set([north_jutland["851"], north_jutland["860"]])
    first.kpis.create(definition="Unikke virksomheder", unit="virksomheder", targets={"2025": 40})
    CoFinancing.objects.create(
        agreement=first, municipality=north_jutland["851"], year=2025, amount_dkk=1_250_000
    )
    second = Agreement.objects.create(
        organisation=organisation,
        cluster=cluster_b,
        slug="aftale-b",
        title="Kontordage i Thisted",
        status="active",
        start=date(2024, 1, 1),
    )
    second.municipalities.set([north_jutland["787"]])
    return first, second


@pytest.fixture
def aalborg_officer(organisation, north_jutland):
    """A viewer tied to Aalborg by municipal access."""
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership
    from klyngeradar.web.agreements.models import MunicipalAccess

    user = get_user_model().objects.create_user(username="kommune-aalborg", password="x" * 20)
    Membership.objects.create(user=user, role="viewer", organisation=organisation)
    MunicipalAccess.objects.create(user=user, municipality=north_jutland["851"])
    return user
