"""A template's theme: its heading and body fonts and its colours, as the deck draws with them.

`theme_fonts` reads the major (headings) and minor (body) Latin typefaces of
the slide master's theme part; `theme_palette` reads its colour scheme (dk1,
lt1, dk2, lt2, accent1..6) and derives what the deck colours: chart series in
the accents' order, and the fit matrix's heatmap as tints of the theme's
strongest accent, with each cell's text in the theme's dark or light colour,
whichever reads better on it (at least WCAG's 4.5:1, else black or white). A
theme that lacks a colour gets the shipped palette's.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

# The shipped default theme's colours: the fallback for a theme that lacks one.
PALETTE = {
    "dk1": "262626",
    "lt1": "FFFFFF",
    "dk2": "1B3A5C",
    "lt2": "EEF2F6",
    "accent1": "1F5F8B",
    "accent2": "4A90B8",
    "accent3": "9CC3DA",
    "accent4": "E08E2B",
    "accent5": "6B7B8C",
    "accent6": "B5C7A4",
    "hlink": "1F5F8B",
    "folHlink": "6B7B8C",
}
ACCENTS = tuple(f"accent{n}" for n in range(1, 7))
# The shipped theme's heatmap for fit levels 0–3 (none, weak, clear, strong), chosen by eye.
LEVEL_FILLS = ("F2F2F2", "D6E6F2", "8DBAD8", "1F5F8B")
LEVEL_TEXT = ("595959", "262626", "262626", "FFFFFF")
# How much of the heatmap's colour each level's fill holds (the rest is the light colour).
LEVEL_TINTS = (0.0, 0.2, 0.5, 1.0)
# WCAG: normal text needs 4.5:1; a fit level's strongest fill must stand out from white 3:1.
TEXT_CONTRAST, FILL_CONTRAST = 4.5, 3.0
SYSTEM_COLOURS = {"windowText": "000000", "window": "FFFFFF"}


@dataclass(frozen=True)
class Palette:
    """The colours the deck draws with, as RRGGBB strings."""

    series: tuple[str, ...]
    level_fills: tuple[str, ...]
    level_text: tuple[str, ...]
    dark: str
    light: str

    def series_colour(self, index: int) -> str:
        return self.series[index % len(self.series)]

    def text_on(self, fill: str) -> str:
        """The theme's dark or light colour, whichever reads better on `fill`."""
        return readable_on(fill, self.dark, self.light)


def theme_root(presentation):
    """The slide master's theme as XML, or None when the template has no theme part."""
    try:
        part = presentation.slide_master.part.part_related_by(RT.THEME)
    except KeyError:
        return None
    try:
        return etree.fromstring(part.blob)
    except etree.XMLSyntaxError:
        return None


def theme_fonts(presentation) -> tuple[str | None, str | None]:
    """The theme's (major, minor) Latin typefaces: headings and body text."""
    root = theme_root(presentation)
    if root is None:
        return None, None
    found = []
    for kind in ("a:majorFont", "a:minorFont"):
        latin = root.find(f".//{qn(kind)}/{qn('a:latin')}")
        typeface = latin.get("typeface") if latin is not None else None
        found.append(typeface.strip() or None if typeface else None)
    return found[0], found[1]


TITLE_TYPES = ("title", "ctrTitle")
TITLE_KINDS = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
BODY_KINDS = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE}


def text_fonts(presentation, layouts) -> tuple[list[str], list[str]]:
    """(title fonts, body fonts): the typefaces the deck's titles and body text may be set in.

    A placeholder's font is the first of: its layout placeholder's list style, the
    master placeholder's, the master's title or body style, the theme's major
    (titles) or minor (body) font; "+mj-lt"/"+mn-lt" stand for the theme's. Any
    other typeface the layout's or master's placeholder names in its text (as
    LibreOffice writes its styles) counts too, and body text includes the theme's
    minor font, which text boxes, tables and charts use. Measured with the widest.
    """
    major, minor = theme_fonts(presentation)
    master = presentation.slide_master
    titles: list[str] = []
    bodies: list[str] = [minor] if minor else []
    for layout in layouts:
        for placeholder in layout.placeholders:
            kind = placeholder.placeholder_format.type
            is_title = kind in TITLE_KINDS
            if not is_title and kind not in BODY_KINDS:
                continue
            found = titles if is_title else bodies
            for font in _placeholder_fonts(placeholder._element, master, is_title, major, minor):
                if font and font not in found:
                    found.append(font)
    return titles or [major or minor or "Calibri"], bodies or ["Calibri"]


