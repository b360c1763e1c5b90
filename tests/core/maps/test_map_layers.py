"""Map layers: one value per municipality with its base, and everything else "ikke på kortet"."""

from __future__ import annotations

import pytest

from klyngeradar.core.maps.model import MapLayer, MapValue, OffMap, band_index, bands
from klyngeradar.core.maps.register import (
    CoFinancingRow,
    CompanyRow,
    RegisteredAgreement,
    agreements_layer,
    cofinancing_layer,
    companies_layer,
)
from klyngeradar.core.maps.survey import presence_layer, survey_agreements_layer
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.core.surveys.responses import Choice, Response, RoundData, RoundInfo

REGION = {"851": "Aalborg", "860": "Hjørring", "825": "Læsø"}


def _round(*responses: Response, region: str = "1081") -> RoundData:
    return RoundData(
        info=RoundInfo(region=region),
        responses=responses,
        municipalities=tuple(Choice(c, n) for c, n in REGION.items()),
    )


def _answered(cluster: str, **answers) -> Response:
    return Response(
        cluster, "complete", {k.replace("__", "."): v for k, v in answers.items()}, name=cluster
    )


def _values(layer: MapLayer) -> dict[str, int | None]:
    return {v.code: v.value for v in layer.values}


def test_it_counts_the_demo_rounds_clusters_present_by_municipality():
    layer = presence_layer(demo_round())
    assert len(layer.values) == 11
    assert _values(layer)["851"] == 7
    assert layer.value_of("851").parts == {"Eget kontor": 5, "Samlokation med Erhvervshuset": 2}
    assert _values(layer)["825"] == 0
    assert layer.base == "12 af 12 svarende klynger har svaret (13 inviteret)"
    assert layer.off_map == ()


def test_it_counts_the_demo_rounds_seven_municipal_agreements_with_five_municipalities():
    layer = survey_agreements_layer(demo_round())
    values = {c: v for c, v in _values(layer).items() if v}
    assert sum(values.values()) == 7
    assert len(values) == 5


PRESENCE_CASES = [
    # (responses, expected values, expected off-map entries)
    ([], {"851": None, "860": None, "825": None}, ()),
    (
        [_answered("A", presence__type="own_office", presence__municipalities=frozenset({"851"}))],
        {"851": 1, "860": 0, "825": 0},
        (),
    ),
    (
        [_answered("A", presence__type="none"), _answered("B", presence__type="own_office")],
        {"851": 0, "860": 0, "825": 0},
        (OffMap("klynger til stede uden angivet kommune", 1),),
    ),
    (
        [
            _answered(
                "A",
                presence__type="colocated_other",
                presence__municipalities=frozenset({"851", "101", "999"}),
            )
        ],
        {"851": 1, "860": 0, "825": 0},
        (OffMap("kommune uden for regionen (101)", 1), OffMap("ukendt kommunekode (999)", 1)),
    ),
]


@pytest.mark.parametrize(("responses", "values", "off_map"), PRESENCE_CASES)
def test_it_places_presence_and_lists_what_is_not_on_the_map(responses, values, off_map):
    layer = presence_layer(_round(*responses, region="9999"))
    assert _values(layer) == values
    # 9999 is no region with geometry: the whole region is off the map, and said so.
    assert set(layer.off_map) == {*off_map, OffMap("region uden kortdata (9999)", 3)}


def test_it_says_in_english_what_is_off_the_map():
    layer = survey_agreements_layer(
        _round(_answered("A", agreements__municipalities=frozenset({"999"}))), "en"
    )
    assert layer.off_map_line() == "Not on the map: unknown municipality code (999): 1"
    assert layer.base == "1 of 1 responding clusters answered (1 invited)"


AGREEMENTS = (
    RegisteredAgreement("a", "Rammeaftale", "Klynge A", ("851", "860")),
    RegisteredAgreement("b", "Kontordage", "Klynge B", ("851",)),
    RegisteredAgreement("c", "Projekt", "Klynge C", ()),
    RegisteredAgreement("d", "Gammel kode", "Klynge D", ("999",)),
)


def test_it_counts_the_registered_agreements_each_municipality_is_party_to():
    layer = agreements_layer(AGREEMENTS, REGION, "1081")
    assert _values(layer) == {"851": 2, "860": 1, "825": 0}
    assert layer.value_of("860").items == ("Rammeaftale (Klynge A)",)
    assert layer.base == "4 aftaler i aftaleregistret, 3 med mindst én kommune som part"
    assert layer.off_map == (OffMap("ukendt kommunekode (999)", 1),)


