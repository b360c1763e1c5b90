"""A map for a page: the core's layers as plain JSON for ``json_script``, and for the table.

Everything the browser shows is prepared here: Danish numbers, the legend's
classes and colours, each municipality's tooltip with the base and qualifiers.
The browser only draws (static ``maps/map.js`` with the vendored ECharts), and
the table under the map shows the same figures without JavaScript.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from klyngeradar.core.maps.geometry import ATTRIBUTION, MUNICIPALITIES_FILE
from klyngeradar.core.maps.model import MapLayer, band_index, bands

# The classes' colours, light to dark; the same in maps/map.css (.map-band-N).
BAND_COLOURS = ("#eef4f7", "#b3d3e3", "#6aa5c4", "#2f7497", "#0b4f6c")
UNKNOWN_COLOUR = "#c9ced6"
OUTSIDE_COLOUR = "#f4f5f7"
GEOMETRY_URL = f"geo/{MUNICIPALITIES_FILE}"


@dataclass(frozen=True)
class Row:
    code: str
    name: str
    display: str
    items: str
    url: str


@dataclass(frozen=True)
class LegendItem:
    css: str
    label: str


@dataclass(frozen=True)
class LayerView:
    layer: MapLayer
    rows: tuple[Row, ...]
    legend: tuple[LegendItem, ...]
    off_map: str | None

    @property
    def key(self) -> str:
        return self.layer.key


@dataclass(frozen=True)
class MapView:
    """What the map fragment needs: the JSON for the drawing and the layers for the tables."""

    id: str
    spec: dict
    layers: tuple[LayerView, ...]
    attribution: str = ATTRIBUTION

    @property
    def spec_id(self) -> str:
        return f"{self.id}-spec"


def _tooltip(layer: MapLayer, value) -> str:
    lines = [f"{value.name}: {layer.with_unit(value.value)}"]
    if value.value is None:
        lines[0] = f"{value.name}: {_('ikke oplyst')}"
    lines += [f"{label}: {layer.display(count)}" for label, count in value.parts.items()]
    if value.items:
        lines.append(", ".join(value.items))
    lines.append(layer.base)
    lines += list(layer.qualifiers)
    return "\n".join(lines)


def _layer_view(layer: MapLayer, links: bool | frozenset[str]) -> tuple[dict, LayerView]:
    classes = bands(layer)
    data = []
    rows = []
    for value in layer.values:
        index = band_index(value.value, classes)
        colour = UNKNOWN_COLOUR if index is None else BAND_COLOURS[index]
        data.append(
            {
                "name": value.code,
                "value": value.value,
                "label": value.name,
                "tooltip": _tooltip(layer, value),
                "itemStyle": {"areaColor": colour},
            }
        )
        linked = links is True or (bool(links) and value.code in links)
        url = reverse("maps:municipality", kwargs={"code": value.code}) if linked else ""
        display = layer.display(value.value) if value.value is not None else _("ikke oplyst")
        rows.append(Row(value.code, value.name, display, ", ".join(value.items), url))
    legend = [LegendItem(f"map-band-{i}", band.label) for i, band in enumerate(classes)]
    if any(v.value is None for v in layer.values):
        legend.append(LegendItem("map-band-unknown", _("ikke oplyst")))
    spec = {
        "key": layer.key,
        "title": layer.title,
        "unit": layer.unit,
        "base": layer.base,
        "data": data,
    }
    view = LayerView(layer, tuple(rows), tuple(legend), layer.off_map_line())
    return spec, view


def map_view(
    map_id: str,
    layers: Sequence[MapLayer],
    region_name: str = "",
    selected: str | None = None,
    links: bool | frozenset[str] = True,
) -> MapView | None:
    """The map of `layers` (all of one region), or None when there is nothing to draw.

    `links` is True to link every municipality to its page, or the codes of the pages
    the user may open (a municipal officer: their own), so no link leads to a 404.
    """
    if not layers or not layers[0].values:
        return None
    specs, views = zip(*(_layer_view(layer, links) for layer in layers), strict=True)
    spec = {
        "geometry": static(GEOMETRY_URL),
        "region": list(layers[0].codes),
        "selected": selected,
        "outside": OUTSIDE_COLOUR,
        "labels": {
            "region": region_name or _("Regionen"),
            "country": _("Hele landet"),
            "outside": _("uden for regionen"),
        },
        "layers": list(specs),
    }
    return MapView(map_id, spec, tuple(views))
