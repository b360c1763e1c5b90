"""Time `recommend` on a 15-cluster round (and the JSON it becomes).

Run: .venv/bin/python benchmarks/recommend.py
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter

from klyngeradar.core.strategy.plan import demo_strategy
from klyngeradar.core.strategy.recommendations import recommend
from klyngeradar.core.surveys.responses import Choice, Response, RoundData, RoundInfo

CLUSTERS = 15
REPEAT = 200


def synthetic_round(clusters: int = CLUSTERS, seed: int = 2023) -> RoundData:
    """A round of `clusters` clusters with varied answers; one in five did not respond."""
    rng = random.Random(seed)
    strategy = demo_strategy()
    actors = ("brn", "erhvervshus-nordjylland", "aau", "ucn", "green-hub-denmark")
    municipalities = ("851", "813", "860", "849", "846", "820")
    responses = []
    for i in range(clusters):
        if i % 5 == 4:
            responses.append(Response(f"klynge-{i}", "none"))
            continue
        answers = {
            "presence.type": rng.choice(
                ["own_office", "colocated_business_hub", "colocated_other", "none"]
            ),
            "members.region": rng.randint(0, 90),
            "participation.companies": rng.randint(0, 400),
            "partners.actors": frozenset(rng.sample(actors, rng.randint(0, 3))),
            "partners.municipalities": frozenset(rng.sample(municipalities, rng.randint(0, 4))),
            "agreements.actors": frozenset(rng.sample(actors, rng.randint(0, 2))),
            "dialogue.willing": rng.choice(["yes", "maybe", "no"]),
            "strategy.efforts": frozenset(rng.sample(strategy.slugs, rng.randint(0, 4))),
        }
        responses.append(Response(f"klynge-{i}", "complete", answers))
    efforts = tuple(Choice(e.slug, e.name) for e in strategy.efforts)
    return RoundData(RoundInfo(region="1081"), tuple(responses), efforts=efforts)


def main() -> None:
    round = synthetic_round()
    start = time.perf_counter()
    for _ in range(REPEAT):
        result = recommend(round)
    computed = (time.perf_counter() - start) / REPEAT
    start = time.perf_counter()
    for _ in range(REPEAT):
        json.dumps(result.as_dict("da"), ensure_ascii=False)
    serialised = (time.perf_counter() - start) / REPEAT
    print(
        f"recommend, {CLUSTERS} clusters × {len(round.efforts)} efforts: {computed * 1000:.2f} ms"
    )
    print(f"as JSON (Danish sentences): {serialised * 1000:.2f} ms")
    print(f"models: {dict(Counter(r.model for r in result.clusters))}")


if __name__ == "__main__":
    main()
