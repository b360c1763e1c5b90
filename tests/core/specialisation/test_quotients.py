"""Employment, share and location quotient per area (spec: The figures)."""

from decimal import Decimal
from types import MappingProxyType

import pytest

from klyngeradar.core.problems import InputError
from klyngeradar.core.specialisation.employment import Employment
from klyngeradar.core.specialisation.mapping import AreaMapping, MappingRow
from klyngeradar.core.specialisation.quotients import compute, format_decimal

D = Decimal


def employment(cells):
    municipalities = tuple(dict.fromkeys(k for k, _ in cells))
    return Employment(
        file="ras.csv",
        year=2023,
        years=(2023,),
        layout="tidy",
        municipalities=municipalities,
        industries=tuple(sorted({i for _, i in cells})),
        cells=MappingProxyType(dict(cells)),
    )


def mapping(*rows):
    return AreaMapping(
        tuple(MappingRow(area, code, D(str(weight)), "") for area, code, weight in rows), "m.csv"
    )


ENERGY = mapping(("energiteknologi", "35", 1))
# Aalborg (851) and Hjørring (860) in Nordjylland; Odense (461) elsewhere.
CELLS = {
    ("851", "35"): 30.0,
    ("851", "10"): 70.0,
    ("860", "35"): 10.0,
    ("860", "10"): 90.0,
    ("461", "35"): 0.0,
    ("461", "10"): 100.0,
}


@pytest.mark.parametrize(
    ("cells", "rows", "municipality", "expected"),
    [
        # 30/100 over 40/300 = 2.25.
        (CELLS, [("energiteknologi", "35", 1)], "851", (D("30"), D("0.3"), D("2.25"), False)),
        (CELLS, [("energiteknologi", "35", 1)], "461", (D("0"), D("0"), D("0"), False)),
        # A weight makes employment fractional: 0.5 × 30 = 15 of 100, over 20/300.
        (CELLS, [("energiteknologi", "35", 0.5)], "851", (D("15"), D("0.15"), D("2.25"), False)),
        # A code shared by two areas, each with its weight.
        (
            CELLS,
            [("energiteknologi", "35", 0.3), ("miljoteknologi", "35", 0.7)],
            "860",
            (D("3"), D("0.03"), D("0.75"), False),
        ),
        # A suppressed cell: the figures use the cells given (a lower bound) and are flagged:
        # (20/90) over (30/290) = 2.148.
        (
            {
                **{k: v for k, v in CELLS.items() if k != ("851", "35")},
                ("851", "3511"): None,
                ("851", "3512"): 20.0,
            },
            [("energiteknologi", "35", 1)],
            "851",
            (D("20"), D("0.2222"), D("2.15"), True),
        ),
        # Every counted cell suppressed: unknown, never 0.
        (
            {**CELLS, ("851", "35"): None},
            [("energiteknologi", "35", 1)],
            "851",
            (None, None, None, True),
        ),
        # Half up: 0.225 over 0.2 = 1.125 is 1.13, not the banker's 1.12.
        (
            {("851", "35"): 9.0, ("851", "10"): 31.0, ("860", "35"): 11.0, ("860", "10"): 49.0},
            [("energiteknologi", "35", 1)],
            "851",
            (D("9"), D("0.225"), D("1.13"), False),
        ),
    ],
)
def test_it_computes_employment_share_and_lq(cells, rows, municipality, expected):
    result = compute(employment(cells), mapping(*rows))
    figure = result.area(rows[0][0]).municipalities[municipality]
    assert (figure.employment, figure.share, figure.lq, figure.suppressed) == expected


def test_it_computes_the_regions_lq_from_its_municipalities_summed():
    result = compute(employment(CELLS), ENERGY, region="1081")
    figures = result.area("energiteknologi")
    # (30 + 10) / 200 over 40 / 300 = 1.5.
    assert (figures.region.employment, figures.region.share, figures.region.lq) == (
        D("40"),
        D("0.2"),
        D("1.5"),
    )
    assert set(figures.municipalities) == {"851", "860"}
    assert result.as_dict()["region"] == "1081"


def test_it_lists_every_municipality_and_no_region_without_one():
    data = compute(employment(CELLS), ENERGY).as_dict()
    assert data["region"] is None
    assert data["areas"]["energiteknologi"]["region"] is None
    assert list(data["areas"]["energiteknologi"]["municipalities"]) == ["461", "851", "860"]
    assert data["areas"]["energiteknologi"]["municipalities"]["851"] == {
        "employment": 30,
        "share": 0.3,
        "lq": 2.25,
        "suppressed": False,
    }


def test_it_says_when_the_file_is_not_all_of_denmark_and_when_an_area_has_no_industry():
    result = compute(employment(CELLS), mapping(("energiteknologi", "35", 1), ("lyd", "2640", 1)))
    assert result.area("lyd").municipalities["851"].employment is None
    warnings = [str(w) for w in result.warnings]
    assert "ras.csv no industry in the file is mapped to the area lyd; its figures are unknown" in (
        warnings
    )
    assert any("holds 3 of the 98 municipalities" in w for w in warnings)


def test_it_ranks_the_areas_by_the_regions_lq():
    result = compute(
        employment(CELLS),
        mapping(("energiteknologi", "35", 1), ("fodevarer-og-bioressourcer", "10", 1)),
        region="1081",
    )
    assert [a.area for a in result.by_region_lq()] == [
        "energiteknologi",
        "fodevarer-og-bioressourcer",
    ]


def test_it_refuses_an_unknown_region():
    with pytest.raises(InputError, match="is not a region code"):
        compute(employment(CELLS), ENERGY, region="1099")


@pytest.mark.parametrize(
    ("value", "places", "lang", "text"),
    [
        (D("1.325"), 2, "da", "1,33"),
        (1.32, 2, "en", "1.32"),
        (D("4210.5"), 1, "da", "4.210,5"),
        (None, 2, "da", "–"),
    ],
)
def test_it_formats_decimals_the_danish_way(value, places, lang, text):
    assert format_decimal(value, places, lang) == text
