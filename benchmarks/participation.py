"""Participation lists at national scale: the project's read + count beside hand-written polars.

Run: .venv/bin/python benchmarks/participation.py --rows 100000 --rows 1000000

For each size a synthetic list (valid CVR numbers with their check digit, 40 %
with a P-number, 14 clusters and 8 actors, 2022–2025, 10 % of the dates as
DD-MM-YYYY, kinds as codes or Danish aliases) is written to a temporary CSV
file. Two programs then read the same file in their own process: the project
(`read_participation` with every check, then unique companies per cluster,
actor, year and kind) and a hand-written polars query doing the same checks
and counts. Each prints its wall time and the process's peak memory (max RSS);
the counts must agree. Without --rows a quick 20,000-row run is made.
"""

from __future__ import annotations

import random
from pathlib import Path

import _against_polars as against_polars

CLUSTERS = [f"klynge-{n:02d}" for n in range(14)]
ACTORS = [f"aktoer-{n}" for n in range(8)]
KINDS = ["advice", "innovation", "event", "project", "other", "rådgivning", "temadag", ""]
WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def companies(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct valid CVR numbers (modulus 11)."""
    found: set[str] = set()
    while len(found) < count:
        head = str(rng.randint(1_000_000, 9_999_999))
        rest = sum(w * int(d) for w, d in zip(WEIGHTS, head, strict=False)) % 11
        check = (11 - rest) % 11
        if check < 10:
            found.add(head + str(check))
    return sorted(found)


def write_list(path: Path, rows: int, seed: int = 2026) -> None:
    rng = random.Random(seed)
    pool = companies(min(200_000, max(1_000, rows // 5)), rng)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("cvr;pnr;virksomhed;aktivitet;dato;klynge;aktør;type\n")
        for i in range(rows):
            cvr = pool[i % len(pool)]
            # The block number makes (CVR, activity, date) unique, as a valid list must be.
            activity = f"Aktivitet {i // len(pool)}-{i % 89}"
            year, month, day = rng.randint(2022, 2025), rng.randint(1, 12), rng.randint(1, 28)
            date = (
                f"{day:02d}-{month:02d}-{year}"
                if rng.random() < 0.1
                else f"{year}-{month:02d}-{day:02d}"
            )
            pnr = str(rng.randint(1_000_000_000, 9_999_999_999)) if rng.random() < 0.4 else ""
            cluster = rng.choice(CLUSTERS) if rng.random() < 0.8 else ""
            actor = rng.choice(ACTORS) if not cluster or rng.random() < 0.3 else ""
            kind = rng.choice(KINDS)
            out.write(
                f"{cvr};{pnr};Virksomhed {cvr} ApS;{activity};{date};{cluster};{actor};{kind}\n"
            )


def project(path: Path) -> dict:
    from klyngeradar.core.agreements.participation import read_participation, unique_companies

    rows = read_participation(path, clusters=CLUSTERS, actors=ACTORS)
    return {
        "rows": len(rows),
        **{
            by: sum(unique_companies(rows, by).values())
            for by in ("cluster", "actor", "year", "kind")
        },
    }


def polars_baseline(path: Path) -> dict:
    """The same checks and counts, written by hand in polars."""
    import polars as pl

    aliases = {"rådgivning": "advice", "temadag": "event"}
    frame = pl.read_csv(path, separator=";", infer_schema=False)
    cvr = pl.col("cvr").str.strip_chars().str.replace_all(r"[ .\-]", "")
    digits = [cvr.str.slice(i, 1).cast(pl.Int32) * w for i, w in enumerate(WEIGHTS)]
    text_date = pl.col("dato").str.strip_chars()
    danish = text_date.str.extract_groups(r"^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$")
    frame = frame.with_columns(
        cvr=cvr,
        date=pl.coalesce(
            text_date.str.to_date("%Y-%m-%d", strict=False),
            pl.date(
                danish.struct.field("3").cast(pl.Int32),
                danish.struct.field("2").cast(pl.Int32),
                danish.struct.field("1").cast(pl.Int32),
            ),
        ),
        kind=pl.col("type").str.to_lowercase().replace(aliases),
        cluster=pl.col("klynge"),
        actor=pl.col("aktør"),
    )
    valid = (
        cvr.str.contains(r"^[1-9]\d{7}$")
        & (pl.sum_horizontal(digits) % 11 == 0)
        & pl.col("date").is_not_null()
        & pl.col("virksomhed").is_not_null()
        & pl.col("aktivitet").is_not_null()
        & (pl.col("cluster").is_null() | pl.col("cluster").is_in(CLUSTERS))
        & (pl.col("actor").is_null() | pl.col("actor").is_in(ACTORS))
        & (pl.col("cluster").is_not_null() | pl.col("actor").is_not_null())
    )
    frame = frame.filter(valid)
    duplicates = frame.select(
        pl.struct("cvr", pl.col("aktivitet").str.to_lowercase(), "date").is_duplicated().sum()
    ).item()
    assert duplicates == 0
    frame = frame.with_columns(year=pl.col("date").dt.year())
    counts = {"rows": frame.height}
    for by in ("cluster", "actor", "year", "kind"):
        counts[by] = (
            frame.filter(pl.col(by).is_not_null())
            .group_by(by)
            .agg(pl.col("cvr").n_unique())["cvr"]
            .sum()
        )
    return {k: int(v) for k, v in counts.items()}


def main() -> None:
    against_polars.main(
        __file__,
        __doc__,
        project=project,
        baseline=polars_baseline,
        write=write_list,
        filename="deltagere.csv",
        sizes="list sizes",
    )


if __name__ == "__main__":
    main()
