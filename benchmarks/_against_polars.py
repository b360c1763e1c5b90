"""What the benchmarks against a hand-written polars baseline share: run each side in its
own process on the same file and print both sides' time, peak memory and the ratio."""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def child(which: str, path: Path, project: Callable, baseline: Callable) -> None:
    started = time.perf_counter()
    counts = project(path) if which == "project" else baseline(path)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "counts": counts}))


def measure(script: str, which: str, path: Path) -> dict:
    result = subprocess.run(
        [sys.executable, script, "--child", which, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(
    script: str,
    doc: str,
    *,
    project: Callable[[Path], dict],
    baseline: Callable[[Path], dict],
    write: Callable[[Path, int], None],
    filename: str,
    sizes: str,
) -> None:
    """The command line of a benchmark script: ``--rows N`` (repeatable) or a quick run."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--rows", type=int, action="append", help=f"{sizes} (repeatable)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), project, baseline)
        return
    print(f"{'rows':>10} {'project s':>10} {'MB':>7} {'polars s':>9} {'MB':>7} {'ratio':>6}")
    for rows in args.rows or [20_000]:
        with tempfile.TemporaryDirectory(prefix="klyngeradar-bench-") as folder:
            path = Path(folder) / filename
            write(path, rows)
            ours, theirs = measure(script, "project", path), measure(script, "polars", path)
            if ours["counts"] != theirs["counts"]:
                raise SystemExit(f"the counts differ: {ours['counts']} vs {theirs['counts']}")
            print(
                f"{rows:>10,} {ours['seconds']:>10.2f} {ours['peak_mb']:>7.0f} "
                f"{theirs['seconds']:>9.2f} {theirs['peak_mb']:>7.0f} "
                f"{ours['seconds'] / theirs['seconds']:>5.1f}×",
                flush=True,
            )
