"""Time the comparison of two rounds of 50 clusters, with sentences (run on demand, not a test).

Usage: python benchmarks/compare.py [repeats]
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace

from klyngeradar.core.findings.comparison import compare_rounds
from klyngeradar.core.findings.comparison_sentences import comparison_sentences
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.core.surveys.responses import RoundData


def round_of(size: int, shift: int, year: int) -> RoundData:
    """`size` clusters copied round-robin from the demo, slugs shifted so some enter and leave."""
    demo = demo_round()
    rows = tuple(
        replace(
            demo.responses[(i + shift) % len(demo.responses)],
            cluster=f"klynge-{i + shift:03d}",
            name=f"Klynge {i + shift}",
        )
        for i in range(size)
    )
    return replace(demo, info=replace(demo.info, year=year), responses=rows)


def mean_ms(function, repeats: int) -> float:
    start = time.perf_counter()
    for _ in range(repeats):
        function()
    return (time.perf_counter() - start) / repeats * 1000


def main(repeats: int = 200) -> None:
    old, new = round_of(50, 0, 2023), round_of(50, 5, 2025)
    result = compare_rounds(old, new)
    compare_ms = mean_ms(lambda: compare_rounds(old, new), repeats)
    sentences_ms = mean_ms(
        lambda: (comparison_sentences(result, "da"), comparison_sentences(result, "en")), repeats
    )
    print(f"{old.invited} and {new.invited} clusters, panel {len(result.panel)}, {repeats} repeats")
    print(f"compare_rounds:          {compare_ms:.3f} ms per comparison")
    print(f"sentences (da + en):     {sentences_ms:.3f} ms per comparison")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
