"""The region's strategy: the demo's example, edited by the analyst, stored with history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from klyngeradar.core.strategy.plan import demo_strategy
from klyngeradar.web.strategy.demo import store_demo_strategy
from klyngeradar.web.strategy.models import Strategy
from klyngeradar.web.strategy.store import save_strategy, strategy_for

pytestmark = pytest.mark.django_db


def test_the_demo_stores_the_seed_vision_and_six_example_efforts(organisation):
    store_demo_strategy(organisation)

    stored = strategy_for(organisation)
    assert stored == demo_strategy()
    assert stored.example
    assert len(stored.efforts) == 6


def test_storing_again_replaces_the_efforts_and_keeps_their_order(organisation):
    store_demo_strategy(organisation)
    shorter = demo_strategy()
    shorter = type(shorter)(shorter.vision, shorter.efforts[::-1][:2], False, None)

    save_strategy(organisation, shorter)

    assert strategy_for(organisation).slugs == ("internationalisering", "ivaerksaetteri")
    assert Strategy.objects.count() == 1


def test_the_page_shows_the_vision_and_marks_the_example(client_for, viewer, organisation):
    store_demo_strategy(organisation)

    html = client_for(viewer).get(reverse("strategy:strategy")).content.decode()

    assert "Nordjylland vil være en innovativ hub for grøn omstilling" in html
    assert "Eksempel – ikke regionens egne indsatser" in html
    assert "Kvalificeret arbejdskraft" in html


def test_the_analyst_edits_the_vision_and_adds_an_effort(client_for, analyst, organisation):
    stored = store_demo_strategy(organisation)
    efforts = list(stored.efforts.all())
    data = {
        "vision": "En ny vision",
        "source": "Regionens strategi 2026",
        "efforts-TOTAL_FORMS": str(len(efforts) + 1),
        "efforts-INITIAL_FORMS": str(len(efforts)),
    }
    for i, effort in enumerate(efforts):
        data |= {
            f"efforts-{i}-id": effort.pk,
            f"efforts-{i}-strategy": stored.pk,
            f"efforts-{i}-slug": effort.slug,
            f"efforts-{i}-name": effort.name,
            f"efforts-{i}-description": effort.description,
            f"efforts-{i}-position": effort.position,
        }
    data |= {
        f"efforts-{len(efforts)}-slug": "sundhed",
        f"efforts-{len(efforts)}-name": "Sundhed og velfærd",
        f"efforts-{len(efforts)}-position": "9",
    }

    response = client_for(analyst).post(reverse("strategy:strategy_edit"), data)

    assert response.status_code == 302
    stored.refresh_from_db()
    assert stored.vision == "En ny vision"
    assert not stored.example
    assert strategy_for(organisation).slugs[-1] == "sundhed"
    assert stored.history.count() == 2


def test_an_analyst_without_a_strategy_can_write_one(client_for, analyst, organisation):
    data = {
        "vision": "Vision",
        "efforts-TOTAL_FORMS": "1",
        "efforts-INITIAL_FORMS": "0",
        "efforts-0-slug": "groen",
        "efforts-0-name": "Grøn omstilling",
        "efforts-0-position": "0",
    }
    client = client_for(analyst)
    assert "ingen strategi" in client.get(reverse("strategy:strategy")).content.decode()

    assert client.post(reverse("strategy:strategy_edit"), data).status_code == 302
    assert strategy_for(organisation).slugs == ("groen",)


def test_the_demo_step_stores_the_strategy_for_the_demo_organisation(organisation, tmp_path):
    from klyngeradar.cli.demo import Demo
    from klyngeradar.web.strategy.demo import store_strategy

    demo = Demo(out=tmp_path)
    store_strategy(demo)
    store_strategy(demo)  # a refreshed demo replaces, never duplicates

    assert strategy_for(organisation) == demo_strategy()
    assert demo.made[-1] == "strategi: vision og 6 indsatser (eksempel)"
