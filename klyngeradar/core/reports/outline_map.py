"""The deck's map slide: clusters present and municipal agreements by municipality.

Two maps of the round's region side by side, one area per municipality named
after it, coloured by the legend's class; the footnote gives each map's base and
what is not on the map, and the slide carries the boundaries' attribution.
"""

from __future__ import annotations

import re

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
    return MapPanel(title=panel_title(layer), areas=tuple(areas), legend=tuple(legend))


def panel_title(layer: MapLayer) -> str:
    """The map's title with its unit, unless the title already names it.

    "Klynger fysisk til stede", not "Klynger fysisk til stede (klynger)"; "Kommunal
    medfinansiering (kr.)".
    """
    words = re.findall(r"\w+", layer.title.casefold())
    if layer.unit.casefold() in words:
        return layer.title
    return f"{layer.title} ({layer.unit})"


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
    marker = ctx.t(
        f"Klyngerne i kommunerne i {ctx.region_name}",
        f"The clusters in the municipalities of {ctx.region_name}",
    )
    notes = "\n".join(
        f"{layer.title}: "
        + ", ".join(f"{v.name} {layer.display(v.value)}" for v in layer.values if v.value)
        for layer in layers
    )
    return [
        ContentSlide(
            title=map_title(ctx, *layers),
            marker=marker,
            key="map.municipalities",
            map=spec,
            notes=notes,
        )
    ]


def map_title(ctx: Context, presence: MapLayer, agreements: MapLayer) -> str:
    """ "Fysisk til stede i 3 af 11 kommuner, aftaler i 5"; unknown layers say so."""
    count = len(presence.values)
    municipalities = ctx.t(
        ctx.noun(count, "kommune", "kommuner"), ctx.noun(count, "municipality", "municipalities")
    )

    def reached(layer: MapLayer) -> int | None:
        known = [v.value for v in layer.values if v.value is not None]
        return sum(1 for v in known if v) if known else None

    present, agreed = reached(presence), reached(agreements)
    if present is None and agreed is None:
        return ctx.t(
            f"Kommunerne i {ctx.region_name}: ingen svar om tilstedeværelse og aftaler endnu",
            f"The municipalities of {ctx.region_name}: no answers on presence or agreements yet",
        )
    presence_text = (
        ctx.t(
            f"til stede i {ctx.n(present)} af {ctx.n(count)} {municipalities}",
            f"present in {ctx.n(present)} of {ctx.n(count)} {municipalities}",
        )
        if present is not None
        else ctx.t("tilstedeværelse ikke oplyst", "presence not stated")
    )
    agreed_text = (
        ctx.t(f"aftaler i {ctx.n(agreed)}", f"agreements in {ctx.n(agreed)}")
        if agreed is not None
        else ctx.t("aftaler ikke oplyst", "agreements not stated")
    )
    return ctx.t(
        f"Klyngerne er {presence_text} i {ctx.region_name}, med {agreed_text}",
        f"The clusters are {presence_text} of {ctx.region_name}, with {agreed_text}",
    )
