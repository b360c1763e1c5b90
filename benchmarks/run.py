"""Run every benchmark in this folder, one after another, and print their figures.

Run: .venv/bin/python benchmarks/run.py   (or: make bench)

Each benchmark is a script that prints its own figures; it runs in its own
process, so one benchmark's imports and caches do not flatter the next. The
exit status is 1 when any benchmark fails, after all have run.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def benchmarks(folder: Path = HERE) -> list[Path]:
    """The benchmark scripts in `folder` by name, without this runner."""
    # A module whose name starts with "_" is shared by the scripts, not a benchmark.
    return sorted(
        p
        for p in folder.glob("*.py")
        if p.name != Path(__file__).name and not p.name.startswith("_")
    )


def run(script: Path) -> tuple[int, float]:
    """Run one script with this interpreter, its output passed through; (status, seconds)."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent, check=False)
    return result.returncode, time.perf_counter() - started


def main() -> int:
    failed = []
    for script in benchmarks():
        print(f"== {script.stem} ==", flush=True)
        status, seconds = run(script)
        if status != 0:
            failed.append(script.stem)
            print(f"   {script.stem} failed (exit {status})")
        print(f"   (script ran {seconds:.2f} s, start-up included)\n", flush=True)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
