"""Production defaults: private caching on generated pages and downloads, no DEBUG in production."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from datetime import date

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored_round(organisation):
    from klyngeradar.web.surveys.demo import create_demo_round

    round, links = create_demo_round(organisation, deadline=date(2031, 3, 1))
    return round, links


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_it_sends_a_download_with_private_no_store_caching(client, analyst, stored_round, fmt):
    round, _links = stored_round
    client.force_login(analyst)
    response = client.get(f"/runder/{round.pk}/eksport.{fmt}")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


def test_it_keeps_a_personal_link_page_out_of_every_cache(client, stored_round):
    _round, links = stored_round
    path = next(iter(links.values())).split("://", 1)[1].split("/", 1)[1]
    response = client.get(f"/{path}", follow=True)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_it_leaves_static_files_cacheable(client):
    response = client.get("/static/klyngeradar/klyngeradar.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_it_refuses_debug_in_production_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {
        "KLYNGERADAR_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "true",
        "KLYNGERADAR_DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "klyngeradar", "manage", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stderr.strip() == "error: DEBUG must be off when KLYNGERADAR_ENV=production"