def _placeholder_fonts(element, master, is_title: bool, major, minor) -> list[str | None]:
    level = f"{qn('a:lstStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}/{qn('a:latin')}"
    wanted = TITLE_TYPES if is_title else ("body", "obj", None)
    owners = [element]
    for shape in master.placeholders:
        ph = shape._element.find(f".//{qn('p:ph')}")
        if ph is not None and ph.get("type") in wanted:
            owners.append(shape._element)
            break
    chain = [owner.find(f"{qn('p:txBody')}/{level}") for owner in owners]
    style = "p:titleStyle" if is_title else "p:bodyStyle"
    chain.append(
        master._element.find(
            f"{qn('p:txStyles')}/{qn(style)}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}/{qn('a:latin')}"
        )
    )

    def named(latin) -> str | None:
        typeface = (latin.get("typeface") or "").strip() if latin is not None else ""
        if typeface.startswith("+mj"):
            return major
        if typeface.startswith("+mn"):
            return minor
        return typeface or None

    inherited = next((named(x) for x in chain if named(x)), None)
    fonts = [inherited or (major if is_title else minor)]
    for owner in owners:
        fonts += [named(latin) for latin in owner.iter(qn("a:latin"))]
    return fonts


def inherited_run_property(shape, name: str) -> str | None:
    """A first-level run property (``cap``, ``b``) as the shape's text inherits it: from its
    own list style, its layout's and master's placeholder, then the master's text style."""
    path = f"{qn('p:txBody')}/{qn('a:lstStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}"
    owner, seen = shape, 0
    while owner is not None and seen < 3:
        found = owner._element.find(path)
        if found is not None and found.get(name) is not None:
            return found.get(name)
        try:
            owner = getattr(owner, "_base_placeholder", None)
        except (AttributeError, KeyError, ValueError):
            owner = None
        seen += 1
    if not getattr(shape, "is_placeholder", False):
        return None
    try:
        master = shape.part.slide_layout.slide_master
    except AttributeError:
        return None
    is_title = shape.placeholder_format.type in TITLE_KINDS
    style = "p:titleStyle" if is_title else "p:bodyStyle"
    found = master._element.find(
        f"{qn('p:txStyles')}/{qn(style)}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}"
    )
    return found.get(name) if found is not None else None


def set_in_capitals(shape) -> bool:
    """Whether the template sets the shape's text in capitals (a section title often is)."""
    return inherited_run_property(shape, "cap") == "all"


def theme_colours(presentation) -> dict[str, str]:
    """The theme's colour scheme as {slot: RRGGBB}; slots it lacks or cannot say are left out."""
    root = theme_root(presentation)
    scheme = root.find(f".//{qn('a:clrScheme')}") if root is not None else None
    colours: dict[str, str] = {}
    if scheme is None:
        return colours
    for slot in scheme:
        if not isinstance(slot.tag, str):
            continue
        name = etree.QName(slot).localname
        value = None
        rgb = slot.find(qn("a:srgbClr"))
        system = slot.find(qn("a:sysClr"))
        if rgb is not None:
            value = rgb.get("val")
        elif system is not None:
            value = system.get("lastClr") or SYSTEM_COLOURS.get(system.get("val", ""))
        if value and _is_hex(value):
            colours[name] = value.upper()
    return colours


def theme_palette(presentation) -> Palette:
    """The deck's colours from the template's theme, the shipped palette where it lacks one."""
    return palette_of(theme_colours(presentation))


def palette_of(colours: dict[str, str]) -> Palette:
    have = {**PALETTE, **colours}
    dark, light = have["dk1"], have["lt1"]
    if contrast(dark, light) < TEXT_CONTRAST:  # a theme with unreadable text colours
        dark, light = PALETTE["dk1"], PALETTE["lt1"]
    series = tuple(have[a] for a in ACCENTS)
    base = _heatmap_colour(have, light)
    if base == PALETTE["accent1"] and light == PALETTE["lt1"]:
        fills, text = LEVEL_FILLS, LEVEL_TEXT
    else:
        grey = mix(dark, light, 0.06)
        fills = (grey, *(mix(base, light, t) for t in LEVEL_TINTS[1:]))
        text = tuple(readable_on(fill, dark, light) for fill in fills)
    return Palette(series, fills, text, dark, light)


def _heatmap_colour(colours: dict[str, str], light: str) -> str:
    """The first accent that stands out from the light colour, else dk2, else the shipped."""
    for name in (*ACCENTS, "dk2"):
        if name in colours and contrast(colours[name], light) >= FILL_CONTRAST:
            return colours[name]
    return PALETTE["accent1"]


# -- colour arithmetic --------------------------------------------------------------------------


def _is_hex(value: str) -> bool:
    return len(value) == 6 and all(c in "0123456789abcdefABCDEF" for c in value)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def mix(colour: str, other: str, share: float) -> str:
    """`share` of `colour` and the rest of `other`, as RRGGBB."""
    ours, theirs = _rgb(colour), _rgb(other)
    return "".join(
        f"{round(a * share + b * (1 - share)):02X}" for a, b in zip(ours, theirs, strict=True)
    )


def luminance(colour: str) -> float:
    """WCAG 2's relative luminance of an RRGGBB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """WCAG 2's contrast ratio of two colours (1 to 21)."""
    a, b = sorted((luminance(one), luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def readable_on(fill: str, dark: str, light: str) -> str:
    """Dark or light text, whichever contrasts more with `fill`; black or white below 4.5:1."""
    best = max((dark, light), key=lambda text: contrast(fill, text))
    if contrast(fill, best) >= TEXT_CONTRAST:
        return best
    return max(("000000", "FFFFFF"), key=lambda text: contrast(fill, text))
