"""Reading employment files: the Statistikbanken export and the tidy sheet (spec: Inputs)."""

import pytest

from klyngeradar.core.problems import InputError
from klyngeradar.core.specialisation.employment import (
    parse_employment,
    parse_industry,
    read_employment,
)
from klyngeradar.core.specialisation.names import resolve

HEADER = "OMRÅDE;BRANCHE07;TID;INDHOLD"


def write(tmp_path, lines, *, encoding="cp1252", name="ras.csv", bom=False):
    path = tmp_path / name
    data = "\r\n".join(lines).encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


@pytest.mark.parametrize(
    ("value", "code", "aggregate"),
    [
        ("Aalborg", "851", None),
        ("Nordfyns", "480", None),
        ("Nordfyn", "480", None),
        ("Høje-Taastrup", "169", None),
        ("høje-taastrup kommune", "169", None),
        ("Vesthimmerland", "820", None),
        ("Århus", "751", None),
        ("851", "851", None),
        ("0851", "851", None),
        ("851 Aalborg", "851", None),
        ("Hele landet", None, "country"),
        ("000", None, "country"),
        ("Region Nordjylland", None, "region"),
        ("081", None, "region"),
        ("Landsdel Nordjylland", None, "landsdel"),
        ("Uoplyst", None, "unknown"),
        ("Christiansø", None, "christiansø"),
    ],
)
def test_it_resolves_municipality_names_and_codes_as_statistics_denmark_writes_them(
    value, code, aggregate
):
    place = resolve(value)
    assert (place.code, place.aggregate) == (code, aggregate)


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [("Aalborgg", "Aalborg"), ("Hjöring", "Hjørring"), ("Atlantis", None), ("999", None)],
)
def test_it_suggests_the_closest_municipality_for_an_unknown_name(value, suggestion):
    place = resolve(value)
    assert not place.known
    assert place.suggestion == suggestion


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("28 Fremstilling af maskiner", ("28", "Fremstilling af maskiner")),
        ("28", ("28", "")),
        ("28.29.00", ("282900", "")),
        ("282900 Fremstilling af andre maskiner", ("282900", "Fremstilling af andre maskiner")),
        ("TOT Erhverv i alt", ("", "TOT Erhverv i alt")),
        ("I alt", ("", "I alt")),
        ("X Uoplyst aktivitet", ("X", "Uoplyst aktivitet")),
        ("fremstilling", None),
    ],
)
def test_it_reads_industry_codes_with_or_without_their_label(value, expected):
    assert parse_industry(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1234", 1234.0),
        ("1.740", 1740.0),
        ("12,5", 12.5),
        (17, 17.0),
        ("..", None),
        ("", None),
        (None, None),
    ],
)
def test_it_reads_employment_values_and_keeps_suppression_as_missing(value, expected):
    assert parse_employment(value) == expected


@pytest.mark.parametrize("value", ["-3", "mange", True])
def test_it_refuses_employment_that_is_not_a_number(value):
    with pytest.raises(ValueError):
        parse_employment(value)


@pytest.mark.parametrize(
    ("encoding", "bom"), [("cp1252", False), ("utf-8", True), ("utf-8", False)]
)
def test_it_reads_a_statistikbanken_export_in_each_encoding(tmp_path, encoding, bom):
    path = write(
        tmp_path,
        [
            HEADER,
            "Hele landet;28 Fremstilling af maskiner;2023;900",
            "Region Nordjylland;28 Fremstilling af maskiner;2023;300",
            "Høje-Taastrup;28 Fremstilling af maskiner;2023;..",
            "Aalborg;28 Fremstilling af maskiner;2023;120",
            "Aalborg;TOT Erhverv i alt;2023;5000",
        ],
        encoding=encoding,
        bom=bom,
    )
    employment = read_employment(path)
    assert employment.year == 2023
    assert employment.layout == "statistikbanken"
    assert dict(employment.cells) == {("169", "28"): None, ("851", "28"): 120.0}
    assert employment.labels["28"] == "Fremstilling af maskiner"
    assert "country (1), region (1)" in str(employment.warnings[0])


