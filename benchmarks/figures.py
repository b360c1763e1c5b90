"""Company figures at national scale: the project's reader beside hand-written polars.

Run: .venv/bin/python benchmarks/figures.py --rows 278000 --rows 1000000

For each size a synthetic CSV file of company figures (valid CVR numbers with
their check digit, one row per company and year 2019–2025, revenue with Danish
thousands separators in a tenth of the rows, a few empty figures) is written to
a temporary file. Two programs then read the same file in their own process:
the project (`read_company_figures` with every check, then the number of
companies per year) and a hand-written polars query doing the same checks and
count. Each prints its wall time and the process's peak memory (max RSS); the
counts must agree. Without --rows a quick 20,000-row run is made.
"""

from __future__ import annotations

import random
from pathlib import Path

import _against_polars as against_polars

WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)
YEARS = range(2019, 2026)


def companies(count: int, rng: random.Random) -> list[str]:
    found: set[str] = set()
    while len(found) < count:
        head = str(rng.randint(1_000_000, 9_999_999))
        rest = sum(w * int(d) for w, d in zip(WEIGHTS, head, strict=False)) % 11
        check = (11 - rest) % 11
        if check < 10:
            found.add(head + str(check))
    return sorted(found)


def write_figures(path: Path, rows: int, seed: int = 2026) -> None:
    rng = random.Random(seed)
    pool = companies(-(-rows // len(YEARS)), rng)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("cvr;år;omsætning;ansatte\n")
        for i in range(rows):
            cvr, year = pool[i // len(YEARS)], YEARS[i % len(YEARS)]
            revenue = rng.randint(0, 5_000_000_000)
            text = f"{revenue:,}".replace(",", ".") if rng.random() < 0.1 else str(revenue)
            text = "" if rng.random() < 0.05 else text
            employees = "" if rng.random() < 0.05 else str(rng.randint(0, 20_000))
            out.write(f"{cvr};{year};{text};{employees}\n")


def project(path: Path) -> dict:
    from klyngeradar.core.agreements.documentation import read_company_figures

    figures = read_company_figures(path)
    per_year: dict[int, set[str]] = {}
    for figure in figures:
        per_year.setdefault(figure.year, set()).add(figure.cvr)
    return {"rows": len(figures), "companies": sum(len(c) for c in per_year.values())}


def polars_baseline(path: Path) -> dict:
    """The same checks and count, written by hand in polars."""
    import polars as pl

    frame = pl.read_csv(path, separator=";", infer_schema=False)
    cvr = pl.col("cvr").str.strip_chars()
    digits = [cvr.str.slice(i, 1).cast(pl.Int32) * w for i, w in enumerate(WEIGHTS)]
    frame = frame.with_columns(
        cvr=cvr,
        year=pl.col("år").cast(pl.Int32, strict=False),
        revenue=pl.col("omsætning").str.replace_all(".", "", literal=True).cast(pl.Int64),
        employees=pl.col("ansatte").cast(pl.Int32),
    )
    valid = (
        cvr.str.contains(r"^[1-9]\d{7}$")
        & (pl.sum_horizontal(digits) % 11 == 0)
        & pl.col("year").is_between(1900, 2100)
    )
    frame = frame.filter(valid)
    assert frame.select(pl.struct("cvr", "year").is_duplicated().sum()).item() == 0
    companies = frame.group_by("year").agg(pl.col("cvr").n_unique())["cvr"].sum()
    return {"rows": frame.height, "companies": int(companies)}


def main() -> None:
    against_polars.main(
        __file__,
        __doc__,
        project=project,
        baseline=polars_baseline,
        write=write_figures,
        filename="virksomhedstal.csv",
        sizes="file sizes",
    )


if __name__ == "__main__":
    main()
