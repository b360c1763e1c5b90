"""Build the simplified municipality and region geometry shipped in klyngeradar/data/geo/.

Run from the repository root with the ``geo`` extra installed::

    pip install -e '.[geo]'
    python scripts/build_geometry.py SOURCE_DIR

SOURCE_DIR holds the DAGI 1:500.000 files ``kommuner.geojson`` (``KOMKODE``,
``KOMNAVN``) and ``regioner.geojson`` (``REGIONKODE``, ``REGIONNAVN``), see
klyngeradar/data/geo/SOURCE.md. The polygons of each file form a coverage
(no overlaps, shared edges with identical vertices), so they are simplified with
GEOS' coverage simplification (``shapely.coverage_simplify``): a border shared by
two municipalities is simplified once and stays shared, and a small island is
reduced at most to a triangle, never removed. Christiansø (``0411``) is not a
municipality; its rocks are drawn as part of Bornholm (400).

Shapely is needed only here, at build time; the package reads the result with
the standard library.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

OUT = Path(__file__).resolve().parents[1] / "klyngeradar" / "data" / "geo"
# Roughly the square root, in degrees, of the triangles removed: about 300 m.
TOLERANCE = 0.003
DECIMALS = 4
# Christiansø is administered by the state, not a municipality: drawn with Bornholm.
MERGE = {"0411": "0400"}


def _load(path: Path, code_key: str, name_key: str) -> dict[str, tuple[str, list]]:
    data = json.loads(path.read_text("utf-8"))
    parts: dict[str, list] = defaultdict(list)
    names: dict[str, str] = {}
    for feature in data["features"]:
        code = feature["properties"][code_key]
        if code not in MERGE:
            names.setdefault(code, feature["properties"][name_key])
        geometry = shapely.force_2d(shape(feature["geometry"]))
        parts[MERGE.get(code, code)].append(geometry)
    return {code: (names[code], geometries) for code, geometries in parts.items()}


def _round(coords) -> list:
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], DECIMALS), round(coords[1], DECIMALS)]
    return [_round(c) for c in coords]


def simplify(path: Path, code_key: str, name_key: str, code_of) -> dict:
    """Simplify one coverage file into a FeatureCollection with ``code`` and ``name``."""
    units = _load(path, code_key, name_key)
    codes = sorted(units)
    merged = [shapely.union_all(units[c][1]) for c in codes]
    if not shapely.coverage_is_valid(shapely.GeometryCollection(merged)):
        # A coverage that is not edge-matched would not keep its borders shared.
        raise SystemExit(f"{path.name}: the polygons do not form a valid coverage")
    simplified = shapely.coverage_simplify(merged, TOLERANCE)
    features = []
    for code, geometry in zip(codes, simplified, strict=True):
        geo = mapping(geometry)
        geo = {"type": geo["type"], "coordinates": _round(geo["coordinates"])}
        if not shape(geo).is_valid:
            # Rounding to the grid can pinch a narrow sound; snap with GEOS instead, which
            # keeps the polygon valid (the same vertices, so shared borders stay shared).
            geo = mapping(shapely.set_precision(geometry, 10**-DECIMALS))
            geo = {"type": geo["type"], "coordinates": _round(geo["coordinates"])}
        features.append(
            {
                "type": "Feature",
                "properties": {"code": code_of(code), "name": units[code][0]},
                "geometry": geo,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _write(collection: dict, out: Path, name: str) -> None:
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    (out / name).write_text(text + "\n", "utf-8")
    geometries = [shape(f["geometry"]) for f in collection["features"]]
    valid = all(g.is_valid for g in geometries)
    coverage = shapely.coverage_is_valid(shapely.GeometryCollection(geometries))
    points = sum(shapely.get_num_coordinates(g) for g in geometries)
    parts = sum(shapely.get_num_geometries(g) for g in geometries)
    print(
        f"{name}: {len(geometries)} features, {parts} polygons, {points} points, "
        f"{len(text):,} bytes, valid={valid}, coverage={coverage}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="folder with kommuner.geojson, regioner.geojson")
    parser.add_argument(
        "--out", type=Path, default=OUT, help="where to write (default: the package)"
    )
    args = parser.parse_args(argv)
    # The registry's municipality code is the DAGI code without its leading zero.
    municipalities = simplify(
        args.source / "kommuner.geojson", "KOMKODE", "KOMNAVN", lambda c: str(int(c))
    )
    regions = simplify(args.source / "regioner.geojson", "REGIONKODE", "REGIONNAVN", str)
    _write(municipalities, args.out, "municipalities.json")
    _write(regions, args.out, "regions.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
