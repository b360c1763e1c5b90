"""Draw a `MapSpec` on a slide as editable shapes: one freeform per municipality, named after it.

Each map is a group named after its title holding one freeform per municipality
("Aalborg"), filled with the template's first accent colour lightened or darkened
by the legend class, so that a new theme recolours the map and a user can recolour
or move any municipality in PowerPoint. Under the maps: the legend, the base as a
footnote and the boundaries' attribution.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from klyngeradar.core.reports.deck import MapPanel, MapSpec
from klyngeradar.core.reports.layout import FOOTNOTE_SIZE
from klyngeradar.core.reports.measure import CALIBRI, Metrics, fitting_size

MUTED = RGBColor.from_string("6B7B8C")
TITLE_HEIGHT = Inches(0.35)
LEGEND_HEIGHT = Inches(0.3)
FOOTNOTE_HEIGHT = Inches(0.55)
ATTRIBUTION_HEIGHT = Inches(0.22)
GAP = Inches(0.3)
SWATCH = Inches(0.16)
LEGEND_STEP = Inches(1.1)
# The lightest and darkest brightness of the accent colour across the legend's classes.
LIGHTEST, DARKEST = 0.85, -0.35


@dataclass(frozen=True)
class Frame:
    left: int
    top: int
    width: int
    height: int


def brightness(level: int, classes: int) -> float:
    """The accent colour's brightness for a legend class: lightest at 0, darkest at the top."""
    if classes <= 1:
        return LIGHTEST
    return round(LIGHTEST + (DARKEST - LIGHTEST) * level / (classes - 1), 3)


def _fill(shape, level: int | None, classes: int) -> None:
    shape.fill.solid()
    if level is None:
        # Not known: neutral grey from the theme's background, never the colour of 0.
        shape.fill.fore_color.theme_color = MSO_THEME_COLOR.BACKGROUND_1
        shape.fill.fore_color.brightness = -0.3
    else:
        shape.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
        shape.fill.fore_color.brightness = brightness(level, classes)


def _project(panel: MapPanel, frame: Frame):
    """A function from (lon, lat) to slide EMUs that fits the panel's areas into `frame`."""
    points = [p for area in panel.areas for ring in area.rings for p in ring]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    # Degrees of longitude shrink with the cosine of the latitude (equirectangular view).
    aspect = math.cos(math.radians((south + north) / 2))
    width, height = (east - west) * aspect, north - south
    scale = min(frame.width / width, frame.height / height)
    left = frame.left + (frame.width - width * scale) / 2
    top = frame.top + (frame.height - height * scale) / 2

    def project(point: tuple[float, float]) -> tuple[int, int]:
        return (
            int(left + (point[0] - west) * aspect * scale),
            int(top + (north - point[1]) * scale),
        )

    return project


# The smallest size a map's text shrinks to, so that it keeps to its box with the theme font.
MIN_SIZE = 6


def _text(
    shapes,
    frame: Frame,
    text: str,
    size: float,
    *,
    name: str,
    min_size: int = MIN_SIZE,
    bold=False,
    color=None,
    metrics: Metrics = CALIBRI,
):
    box = shapes.add_textbox(frame.left, frame.top, frame.width, frame.height)
    box.name = name
    body = box.text_frame
    body.word_wrap = True
    body.auto_size = MSO_AUTO_SIZE.NONE
    body.vertical_anchor = MSO_ANCHOR.TOP
    for attr in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(body, attr, Emu(0))
    run = body.paragraphs[0].add_run()
    run.text = text
    fitted = fitting_size(
        [(text, 0, bool(bold))],
        Emu(frame.width).pt,
        Emu(frame.height).pt,
        int(size),
        min_size,
        bullets=False,
        metrics=metrics,
    )
    run.font.size = Pt(fitted or min_size)
    run.font.bold = bold or None
    if color is not None:
        run.font.color.rgb = color
    return box


