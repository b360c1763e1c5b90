import pytest

from klyngeradar.core.numbers import format_int, format_percent, parse_whole_number, percent
from klyngeradar.core.registry.geography import municipalities, municipalities_in, regions


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1740", 1740),
        ("1.740", 1740),
        ("1 740", 1740),
        ("1\u00a0740", 1740),
        (" 12 ", 12),
        (0, 0),
        (375, 375),
        (40.0, 40),
        ("1.234.567", 1234567),
    ],
)
def test_it_reads_danish_whole_numbers(text, number):
    assert parse_whole_number(text) == number


@pytest.mark.parametrize("text", ["ca. 40", "1,5", "1.74", "-3", -3, 2.5, "", "abc", True])
def test_it_refuses_what_is_not_a_whole_number(text):
    with pytest.raises(ValueError):
        parse_whole_number(text)


@pytest.mark.parametrize(
    ("count", "base", "expected"), [(12, 13, 92), (1, 2, 50), (1, 8, 13), (0, 5, 0), (3, 0, None)]
)
def test_it_rounds_percentages_half_up(count, base, expected):
    assert percent(count, base) == expected


def test_it_formats_numbers_in_danish_and_english():
    assert format_int(1740) == "1.740"
    assert format_int(1740, "en") == "1,740"
    assert format_int(None) == "–"
    assert format_percent(92) == "92 %"
    assert format_percent(92, "en") == "92%"


def test_it_ships_five_regions_and_98_municipalities():
    assert [r.code for r in regions()] == ["1081", "1082", "1083", "1084", "1085"]
    assert len(municipalities()) == 98
    north = municipalities_in("1081")
    assert len(north) == 11
    assert {m.name for m in north} >= {"Aalborg", "Læsø", "Brønderslev", "Hjørring"}
    assert all(not r.verified for r in regions())  # flagged: not checked against DAGI
