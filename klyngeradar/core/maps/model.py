"""A map layer as plain data: one value per municipality with its base, and what is off the map.

A layer covers the municipalities of one region (its `codes`); every figure on the
map carries the layer's base ("12 af 13 klynger har svaret") and qualifiers, and
whatever could not be placed on the map is listed in `off_map` with its count
("ikke på kortet"), never silently dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from klyngeradar.core.numbers import format_fixed, format_int

OFF_MAP = {"da": "ikke på kortet", "en": "not on the map"}


@dataclass(frozen=True)
class MapValue:
    """One municipality's figure: None when it is not known (never 0 for unknown).

    A count is an int; a ratio such as a location quotient is a float already
    rounded to its layer's `places`, so that its class follows what is shown.
    """

    code: str
    name: str
    value: int | float | None
    # What stands behind the figure, e.g. the clusters present or the agreements' titles.
    items: tuple[str, ...] = ()
    # A breakdown of the value, e.g. presence by type: label -> count.
    parts: Mapping[str, int] = field(default_factory=dict)
    estimated: bool = False


@dataclass(frozen=True)
class OffMap:
    """Something that could not be placed on the map, and how many."""

    reason: str
    count: int


@dataclass(frozen=True)
class MapLayer:
    """One figure by municipality for one region, in one language."""

    key: str
    title: str
    unit: str
    region: str | None
    values: tuple[MapValue, ...]
    base: str
    qualifiers: tuple[str, ...] = ()
    off_map: tuple[OffMap, ...] = ()
    lang: str = "da"
    # The unit for exactly one ("1 klynge"); None when it is the same as `unit`.
    unit_one: str | None = None
    # Decimal places of the values (0: counts); a ratio such as LQ has 2.
    places: int = 0
    # Fixed legend classes (e.g. around LQ 1); None: classes from the values (`bands`).
    scale: tuple[Band, ...] | None = None
    # The unit before the value ("LQ 1,23") rather than after ("3 klynger").
    unit_first: bool = False

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(v.code for v in self.values)

    def value_of(self, code: str) -> MapValue | None:
        return next((v for v in self.values if v.code == code), None)

    @property
    def maximum(self) -> int | float | None:
        known = [v.value for v in self.values if v.value is not None]
        return max(known) if known else None

    def unit_for(self, value: int | None) -> str:
        """The unit agreeing with `value`: "1 klynge", "2 klynger"."""
        return self.unit_one if value == 1 and self.unit_one else self.unit

    def display(self, value: int | float | None) -> str:
        """The value as shown, Danish or English; "–" when not known."""
        if self.places:
            return format_fixed(value, self.places, self.lang)
        return format_int(value, self.lang)

    def with_unit(self, value: int | float | None) -> str:
        """ "3 klynger", "LQ 1,23": the value with its unit, in the layer's order."""
        unit = self.unit_for(value)
        shown = self.display(value)
        return f"{unit} {shown}" if self.unit_first else f"{shown} {unit}"

    def off_map_line(self) -> str | None:
        """One line for the whole "ikke på kortet" list, or None when everything is on it."""
        if not self.off_map:
            return None
        items = "; ".join(f"{o.reason}: {format_int(o.count, self.lang)}" for o in self.off_map)
        label = OFF_MAP["da" if self.lang == "da" else "en"]
        return f"{label[0].upper()}{label[1:]}: {items}"


def without_geometry(codes, shapes, lang: str) -> tuple[OffMap, ...]:
    """The region's municipalities that have no shape to draw, as one "ikke på kortet" entry."""
    missing = [c for c in codes if c not in shapes]
    if not missing:
        return ()
    reason = "kommune uden kortdata" if lang == "da" else "municipality without geometry"
    return (OffMap(f"{reason} ({', '.join(missing)})", len(missing)),)


@dataclass(frozen=True)
class Band:
    """One class of the legend: values from `low` to `high` inclusive (may be ±infinity)."""

    low: int | float
    high: int | float
    label: str


def bands(layer: MapLayer, classes: int = 4) -> tuple[Band, ...]:
    """The legend's classes: 0 on its own, then up to `classes` - 1 equal ranges to the maximum.

    A layer with nothing known has no classes; a municipality whose value is None
    is drawn as "not known" outside every class.
    """
    top = layer.maximum
    if top is None:
        return ()
    if layer.scale is not None:
        return layer.scale
    result = [Band(0, 0, layer.display(0))]
    if top == 0:
        return tuple(result)
    steps = min(classes - 1, top)
    low = 1
    for step in range(1, steps + 1):
        high = round(top * step / steps)
        if high < low:
            continue
        label = layer.display(low) if low == high else f"{layer.display(low)}–{layer.display(high)}"
        result.append(Band(low, high, label))
        low = high + 1
    return tuple(result)


def band_index(value: int | float | None, classes: tuple[Band, ...]) -> int | None:
    """The class a value falls in (0-based), or None for an unknown value."""
    if value is None:
        return None
    return next((i for i, b in enumerate(classes) if b.low <= value <= b.high), None)
