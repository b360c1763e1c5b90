"""Fixtures of the "Rapporter" tests: the demo round in the database, templates on disk."""

from __future__ import annotations

from datetime import date

import pytest
from pptx import Presentation


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploaded templates go to a fresh media folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def demo_db_round(organisation, region):
    """The demo round (13 fictitious clusters, 12 answers) stored for BRN."""
    from klyngeradar.web.surveys.demo import create_demo_round

    round, _links = create_demo_round(organisation, deadline=date(2023, 10, 15))
    return round


def write_template(path, layout_names: dict[str, str], drop=()):
    """python-pptx's default presentation with some layouts renamed or dropped."""
    presentation = Presentation()
    for layout in list(presentation.slide_layouts):
        if layout.name in drop:
            presentation.slide_layouts.remove(layout)
        elif layout.name in layout_names:
            layout._element.cSld.set("name", layout_names[layout.name])
    presentation.save(str(path))
    return path


DANISH_LAYOUTS = {
    "Title Slide": "Titelslide",
    "Title and Content": "Titel og indhold",
    "Section Header": "Sektionsoverskrift",
    "Two Content": "To indholdsobjekter",
}


@pytest.fixture
def own_template(tmp_path):
    """An organisation's template whose layouts have Danish names."""
    return write_template(tmp_path / "BRN skabelon æøå.pptx", DANISH_LAYOUTS)


@pytest.fixture
def template_without_two_content(tmp_path):
    # Without any layout of two bodies side by side: renaming is not enough, as
    # layouts are found by what they hold.
    return write_template(tmp_path / "mangler.pptx", {}, drop=("Two Content", "Comparison"))
