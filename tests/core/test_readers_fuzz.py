"""Property: valid files are read exactly, anything else is refused with a place; nothing crashes.

Hypothesis writes valid exchange files (CSV and .xlsx) and damages them (bytes
of a CSV, the XML parts of a workbook), then hands each to the survey
exchange, participation list and company figure readers. Bounded for CI:
a fixed number of examples, derandomised so that every run tries the same ones.
A file that once crashed a reader is kept in tests/fixtures/fuzz/.
"""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from pathlib import Path

import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klyngeradar.core.agreements.documentation import read_company_figures
from klyngeradar.core.agreements.participation import read_participation
from klyngeradar.core.problems import InputError
from klyngeradar.core.surveys.exchange import read_round

READERS = (read_round, read_participation, read_company_figures)
BOUNDED = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
HEADER = ["cluster", "status", "members.region", "members.region.basis", "strategy.comment"]
LETTERS = "abcdefghijklmnopqrstuvwxyzæøåÆØÅ 0123456789,;\"'.:()–"

slugs = st.from_regex(r"\A[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}\Z")
comments = (
    st.text(alphabet=LETTERS, max_size=60)
    .map(str.strip)
    .filter(lambda text: not text.startswith(("-", "'", "+", "=")))
)
rows = st.lists(
    st.tuples(
        slugs,
        st.sampled_from(["complete", "partial"]),
        st.integers(min_value=0, max_value=2**31 - 1),
        st.sampled_from(["counted", "estimated"]),
        comments,
    ),
    min_size=1,
    max_size=8,
    unique_by=lambda row: row[0],
)


def as_csv(records, delimiter: str, encoding: str) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(records)
    return out.getvalue().encode(encoding)


def as_xlsx(records) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False})
    sheet = book.add_worksheet("svar")
    for c, name in enumerate(HEADER):
        sheet.write_string(0, c, name)
    for r, record in enumerate(records, start=1):
        for c, value in enumerate(record):
            if isinstance(value, int):
                sheet.write_number(r, c, value)
            elif value:
                sheet.write_string(r, c, value)
    book.close()
    return out.getvalue()


def read(reader, name: str, data: bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return reader(path)


def refused_or_read(reader, name: str, data: bytes) -> None:
    try:
        read(reader, name, data)
    except InputError as refusal:
        assert refusal.problems
        for problem in refusal.problems:
            assert str(problem).startswith(name), str(problem)
            assert problem.reason_da, str(problem)


@BOUNDED
@given(records=rows, delimiter=st.sampled_from([";", ","]), bom=st.booleans(), xlsx=st.booleans())
def test_it_reads_a_valid_exchange_file_exactly(records, delimiter, bom, xlsx):
    if xlsx:
        data, name = as_xlsx(records), "svar.xlsx"
    else:
        data, name = as_csv(records, delimiter, "utf-8-sig" if bom else "utf-8"), "svar.csv"
    round_data = read(read_round, name, data)
    assert [r.cluster for r in round_data.responses] == [record[0] for record in records]
    for response, (_slug, _status, members, basis, comment) in zip(
        round_data.responses, records, strict=True
    ):
        assert response.answers["members.region"] == members
        assert response.basis["members.region"] == basis
        assert response.answers.get("strategy.comment") == (comment or None)


@BOUNDED
@given(
    records=rows,
    at=st.integers(min_value=0, max_value=10_000),
    cut=st.integers(min_value=0, max_value=50),
    junk=st.binary(max_size=20),
)
def test_it_refuses_or_reads_a_damaged_csv_file_in_every_reader(records, at, cut, junk):
    data = as_csv(records, ";", "utf-8-sig")
    at = at % (len(data) + 1)
    damaged = data[:at] + junk + data[at + cut :]
    for reader in READERS:
        refused_or_read(reader, "damaged.csv", damaged)


@BOUNDED
@given(
    records=rows,
    part=st.sampled_from(
        [
            "xl/worksheets/sheet1.xml",
            "xl/sharedStrings.xml",
            "xl/workbook.xml",
            "[Content_Types].xml",
        ]
    ),
    at=st.integers(min_value=0, max_value=10_000),
    cut=st.integers(min_value=0, max_value=40),
    junk=st.one_of(
        st.binary(max_size=12),
        st.sampled_from([b"NaN", b"INF", b"-1E+308", b'r="A0"', b'r="ZZZZ1"', b"<v>99999</v>"]),
    ),
)
def test_it_refuses_or_reads_a_workbook_with_a_damaged_part_in_every_reader(
    records, part, at, cut, junk
):
    good = as_xlsx(records)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == part:
                spot = at % (len(content) + 1)
                content = content[:spot] + junk + content[spot + cut :]
            target.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    for reader in READERS:
        refused_or_read(reader, "damaged.xlsx", out.getvalue())


def with_sheet(data: bytes, change) -> bytes:
    """The workbook with its first sheet's XML changed by ``change`` (text → text)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = change(content.decode()).encode()
            target.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def refused_at(reader, data: bytes, cell: str, reason: str) -> None:
    try:
        read(reader, "svar.xlsx", data)
    except InputError as refusal:
        texts = [str(problem) for problem in refusal.problems]
        assert any(text.startswith(f"svar.xlsx: svar!{cell}") for text in texts), texts
        assert any(reason in text for text in texts), texts
        assert all(problem.reason_da for problem in refusal.problems)
    else:
        raise AssertionError(f"{reader.__name__} read a workbook with a bad cell {cell}")


@BOUNDED
@given(
    records=rows,
    pick=st.integers(min_value=0),
    number=st.sampled_from(
        ["NaN", "nan", "-NaN", "INF", "-INF", "inf", "Infinity", "1E+999", "-1e999", "NaN.0"]
    ),
)
def test_a_number_cell_that_is_not_a_number_is_refused_naming_its_cell(records, pick, number):
    row = 2 + pick % len(records)
    members = records[row - 2][2]
    data = with_sheet(
        as_xlsx(records),
        lambda xml: xml.replace(
            f'<c r="C{row}"><v>{members}</v>', f'<c r="C{row}"><v>{number}</v>'
        ),
    )
    for reader in READERS:
        refused_at(reader, data, f"C{row}", "is not a number")


@BOUNDED
@given(
    records=rows,
    pick=st.integers(min_value=0),
    column=st.integers(min_value=16_385, max_value=18_278),
)
def test_a_cell_beyond_column_xfd_is_refused_naming_it(records, pick, column):
    from klyngeradar.core.tables import column_letter

    row = 2 + pick % len(records)
    far = f"{column_letter(column - 1)}{row}"
    data = with_sheet(as_xlsx(records), lambda xml: xml.replace(f'r="A{row}"', f'r="{far}"', 1))
    for reader in READERS:
        refused_at(reader, data, far, "is beyond column XFD")


@BOUNDED
@given(records=rows, number=st.integers(min_value=1_048_577, max_value=10**12))
def test_a_row_beyond_the_last_row_of_a_sheet_is_refused_naming_it(records, number):
    last = len(records) + 1
    data = with_sheet(
        as_xlsx(records),
        lambda xml: xml.replace(f'<row r="{last}"', f'<row r="{number}"', 1).replace(
            f'r="A{last}"', f'r="A{number}"', 1
        ),
    )
    for reader in READERS:
        refused_at(reader, data, f"A{number}", "is beyond row 1,048,576")
