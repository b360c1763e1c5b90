"""The deck's map slide: clusters present and municipal agreements by municipality.

Two maps of the round's region side by side, one area per municipality named
after it, coloured by the legend's class; the footnote gives each map's base and
what is not on the map, and the slide carries the boundaries' attribution.
"""

from __future__ import annotations

from klyngeradar.core.maps.geometry import ATTRIBUTION, municipality_shapes
from klyngeradar.core.maps.model import MapLayer, band_index, bands
from klyngeradar.core.maps.survey import presence_layer, survey_agreements_layer
from klyngeradar.core.reports.deck import (
    ContentSlide,
    Footnote,
    MapArea,
    MapLegendItem,
    MapPanel,
    MapSpec,
    Slide,
)
from klyngeradar.core.reports.outline_base import Context


def _panel(layer: MapLayer, unknown: str) -> MapPanel:
    classes = bands(layer)
    areas = []
    for value in layer.values:
        shape = municipality_shapes().get(value.code)
        if shape is None:
            # Listed in the layer's off-map entries; nothing to draw.
            continue
        areas.append(
            MapArea(
                code=value.code,
                name=value.name,
                value=value.value,
                label=layer.display(value.value),
                level=band_index(value.value, classes),
                rings=tuple(polygon[0] for polygon in shape.polygons),
            )
        )
    legend = [MapLegendItem(band.label, i) for i, band in enumerate(classes)]
    if any(v.value is None for v in layer.values):
        legend.append(MapLegendItem(unknown, None))
    return MapPanel(title=f"{layer.title} ({layer.unit})", areas=tuple(areas), legend=tuple(legend))


def map_slides(ctx: Context) -> list[Slide]:
    """The map slide, or nothing when none of the region's municipalities can be drawn."""
    layers = (presence_layer(ctx.round, ctx.lang), survey_agreements_layer(ctx.round, ctx.lang))
    unknown = ctx.t("ikke oplyst", "not stated")
    panels = tuple(_panel(layer, unknown) for layer in layers)
    if not any(panel.areas for panel in panels):
        return []
    qualifiers = [q for layer in layers for q in layer.qualifiers]
    qualifiers += [line for layer in layers if (line := layer.off_map_line())]
    base = layers[0].base
    if layers[1].base != base:
        base = f"{layers[0].title}: {base}; {layers[1].title}: {layers[1].base}"
    spec = MapSpec(
        panels=panels,
        attribution=ATTRIBUTION,
        footnote=Footnote(base=base, qualifiers=tuple(qualifiers)),
    )
    title = ctx.t(
        f"Klyngerne i kommunerne i {ctx.region_name}",
        f"The clusters in the municipalities of {ctx.region_name}",
    )
    notes = "\n".join(
        f"{layer.title}: "
        + ", ".join(f"{v.name} {layer.display(v.value)}" for v in layer.values if v.value)
        for layer in layers
    )
    return [ContentSlide(title=title, map=spec, notes=notes)]
