"""The area <-> industry mapping: weights, shared codes, levels and refusals (spec: Inputs 2)."""

from decimal import Decimal

import pytest

from klyngeradar.core.problems import InputError
from klyngeradar.core.registry.reference import reference_areas
from klyngeradar.core.specialisation.mapping import (
    default_mapping,
    parse_code,
    parse_weight,
    read_mapping,
)


def write(tmp_path, lines):
    path = tmp_path / "mapping.csv"
    path.write_text("\n".join(lines), "utf-8")
    return path


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, Decimal(1)),
        ("0,5", Decimal("0.5")),
        ("0.5", Decimal("0.5")),
        (1, Decimal(1)),
        ("0", Decimal(0)),
    ],
)
def test_it_reads_weights_with_a_comma_or_a_point_and_defaults_to_one(value, expected):
    assert parse_weight(value) == expected


@pytest.mark.parametrize("value", ["1,5", "-0.1", "halv", "nan"])
def test_it_refuses_a_weight_outside_zero_to_one(value):
    with pytest.raises(ValueError):
        parse_weight(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("28", "28"),
        ("2829", "2829"),
        ("282900", "282900"),
        ("28.29.00", "282900"),
        (28, "28"),
        ("2", None),
        ("28a", None),
        ("2829001", None),
    ],
)
def test_it_reads_db07_codes_at_any_level(value, expected):
    assert parse_code(value) == expected


@pytest.mark.parametrize(
    ("industry", "weights"),
    [
        ("28", {"avanceret-produktion": Decimal(1)}),
        ("2849", {"avanceret-produktion": Decimal(1)}),
        (
            "282900",
            {"avanceret-produktion": Decimal("0.5"), "robot-automation-og-droner": Decimal("0.5")},
        ),
        ("281100", {"energiteknologi": Decimal(1)}),
        ("99", {}),
    ],
)
def test_it_counts_a_code_once_at_the_finest_mapped_level(tmp_path, industry, weights):
    mapping = read_mapping(
        write(
            tmp_path,
            [
                "area,industry,weight,note",
                "avanceret-produktion,28,1,machinery",
                "avanceret-produktion,2829,0.5,shared",
                'robot-automation-og-droner,2829,"0,5",shared',
                "energiteknologi,2811,,turbines",
            ],
        )
    )
    assert dict(mapping.weights(industry)) == weights


def test_it_names_every_problem_in_a_mapping(tmp_path):
    path = write(
        tmp_path,
        [
            "area,industry,weight,note",
            "rumfart,30,1,unknown area",
            "energiteknologi,3x,1,malformed",
            "energiteknologi,35,1.5,too heavy",
            "lyd,2640,0.6,",
            "digitale-teknologier,2640,0.6,",
            "lyd,5920,1,",
            "lyd,5920,1,",
        ],
    )
    with pytest.raises(InputError) as info:
        read_mapping(path)
    assert [str(p) for p in info.value.problems] == [
        'mapping.csv: row 2 area: "rumfart" is not an area of the registry '
        "(use its slug, e.g. energiteknologi)",
        'mapping.csv: row 3 industry: "3x" is not a DB07 code of 2 to 6 digits '
        "(e.g. 28, 2829, 282900)",
        'mapping.csv: row 4 weight: "1.5" is not a weight between 0 and 1 (e.g. 0,5)',
        'mapping.csv: row 6 weight: "2640" has weights summing to 1,2 over rows 5, 6; '
        "at most 1 is allowed",
        'mapping.csv: row 8 industry: "5920" is mapped to lyd twice (rows 7 and 8)',
        'mapping.csv: row 8 weight: "5920" has weights summing to 2 over rows 7, 8; '
        "at most 1 is allowed",
    ]


def test_it_refuses_a_mapping_without_its_columns(tmp_path):
    with pytest.raises(InputError, match="lacks the column"):
        read_mapping(write(tmp_path, ["område,kode", "lyd,2640"]))


def test_it_ships_a_default_mapping_of_every_current_area_with_a_reason_per_row():
    mapping = default_mapping()
    assert set(mapping.areas) == {area.slug for area in reference_areas()}
    assert all(row.note.startswith("Judgement:") for row in mapping.rows)
    assert mapping.classification == "DB07"