def _freeform(shapes, rings: list[list[tuple[int, int]]]):
    """A freeform shape whose one path holds every ring (a municipality and its islands).

    python-pptx's `FreeformBuilder` recomputes the shape's extents for every vertex,
    which takes seconds for a few thousand vertices; so the builder makes the shape
    and its frame, and the path is written here in one pass (the same DrawingML).
    """
    xs = [x for ring in rings for x, _y in ring]
    ys = [y for ring in rings for _x, y in ring]
    left, top = min(xs), min(ys)
    width, height = max(max(xs) - left, 1), max(max(ys) - top, 1)
    builder = shapes.build_freeform(left, top, scale=1.0)
    builder.add_line_segments([(left + width, top), (left + width, top + height)], close=True)
    shape = builder.convert_to_shape(0, 0)
    shape.left, shape.top, shape.width, shape.height = left, top, width, height
    paths = shape._element.spPr.find(qn("a:custGeom")).find(qn("a:pathLst"))
    for child in list(paths):
        paths.remove(child)
    path = etree.SubElement(paths, qn("a:path"), w=str(width), h=str(height))
    for ring in rings:
        for i, (x, y) in enumerate(ring):
            step = etree.SubElement(path, qn("a:moveTo" if i == 0 else "a:lnTo"))
            etree.SubElement(step, qn("a:pt"), x=str(x - left), y=str(y - top))
        etree.SubElement(path, qn("a:close"))
    return shape


def _panel(slide, panel: MapPanel, frame: Frame, metrics: Metrics = CALIBRI) -> None:
    _text(
        slide.shapes,
        Frame(frame.left, frame.top, frame.width, TITLE_HEIGHT),
        panel.title,
        14,
        name=f"{panel.title}: titel",
        bold=True,
        metrics=metrics,
    )
    area = Frame(
        frame.left,
        frame.top + TITLE_HEIGHT,
        frame.width,
        frame.height - TITLE_HEIGHT - LEGEND_HEIGHT,
    )
    project = _project(panel, area)
    classes = sum(1 for item in panel.legend if item.level is not None)
    group = slide.shapes.add_group_shape()
    group.name = panel.title
    for municipality in panel.areas:
        rings = [[project(p) for p in ring] for ring in municipality.rings if len(ring) >= 4]
        shape = _freeform(group.shapes, rings)
        shape.name = municipality.name
        _fill(shape, municipality.level, classes)
        shape.line.color.theme_color = MSO_THEME_COLOR.BACKGROUND_1
        shape.line.width = Pt(0.75)
        # A map reads flat: no theme shadow under each municipality.
        shape.shadow.inherit = False
    legend = Frame(frame.left, area.top + area.height, frame.width, LEGEND_HEIGHT)
    _legend(slide, panel, legend, metrics)


def _legend(slide, panel: MapPanel, frame: Frame, metrics: Metrics = CALIBRI) -> None:
    classes = sum(1 for item in panel.legend if item.level is not None)
    step = min(frame.width // max(len(panel.legend), 1), LEGEND_STEP)
    for i, item in enumerate(panel.legend):
        left = frame.left + i * step
        swatch = slide.shapes.add_shape(1, left, frame.top + Inches(0.04), SWATCH, SWATCH)
        swatch.name = f"{panel.title}: forklaring {item.label}"
        _fill(swatch, item.level, classes)
        swatch.line.color.rgb = MUTED
        swatch.line.width = Pt(0.5)
        _text(
            slide.shapes,
            Frame(
                left + SWATCH + Inches(0.06), frame.top, step - SWATCH - Inches(0.1), frame.height
            ),
            item.label,
            10,
            name=f"{panel.title}: forklaring {item.label} tekst",
            metrics=metrics,
        )


def draw_map(
    slide,
    spec: MapSpec,
    left: int,
    top: int,
    width: int,
    height: int,
    metrics: Metrics = CALIBRI,
) -> None:
    """Draw `spec` in the given box of `slide` (in EMUs); its text measured with `metrics`."""
    maps_height = height - FOOTNOTE_HEIGHT - ATTRIBUTION_HEIGHT
    count = max(len(spec.panels), 1)
    panel_width = (width - GAP * (count - 1)) // count
    for i, panel in enumerate(spec.panels):
        if panel.areas:
            frame = Frame(left + i * (panel_width + GAP), top, panel_width, maps_height)
            _panel(slide, panel, frame, metrics)
    if spec.footnote is not None:
        _text(
            slide.shapes,
            Frame(left, top + maps_height + Inches(0.05), width, FOOTNOTE_HEIGHT - Inches(0.05)),
            spec.footnote.text,
            FOOTNOTE_SIZE,
            name="Footnote",
            # Every footnote of the deck has one size, the layout's (it cut this one to fit).
            min_size=FOOTNOTE_SIZE,
            color=MUTED,
            metrics=metrics,
        )
    attribution = _text(
        slide.shapes,
        Frame(left, top + height - ATTRIBUTION_HEIGHT, width, ATTRIBUTION_HEIGHT),
        spec.attribution,
        8,
        name="Kortdata",
        color=MUTED,
        metrics=metrics,
    )
    attribution.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
