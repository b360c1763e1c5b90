"""The LQ map layer: decimals in Danish, fixed classes around 1, unknown never 0."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from klyngeradar.core.maps.model import band_index, bands
from klyngeradar.core.maps.quotients import lq_layer, lq_scale

REGION = {"851": "Aalborg", "860": "Hjørring", "813": "Frederikshavn", "825": "Læsø"}


@dataclass(frozen=True)
class Fig:
    lq: Decimal | None
    suppressed: bool = False


def layer(lang="da", **figures):
    return lq_layer(
        "energi",
        "Energiteknologi",
        figures,
        REGION,
        year=2023,
        source="Danmarks Statistik, RAS300",
        region_code="1081",
        lang=lang,
    )


def test_the_classes_sit_around_one_in_danish_and_english():
    assert [b.label for b in lq_scale("da")] == [
        "under 0,80",
        "0,80–1,20",
        "1,21–2,00",
        "over 2,00",
    ]
    assert [b.label for b in lq_scale("en")] == [
        "below 0.80",
        "0.80–1.20",
        "1.21–2.00",
        "above 2.00",
    ]


@pytest.mark.parametrize(
    ("lq", "shown", "band"),
    [
        ("0.5", "0,50", 0),
        ("0.794", "0,79", 0),
        ("0.795", "0,80", 1),  # classed as shown: rounded first
        ("1", "1,00", 1),
        ("1.2", "1,20", 1),
        ("1.204", "1,20", 1),
        ("1.21", "1,21", 2),
        ("2.00", "2,00", 2),
        ("2.01", "2,01", 3),
        ("12.345", "12,35", 3),
    ],
)
def test_a_decimal_lq_is_shown_the_danish_way_and_classed_as_shown(lq, shown, band):
    result = layer(**{"851": Fig(Decimal(lq))})
    value = result.value_of("851")

    assert result.display(value.value) == shown
    assert result.with_unit(value.value) == f"LQ {shown}"
    assert band_index(value.value, bands(result)) == band


def test_missing_and_suppressed_are_unknown_never_zero():
    result = layer(
        **{"851": Fig(Decimal("1.5")), "860": Fig(None, True), "825": Fig(Decimal("0.9"), True)}
    )

    assert result.value_of("813").value is None  # not in the file
    hjoerring = result.value_of("860")
    assert hjoerring.value is None
    assert hjoerring.items == ("diskretioneret i statistikken",)
    laesoe = result.value_of("825")
    assert laesoe.value == 0.9 and laesoe.estimated
    assert laesoe.items == ("diskretionerede celler: LQ af de oplyste",)
    assert result.base == "LQ for beskæftigelsen i Energiteknologi, 2023: 2 af 4 kommuner oplyst"
    assert "Kilde: Danmarks Statistik, RAS300, 2023." in result.qualifiers


def test_a_layer_with_nothing_known_has_no_classes():
    assert bands(layer()) == ()


def test_counts_keep_their_integer_classes():
    from klyngeradar.core.maps.model import MapLayer, MapValue

    counts = MapLayer("k", "Klynger", "klynger", None, (MapValue("851", "Aalborg", 1740),), "base")
    assert counts.display(1740) == "1.740"
    assert counts.with_unit(1740) == "1.740 klynger"
