"""Time the demo round's board deck and appendices (the target is well under 5 seconds).

Run: .venv/bin/python benchmarks/report.py
"""

from __future__ import annotations

import tempfile
import time
from datetime import date

from klyngeradar.core.strategy.plan import demo_strategy
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.report import write_report


def main() -> None:
    round = demo_round()
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        report = write_report(round, out, as_of=date(2023, 10, 1), strategy=demo_strategy())
        seconds = time.perf_counter() - started
        slides = report.deck.stat().st_size // 1024
        book = report.appendices.stat().st_size // 1024
    print(f"report (demo, {round.invited} clusters): {seconds:.2f} s")
    print(f"  klyngesamarbejde.pptx {slides} KiB, bilag.xlsx {book} KiB")


if __name__ == "__main__":
    main()
