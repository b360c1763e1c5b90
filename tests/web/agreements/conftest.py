"""Fixtures for the agreement pages: municipalities, actors, an agreement with a KPI.

Frozen time: "today" is 1 July 2025 in these tests (half of the year gone), so
that KPI status and expiry warnings are the same on every run.
"""

from __future__ import annotations

import pytest
import time_machine
from agreement_helpers import make_agreement


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel("2025-07-01 10:00 +02:00", tick=False):
        yield


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.DATA_DIR = tmp_path


@pytest.fixture
def municipalities(region):
    from klyngeradar.web.registry.models import Municipality

    names = {"851": "Aalborg", "813": "Frederikshavn", "860": "Hjørring", "787": "Thisted"}
    return {
        code: Municipality.objects.create(code=code, name=name, region=region)
        for code, name in names.items()
    }


@pytest.fixture
def actors(region):
    from klyngeradar.web.registry.models import Actor

    return {
        slug: Actor.objects.create(slug=slug, name=name, kind=kind, region=region)
        for slug, name, kind in (
            ("brn", "Business Region North Denmark", "regional_body"),
            ("erhvervshus-nordjylland", "Erhvervshus Nordjylland", "business_hub"),
            ("aau", "Aalborg Universitet", "university"),
        )
    }


@pytest.fixture
def agreement(organisation, cluster_a, municipalities, actors):
    """Klynge A with BRN and four municipalities; one KPI from the catalogue."""
    agreement = make_agreement(
        organisation,
        cluster_a,
        slug="tvaerkommunal-a",
        title="Tværkommunal aftale med Klynge A",
        municipalities=municipalities.values(),
        actors=[actors["brn"]],
    )
    agreement.kpis.create(
        catalogue_key="unique_companies",
        definition="Unikke virksomheder fra regionen i klyngens aktiviteter",
        unit="virksomheder",
        baseline=10,
        targets={"2024": 40, "2025": 120},
        measurement="CVR-numre i deltagerlisterne",
    )
    return agreement


@pytest.fixture
def other_agreement(organisation, cluster_b, municipalities, actors):
    """Klynge B with AAU and Thisted only."""
    return make_agreement(
        organisation,
        cluster_b,
        slug="projekt-b",
        title="Projektaftale med Klynge B",
        kind="project",
        municipalities=[municipalities["787"]],
        actors=[actors["aau"]],
    )


@pytest.fixture
def municipal_officer(organisation, municipalities):
    """A viewer tied to Aalborg: sees only agreements Aalborg is party to."""
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership
    from klyngeradar.web.agreements.models import MunicipalAccess

    user = get_user_model().objects.create_user(username="kommune-aalborg", password="x" * 20)
    Membership.objects.create(user=user, role="viewer", organisation=organisation)
    MunicipalAccess.objects.create(user=user, municipality=municipalities["851"])
    return user
