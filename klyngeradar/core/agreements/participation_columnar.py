"""A columnar fast path for valid participation lists in CSV, with polars.

`read_valid_csv` checks a whole CSV list column by column and returns its rows
only when every row passes exactly the checks of `participation._Validator`
and the list has no duplicate; in every other case (a problem, or a file whose
text the fast path does not handle the way the csv module would: quotes, lone
carriage returns, control characters, blank first line, not UTF-8) it returns
None and the caller reads the file the ordinary way. Refusals and their
messages therefore come only from the ordinary reader: this module can make a
valid list faster to read, never change what is accepted or what is said.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import date
from pathlib import Path

from klyngeradar.core.agreements import limits
from klyngeradar.core.agreements.participation import (
    _HEADER_LOOKUP,
    SUPPORT_KIND_ALIASES,
    SUPPORT_KINDS,
    ParticipationRow,
    _columns,
    _key,
    _Source,
)
from klyngeradar.core.tables import CELL_MAX

_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)
# Text the csv module and str.strip/str.splitlines treat differently from polars.
_UNSAFE = (
    b'"',
    b"\x0b",
    b"\x0c",
    b"\x1c",
    b"\x1d",
    b"\x1e",
    b"\x1f",
    b"\xc2\x85",
    b"\xe2\x80\xa8",
    b"\xe2\x80\xa9",
    b"\x00",
)


def csv_frame(data: bytes):
    """A CSV file's cells as text (a polars frame, the header its first row), or None.

    None whenever the csv module might read the bytes differently: quotes, lone
    carriage returns, control characters, a blank first line, text that is not
    UTF-8, or a cell the csv module would refuse as longer than `CELL_MAX`.
    """
    try:
        import polars as pl
    except ImportError:
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if any(unsafe in data for unsafe in _UNSAFE):
        return None
    returns = data.count(b"\r") if b"\r" in data else 0
    if returns and returns != data.count(b"\r\n"):
        return None
    try:
        text_head = data[: data.find(b"\n") if b"\n" in data else len(data)].decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text_head.strip():
        return None
    delimiter = ";" if text_head.count(";") >= text_head.count(",") and ";" in text_head else ","
    try:
        frame = pl.read_csv(
            data,
            has_header=False,
            separator=delimiter,
            infer_schema=False,
            quote_char=None,
            truncate_ragged_lines=True,
            encoding="utf8",
            raise_if_empty=True,
        )
    except Exception:  # Whatever polars cannot read, the ordinary reader names.
        return None
    lengths = frame.select(
        pl.sum_horizontal(pl.all().str.len_bytes().sum()).alias("total"),
        pl.max_horizontal(pl.all().str.len_bytes().max()).alias("longest"),
    )
    # Cells past the first line's width are dropped (ragged lines); their bytes are what
    # the kept cells and the separators do not account for.
    accounted = (
        lengths.item(0, "total") + data.count(b"\n") + returns + data.count(delimiter.encode())
    )
    if (lengths.item(0, "longest") or 0) > CELL_MAX or len(data) - accounted > CELL_MAX:
        return None
    return frame


def read_valid_csv(
    path: Path,
    data: bytes,
    *,
    clusters: Collection[str] | None,
    actors: Collection[str] | None,
) -> ParticipationList | None:
    """The rows of a valid CSV list, or None when the ordinary reader must decide."""
    frame = csv_frame(data)
    if frame is None:
        return None
    import polars as pl

    header = [("" if v is None else v.strip()) for v in frame.row(0)]
    while header and header[-1] == "":
        header.pop()
    if not any(_key(name) in _HEADER_LOOKUP for name in header):
        return None
    columns, problems = _columns(header, _Source(path.name, None), 1)
    if problems:
        return None
    body = frame.slice(1).with_row_index("row", offset=2)
    del frame
    names = body.columns[1:]

    def cell(column: str):
        index = columns.get(column)
        if index is None or index >= len(names):
            return pl.lit(None, dtype=pl.String)
        stripped = pl.col(names[index]).str.strip_chars()
        return pl.when(stripped != "").then(stripped)

    # A record of blank cells only is skipped by the ordinary reader (and so not numbered
    # as data): such files go the ordinary way.
    blank = pl.all_horizontal(
        [pl.col(n).is_null() | (pl.col(n).str.strip_chars() == "") for n in names]
    )
    cvr = cell("cvr").str.to_uppercase().str.strip_prefix("DK").str.replace_all("[ \u00a0.\\-]", "")
    pnr = cell("pnr").str.replace_all("[ \u00a0.\\-]", "")
    iso = cell("date")
    danish = iso.str.extract_groups(r"^([0-9]{1,2})[-.]([0-9]{1,2})[-.]([0-9]{4})$")
    as_iso = (
        pl.when(iso.str.contains(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))
        .then(iso)
        .otherwise(
            pl.concat_str(
                danish.struct.field("3"),
                pl.lit("-"),
                danish.struct.field("2").str.zfill(2),
                pl.lit("-"),
                danish.struct.field("1").str.zfill(2),
            )
        )
    )
    kinds = {kind: kind for kind in SUPPORT_KINDS} | SUPPORT_KIND_ALIASES
    # One lazy query, so that an expression used twice (a stripped cell) is computed once.
    checked = (
        body.lazy()
        .select(
            pl.col("row"),
            cvr.alias("cvr"),
            pnr.alias("pnr"),
            cell("company").alias("company"),
            cell("activity").alias("activity"),
            as_iso.str.to_date("%Y-%m-%d", strict=False).alias("date"),
            cell("cluster").alias("cluster"),
            cell("actor").alias("actor"),
            cell("kind").alias("kind_text"),
            cell("kind").str.to_lowercase().replace_strict(kinds, default=None).alias("kind"),
            blank.alias("blank"),
        )
        .collect()
    )
    del body
    # The check digit from the number itself: eight digits, weights 2 7 6 5 4 3 2 1.
    number = pl.col("cvr").cast(pl.Int64, strict=False)
    digits = [(number // 10 ** (7 - i)) % 10 * w for i, w in enumerate(_WEIGHTS)]
    first, last = date(limits.FIRST_YEAR, 1, 1), date(limits.LAST_YEAR, 12, 31)
    valid = (
        ~pl.col("blank")
        & pl.col("cvr").str.contains(r"^[1-9][0-9]{7}$").fill_null(False)
        & (pl.sum_horizontal(digits) % 11 == 0).fill_null(False)
        & (pl.col("pnr").is_null() | pl.col("pnr").str.contains(r"^[0-9]{10}$"))
        & pl.col("company").is_not_null()
        & pl.col("activity").is_not_null()
        & (pl.col("company").str.len_chars() <= limits.MAX_NAME).fill_null(False)
        & (pl.col("activity").str.len_chars() <= limits.MAX_NAME).fill_null(False)
        & pl.col("date").is_between(first, last).fill_null(False)
        & (pl.col("cluster").is_not_null() | pl.col("actor").is_not_null())
        & (pl.col("kind_text").is_null() | pl.col("kind").is_not_null())
    )
    if clusters is not None:
        valid &= pl.col("cluster").is_null() | pl.col("cluster").is_in(list(clusters))
    if actors is not None:
        valid &= pl.col("actor").is_null() | pl.col("actor").is_in(list(actors))
    # Duplicates are judged on the activity's casefold, as the ordinary reader does.
    activities = checked.get_column("activity").drop_nulls().unique().to_list()
    folded = {a: a.casefold() for a in activities}
    key = pl.struct(pl.col("cvr"), pl.col("activity").replace_strict(folded), pl.col("date"))
    verdict = (
        checked.lazy()
        .select(valid.all().alias("valid"), key.is_duplicated().any().alias("twice"))
        .collect()
    )
    if not verdict.item(0, "valid") or verdict.item(0, "twice"):
        return None
    return ParticipationList(checked.drop("kind_text", "blank"))


_FIELDS = ("cvr", "pnr", "company", "activity", "date", "cluster", "actor", "kind", "row")
# Rows are made into `ParticipationRow`s this many at a time when iterated.
_CHUNK = 65_536


class ParticipationList(Sequence[ParticipationRow]):
    """A validated participation list held column by column (a polars frame).

    It is a sequence of `ParticipationRow`s, made one chunk at a time when the
    rows are iterated, so a list of millions of rows is counted
    (`participation.unique_companies`) without making a Python object per row.
    Equal to any sequence of the same rows (a tuple from the ordinary reader).
    """

    def __init__(self, frame):
        self.frame = frame

    def __len__(self) -> int:
        return self.frame.height

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return tuple(self)[index]
            return ParticipationList(self.frame.slice(start, max(0, stop - start)))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("participation row index out of range")
        return _row(self.frame.row(index, named=True))

    def __iter__(self) -> Iterator[ParticipationRow]:
        for chunk in self.frame.iter_slices(_CHUNK):
            columns = [chunk.get_column(name).to_list() for name in _FIELDS]
            for cvr, pnr, company, activity, day, cluster, actor, kind, row in zip(
                *columns, strict=True
            ):
                yield ParticipationRow(
                    cvr, pnr, company, activity, day, cluster, actor, kind, None, row
                )

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ParticipationList):
            return self.frame.equals(other.frame)
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == len(self) and all(
                mine == theirs for mine, theirs in zip(self, other, strict=True)
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # Mutable-looking, like a list: not hashable.

    def __repr__(self) -> str:
        return f"ParticipationList({len(self)} rows)"

    def unique_companies(self, names: tuple[str, ...]) -> dict[tuple, int]:
        """Distinct CVR numbers per group of ``names`` (keys as tuples), rows without a value
        for a group left out; see `participation.unique_companies`."""
        import polars as pl

        frame = self.frame
        if "year" in names:
            frame = frame.with_columns(year=pl.col("date").dt.year())
        counts = (
            frame.drop_nulls(list(names))
            .group_by(list(names))
            .agg(pl.col("cvr").n_unique().alias("companies"))
        )
        keys = zip(*(counts.get_column(name).to_list() for name in names), strict=True)
        return dict(zip(keys, counts.get_column("companies").to_list(), strict=True))

    def count_unique_companies(self) -> int:
        return self.frame.get_column("cvr").n_unique()


def _row(values: dict) -> ParticipationRow:
    return ParticipationRow(*(values[name] for name in _FIELDS[:-1]), None, values["row"])
