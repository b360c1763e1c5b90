"""Text measured in points: how wide a text is, how many lines it takes, what size fits a box.

The deck's layout (`klyngeradar.core.reports.layout`) decides from these
measures where tables, charts and text split onto continuation slides; the
renderer uses the same measures to size what it draws, so the two agree.

Widths are advance widths in em. The renderer reads them from the template's
theme font (or its substitute) and passes them in as plain data (`Metrics.widths`,
with the font's bold ratio and line spacing); without a font file they are
estimated in groups the way Calibri/Carlito draws them. Either way they are
rounded up, so that the estimate errs towards wrapping early rather than
overflowing; a font measured by a stand-in passes a larger `scale`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

_NARROW = set("fijlrtI.,:;'!|()[]-/ ")
_WIDE = set("mwMW@%")
_CAPITAL = set("ABCDEFGHJKLNOPQRSTUVXYZÆØÅ&")
_DIGITS = set("0123456789")
LINE_SPACING = 1.2
# Bold text runs about 10 % wider than regular text.
BOLD = 1.1


@dataclass(frozen=True)
class Metrics:
    """A font's measures: advance widths in em per character, times `scale`.

    `widths` maps characters to their advance width in em (from the font file);
    a character it lacks counts as `missing` em (a wide letter's). Without
    `widths`, Calibri's width groups are used (Verdana is about 1.25 of them).
    `bold` is how much wider the font's bold face runs, `line_spacing` a line's
    height in em, and `font` names what was measured (for messages and equality).
    """

    scale: float = 1.0
    font: str | None = None
    widths: Mapping[str, float] | None = field(default=None, compare=False, repr=False)
    missing: float = 0.86
    bold: float = BOLD
    line_spacing: float = LINE_SPACING

    def as_bold(self) -> Metrics:
        """The same font's bold face: every width times `bold`."""
        return replace(self, scale=self.scale * self.bold, bold=1.0)

    def width(self, text: str, size: float) -> float:
        """Estimated width of `text` at `size` points, in points."""
        if self.widths is not None:
            widths, missing = self.widths, self.missing
            return sum(widths.get(char, missing) for char in text) * size * self.scale
        em = 0.0
        for char in text:
            if char in _NARROW:
                em += 0.3
            elif char in _WIDE:
                em += 0.86
            elif char in _CAPITAL:
                em += 0.62
            elif char in _DIGITS:
                em += 0.52
            else:
                em += 0.5
        return em * size * self.scale

    def lines(self, text: str, width: float, size: float) -> int:
        """How many lines `text` takes in `width` points at `size`, wrapping at spaces."""
        count = 0
        for paragraph in text.split("\n"):
            count += self._lines(paragraph, width, size)
        return max(count, 1)

    def _lines(self, text: str, width: float, size: float) -> int:
        lines, current = 1, 0.0
        space = self.width(" ", size)
        for word in text.split():
            word_width = self.width(word, size)
            if current and current + space + word_width > width:
                lines, current = lines + 1, 0.0
            if word_width > width:  # A word longer than the line breaks inside.
                extra = math.ceil(word_width / width) - 1
                lines, current = lines + extra, word_width - extra * width
            else:
                current = current + (space if current else 0) + word_width
        return lines

    def whole_words(self, text: str, width: float, size: float) -> bool:
        """Whether every word of `text` fits on a line of `width` points at `size`."""
        return all(self.width(word, size) <= width for word in text.split())


CALIBRI = Metrics()


def text_width(text: str, size: float, metrics: Metrics = CALIBRI) -> float:
    """Estimated width of `text` at `size` points, in points."""
    return metrics.width(text, size)


def line_count(text: str, width: float, size: float, metrics: Metrics = CALIBRI) -> int:
    """How many lines `text` takes in `width` points at `size`, wrapping at spaces."""
    return metrics.lines(text, width, size)


Paragraph = tuple[str, int] | tuple[str, int, bool]


def text_height(
    paragraphs: Sequence[Paragraph],
    width: float,
    size: float,
    *,
    bullets: bool = True,
    metrics: Metrics = CALIBRI,
) -> float:
    """The height in points of (text, level[, bold]) paragraphs at `size` (a level is 2 pt
    smaller; a bold paragraph is measured with the font's bold widths)."""
    used = 0.0
    bold_metrics = metrics.as_bold()
    for text, level, *bold in paragraphs:
        item_size = size - 2 * level
        indent = (18 + 18 * level) if bullets else 0
        measure = bold_metrics if bold and bold[0] else metrics
        lines = measure.lines(text, width - indent, item_size)
        used += lines * item_size * metrics.line_spacing + item_size * 0.4
    return used


def fitting_size(
    paragraphs: Sequence[Paragraph],
    width: float,
    height: float,
    max_size: int,
    min_size: int,
    *,
    bullets: bool = True,
    metrics: Metrics = CALIBRI,
) -> int | None:
    """The largest whole size from `max_size` down to `min_size` that fits, or None."""
    for size in range(max_size, min_size - 1, -1):
        if text_height(paragraphs, width, size, bullets=bullets, metrics=metrics) <= height:
            return size
    return None


def widest(*metrics: Metrics) -> Metrics:
    """One measure at least as wide as each of `metrics` for every character.

    For text that may be set in any of several fonts (a template whose placeholders
    name another font than its theme): each character as wide as its widest.
    """
    distinct = list(dict.fromkeys(metrics))
    if len(distinct) == 1:
        return distinct[0]
    if not distinct:
        return CALIBRI
    characters = set().union(*(m.widths or {} for m in distinct))
    characters |= _NARROW | _WIDE | _CAPITAL | _DIGITS | set("abcdeghknopqsuvxyzæøå")
    widths = {c: max(m.width(c, 1.0) for m in distinct) for c in characters}
    missing = max(m.missing * m.scale if m.widths is not None else 0.86 * m.scale for m in distinct)
    return Metrics(
        scale=1.0,
        font=" / ".join(m.font or "?" for m in distinct),
        widths=widths,
        missing=missing,
        bold=max(m.bold for m in distinct),
        line_spacing=max(m.line_spacing for m in distinct),
    )
