"""The demo round in the database, for the findings and collaboration-model pages."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture
def demo_round_db(organisation):
    from klyngeradar.web.surveys.demo import create_demo_round

    round, _links = create_demo_round(organisation, deadline=date(2031, 3, 1))
    return round
