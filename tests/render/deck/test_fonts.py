"""Text is measured with the template's theme fonts, read from the font files on the machine."""

import os
import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pptx import Presentation

from klyngeradar.core.reports.measure import CALIBRI, Metrics, widest
from klyngeradar.render.deck import fonts
from klyngeradar.render.deck.template import load_template
from klyngeradar.render.deck.theme import text_fonts, theme_fonts

FIXTURES = Path(__file__).parents[2] / "fixtures" / "templates"
DANISH = "Medfinansieringsaftale for Bæredygtigt Byggeri og Cirkulær Økonomi"


def installed(family: str) -> fonts.Face:
    """The regular face of `family`, or skip (fail in CI, which installs it) without it."""
    faces = fonts.installed_faces().get(family.casefold())
    if not faces:
        reason = f"needs the font {family} (apt-get install fonts-dejavu fonts-crosextra-carlito)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return fonts._regular_and_bold(faces)[0]


@pytest.fixture
def fresh_caches():
    """Forget what was found, so a test can change what the machine seems to have."""

    def clear():
        fonts.installed_faces.cache_clear()
        fonts._metrics.cache_clear()

    clear()
    yield
    clear()


def advance(face: fonts.Face, text: str) -> float:
    with TTFont(face.path, fontNumber=face.index, lazy=True) as font:
        cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
        return sum(metrics[cmap[ord(c)]][0] for c in text) / font["head"].unitsPerEm


def test_it_reads_the_themes_heading_and_body_fonts():
    presentation = Presentation(str(FIXTURES / "dejavu-4x3.pptx"))
    assert theme_fonts(presentation) == ("DejaVu Serif", "DejaVu Sans")
    template = load_template(FIXTURES / "dejavu-4x3.pptx")
    assert (template.title_font, template.font) == ("DejaVu Serif", "DejaVu Sans")


def test_it_takes_advance_widths_from_the_installed_font_file():
    face = installed("DejaVu Sans")
    metrics = fonts.font_metrics("DejaVu Sans")
    assert "installed" in metrics.font and Path(face.path).name in metrics.font
    expected = advance(face, DANISH) * 12 * fonts.ROUNDING
    assert metrics.width(DANISH, 12) == pytest.approx(expected)
    # DejaVu Sans is much wider than the Calibri estimate the deck used to measure with.
    assert metrics.width(DANISH, 12) > 1.15 * CALIBRI.width(DANISH, 12)


def test_it_measures_bold_with_the_bold_faces_widths():
    installed("DejaVu Sans")
    dejavu = fonts.font_metrics("DejaVu Sans")
    assert dejavu.bold >= 1.1  # DejaVu Sans Bold runs about 12 % wider
    assert dejavu.as_bold().width(DANISH, 12) > dejavu.width(DANISH, 12) * 1.1


def test_it_measures_calibri_with_the_metric_compatible_carlito():
    face = installed("Carlito")
    metrics = fonts.font_metrics("Calibri")
    assert "metric-compatible" in metrics.font and "Carlito" in metrics.font
    assert metrics.width(DANISH, 10) == pytest.approx(advance(face, DANISH) * 10 * fonts.ROUNDING)
    # Carlito's own line height (ascent + descent + gap) is more than the 1.2 default.
    assert metrics.line_spacing > 1.2


def test_it_measures_an_absent_font_with_a_wider_stand_in():
    installed("DejaVu Sans")
    resolved = fonts.resolve("Nordlys Sans")
    assert resolved.how == "stand-in"
    assert resolved.factor >= fonts.STAND_IN_FACTOR
    stand_in = fonts.font_metrics(resolved.regular.family)
    assert fonts.font_metrics("Nordlys Sans").width(DANISH, 12) >= 1.05 * stand_in.width(DANISH, 12)


def test_it_caches_the_measures_per_font():
    assert fonts.font_metrics("Verdana") is fonts.font_metrics("  verdana ")


def test_it_finds_fonts_by_scanning_the_font_folders_without_fontconfig(monkeypatch, fresh_caches):
    face = installed("DejaVu Sans")
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    monkeypatch.setattr(fonts, "FONT_FOLDERS", (str(Path(face.path).parent),))
    fonts.installed_faces.cache_clear()
    found = fonts.installed_faces()
    assert "dejavu sans" in found
    assert all(Path(f.path).parent == Path(face.path).parent for f in found["dejavu sans"])
    assert fonts.resolve("DejaVu Sans").regular.path == face.path
    assert fonts.resolve("DejaVu Sans").bold is not None
    # Without fontconfig an absent font is measured with DejaVu Sans, widened.
    assert fonts.resolve("Nordlys Sans").regular.family == "DejaVu Sans"


def test_it_estimates_conservatively_when_the_machine_has_no_font_files(
    monkeypatch, fresh_caches, tmp_path
):
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    monkeypatch.setattr(fonts, "FONT_FOLDERS", (str(tmp_path),))
    assert fonts.font_metrics("Verdana") == Metrics(scale=1.25, font="verdana")
    unknown = fonts.font_metrics("Nordlys Sans")
    assert unknown.scale == fonts.UNKNOWN_FONT_SCALE and unknown.widths is None


def test_it_skips_font_files_that_cannot_be_read(monkeypatch, fresh_caches, tmp_path):
    (tmp_path / "broken.ttf").write_bytes(b"not a font")
    face = installed("DejaVu Sans")
    shutil.copy(face.path, tmp_path / "DejaVuSans.ttf")
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    monkeypatch.setattr(fonts, "FONT_FOLDERS", (str(tmp_path),))
    fonts.installed_faces.cache_clear()
    assert list(fonts.installed_faces()) == ["dejavu sans"]


def test_it_measures_with_the_widest_font_a_template_names():
    """LibreOffice names DejaVu in the placeholders' text and Arial in the theme."""
    installed("DejaVu Sans")
    template = load_template(FIXTURES / "impress.pptx")
    presentation = template.presentation
    titles, bodies = text_fonts(presentation, list(template.layouts.values()))
    assert theme_fonts(presentation) == ("Arial", "Arial")
    assert "DejaVu Sans" in bodies and "Arial" in bodies
    assert "DejaVu Serif" in titles
    for font in bodies:
        assert template.metrics.width(DANISH, 12) >= fonts.font_metrics(font).width(DANISH, 12)


def test_widest_is_at_least_as_wide_as_each_font_for_every_character():
    installed("DejaVu Sans")
    one, other = fonts.font_metrics("DejaVu Sans"), CALIBRI
    both = widest(one, other)
    for text in ("iiii", "WWWW", "æøå ÆØÅ", DANISH, "→≥"):
        assert both.width(text, 10) >= max(one.width(text, 10), other.width(text, 10)) - 1e-9
    assert widest(one, one) is one
