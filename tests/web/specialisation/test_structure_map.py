"""The "Erhvervsstruktur" page's map: each area's LQ by municipality, in Danish decimals."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from klyngeradar.core.maps.geometry import ATTRIBUTION

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "specialisation"
PAGE = reverse("specialisation:structure")


@pytest.fixture
def uploaded(client_for, analyst):
    client = client_for(analyst)
    data = {
        "statistics": SimpleUploadedFile(
            "RAS300.csv", (FIXTURES / "ras-statistikbanken.csv").read_bytes()
        ),
        "source": "Danmarks Statistik, RAS300",
    }
    assert client.post(reverse("specialisation:upload"), data).status_code == 302
    return client


def spec_of(html: str) -> dict:
    found = re.search(
        r'<script id="map-structure-spec" type="application/json">(.*?)</script>', html
    )
    return json.loads(found.group(1))


def test_the_page_draws_each_areas_lq_on_the_municipality_map(uploaded):
    html = uploaded.get(PAGE).content.decode()
    spec = spec_of(html)

    # One layer per area with figures in the region, in the page's order (highest LQ first).
    keys = [layer["key"] for layer in spec["layers"]]
    assert keys[:3] == [
        "lq-avanceret-produktion",
        "lq-fodevarer-og-bioressourcer",
        "lq-energiteknologi",
    ]
    assert len(spec["region"]) == 11  # every municipality of North Jutland is drawn
    energy = next(layer for layer in spec["layers"] if layer["key"] == "lq-energiteknologi")
    by_code = {item["name"]: item for item in energy["data"]}
    assert isinstance(by_code["851"]["value"], float)
    assert by_code["851"]["tooltip"].startswith("Aalborg: LQ ")
    assert re.match(r"Aalborg: LQ \d+,\d\d\n", by_code["851"]["tooltip"])
    # Not in the file: "ikke oplyst", never 0.
    assert by_code["813"]["value"] is None
    assert by_code["813"]["tooltip"].startswith("Frederikshavn: ikke oplyst")
    assert "Kilde: Danmarks Statistik, RAS300, 2023." in by_code["851"]["tooltip"]


def test_choosing_an_area_is_a_list_with_a_legend_around_one_and_the_attribution(uploaded):
    html = uploaded.get(PAGE).content.decode()

    assert "data-map-select" in html
    assert '<option value="lq-energiteknologi">Energiteknologi</option>' in html
    for label in ("under 0,80", "0,80–1,20", "1,21–2,00", "over 2,00", "ikke oplyst"):
        assert label in html
    assert ATTRIBUTION in html
    assert "maps/map.js" in html and "maps/map.css" in html


def test_the_maps_table_shows_the_suppressed_machinery_cell_as_not_known(uploaded):
    html = uploaded.get(PAGE).content.decode()
    section = html[html.index('data-map-notes="lq-avanceret-produktion"') :]
    section = section[: section.index("</details>")]

    rows = dict(
        re.findall(
            r'<th scope="row">(?:<a [^>]*>)?([^<]+)(?:</a>)?</th><td class="number">([^<]+)</td>',
            section,
        )
    )
    assert rows["Hjørring"] == "ikke oplyst"
    assert rows["Aalborg"].count(",") == 1


def test_a_viewer_sees_the_map_too(client_for, viewer, uploaded):
    html = client_for(viewer).get(PAGE).content.decode()

    assert spec_of(html)["layers"]


def test_a_respondent_gets_404(client_for, respondent_a, uploaded):
    assert client_for(respondent_a).get(PAGE).status_code == 404


def test_without_statistics_there_is_no_map(client_for, analyst):
    html = client_for(analyst).get(PAGE).content.decode()

    assert "map-structure-spec" not in html
