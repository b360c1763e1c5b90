"""Time findings and sentences for a round of 15 clusters (run on demand, not a test).

Usage: python benchmarks/findings.py [repeats]
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.findings.sentences import sentences
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.core.surveys.responses import RoundData


def round_of_15() -> RoundData:
    """The demo round with two more clusters copied from its first two, so 15 are invited."""
    demo = demo_round()
    extra = tuple(
        replace(response, cluster=f"{response.cluster}-2", name=f"{response.label} 2")
        for response in demo.responses[:2]
    )
    return replace(demo, responses=demo.responses + extra)


def mean_ms(function, repeats: int) -> float:
    start = time.perf_counter()
    for _ in range(repeats):
        function()
    return (time.perf_counter() - start) / repeats * 1000


def main(repeats: int = 1000) -> None:
    round = round_of_15()
    found = compute_findings(round)
    findings_ms = mean_ms(lambda: compute_findings(round), repeats)
    sentences_ms = mean_ms(lambda: (sentences(found, "da"), sentences(found, "en")), repeats)
    print(f"{round.invited} clusters, {repeats} repeats")
    print(f"compute_findings:        {findings_ms:.3f} ms per round")
    print(f"sentences (da + en):     {sentences_ms:.3f} ms per round")
    print(f"findings and sentences:  {findings_ms + sentences_ms:.3f} ms per round")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
