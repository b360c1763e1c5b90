"""The columnar fast path reads a valid CSV list exactly as the ordinary reader does, and
leaves every other file to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from klyngeradar.core.agreements.participation import (
    read_participation,
    read_participation_tables,
)
from klyngeradar.core.agreements.participation_columnar import read_valid_csv

FIXTURES = Path(__file__).parents[2] / "fixtures"
CLUSTERS = (
    "energy-cluster-denmark",
    "food-bio-cluster-denmark",
    "odense-robotics",
    "klynge-a",
    "klynge-b",
)
ACTORS = ("brn", "erhvervshus-nordjylland", "aau")
HEADER = "cvr;pnr;virksomhed;aktivitet;dato;klynge;aktør;type\n"

VALID = {
    "iso-and-danish-dates": HEADER + "13748136;;A ApS;Temadag;2024-03-01;klynge-a;;\n"
    "20000007;;B A/S;Temadag;4.5.2024;;brn;temadag\n25313763;;C;Møde;04-05-2024;klynge-b;;\n",
    "prefixes-and-separators": HEADER
    + "DK 1374 8136;1003-388-394;A ApS;Sparring;2024-03-01;;aau;Rådgivning\n"
    "dk20000007; 1003388394 ;  B A/S  ;  Temadag ;2024-03-02;klynge-a;brn;advice\n",
    "comma-and-crlf": HEADER.replace(";", ",").replace("\n", "\r\n")
    + "13748136,,A ApS,Temadag,2024-03-01,klynge-a,,\r\n",
    "bom-and-english-header": "\ufeffcvr;company;activity;date;cluster\n"
    "13748136;A ApS;Temadag;2024-03-01;klynge-a\n",
    "short-and-long-rows": HEADER + "13748136;;A ApS;Temadag;2024-03-01;klynge-a\n"
    "20000007;;B;Temadag;2024-03-01;klynge-a;;event;ekstra;mere\n",
    "extra-columns": "note;cvr;company;activity;date;cluster;x\n"
    "hej;13748136;A ApS;Temadag;2024-03-01;klynge-a;1\n",
    "case-differs-is-no-duplicate-here": HEADER + "13748136;;A;Temadag;2024-03-01;klynge-a;;\n"
    "13748136;;A;Temadag;2024-03-02;klynge-a;;\n",
    "æøå-and-200-characters": HEADER + f"13748136;;{'Æ' * 200};{'ø' * 200};2024-03-01;klynge-a;;\n",
}

LEFT_TO_THE_ORDINARY_READER = {
    "quotes": HEADER + '13748136;;"A; B ApS";Temadag;2024-03-01;klynge-a;;\n',
    "blank-line": HEADER + "\n13748136;;A;Temadag;2024-03-01;klynge-a;;\n",
    "blank-record": HEADER + ";;;;;;;\n13748136;;A;Temadag;2024-03-01;klynge-a;;\n",
    "lone-carriage-return": HEADER + "13748136;;A;Temadag;2024-03-01;klynge-a;;\r",
    "bad-check-digit": HEADER + "13748137;;A;Temadag;2024-03-01;klynge-a;;\n",
    "duplicate-by-casefold": HEADER + "13748136;;A;Temadag;2024-03-01;klynge-a;;\n"
    "13748136;;A;TEMADAG;2024-03-01;klynge-a;;\n",
    "calendar": HEADER + "13748136;;A;Temadag;31.02.2024;klynge-a;;\n",
    "year-out-of-range": HEADER + "13748136;;A;Temadag;1899-12-31;klynge-a;;\n",
    "name-too-long": HEADER + f"13748136;;{'x' * 201};Temadag;2024-03-01;klynge-a;;\n",
    "unknown-cluster": HEADER + "13748136;;A;Temadag;2024-03-01;klynge-x;;\n",
    "unknown-kind": HEADER + "13748136;;A;Temadag;2024-03-01;klynge-a;;kaffe\n",
    "no-cluster-or-actor": HEADER + "13748136;;A;Temadag;2024-03-01;;;\n",
    "pnr-format": HEADER + "13748136;12345;A;Temadag;2024-03-01;klynge-a;;\n",
    "cp1252": None,
    "long-cell-past-the-header": HEADER
    + "13748136;;A;Temadag;2024-03-01;klynge-a;;;"
    + "x" * 140_000
    + "\n",
    "long-cell-in-another-column": "note;cvr;company;activity;date;cluster\n"
    + "x" * 140_000
    + ";13748136;A;Temadag;2024-03-01;klynge-a\n",
    "unit-separator": HEADER + "13748136;;A\x1f;Temadag;2024-03-01;klynge-a;;\n",
}


def write(tmp_path, name, text):
    path = tmp_path / f"{name}.csv"
    if text is None:
        path.write_bytes(
            (HEADER + "13748136;;Søstrene;Temadag;2024-03-01;klynge-a;;\n").encode("cp1252")
        )
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize("name", sorted(VALID))
def test_it_reads_a_valid_list_exactly_as_the_ordinary_reader(tmp_path, name):
    path = write(tmp_path, name, VALID[name])

    fast = read_valid_csv(path, path.read_bytes(), clusters=CLUSTERS, actors=ACTORS)

    assert fast is not None
    assert fast == read_participation_tables(path, clusters=CLUSTERS, actors=ACTORS)


@pytest.mark.parametrize("name", sorted(LEFT_TO_THE_ORDINARY_READER))
def test_it_leaves_every_other_file_to_the_ordinary_reader(tmp_path, name):
    path = write(tmp_path, name, LEFT_TO_THE_ORDINARY_READER[name])

    assert read_valid_csv(path, path.read_bytes(), clusters=CLUSTERS, actors=ACTORS) is None


@pytest.mark.parametrize(
    "path",
    sorted(p for p in (FIXTURES / "participation").glob("*.csv"))
    + sorted(p for p in (FIXTURES / "agreements").glob("deltagere*.csv")),
    ids=lambda p: p.name,
)
def test_it_agrees_with_the_ordinary_reader_on_every_fixture(path):
    from klyngeradar.core.problems import InputError

    try:
        expected = read_participation_tables(path, clusters=CLUSTERS, actors=ACTORS)
    except InputError:
        assert read_valid_csv(path, path.read_bytes(), clusters=CLUSTERS, actors=ACTORS) is None
        return
    assert read_participation(path, clusters=CLUSTERS, actors=ACTORS) == expected


def test_a_list_read_column_by_column_counts_as_the_ordinary_reader(tmp_path):
    from klyngeradar.core.agreements.participation import (
        GROUPINGS,
        count_unique_companies,
        unique_companies,
    )
    from klyngeradar.core.agreements.participation_columnar import ParticipationList

    path = write(
        tmp_path,
        "counts",
        HEADER + "13748136;;A ApS;Temadag;2024-03-01;klynge-a;;temadag\n"
        "13748136;;A ApS;Sparring;2023-05-04;klynge-a;brn;advice\n"
        "20000007;;B A/S;Temadag;4.5.2024;klynge-b;;\n"
        "25313763;;C;Møde;04-05-2024;;aau;projekt\n"
        "20000007;;B A/S;Kursus;2024-06-01;klynge-a;aau;event\n",
    )
    fast = read_participation(path, clusters=CLUSTERS, actors=ACTORS)
    ordinary = read_participation_tables(path, clusters=CLUSTERS, actors=ACTORS)

    assert isinstance(fast, ParticipationList)
    assert isinstance(ordinary, tuple)
    for by in (*GROUPINGS, ("cluster", "year"), ("actor", "kind", "year")):
        counted = unique_companies(fast, by)
        assert counted == unique_companies(ordinary, by)
        assert list(counted) == sorted(counted)
        assert all(type(n) is int for n in counted.values())
    assert unique_companies(fast, "year") == {2023: 1, 2024: 3}
    assert count_unique_companies(fast) == count_unique_companies(ordinary) == 3
    with pytest.raises(ValueError, match="cannot count by 'pnr'"):
        unique_companies(fast, "pnr")


def test_a_list_read_column_by_column_is_a_sequence_of_its_rows(tmp_path):
    path = write(tmp_path, "rows", VALID["iso-and-danish-dates"])
    fast = read_participation(path, clusters=CLUSTERS, actors=ACTORS)
    ordinary = read_participation_tables(path, clusters=CLUSTERS, actors=ACTORS)

    assert len(fast) == 3
    assert fast[0] == ordinary[0] and fast[-1] == ordinary[-1]
    assert tuple(fast[1:]) == ordinary[1:]
    assert tuple(fast[::2]) == ordinary[::2]
    assert list(fast) == list(ordinary)
    assert fast == ordinary and fast == list(ordinary) and fast != ordinary[:2]
    assert fast[2].row == 4 and fast[2].sheet is None
    with pytest.raises(IndexError):
        fast[3]


@pytest.mark.parametrize("name", ["long-cell-past-the-header", "long-cell-in-another-column"])
def test_a_cell_the_csv_module_refuses_is_refused_on_the_fast_path_too(tmp_path, name):
    from klyngeradar.core.problems import InputError

    path = write(tmp_path, name, LEFT_TO_THE_ORDINARY_READER[name])

    with pytest.raises(InputError, match="has a cell longer than 131,072 characters"):
        read_participation(path, clusters=CLUSTERS, actors=ACTORS)
