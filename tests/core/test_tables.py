"""Decoding spreadsheets into plain tables: encodings, delimiters, row numbers, refusals."""

from pathlib import Path

import pytest

from klyngeradar.core.problems import InputError
from klyngeradar.core.tables import column_letter, read_tables

FIXTURES = Path(__file__).parent.parent / "fixtures" / "exchange"


@pytest.mark.parametrize(
    ("index", "letters"), [(0, "A"), (3, "D"), (25, "Z"), (26, "AA"), (701, "ZZ")]
)
def test_it_names_columns_as_a_spreadsheet_does(index, letters):
    assert column_letter(index) == letters


def test_it_reads_a_semicolon_csv_saved_by_danish_excel_in_windows_1252():
    raw = (FIXTURES / "svar-excel-cp1252.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # The fixture really is Windows-1252.
    [(name, table)] = read_tables(FIXTURES / "svar-excel-cp1252.csv").items()
    assert name == "svar-excel-cp1252"
    assert table.sheet is None
    assert table.header[:3] == ("cluster", "name", "status")
    assert table.rows[0].values[2] == "gennemført"
    assert "Ålborg" in table.rows[0].values[-1]
    assert table.rows[2].values[2] == "ingen"


def test_it_reads_a_comma_csv_in_utf8_with_a_bom():
    [table] = read_tables(FIXTURES / "svar-utf8-bom-comma.csv").values()
    assert table.header[0] == "cluster"  # No BOM left on the first header.
    assert table.rows[0].values[3] == "851;860"  # A quoted ; stays inside its cell.
    assert table.rows[0].values[-1].endswith("æøå ÆØÅ")


def test_it_keeps_spreadsheet_row_numbers_across_blank_rows(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text("cluster;status\n\na;complete\n;\nb;none\n", encoding="utf-8")
    [table] = read_tables(path).values()
    assert [(row.number, row.values) for row in table.rows] == [
        (3, ("a", "complete")),
        (5, ("b", "none")),
    ]
    assert table.cell(5, 1) == "B5"


def test_it_reads_every_sheet_of_a_workbook_with_typed_cells(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    answers = workbook.active
    answers.title = "svar"
    answers.append(["cluster", "status", "members.region"])
    answers.append([])
    answers.append(["digital-lead", "gennemført", 40])
    workbook.create_sheet("aktører").append(["slug", "name"])
    workbook.save(tmp_path / "runde.xlsx")
    tables = read_tables(tmp_path / "runde.xlsx")
    assert list(tables) == ["svar", "aktører"]
    assert tables["svar"].sheet == "svar"
    assert [(row.number, row.values) for row in tables["svar"].rows] == [
        (3, ("digital-lead", "gennemført", 40))
    ]
    assert tables["aktører"].rows == ()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.csv", b"", "empty.csv is empty"),
        ("blank.csv", b" \r\n;;\r\n", "blank.csv is empty"),
        ("broken.xlsx", b"not a zip file", "broken.xlsx is not a readable .xlsx workbook"),
        ("old.xls", b"\xd0\xcf\x11\xe0", "old.xls is an old Excel .xls file"),
        ("answers.pdf", b"%PDF-1.4", "answers.pdf is not a supported file type"),
        ("binary.csv", b"cluster\x81\x8d;status", "binary.csv is neither UTF-8 nor Windows-1252"),
    ],
)
def test_it_refuses_files_it_cannot_read_naming_the_file(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_tables(tmp_path / name)
    assert str(caught.value).startswith(reason)


def test_it_refuses_a_missing_file(tmp_path):
    with pytest.raises(InputError, match="missing.csv cannot be read"):
        read_tables(tmp_path / "missing.csv")


def test_it_refuses_the_empty_fixture():
    with pytest.raises(InputError, match="empty.csv is empty"):
        read_tables(FIXTURES / "empty.csv")


def test_it_refuses_a_workbook_without_any_cells(tmp_path):
    from openpyxl import Workbook

    Workbook().save(tmp_path / "blank.xlsx")
    with pytest.raises(InputError, match="blank.xlsx is empty"):
        read_tables(tmp_path / "blank.xlsx")
