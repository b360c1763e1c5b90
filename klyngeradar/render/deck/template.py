"""Slide templates: the shipped default, an organisation's own .pptx, and layout mapping.

A deck uses four kinds of layout (`title`, `content`, `section`, `two`), found
by what they hold (`klyngeradar.render.deck.layouts`); when one is missing the
error names the file, the missing layout and the layouts the template has. The
template's theme gives the fonts text is measured with
(`klyngeradar.render.deck.fonts`) and the colours charts and the heatmap are
drawn in (`klyngeradar.render.deck.theme`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType
from pptx.slide import SlideLayout
from pptx.util import Emu, Inches, Pt

from klyngeradar.core.archives import check_archive
from klyngeradar.core.problems import InputError, Problem
from klyngeradar.core.reports.measure import CALIBRI, Metrics, widest
from klyngeradar.render.deck.fonts import FONT_SCALES, UNKNOWN_FONT_SCALE, font_metrics
from klyngeradar.render.deck.layouts import LAYOUT_NAMES, find_layouts, normalise
from klyngeradar.render.deck.theme import (
    PALETTE,
    Palette,
    palette_of,
    text_fonts,
    theme_fonts,
    theme_palette,
)

__all__ = [
    "FONT_SCALES",
    "LAYOUT_NAMES",
    "PALETTE",
    "UNKNOWN_FONT_SCALE",
    "Template",
    "load_template",
    "map_layouts",
    "normalise",
]

DEFAULT_TEMPLATE_NAME = "default.pptx"
DEFAULT_PALETTE = palette_of({})

# Calibri in the file: PowerPoint has it; LibreOffice substitutes the
# metric-compatible Carlito, so line breaks are the same on both.
FONT = "Calibri"


@dataclass(frozen=True)
class Template:
    """An opened template without slides and the layout chosen for each slide kind."""

    presentation: PresentationType
    layouts: dict[str, SlideLayout]
    source: str
    metrics: Metrics = CALIBRI
    font: str | None = None
    # The headings' (major) font, and the colours of the theme.
    title_metrics: Metrics = CALIBRI
    title_font: str | None = None
    palette: Palette = DEFAULT_PALETTE


def default_template_path() -> Path:
    return Path(str(resources.files("klyngeradar.data.templates").joinpath(DEFAULT_TEMPLATE_NAME)))


def load_template(
    path: str | Path | None = None, layouts: Mapping[str, str] | None = None
) -> Template:
    """Open `path` (or the shipped default), remove its slides and find our layouts.

    `layouts` maps a slide kind (title, content, section, two) to a layout name of
    the template, for layouts that are not found by their arrangement and name.
    """
    source = Path(path) if path is not None else default_template_path()
    # Before python-pptx inflates anything: a template stored earlier is checked too.
    not_a_template = (
        "cannot be opened as a PowerPoint template (not a zip archive)",
        "kan ikke åbnes som PowerPoint-skabelon (ikke et zip-arkiv)",
    )
    check_archive(source, file=source.name, not_an_archive=not_a_template)
    try:
        presentation = Presentation(str(source))
    except Exception as exc:  # python-pptx raises several types for a bad file.
        # The library's own message is English and may name a temporary path: not shown.
        reason = "cannot be opened as a PowerPoint template (not a .pptx file, or damaged)"
        reason_da = "kan ikke åbnes som PowerPoint-skabelon (ikke en .pptx-fil, eller ødelagt)"
        raise InputError([Problem(reason, file=source.name, reason_da=reason_da)]) from exc
    _remove_slides(presentation)
    found = map_layouts(presentation, source.name, layouts)
    titles, bodies = text_fonts(presentation, list(found.values()))
    return Template(
        presentation,
        found,
        source.name,
        widest(*(font_metrics(font) for font in bodies)),
        bodies[0],
        widest(*(font_metrics(font) for font in titles)),
        titles[0],
        theme_palette(presentation),
    )


def theme_font(presentation) -> str | None:
    """The theme's body (minor) Latin font, which the deck's text is set in."""
    return theme_fonts(presentation)[1]


def map_layouts(
    presentation: PresentationType, source: str, mapping: Mapping[str, str] | None = None
) -> dict[str, SlideLayout]:
    """Find a layout for every slide kind; raise InputError naming what is missing."""
    return find_layouts(presentation, source, mapping)


def _remove_slides(presentation: PresentationType) -> None:
    # Dropping the relationship leaves the slide part unreachable, so it is not saved.
    slide_ids = presentation.slides._sldIdLst
    for slide_id in list(slide_ids):
        presentation.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


# -- The shipped default template -------------------------------------------------------------
# `build_default_template` is how `data/templates/default.pptx` was made: python-pptx's
# own default presentation, widened to 16:9 and restyled. Run it again to regenerate.

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
FOOTER_TOP = Inches(6.95)


def build_default_template(path: str | Path) -> None:
    """Write the default template (16:9, Calibri/Carlito, navy palette, footer and number)."""
    presentation = Presentation()
    scale = WIDTH / presentation.slide_width
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    master = presentation.slide_master
    _restyle_theme(master)
    _restyle_text(master)
    for shape in [*master.placeholders, *_layout_placeholders(presentation)]:
        if shape.left is not None and shape._element.spPr.find(qn("a:xfrm")) is not None:
            shape.left, shape.width = Emu(int(shape.left * scale)), Emu(int(shape.width * scale))
    _place_master(master)
    layouts = {layout.name: layout for layout in presentation.slide_layouts}
    _place_content(layouts["Title and Content"])
    _place_two(layouts["Two Content"])
    _place_title(layouts["Title Slide"])
    _place_section(layouts["Section Header"])
    for owner in (master, *presentation.slide_layouts):
        for autofit in list(owner._element.iter(qn("a:normAutofit"))):
            autofit.getparent().remove(autofit)
    for name in ("Title Slide", "Section Header"):
        layouts[name]._element.set("showMasterSp", "0")
    presentation.core_properties.title = "Klyngeradar"
    presentation.core_properties.author = "Klyngeradar"
    presentation.save(str(path))


def _layout_placeholders(presentation):
    for layout in presentation.slide_layouts:
        yield from layout.placeholders


def _box(shape, left, top, width, height) -> None:
    shape.left, shape.top, shape.width, shape.height = left, top, width, height


def _placeholder(owner, type_name: str):
    for shape in owner.placeholders:
        ph = shape._element.find(f".//{qn('p:ph')}")
        if (ph.get("type") or "body") == type_name or (
            type_name == "body" and ph.get("type") == "obj"
        ):
            return shape
    return None


def _place_master(master) -> None:
    content_width = WIDTH - 2 * MARGIN
    _box(_placeholder(master, "title"), MARGIN, Inches(0.35), content_width, Inches(0.95))
    _box(_placeholder(master, "body"), MARGIN, Inches(1.55), content_width, Inches(5.15))
    _box(_placeholder(master, "ftr"), MARGIN, FOOTER_TOP, Inches(9), Inches(0.35))
    _box(
        _placeholder(master, "sldNum"),
        WIDTH - MARGIN - Inches(1),
        FOOTER_TOP,
        Inches(1),
        Inches(0.35),
    )
    _box(_placeholder(master, "dt"), Inches(9.8), FOOTER_TOP, Inches(1.9), Inches(0.35))
    for type_name, align in (("ftr", "l"), ("sldNum", "r"), ("dt", "r")):
        _paragraph_style(_placeholder(master, type_name), size=10, color="accent5", align=align)
    # A short accent rule under every title, and a hairline above the footer.
    _add_rule(master, MARGIN, Inches(1.32), Inches(1.1), Inches(0.06), "accent4")
    _add_rule(master, MARGIN, Inches(6.88), content_width, Emu(9525), "accent3")


def _place_content(layout) -> None:
    for shape in layout.placeholders:
        if shape.placeholder_format.idx in (0, 1):
            _inherit_position(shape)


def _place_two(layout) -> None:
    gap = Inches(0.4)
    half = (WIDTH - 2 * MARGIN - gap) // 2
    for shape in layout.placeholders:
        idx = shape.placeholder_format.idx
        if idx == 0:
            _inherit_position(shape)
        elif idx == 1:
            _box(shape, MARGIN, Inches(1.55), half, Inches(5.15))
        elif idx == 2:
            _box(shape, MARGIN + half + gap, Inches(1.55), half, Inches(5.15))


def _place_title(layout) -> None:
    layout.background.fill.solid()
    layout.background.fill.fore_color.rgb = RGBColor.from_string(PALETTE["dk2"])
    title, subtitle = _placeholder(layout, "ctrTitle"), _placeholder(layout, "subTitle")
    _box(title, Inches(0.9), Inches(2.2), Inches(11.2), Inches(1.9))
    _box(subtitle, Inches(0.9), Inches(4.45), Inches(11.2), Inches(1.3))
    _paragraph_style(title, size=40, color="lt1", align="l", bold=True, anchor="b")
    _paragraph_style(subtitle, size=20, color="accent3", align="l", anchor="t", bullet=False)
    _add_rule(layout, Inches(0.9), Inches(4.22), Inches(1.6), Inches(0.08), "accent4")
    _hide_on_layout(layout, ("dt", "ftr", "sldNum"))


def _place_section(layout) -> None:
    layout.background.fill.solid()
    layout.background.fill.fore_color.rgb = RGBColor.from_string(PALETTE["lt2"])
    title, text = _placeholder(layout, "title"), _placeholder(layout, "body")
    _box(title, Inches(0.9), Inches(2.3), Inches(11.2), Inches(1.6))
    _box(text, Inches(0.9), Inches(4.2), Inches(11.2), Inches(1.4))
    _paragraph_style(title, size=36, color="dk2", align="l", bold=True, anchor="b")
    _paragraph_style(text, size=18, color="accent5", align="l", anchor="t", bullet=False)
    _add_rule(layout, Inches(0.9), Inches(4.0), Inches(1.6), Inches(0.08), "accent4")


def _inherit_position(shape) -> None:
    xfrm = shape._element.spPr.find(qn("a:xfrm"))
    if xfrm is not None:
        shape._element.spPr.remove(xfrm)


def _hide_on_layout(layout, type_names) -> None:
    for type_name in type_names:
        shape = _placeholder(layout, type_name)
        if shape is not None:
            shape._element.getparent().remove(shape._element)


def _add_rule(owner, left, top, width, height, color: str) -> None:
    """Add a filled rectangle to a master or layout (their shape collections cannot)."""
    spid = max((int(e.get("id")) for e in owner._element.iter(qn("p:cNvPr"))), default=1) + 1
    xml = (
        f'<p:sp xmlns:p="{_NS["p"]}" xmlns:a="{_NS["a"]}">'
        f'<p:nvSpPr><p:cNvPr id="{spid}" name="Accent rule {spid}"/><p:cNvSpPr/><p:nvPr/>'
        f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{int(left)}" y="{int(top)}"/>'
        f'<a:ext cx="{int(width)}" cy="{int(height)}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:schemeClr val="{color}"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        "</p:spPr></p:sp>"
    )
    owner.shapes._spTree.append(etree.fromstring(xml))


_NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}


def _paragraph_style(
    shape, *, size, color, align, bold=False, anchor=None, bullet: bool | None = None
):
    """Set level-1 text style on a layout/master placeholder through its list style."""
    body = shape._element.find(qn("p:txBody"))
    body_pr = body.find(qn("a:bodyPr"))
    if anchor:
        body_pr.set("anchor", anchor)
    lst = body.find(qn("a:lstStyle"))
    for child in list(lst):
        lst.remove(child)
    lvl = etree.SubElement(lst, qn("a:lvl1pPr"), algn=align)
    if bullet is False:
        lvl.set("marL", "0")
        lvl.set("indent", "0")
        etree.SubElement(lvl, qn("a:buNone"))
    rpr = etree.SubElement(lvl, qn("a:defRPr"), sz=str(size * 100), b="1" if bold else "0")
    fill = etree.SubElement(rpr, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:schemeClr"), val=color)


def _restyle_theme(master) -> None:
    part = master.part.part_related_by(RT.THEME)
    theme = etree.fromstring(part.blob)
    scheme = theme.find(f".//{qn('a:clrScheme')}")
    scheme.set("name", "Klyngeradar")
    for name, value in PALETTE.items():
        slot = scheme.find(qn(f"a:{name}"))
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, qn("a:srgbClr"), val=value)
    fonts = theme.find(f".//{qn('a:fontScheme')}")
    fonts.set("name", "Klyngeradar")
    for kind in ("a:majorFont", "a:minorFont"):
        fonts.find(qn(kind)).find(qn("a:latin")).set("typeface", FONT)
    theme.set("name", "Klyngeradar")
    part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def _restyle_text(master) -> None:
    styles = master._element.find(qn("p:txStyles"))
    title = styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    title.set("algn", "l")
    _run_style(title, size=28, color="tx2", bold=True)
    body = styles.find(qn("p:bodyStyle"))
    sizes = (20, 18, 16, 14, 14, 14, 14, 14, 14)
    for level, size in enumerate(sizes, start=1):
        lvl = body.find(qn(f"a:lvl{level}pPr"))
        if lvl is not None:
            _run_style(lvl, size=size, color="tx1")
            spacing = lvl.find(qn("a:spcBef"))
            if spacing is not None:
                spacing[0].set("val", "40000")
    first = body.find(qn("a:lvl1pPr"))
    first.set("marL", str(int(Pt(18))))
    first.set("indent", str(-int(Pt(18))))
    bullet_colour = etree.Element(qn("a:buClr"))
    etree.SubElement(bullet_colour, qn("a:schemeClr"), val="accent1")
    first.insert(list(first).index(first.find(qn("a:buFont"))), bullet_colour)


def _run_style(level, *, size, color, bold=False) -> None:
    rpr = level.find(qn("a:defRPr"))
    rpr.set("sz", str(size * 100))
    if bold:
        rpr.set("b", "1")
    fill = rpr.find(qn("a:solidFill"))
    for child in list(fill):
        fill.remove(child)
    etree.SubElement(fill, qn("a:schemeClr"), val=color)
