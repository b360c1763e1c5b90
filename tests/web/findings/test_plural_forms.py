"""A round of one cluster speaks of "1 klynge", never "1 klynger", in Danish and English."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_cluster_round(organisation):
    from klyngeradar.core.surveys.demo import demo_round
    from klyngeradar.web.surveys.demo import create_demo_round

    data = demo_round()
    complete = [r for r in data.responses if r.status == "complete"][:1]
    round, _links = create_demo_round(
        organisation, deadline=date(2031, 1, 1), data=replace(data, responses=tuple(complete))
    )
    return round


@pytest.mark.parametrize(
    ("lang", "wrong"),
    [("da", r"\b1 (klynger|kommuner|besvarelser)\b"), ("en", r"\b1 (clusters|municipalities)\b")],
)
def test_it_uses_the_singular_for_one(client_for, analyst, one_cluster_round, lang, wrong):
    client = client_for(analyst)
    client.cookies["django_language"] = lang
    page = client.get(reverse("findings:round", kwargs={"round_id": one_cluster_round.pk}))

    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.content.decode()))
    assert not re.search(wrong, text), [
        m.group(0) for m in re.finditer(rf".{{60}}{wrong}.{{20}}", text)
    ]
    if lang == "da":
        assert "af 1 klynge har oplyst et tal" in text
