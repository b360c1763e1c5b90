"""Two analysts on one agreement or one KPI: no silent lost update."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from klyngeradar.web.agreements.models import Agreement, Kpi


def version_on(page) -> str:
    return re.search(r'name="version" value="(\d+)"', page.content.decode()).group(1)


@pytest.fixture
def second_analyst(organisation):
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership

    user = get_user_model().objects.create_user(
        username="analytiker-to", first_name="Birte", last_name="Berg", password="x" * 20
    )
    Membership.objects.create(user=user, role="analyst", organisation=organisation)
    return user


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def agreement_data(agreement, **changes) -> dict:
    return {
        "title": agreement.title,
        "slug": agreement.slug,
        "cluster": agreement.cluster.pk,
        "municipalities": [m.pk for m in agreement.municipalities.all()],
        "kind": "framework",
        "status": "active",
        "start": "2024-01-01",
        "end": "2026-12-31",
        **changes,
    }


def test_it_refuses_to_revert_another_analysts_title_and_names_who_changed_it(
    analyst, second_analyst, agreement
):
    url = reverse("agreements:agreement_edit", args=[agreement.slug])
    mine, theirs = logged_in(analyst), logged_in(second_analyst)
    stale = version_on(mine.get(url))
    theirs.post(
        url, agreement_data(agreement, title="Ny titel", version=version_on(theirs.get(url)))
    )

    refused = mine.post(url, agreement_data(agreement, purpose="Mit formål", version=stale))

    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Aftalen er blevet ændret af Birte Berg" in html
    assert "Titel: »Ny titel«" in html
    assert "Mit formål" in html
    assert Agreement.objects.get(pk=agreement.pk).title == "Ny titel"
    assert Agreement.objects.get(pk=agreement.pk).purpose == ""


def test_it_saves_a_stale_agreement_form_when_both_typed_the_same_change(
    analyst, second_analyst, agreement
):
    url = reverse("agreements:agreement_edit", args=[agreement.slug])
    mine, theirs = logged_in(analyst), logged_in(second_analyst)
    theirs_form = version_on(theirs.get(url))
    stale = version_on(mine.get(url))
    theirs.post(url, agreement_data(agreement, notes="Deres note", version=theirs_form))

    saved = mine.post(url, agreement_data(agreement, notes="Deres note", title="X", version=stale))

    assert saved.status_code == 302
    assert Agreement.objects.get(pk=agreement.pk).title == "X"


def test_it_refuses_to_revert_another_analysts_kpi_baseline(analyst, second_analyst, agreement):
    kpi = agreement.kpis.get()
    url = reverse("agreements:kpi_edit", args=[agreement.slug, kpi.pk])
    mine, theirs = logged_in(analyst), logged_in(second_analyst)
    stale = version_on(mine.get(url))
    data = {"catalogue_key": kpi.catalogue_key, "definition": kpi.definition, "unit": kpi.unit}
    theirs.post(url, {**data, "baseline": "25", "version": version_on(theirs.get(url))})

    refused = mine.post(
        url, {**data, "baseline": "10", "measurement": "Ny måling", "version": stale}
    )

    assert refused.status_code == 200
    assert "KPI&#x27;en er blevet ændret af Birte Berg" in refused.content.decode()
    assert "Udgangspunkt: »25«" in refused.content.decode()
    assert Kpi.objects.get(pk=kpi.pk).baseline == 25
