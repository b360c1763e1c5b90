"""Helpers for the agreement tests: build an agreement, upload a fixture file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

FIXTURES = Path(__file__).parents[2] / "fixtures" / "agreements"


def make_agreement(organisation, cluster, *, slug, municipalities=(), actors=(), **fields):
    from klyngeradar.web.agreements.models import Agreement

    defaults = {
        "title": f"Aftale {slug}",
        "kind": "framework",
        "status": "active",
        "start": date(2024, 1, 1),
        "end": date(2026, 12, 31),
    }
    agreement = Agreement.objects.create(
        organisation=organisation, cluster=cluster, slug=slug, **(defaults | fields)
    )
    agreement.municipalities.set(municipalities)
    agreement.actors.set(actors)
    return agreement


def upload(name: str, content: bytes | None = None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = content if content is not None else (FIXTURES / name).read_bytes()
    return SimpleUploadedFile(name, data)
