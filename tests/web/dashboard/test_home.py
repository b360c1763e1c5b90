"""The analyst's and the board's front page answers "where do we stand?".

The demo round in the database: its status counts and deadline, the headline
findings with their base, the follow-ups of the consistency checks, and the
KPIs behind or at risk on the organisation's agreements.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_db_round(organisation):
    from klyngeradar.web.surveys.demo import create_demo_round

    round, _links = create_demo_round(
        organisation, deadline=timezone.localdate() + timedelta(days=14)
    )
    return round


def text(response) -> str:
    html = response.content.decode()
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


@pytest.mark.parametrize("persona", ["analyst", "viewer"])
def test_it_shows_the_current_rounds_status_and_headline_findings_with_their_base(
    client_for, request, demo_db_round, persona
):
    page = text(client_for(request.getfixturevalue(persona)).get(reverse("dashboard:overview")))

    assert "Hvor står vi? Klyngernes engagement" in page
    assert "13 klynger inviteret" in page
    assert "12 indsendt" in page
    assert "svarfrist, om 14 dage" in page
    # Headline findings carry their base (the findings page's own figures).
    assert "Svarprocent" in page and "12 af 13" in page
    assert "Unikke virksomheder, der har deltaget" in page
    assert "Alle fund med grundlag" in page


def test_it_warns_of_a_deadline_that_has_passed(client_for, analyst, demo_db_round):
    demo_db_round.deadline = timezone.localdate() - timedelta(days=1)
    demo_db_round.save()

    page = text(client_for(analyst).get(reverse("dashboard:overview")))

    assert "svarfrist, overskredet for 1 dag siden" in page


def test_it_lists_the_kpis_behind_or_at_risk(client_for, analyst, organisation, cluster_a):
    from klyngeradar.web.agreements.models import Agreement

    year = timezone.localdate().year
    agreement = Agreement.objects.create(
        organisation=organisation,
        cluster=cluster_a,
        slug="aftale-a",
        title="Aftale med Klynge A",
        kind="framework",
        status="active",
        start=date(year - 1, 1, 1),
        end=date(year + 1, 12, 31),
    )
    kpi = agreement.kpis.create(
        catalogue_key="unique_companies",
        definition="Unikke virksomheder fra regionen",
        unit="virksomheder",
        baseline=0,
        targets={str(year - 1): 100},
        measurement="CVR-numre",
    )
    kpi.followups.create(year=year - 1, period="year", actual=20, basis="counted")

    page = text(client_for(analyst).get(reverse("dashboard:overview")))

    assert "KPI'er i risiko eller bagud" in page
    assert "Unikke virksomheder fra regionen · Aftale med Klynge A Bagud" in page


def test_without_a_round_it_says_so_plainly(client_for, analyst):
    page = text(client_for(analyst).get(reverse("dashboard:overview")))

    assert "Hvor står vi?" not in page
    assert "Ingen KPI'er er i risiko eller bagud." in page


def test_it_counts_the_clusters_of_the_programme_current_on_the_rounds_date(
    client_for, analyst, cluster_a, cluster_b, organisation
):
    from klyngeradar.web.registry.models import Designation, Programme
    from klyngeradar.web.surveys.models import Round

    old = Programme.objects.create(
        slug="ik", name="Innovationskraft 2021–2024", start=date(2021, 1, 1), end=date(2024, 12, 31)
    )
    new = Programme.objects.create(
        slug="kp", name="Klyngeprogram 2025–2028", start=date(2025, 1, 1), end=date(2028, 12, 31)
    )
    Designation.objects.create(cluster=cluster_a, programme=old, verified=True)
    Designation.objects.create(cluster=cluster_b, programme=old, verified=True)
    Designation.objects.create(cluster=cluster_a, programme=new, verified=False)
    Round.objects.create(
        organisation=organisation,
        region=organisation.region,
        title="Runde 2025",
        year=2025,
        deadline=date(2025, 11, 1),
    )
    page = text(client_for(analyst).get(reverse("dashboard:overview")))
    # An open round of an earlier year is dated by its deadline, as its deck is.
    assert "1 klynge i Klyngeprogram 2025–2028 pr. 1. november 2025 (1 ikke verificeret)" in page
    assert "2 klynger i registret" in page
    html = client_for(analyst).get(reverse("dashboard:overview")).content.decode()
    assert f"{reverse('registry:cluster_list')}?programme=kp" in html


def test_without_programmes_it_counts_the_registrys_clusters(client_for, analyst, cluster_a):
    page = text(client_for(analyst).get(reverse("dashboard:overview")))
    assert "klynger i registret" not in page and " pr. " not in page
