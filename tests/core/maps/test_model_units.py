"""A map layer's unit agrees with its number (the tooltip says "1 klynge", not "1 klynger")."""

import pytest

from klyngeradar.core.maps.model import MapLayer


@pytest.mark.parametrize(
    ("value", "unit"), [(0, "klynger"), (1, "klynge"), (2, "klynger"), (None, "klynger")]
)
def test_it_uses_the_singular_unit_for_one(value, unit):
    layer = MapLayer("presence", "Til stede", "klynger", "1081", (), "base", unit_one="klynge")
    assert layer.unit_for(value) == unit


def test_it_keeps_the_unit_when_no_singular_is_given():
    layer = MapLayer("cofinancing", "Medfinansiering", "kr.", "1081", (), "base")
    assert layer.unit_for(1) == "kr."