def test_it_takes_the_latest_year_unless_told_otherwise(tmp_path):
    lines = [HEADER] + [f"Aalborg;28;{year};{year - 2000}" for year in (2021, 2023, 2022)]
    path = write(tmp_path, lines)
    assert read_employment(path).year == 2023
    assert read_employment(path).years == (2021, 2022, 2023)
    assert dict(read_employment(path, year=2021).cells) == {("851", "28"): 21.0}


def test_it_reads_a_tidy_sheet(tmp_path):
    path = write(
        tmp_path,
        ["municipality,industry,year,employment", "851,28,2023,10", "Nordfyns,10,2023,"],
        name="tidy.csv",
    )
    employment = read_employment(path)
    assert employment.layout == "tidy"
    assert dict(employment.cells) == {("851", "28"): 10.0, ("480", "10"): None}


def test_it_reads_a_tidy_workbook(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["municipality", "industry", "year", "employment"])
    sheet.append(["Aalborg", "28", 2023, 12])
    sheet.append(["Aalborg", "10", 2023, ".."])
    book.save(tmp_path / "tidy.xlsx")
    employment = read_employment(tmp_path / "tidy.xlsx")
    assert dict(employment.cells) == {("851", "28"): 12.0, ("851", "10"): None}


def problems_of(path, **options):
    with pytest.raises(InputError) as info:
        read_employment(path, **options)
    return [str(problem) for problem in info.value.problems]


def test_it_names_every_problem_in_the_file_before_refusing_it(tmp_path):
    path = write(
        tmp_path,
        [
            HEADER,
            "Aalborgg;28;2023;10",
            "Aalborg;fremstilling;2023;10",
            "Aalborg;28;i år;10",
            "Aalborg;10;2023;-4",
            "Hjørring;28;2023;1",
            "Hjørring;28;2023;2",
        ],
    )
    assert problems_of(path) == [
        'ras.csv: row 2 OMRÅDE: "Aalborgg" is not one of the 98 municipalities; '
        'did you mean "Aalborg"?',
        'ras.csv: row 3 BRANCHE07: "fremstilling" is not a DB07 industry code '
        "(e.g. 28 or '28 Fremstilling af maskiner')",
        'ras.csv: row 4 TID: "i år" is not a year (YYYY)',
        "ras.csv: row 5 INDHOLD: \"-4\" is not a number ≥ 0 or '..' (suppressed)",
        'ras.csv: row 7 BRANCHE07: "28" appears twice for municipality 860 in 2023 (rows 6 and 7)',
    ]


def test_it_refuses_a_year_that_is_not_in_the_file(tmp_path):
    path = write(tmp_path, [HEADER, "Aalborg;28;2023;10"])
    assert problems_of(path, year=2019) == [
        'ras.csv TID: "2019" is not a year in the file (it holds 2023)'
    ]


def test_it_refuses_columns_it_does_not_recognise(tmp_path):
    path = write(tmp_path, ["kommune;antal", "Aalborg;10"])
    (problem,) = problems_of(path)
    assert problem.startswith("ras.csv has no recognised columns")
    assert "found kommune, antal" in problem


def test_it_refuses_a_further_variable_with_several_values(tmp_path):
    path = write(
        tmp_path,
        ["OMRÅDE;BRANCHE07;KØN;TID;INDHOLD", "Aalborg;28;Mænd;2023;6", "Aalborg;10;Kvinder;2023;4"],
    )
    (problem,) = problems_of(path)
    assert problem.startswith("ras.csv KØN holds several values (Kvinder, Mænd)")


def test_it_refuses_industries_at_two_levels_that_would_count_jobs_twice(tmp_path):
    path = write(tmp_path, [HEADER, "Aalborg;28;2023;10", "Aalborg;2829;2023;4"])
    (problem,) = problems_of(path)
    assert problem.startswith('ras.csv BRANCHE07: "2829" is part of 28, also in the file')