COFINANCING_CASES = [
    ([], {"851": None, "860": None, "825": None}, "0 af 4"),
    (
        [
            CoFinancingRow("a", "851", 2025, 250_000),
            CoFinancingRow("a", "851", 2026, 250_000),
            CoFinancingRow("a", None, 2025, 1_000_000),
            CoFinancingRow("b", "851", 2025, 0),
        ],
        {"851": 500_000, "860": None, "825": None},
        "2 af 4",
    ),
]


@pytest.mark.parametrize(("rows", "values", "covered"), COFINANCING_CASES)
def test_it_sums_municipal_cofinancing_and_leaves_the_unregistered_empty(rows, values, covered):
    layer = cofinancing_layer(rows, AGREEMENTS, REGION, "1081")
    assert _values(layer) == values
    assert layer.base.startswith(f"medfinansiering registreret for {covered} ")
    assert layer.display(500_000) == "500.000"


COMPANY_CASES = [
    ([], {}, {"851": None, "860": None, "825": None}, ()),
    (
        [CompanyRow("10000009"), CompanyRow("10000017", pnr="1000000001")],
        {},
        {"851": None, "860": None, "825": None},
        (
            OffMap("deltagelser uden kommune eller kendt P-enhed", 2),
            OffMap("P-enheder med ukendt beliggenhed", 1),
        ),
    ),
    (
        [
            CompanyRow("10000009", municipality="851"),
            CompanyRow("10000009", municipality="851"),
            CompanyRow("10000009", pnr="1000000001"),
            CompanyRow("10000017", pnr="1000000002"),
            CompanyRow("10000025"),
        ],
        {"1000000001": "860", "1000000002": "851"},
        {"851": 2, "860": 1, "825": 0},
        (OffMap("deltagelser uden kommune eller kendt P-enhed", 1),),
    ),
]


@pytest.mark.parametrize(("rows", "punits", "values", "off_map"), COMPANY_CASES)
def test_it_counts_unique_companies_where_rows_say_where_they_are(rows, punits, values, off_map):
    layer = companies_layer(rows, REGION, punits, "1081")
    assert _values(layer) == values
    assert layer.off_map == off_map


def test_it_states_how_many_companies_it_could_place():
    layer = companies_layer(
        [CompanyRow("10000009", municipality="851"), CompanyRow("10000017")], REGION
    )
    assert layer.base == "2 unikke virksomheder (CVR) i deltagerlisterne, 1 placeret i en kommune"


def _layer(*values: int | None) -> MapLayer:
    return MapLayer(
        "x", "X", "stk.", None, tuple(MapValue(str(i), str(i), v) for i, v in enumerate(values)), ""
    )


BAND_CASES = [
    ((None, None), []),
    ((0, 0), ["0"]),
    ((0, 1), ["0", "1"]),
    ((0, 3, 7), ["0", "1–2", "3–5", "6–7"]),
    ((0, 1_740), ["0", "1–580", "581–1.160", "1.161–1.740"]),
]


@pytest.mark.parametrize(("values", "labels"), BAND_CASES)
def test_it_makes_a_legend_with_zero_on_its_own(values, labels):
    assert [b.label for b in bands(_layer(*values))] == labels


def test_it_puts_an_unknown_value_in_no_class():
    classes = bands(_layer(0, 7))
    assert band_index(None, classes) is None
    assert band_index(0, classes) == 0
    assert band_index(7, classes) == len(classes) - 1


def test_it_lists_a_municipality_without_geometry_instead_of_dropping_it():
    region = {**REGION, "852": "Nordkommune"}
    layer = agreements_layer(
        [RegisteredAgreement("x", "Aftale", "Klynge X", ("852",))], region, "1081"
    )
    assert layer.value_of("852").value == 1
    assert layer.off_map == (OffMap("kommune uden kortdata (852)", 1),)


def test_it_counts_a_grouped_row_as_the_rows_it_stands_for():
    one_by_one = [CompanyRow("10000009", pnr="1000000001")] * 3 + [CompanyRow("10000017")]
    grouped = [CompanyRow("10000009", pnr="1000000001", rows=3), CompanyRow("10000017")]

    assert companies_layer(grouped, REGION) == companies_layer(one_by_one, REGION)
    assert companies_layer(grouped, REGION).off_map[0].count == 4
