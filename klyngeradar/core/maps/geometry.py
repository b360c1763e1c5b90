"""The simplified municipality and region boundaries shipped in ``klyngeradar/data/geo``.

The files are made by ``scripts/build_geometry.py`` from DAGI 1:500.000 and read here
with the standard library; every map drawn from them shows `ATTRIBUTION`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

ATTRIBUTION = (
    "Indeholder data fra Geodatastyrelsen og Danske Kommuner, DAGI 1:500.000, februar 2014"
)
MUNICIPALITIES_FILE = "municipalities.json"
REGIONS_FILE = "regions.json"

Ring = tuple[tuple[float, float], ...]
# A polygon is its outer ring followed by its holes.
Polygon = tuple[Ring, ...]


@dataclass(frozen=True)
class Shape:
    """One municipality or region: its code, the name in the source, its polygons (lon, lat)."""

    code: str
    name: str
    polygons: tuple[Polygon, ...]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) in degrees."""
        lons = [p[0] for polygon in self.polygons for p in polygon[0]]
        lats = [p[1] for polygon in self.polygons for p in polygon[0]]
        return min(lons), min(lats), max(lons), max(lats)


def geometry_text(name: str = MUNICIPALITIES_FILE) -> str:
    """The GeoJSON text of a shipped file, as the web app serves it."""
    return resources.files("klyngeradar.data.geo").joinpath(name).read_text("utf-8")


def _shapes(name: str) -> dict[str, Shape]:
    shapes = {}
    for feature in json.loads(geometry_text(name))["features"]:
        geometry = feature["geometry"]
        coordinates = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            coordinates = [coordinates]
        polygons = tuple(
            tuple(tuple((float(x), float(y)) for x, y in ring) for ring in polygon)
            for polygon in coordinates
        )
        code = feature["properties"]["code"]
        shapes[code] = Shape(code, feature["properties"]["name"], polygons)
    return shapes


@cache
def municipality_shapes() -> dict[str, Shape]:
    """Every municipality's shape by its 3-digit code."""
    return _shapes(MUNICIPALITIES_FILE)


@cache
def region_shapes() -> dict[str, Shape]:
    """Every region's shape by its 4-digit code."""
    return _shapes(REGIONS_FILE)


def bounds_of(codes) -> tuple[float, float, float, float] | None:
    """The bounding box of the given municipalities; None when none of them has a shape."""
    boxes = [municipality_shapes()[c].bounds for c in codes if c in municipality_shapes()]
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
