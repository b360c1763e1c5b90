"""The template's theme fonts as measures: advance widths read from the font files on the machine.

`font_metrics("Verdana")` finds the font's files (fontconfig's ``fc-list`` when
it is there, else the usual font folders), reads the advance widths of its
regular face with fontTools and the ratio of its bold face, and returns them as
plain data (`klyngeradar.core.reports.measure.Metrics`), which the core's layout
measures with. A font that is not on the machine is measured with a stand-in:

1. a metric-compatible substitute (Carlito for Calibri, Caladea for Cambria,
   Liberation for Arial, Helvetica, Times New Roman and Courier New), whose
   widths are the font's own;
2. otherwise the font fontconfig would draw it with (what LibreOffice renders),
   or DejaVu Sans, times a conservative factor (`STAND_IN_FACTOR`, more for a
   font known to be wider than its stand-in), so text wraps early rather than
   overflows wherever the real font is used;
3. without any font file, Calibri's width groups times the font's known
   factor (`FONT_SCALES`), or a wide one for an unknown font.

Every answer is cached per font for the life of the process.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import math
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from klyngeradar.core.reports.measure import BOLD, LINE_SPACING, Metrics

# Theme fonts' widths relative to Calibri's (the measure's unit), from their advance
# widths: the measure without font files, and the least factor for a stand-in.
FONT_SCALES = {
    "calibri": 1.0,
    "carlito": 1.0,
    "calibri light": 1.0,
    "aptos": 1.06,
    "arial": 1.1,
    "liberation sans": 1.1,
    "helvetica": 1.1,
    "segoe ui": 1.1,
    "open sans": 1.14,
    "tahoma": 1.1,
    "times new roman": 0.98,
    "liberation serif": 0.98,
    "georgia": 1.12,
    "verdana": 1.25,
    "dejavu sans": 1.22,
    "dejavu serif": 1.24,
}
UNKNOWN_FONT_SCALE = 1.25
# Fonts drawn with the same advance widths as these free ones.
METRIC_COMPATIBLE = {
    "calibri": "carlito",
    "cambria": "caladea",
    "arial": "liberation sans",
    "helvetica": "liberation sans",
    "arial narrow": "liberation sans narrow",
    "times new roman": "liberation serif",
    "times": "liberation serif",
    "courier new": "liberation mono",
}
FALLBACK = "dejavu sans"
# A font measured by a stand-in that is not metric-compatible: its widths times this.
STAND_IN_FACTOR = 1.05
# Widths read from a font file are rounded up by this much (kerning and hinting aside).
ROUNDING = 1.02
# The characters whose widths are kept: Latin, punctuation, symbols (not CJK).
LAST_CHARACTER = 0x25FF
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
FONT_FOLDERS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "~/Library/Fonts",
    "C:/Windows/Fonts",
)
# Regular weight (fontconfig's scale: 80 regular, 200 bold) and upright.
REGULAR, BOLD_WEIGHT = 80, 200


@dataclass(frozen=True)
class Face:
    """One font file (and face in a collection) of a family."""

    family: str
    path: str
    index: int = 0
    weight: int = REGULAR
    italic: bool = False
    width: int = 100


@dataclass(frozen=True)
class Resolved:
    """How a theme font is measured: the face read, and the factor over its widths."""

    font: str
    regular: Face | None
    bold: Face | None
    factor: float
    how: str  # "installed", "metric-compatible", "stand-in" or "estimate"


def font_metrics(font: str | None) -> Metrics:
    """The measures of `font` (a theme's Latin typeface), cached per font."""
    return _metrics(normal_name(font or "Calibri"))


def normal_name(font: str) -> str:
    return " ".join(font.split()).casefold()


@functools.cache
def _metrics(font: str) -> Metrics:
    resolved = resolve(font)
    if resolved.regular is None:
        return Metrics(scale=resolved.factor, font=font)
    widths, missing, line = read_widths(resolved.regular.path, resolved.regular.index)
    bold = BOLD
    if resolved.bold is not None:
        bold_widths, _, _ = read_widths(resolved.bold.path, resolved.bold.index)
        bold = bold_ratio(widths, bold_widths)
    return Metrics(
        scale=resolved.factor * ROUNDING,
        font=f"{font} ({resolved.how}: {Path(resolved.regular.path).name})",
        widths=widths,
        missing=missing,
        bold=bold,
        line_spacing=max(LINE_SPACING, line),
    )


def resolve(font: str) -> Resolved:
    """Which face measures `font` and with what factor (see the module's docstring)."""
    font = normal_name(font)
    faces = installed_faces()
    if font in faces:
        return Resolved(font, *_regular_and_bold(faces[font]), 1.0, "installed")
    compatible = METRIC_COMPATIBLE.get(font)
    if compatible in faces:
        return Resolved(font, *_regular_and_bold(faces[compatible]), 1.0, "metric-compatible")
    stand_in = _fontconfig_match(font)
    if stand_in not in faces:
        stand_in = FALLBACK if FALLBACK in faces else None
    if stand_in is not None:
        known = FONT_SCALES.get(font, 0) / FONT_SCALES.get(stand_in, math.inf)
        factor = max(STAND_IN_FACTOR, math.ceil(known * 100) / 100)
        return Resolved(font, *_regular_and_bold(faces[stand_in]), factor, "stand-in")
    return Resolved(font, None, None, FONT_SCALES.get(font, UNKNOWN_FONT_SCALE), "estimate")


def _regular_and_bold(faces: list[Face]) -> tuple[Face | None, Face | None]:
    upright = [f for f in faces if not f.italic] or faces

    def nearest(weight: int) -> Face:
        return min(upright, key=lambda f: (abs(f.width - 100), abs(f.weight - weight), f.path))

    regular = nearest(REGULAR)
    bold = nearest(BOLD_WEIGHT)
    return regular, bold if bold.weight > regular.weight else None


@functools.cache
def read_widths(path: str, index: int = 0) -> tuple[dict[str, float], float, float]:
    """A font file's advance widths in em per character, its `missing` width and line height.

    A character the font lacks is drawn from another font: it counts as the
    font's widest capital letter. The line height is the largest of the font's
    own (hhea, OS/2 typographic and Windows) ascent + descent + gap.
    """
    from fontTools.ttLib import TTFont

    with _quiet(), TTFont(path, fontNumber=index, lazy=True) as font:
        units = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        widths = {
            chr(code): metrics[glyph][0] / units
            for code, glyph in font.getBestCmap().items()
            if code <= LAST_CHARACTER and glyph in metrics
        }
        lines = []
        if "hhea" in font:
            hhea = font["hhea"]
            lines.append(hhea.ascent - hhea.descent + hhea.lineGap)
        if "OS/2" in font:
            os2 = font["OS/2"]
            lines.append(os2.usWinAscent + os2.usWinDescent)
            lines.append(os2.sTypoAscender - os2.sTypoDescender + os2.sTypoLineGap)
    capitals = [widths[c] for c in "MWÆ@" if c in widths]
    missing = max(capitals or widths.values() or [1.0])
    return widths, missing, max(lines, default=units * LINE_SPACING) / units


@contextlib.contextmanager
def _quiet():
    """fontTools logs its doubts about a font's tables (an old timestamp): not the user's."""
    logger = logging.getLogger("fontTools")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


SAMPLE = "Klyngesamarbejde med de nationale klynger ÆØÅ æøå 0123456789 Medlemmer"


def bold_ratio(regular: dict[str, float], bold: dict[str, float]) -> float:
    """How much wider the bold face runs over a Danish sample, rounded up (at least 1)."""
    shared = [c for c in SAMPLE if c in regular and c in bold]
    if not shared:
        return BOLD
    ratio = sum(bold[c] for c in shared) / sum(regular[c] for c in shared)
    return max(1.0, math.ceil(ratio * 100) / 100)


# -- finding the font files ---------------------------------------------------------------------


@functools.cache
def installed_faces() -> dict[str, list[Face]]:
    """Every font face on the machine that fontTools can read, by family (casefolded)."""
    faces = _fontconfig_faces()
    if faces is None:
        faces = _scanned_faces(FONT_FOLDERS)
    families: dict[str, list[Face]] = {}
    for face in faces:
        families.setdefault(normal_name(face.family), []).append(face)
    return families


def _run(arguments: list[str]) -> str | None:
    try:
        done = subprocess.run(
            arguments, capture_output=True, text=True, timeout=30, check=True, errors="replace"
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout


def _fontconfig_faces() -> list[Face] | None:
    if shutil.which("fc-list") is None:
        return None
    listed = _run(
        [
            "fc-list",
            "--format",
            "%{family}\t%{weight}\t%{slant}\t%{width}\t%{index}\t%{file}\n",
        ]
    )
    if listed is None:
        return None
    faces = []
    for line in listed.splitlines():
        parts = line.split("\t")
        if len(parts) != 6 or not parts[5].lower().endswith(FONT_SUFFIXES):
            continue
        families, weight, slant, width, index, path = parts
        for family in families.split(","):
            if family.strip():
                faces.append(
                    Face(
                        family.strip(),
                        path,
                        _int(index, 0),
                        _int(weight, REGULAR),
                        _int(slant, 0) != 0,
                        _int(width, 100),
                    )
                )
    return faces


def _int(value: str, default: int) -> int:
    # fontconfig prints a variable font's range as "[40 210]": take its lower end.
    value = value.strip().strip("[]").split()
    try:
        return int(float(value[0])) if value else default
    except ValueError:
        return default


def _fontconfig_match(font: str) -> str | None:
    """The family fontconfig would draw `font` with (what LibreOffice renders here)."""
    if shutil.which("fc-match") is None:
        return None
    matched = _run(["fc-match", "--format", "%{family}", font])
    if not matched:
        return None
    return normal_name(matched.split(",")[0])


def _scanned_faces(folders) -> list[Face]:
    """The faces in the usual font folders, named from the files' own name tables."""
    from fontTools.ttLib import TTFont, TTLibError

    faces = []
    for folder in folders:
        root = Path(os.path.expanduser(folder))
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix.lower() not in FONT_SUFFIXES:
                continue
            try:
                faces.extend(_faces_of(path, TTFont))
            except (TTLibError, OSError, KeyError, AssertionError, ValueError):
                continue
    return faces


# OpenType's weight and width classes on fontconfig's scales.
_OPENTYPE_WEIGHTS = {100: 0, 200: 40, 300: 50, 400: 80, 500: 100, 600: 180, 700: 200}
_OPENTYPE_WEIGHTS |= {800: 205, 900: 210}
_OPENTYPE_WIDTHS = {1: 50, 2: 63, 3: 75, 4: 87, 5: 100, 6: 113, 7: 125, 8: 150, 9: 200}


def _faces_of(path: Path, open_font) -> list[Face]:
    from fontTools.ttLib import TTCollection

    count = len(TTCollection(str(path)).fonts) if path.suffix.lower() in (".ttc", ".otc") else 1
    faces = []
    for index in range(count):
        with _quiet(), open_font(str(path), fontNumber=index, lazy=True) as font:
            names = font["name"]
            family = names.getDebugName(16) or names.getDebugName(1)
            os2 = font.get("OS/2")
            weight = os2.usWeightClass if os2 is not None else 400
            italic = bool(os2.fsSelection & 1) if os2 is not None else False
            width = os2.usWidthClass if os2 is not None else 5
        if family:
            faces.append(
                Face(
                    family,
                    str(path),
                    index,
                    _OPENTYPE_WEIGHTS.get(round(weight / 100) * 100, REGULAR),
                    italic,
                    _OPENTYPE_WIDTHS.get(width, 100),
                )
            )
    return faces
