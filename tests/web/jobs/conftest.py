from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.DATA_DIR = tmp_path


@pytest.fixture
def actors(region):
    from klyngeradar.web.registry.models import Actor

    return {
        slug: Actor.objects.create(
            slug=slug, name=slug.upper(), kind="regional_body", region=region
        )
        for slug in ("brn", "aau")
    }


@pytest.fixture
def background_imports(monkeypatch):
    """Every participation list goes to a background job, however small."""
    from klyngeradar.web.agreements.forms import ParticipationImportForm

    monkeypatch.setattr(ParticipationImportForm, "background_bytes", 0)
