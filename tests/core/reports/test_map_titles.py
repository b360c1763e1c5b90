"""A map names its unit once: "Klynger fysisk til stede", "Kommunal medfinansiering (kr.)"."""

from datetime import date

import pytest

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.maps.model import MapLayer
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.reports.outline_map import panel_title
from klyngeradar.core.surveys.demo import demo_round


@pytest.mark.parametrize(
    ("title", "unit", "expected"),
    [
        ("Klynger fysisk til stede", "klynger", "Klynger fysisk til stede"),
        ("Kommunale aftaler (surveyen)", "aftaler", "Kommunale aftaler (surveyen)"),
        ("Municipal agreements (survey)", "agreements", "Municipal agreements (survey)"),
        ("Kommunal medfinansiering", "kr.", "Kommunal medfinansiering (kr.)"),
        ("Deltagende virksomheder", "virksomheder", "Deltagende virksomheder"),
        ("Fødevarer og bioressourcer", "LQ", "Fødevarer og bioressourcer (LQ)"),
        # A unit inside another word is not named: "klyngerne" is not "klynger".
        ("Klyngernes kontorer", "klynger", "Klyngernes kontorer (klynger)"),
    ],
)
def test_it_names_the_unit_only_when_the_title_does_not(title, unit, expected):
    layer = MapLayer(
        key="k", title=title, unit=unit, unit_one=unit, region="1081", values=(), base="Base"
    )
    assert panel_title(layer) == expected


@pytest.mark.parametrize(
    ("lang", "titles"),
    [
        ("da", ("Klynger fysisk til stede", "Kommunale aftaler (surveyen)")),
        ("en", ("Clusters physically present", "Municipal agreements (survey)")),
    ],
)
def test_the_demo_decks_maps_have_plain_titles(lang, titles):
    round = demo_round()
    deck = build_deck(round, findings=compute_findings(round), as_of=date(2023, 12, 31), lang=lang)
    (slide,) = [s for s in deck.slides if s.key == "map.municipalities"]
    assert tuple(panel.title for panel in slide.map.panels) == titles
