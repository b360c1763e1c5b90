"""The deck's map slide: one editable, named freeform per municipality, coloured from the theme."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE_TYPE

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.maps.geometry import ATTRIBUTION
from klyngeradar.core.registry.geography import municipalities_in
from klyngeradar.core.reports.deck import Deck
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.deck.map import brightness
from klyngeradar.render.deck.writer import write_deck

NORTH_JUTLAND = {m.name for m in municipalities_in("1081")}


def _map_deck(lang: str = "da") -> Deck:
    round = demo_round()
    deck = build_deck(round, findings=compute_findings(round), as_of=date(2023, 10, 1), lang=lang)
    return Deck(
        deck.title,
        deck.organisation,
        deck.date,
        deck.lang,
        tuple(s for s in deck.slides if getattr(s, "map", None)),
    )


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    path = tmp_path_factory.mktemp("map") / "kort.pptx"
    write_deck(_map_deck(), path)
    return path


def _groups(slide):
    return [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP]


def test_it_puts_one_map_slide_in_the_demo_deck():
    assert len(_map_deck().slides) == 1


def test_it_draws_the_11_north_jutland_municipalities_as_named_freeforms(written):
    slide = Presentation(str(written)).slides[0]
    groups = _groups(slide)
    assert [g.name for g in groups] == [
        "Klynger fysisk til stede",
        "Kommunale aftaler (surveyen)",
    ]
    for group in groups:
        shapes = list(group.shapes)
        assert {s.name for s in shapes} == NORTH_JUTLAND
        assert len(shapes) == 11
        assert all(s.shape_type == MSO_SHAPE_TYPE.FREEFORM for s in shapes)


def test_it_colours_by_value_from_the_themes_accent(written):
    presence = _groups(Presentation(str(written)).slides[0])[0]
    fills = {s.name: s.fill.fore_color for s in presence.shapes}
    assert all(f.theme_color == MSO_THEME_COLOR.ACCENT_1 for f in fills.values())
    # Aalborg (7 clusters) is the darkest class, Hjørring (1) lighter, Læsø (0) the lightest.
    assert fills["Aalborg"].brightness < fills["Hjørring"].brightness < fills["Læsø"].brightness


@pytest.mark.parametrize(
    ("level", "classes", "expected"), [(0, 4, 0.85), (3, 4, -0.35), (0, 1, 0.85), (1, 3, 0.25)]
)
def test_it_spreads_the_classes_from_light_to_dark(level, classes, expected):
    assert brightness(level, classes) == expected


def test_it_shows_the_legend_the_base_and_the_attribution(written):
    slide = Presentation(str(written)).slides[0]
    texts = {s.name: s.text_frame.text for s in slide.shapes if s.has_text_frame}
    assert texts["Kortdata"] == ATTRIBUTION
    assert texts["Footnote"].startswith("12 af 12 svarende klynger har svaret (13 inviteret)")
    assert texts["Klynger fysisk til stede: forklaring 6–7 tekst"] == "6–7"


def test_it_names_the_maps_in_english_too(tmp_path):
    path = write_deck(_map_deck("en"), tmp_path / "map.pptx")
    groups = _groups(Presentation(str(path)).slides[0])
    assert groups[0].name == "Clusters physically present"
    assert {s.name for s in groups[0].shapes} == NORTH_JUTLAND


@pytest.mark.office
def test_it_renders_aalborg_darker_than_rebild(written, tmp_path):
    if not (shutil.which("libreoffice") and shutil.which("pdftoppm")):
        pytest.skip("needs libreoffice and pdftoppm")
    profile = tmp_path / "lo-profile"
    subprocess.run(
        ["libreoffice", f"-env:UserInstallation=file://{profile}", "--headless"]
        + ["--convert-to", "pdf", "--outdir", str(tmp_path), str(written)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(tmp_path / "kort.pdf"), str(tmp_path / "kort")],
        check=True,
        timeout=60,
    )
    image = Image.open(next(tmp_path.glob("kort*.png"))).convert("L")
    presentation = Presentation(str(written))
    scale = image.width / presentation.slide_width
    presence = {s.name: s for s in _groups(presentation.slides[0])[0].shapes}

    def shade(name):
        shape = presence[name]
        x = int((shape.left + shape.width / 2) * scale)
        y = int((shape.top + shape.height / 2) * scale)
        return image.getpixel((x, y))

    # Hjørring (1 cluster) and Rebild (0) are compact: their centres lie on land.
    assert shade("Hjørring") < shade("Rebild") < 250
