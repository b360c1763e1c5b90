"""Measures from a font's widths as plain data: what the renderer reads from a font file."""

import pytest

from klyngeradar.core.reports.measure import (
    CALIBRI,
    Metrics,
    fitting_size,
    text_height,
    widest,
)

# A made-up font: every letter 0.5 em, "W" 1 em, a space 0.25 em.
WIDTHS = {**{c: 0.5 for c in "abcdefghijklmnopqrstuvwxyzæøå"}, "W": 1.0, " ": 0.25}
FONT = Metrics(font="Prøve", widths=WIDTHS, missing=0.9, bold=1.2, line_spacing=1.5)


def test_it_adds_up_the_fonts_advance_widths():
    assert FONT.width("abc", 10) == pytest.approx(15)
    assert FONT.width("aW a", 10) == pytest.approx(5 + 10 + 2.5 + 5)


def test_it_counts_a_character_the_font_lacks_as_wide():
    assert FONT.width("→", 10) == pytest.approx(9)


def test_it_measures_bold_with_the_fonts_bold_ratio():
    assert FONT.as_bold().width("abc", 10) == pytest.approx(18)
    assert FONT.as_bold().bold == 1.0  # not emboldened twice


def test_it_takes_the_fonts_line_height():
    one_line = text_height([("abc", 0)], 1000, 10, bullets=False, metrics=FONT)
    assert one_line == pytest.approx(10 * 1.5 + 10 * 0.4)


def test_it_measures_a_bold_paragraph_wider_so_it_may_wrap():
    text = "ab " * 10  # 30 characters: 10 × (1 em + 0.25 em) at 10 pt = 125 pt regular
    regular = text_height([(text, 0, False)], 130, 10, bullets=False, metrics=FONT)
    bold = text_height([(text, 0, True)], 130, 10, bullets=False, metrics=FONT)
    assert bold > regular


def test_it_shrinks_text_to_the_largest_size_that_fits_with_the_fonts_widths():
    narrow = Metrics(widths={c: 0.3 for c in "abcdefghijklmnopqrstuvwxyz "}, missing=0.3)
    wide = Metrics(widths={c: 0.7 for c in "abcdefghijklmnopqrstuvwxyz "}, missing=0.7)
    paragraphs = [("klyngesamarbejde i nordjylland " * 4, 0)]
    assert fitting_size(paragraphs, 300, 60, 20, 8, metrics=narrow) > fitting_size(
        paragraphs, 300, 60, 20, 8, metrics=wide
    )


def test_widest_takes_each_characters_widest_width():
    other = Metrics(widths={"a": 0.8, "W": 0.4, " ": 0.25}, missing=0.5)
    both = widest(FONT, other)
    assert both.width("a", 10) == pytest.approx(8)
    assert both.width("W", 10) == pytest.approx(10)
    assert both.line_spacing == 1.5 and both.bold == 1.2
    assert widest() is CALIBRI
