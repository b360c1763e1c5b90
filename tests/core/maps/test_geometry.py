"""The shipped boundaries match the registry and stay small enough for a browser and a deck."""

from __future__ import annotations

import gzip
import json

import pytest

from klyngeradar.core.maps.geometry import (
    ATTRIBUTION,
    bounds_of,
    geometry_text,
    municipality_shapes,
    region_shapes,
)
from klyngeradar.core.registry.geography import municipalities, municipalities_in, regions


def test_it_has_a_shape_for_exactly_the_registrys_98_municipalities():
    assert len(municipalities()) == 98
    assert set(municipality_shapes()) == {m.code for m in municipalities()}


def test_it_has_a_shape_for_exactly_the_five_regions():
    assert set(region_shapes()) == {r.code for r in regions()}


def test_it_draws_christianso_with_bornholm_and_not_as_a_municipality():
    bornholm = municipality_shapes()["400"]
    assert bornholm.name == "Bornholm"
    assert "411" not in municipality_shapes()
    # Christiansø lies about 18 km north-east of Bornholm's coast: its islets are kept.
    assert bornholm.bounds[2] > 15.18


@pytest.mark.parametrize(
    ("code", "islands"),
    [("825", 2), ("787", 3), ("400", 2), ("741", 5), ("563", 2)],
    ids=["Læsø", "Thisted", "Bornholm", "Samsø", "Fanø"],
)
def test_it_keeps_small_islands_visible(code, islands):
    assert len(municipality_shapes()[code].polygons) >= islands


def test_it_keeps_shared_borders_shared():
    # Aalborg (851) and Rebild (840) share a border: the same vertices on both sides.
    aalborg = {p for polygon in municipality_shapes()["851"].polygons for p in polygon[0]}
    rebild = {p for polygon in municipality_shapes()["840"].polygons for p in polygon[0]}
    assert len(aalborg & rebild) >= 10


@pytest.mark.parametrize("name", ["municipalities.json", "regions.json"])
def test_it_ships_a_few_hundred_kilobytes_at_most(name):
    text = geometry_text(name)
    assert len(text.encode()) < 300_000
    assert len(gzip.compress(text.encode())) < 100_000
    assert json.loads(text)["type"] == "FeatureCollection"


def test_it_frames_north_jutland_within_denmark():
    west, south, east, north = bounds_of(m.code for m in municipalities_in("1081"))
    assert 8.0 < west < 8.4 and 56.4 < south < 56.7 and 10.9 < east < 11.3 and 57.7 < north < 57.8
    assert bounds_of(["999"]) is None


def test_it_names_the_source_in_the_attribution():
    assert "Geodatastyrelsen og Danske Kommuner, DAGI 1:500.000, februar 2014" in ATTRIBUTION
