"""Rounds of any size built from the demo round, to check the deck at 0 to 100+ clusters.

The demo's thirteen answers are repeated (with new slugs and long Danish names)
until the round has `clusters` clusters, and the strategy gets `efforts`
efforts (the demo's six, then further named ones). Deterministic: the same
arguments give the same round.
"""

from __future__ import annotations

from dataclasses import replace

from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.core.surveys.responses import Choice, RoundData

EXTRA_EFFORTS = (
    "Sundheds- og velfærdsteknologi",
    "Fødevarer og bioressourcer",
    "Turisme og oplevelsesøkonomi",
    "Energi og Power-to-X",
    "Maritime erhverv og havne",
    "Byggeri og infrastruktur",
    "Life science og medico",
    "Kreative erhverv og design",
    "Robotteknologi og automatisering",
)
NAME_PARTS = (
    "Danmarks Nationale",
    "Klyngeorganisation for",
    "Innovationsnetværk for",
    "Dansk Klynge for",
)
FIELDS = (
    "Vandteknologi",
    "Bæredygtigt Byggeri",
    "Fødevareinnovation",
    "Maritim Udvikling",
    "Robotteknologi",
    "Lys og Optik",
    "Sundhedsinnovation",
    "Cirkulær Økonomi",
    "Energiteknologi",
    "Kreative Erhverv",
)


def scaled_round(clusters: int, efforts: int = 6) -> RoundData:
    """A round of `clusters` invited clusters and `efforts` strategy efforts (1–15)."""
    if clusters < 0:
        raise ValueError("a round has 0 or more clusters")
    if not 1 <= efforts <= 6 + len(EXTRA_EFFORTS):
        raise ValueError(f"efforts must be 1 to {6 + len(EXTRA_EFFORTS)}")
    base = demo_round()
    chosen_efforts = base.efforts + tuple(
        Choice(f"indsats-{i + 7}", name) for i, name in enumerate(EXTRA_EFFORTS)
    )
    chosen_efforts = chosen_efforts[:efforts]
    slugs = {e.slug for e in chosen_efforts}
    responses = []
    for index in range(clusters):
        source = base.responses[index % len(base.responses)]
        answers = dict(source.answers)
        if "strategy.efforts" in answers:
            answers["strategy.efforts"] = frozenset(answers["strategy.efforts"]) & slugs | (
                {chosen_efforts[index % efforts].slug} if index % 3 == 0 else set()
            )
        name = (
            source.name
            if index < len(base.responses)
            else f"{NAME_PARTS[index % len(NAME_PARTS)]} {FIELDS[index % len(FIELDS)]} {index + 1}"
        )
        responses.append(
            replace(source, cluster=f"klynge-{index + 1:03d}", name=name, answers=answers)
        )
    return replace(base, responses=tuple(responses), efforts=chosen_efforts)
