"""A columnar fast path for valid company figures in CSV, with polars.

`read_valid_figures_csv` checks a whole CSV file of company figures column by
column and returns its figures only when every row passes exactly the checks
of `documentation.read_company_figures` (CVR with its check digit, a year in
1900–2100, revenue and employees as whole numbers the database can store) and
no CVR is given twice for a year. In every other case it returns None and the
caller reads the file the ordinary way, so every refusal and its message
comes from the ordinary reader: this module makes valid files faster to read,
never changes what is accepted or what is said.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from klyngeradar.core.agreements import limits
from klyngeradar.core.agreements.participation_columnar import csv_frame

_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)
# `numbers.parse_whole_number`: a text longer than this is too large, whatever it says.
_LONGEST = 30


def read_valid_figures_csv(path: Path, data: bytes, lookup: Mapping[str, str], key):
    """The company figures of a valid CSV file as a tuple, or None for the ordinary reader.

    ``lookup`` maps a header key (made by ``key``) to its column (cvr, year,
    revenue, employees), as the ordinary reader does.
    """
    frame = csv_frame(data)
    if frame is None:
        return None
    import polars as pl

    from klyngeradar.core.agreements.documentation import CompanyFigures

    header = [("" if v is None else v.strip()) for v in frame.row(0)]
    while header and header[-1] == "":
        header.pop()
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        column = lookup.get(key(name))
        if column is not None:
            columns.setdefault(column, index)
    if "cvr" not in columns or "year" not in columns:
        return None
    body = frame.slice(1)
    del frame
    names = body.columns

    def cell(column: str):
        index = columns.get(column)
        if index is None or index >= len(names):
            return pl.lit(None, dtype=pl.String)
        stripped = pl.col(names[index]).str.strip_chars()
        return pl.when(stripped != "").then(stripped)

    def whole(column: str):
        """The cell as a whole number (plain or Danish thousands), else null."""
        text = cell(column).str.replace_all("[\u00a0\u202f]", " ")
        # Plain digits, or Danish thousands (1.740, 1 740): one pattern for both.
        whole = text.str.contains(r"^(?:[0-9]+|[0-9]{1,3}(?:[. ][0-9]{3})+)$")
        number = text.str.replace_all("[. ]", "").cast(pl.Int64, strict=False)
        return pl.when(whole & (text.str.len_chars() <= _LONGEST)).then(number)

    # A record of blank cells only is not a row for the ordinary reader: it is skipped.
    blank = pl.all_horizontal(
        [pl.col(n).is_null() | (pl.col(n).str.strip_chars() == "") for n in names]
    )
    checked = (
        body.lazy()
        .filter(~blank)
        .select(
            # As the ordinary reader: a spreadsheet's ".0" is cut before the cell is trimmed.
            pl.col(names[columns["cvr"]])
            .str.strip_suffix(".0")
            .str.strip_chars()
            .str.to_uppercase()
            .str.strip_prefix("DK")
            .str.replace_all("[ \u00a0.\\-]", "")
            .alias("cvr"),
            whole("year").alias("year"),
            whole("revenue").alias("revenue"),
            whole("employees").alias("employees"),
            cell("revenue").is_not_null().alias("has_revenue"),
            cell("employees").is_not_null().alias("has_employees"),
        )
        .collect()
    )
    del body
    number = pl.col("cvr").cast(pl.Int64, strict=False)
    digits = [(number // 10 ** (7 - i)) % 10 * w for i, w in enumerate(_WEIGHTS)]
    valid = (
        pl.col("cvr").str.contains(r"^[1-9][0-9]{7}$").fill_null(False)
        & (pl.sum_horizontal(digits) % 11 == 0).fill_null(False)
        & pl.col("year").is_between(limits.FIRST_YEAR, limits.LAST_YEAR).fill_null(False)
        & (~pl.col("has_revenue") | pl.col("revenue").is_not_null())
        & (~pl.col("has_employees") | (pl.col("employees") <= limits.MAX_EMPLOYEES)).fill_null(
            False
        )
    )
    verdict = (
        checked.lazy()
        .select(
            valid.all().alias("valid"),
            pl.struct("cvr", "year").is_duplicated().any().alias("twice"),
        )
        .collect()
    )
    if not verdict.item(0, "valid") or verdict.item(0, "twice"):
        return None
    return tuple(
        CompanyFigures(cvr, year, revenue, employees)
        for cvr, year, revenue, employees in zip(
            *(checked.get_column(c).to_list() for c in ("cvr", "year", "revenue", "employees")),
            strict=True,
        )
    )
