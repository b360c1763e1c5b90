"""The columnar fast path reads valid company figures exactly as the ordinary reader does, and
leaves every other file to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from klyngeradar.core.agreements.documentation import (
    _FIGURE_LOOKUP,
    _header_key,
    read_company_figures,
    read_company_figures_tables,
)
from klyngeradar.core.agreements.figures_columnar import read_valid_figures_csv
from klyngeradar.core.problems import InputError

FIXTURES = Path(__file__).parents[2] / "fixtures"
HEADER = "cvr;år;omsætning;ansatte\n"

VALID = {
    "plain": HEADER + "13748136;2023;1000000;12\n20000007;2024;;\n",
    "danish-thousands": HEADER + "13748136;2.023;1.000.000;1 200\n20000007;2024;5\u00a0000;\n",
    "prefixes-and-separators": HEADER + "DK 1374 8136;2023;1;1\ndk20000007; 2024 ; 7 ;\n",
    "spreadsheet-dot-zero": HEADER + "13748136.0;2023;1;1\n",
    "english-header-and-bom": "\ufeffcvr,year,revenue,employees\r\n13748136,2023,1,1\r\n",
    "at-the-limits": HEADER + "13748136;2100;9223372036854775807;2147483647\n20000007;1900;0;0\n",
    "extra-and-missing-columns": "note;CVR;År\nx;13748136;2023\n;20000007;2024\n",
    "short-and-long-rows": HEADER + "13748136;2023\n20000007;2023;1;2;ekstra\n",
    "blank-record": HEADER + "13748136;2023;1;1\n;;;\n20000007;2023;1;1\n",
    "same-cvr-other-year": HEADER + "13748136;2023;1;1\n13748136;2024;2;2\n",
}

LEFT_TO_THE_ORDINARY_READER = {
    "bad-check-digit": HEADER + "13748137;2023;1;1\n",
    "no-cvr": HEADER + ";2023;1;1\n",
    "no-year": HEADER + "13748136;;1;1\n",
    "year-out-of-range": HEADER + "13748136;2101;1;1\n",
    "year-as-text": HEADER + "13748136;sidste år;1;1\n",
    "decimal": HEADER + "13748136;2023;1,5;1\n",
    "negative": HEADER + "13748136;2023;-5;1\n",
    "revenue-too-large": HEADER + "13748136;2023;9223372036854775808;1\n",
    "employees-too-large": HEADER + "13748136;2023;1;2147483648\n",
    "too-long-a-number": HEADER + "13748136;2023;" + "0" * 31 + ";1\n",
    "twice-for-a-year": HEADER + "13748136;2023;1;1\n13748136;2023;2;2\n",
    "no-year-column": "cvr;omsætning\n13748136;1\n",
    "quotes": HEADER + '"13748136";2023;1;1\n',
    "blank-first-line": "\n" + HEADER + "13748136;2023;1;1\n",
    "dot-zero-after-a-space": HEADER + "13748136.0 ;2023;1;1\n",
    "arabic-digits": HEADER + "13748136;\u0662\u0660\u0662\u0663;1;1\n",
    "cp1252": None,
}


def write(tmp_path, name, text):
    path = tmp_path / f"{name}.csv"
    if text is None:
        path.write_bytes((HEADER + "13748136;2023;1;1\nSøren;2023;1;1\n").encode("cp1252"))
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def fast(path):
    return read_valid_figures_csv(path, path.read_bytes(), _FIGURE_LOOKUP, _header_key)


@pytest.mark.parametrize("name", sorted(VALID))
def test_it_reads_valid_figures_exactly_as_the_ordinary_reader(tmp_path, name):
    path = write(tmp_path, name, VALID[name])

    figures = fast(path)

    assert figures is not None
    assert figures == read_company_figures_tables(path)
    assert read_company_figures(path) == figures


@pytest.mark.parametrize("name", sorted(LEFT_TO_THE_ORDINARY_READER))
def test_it_leaves_every_other_file_to_the_ordinary_reader(tmp_path, name):
    path = write(tmp_path, name, LEFT_TO_THE_ORDINARY_READER[name])

    assert fast(path) is None
    try:
        expected = read_company_figures_tables(path)
    except InputError as refused:
        with pytest.raises(InputError) as again:
            read_company_figures(path)
        assert [str(p) for p in again.value.problems] == [str(p) for p in refused.problems]
    else:
        assert read_company_figures(path) == expected


# Cells the two readers could read differently; each goes in every column in turn.
TRICKY = [
    "",
    " ",
    "0",
    "007",
    "2023",
    " 2023 ",
    "2.023",
    "2 023",
    "2\u00a0023",
    "2\u202f023",
    "2023.0",
    "1.0",
    "1,0",
    "1e3",
    "+5",
    "-0",
    "１２",
    "DK13748136",
    "13 74 81 36",
    "13.748.136",
    "13748136.0",
    "1374-8136",
    "9" * 30,
    "12.34.567",
    "1.2345",
]


@pytest.mark.parametrize("column", range(4))
@pytest.mark.parametrize("value", TRICKY)
def test_the_fast_path_never_accepts_what_the_ordinary_reader_refuses(tmp_path, column, value):
    cells = ["13748136", "2023", "1", "1"]
    cells[column] = value
    path = tmp_path / "tal.csv"
    path.write_text(HEADER + ";".join(cells) + "\n20000007;2023;2;2\n", encoding="utf-8")

    figures = fast(path)

    try:
        expected = read_company_figures_tables(path)
    except InputError:
        assert figures is None
        return
    assert figures is None or figures == expected


@pytest.mark.parametrize(
    "path",
    sorted(FIXTURES.glob("**/*tal*.csv")) + sorted((FIXTURES / "fuzz").glob("*.csv")),
    ids=lambda p: p.name,
)
def test_it_agrees_with_the_ordinary_reader_on_every_fixture(path):
    try:
        expected = read_company_figures_tables(path)
    except InputError:
        assert fast(path) is None
        return
    assert read_company_figures(path) == expected
