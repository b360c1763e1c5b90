"""The demo round shipped with Klyngeradar (North Jutland 2023, fictitious per-cluster data).

The clusters are pseudonyms (Klynge A … M) and their values are invented so
that the round's findings reproduce the totals published in the 2023 survey
(spec/findings.md, reference case). The file's ``note`` says so too.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from importlib import resources

from klyngeradar.core.registry.geography import municipalities_in
from klyngeradar.core.surveys.responses import Choice, Response, RoundData, RoundInfo


def _value(raw: object) -> str | int | frozenset[str]:
    """JSON lists are multi answers (sets of codes); everything else is kept as it is."""
    return frozenset(raw) if isinstance(raw, list) else raw


def round_from_dict(data: dict) -> RoundData:
    """Build a `RoundData` from the demo JSON layout (round, actors, efforts, responses)."""
    info = data.get("round", {})
    since = info.get("since")
    region = info.get("region")
    return RoundData(
        info=RoundInfo(
            region=region,
            since=date.fromisoformat(since) if since else None,
            organisation=info.get("organisation"),
            title=info.get("title"),
            year=info.get("year"),
        ),
        responses=tuple(
            Response(
                cluster=row["cluster"],
                status=row["status"],
                answers={q: _value(v) for q, v in row.get("answers", {}).items()},
                basis=dict(row.get("basis", {})),
                name=row.get("name"),
            )
            for row in data.get("responses", [])
        ),
        municipalities=tuple(Choice(m.code, m.name) for m in municipalities_in(region or "")),
        actors=tuple(Choice(a["slug"], a["name"]) for a in data.get("actors", [])),
        efforts=tuple(Choice(e["slug"], e["name"]) for e in data.get("efforts", [])),
    )


@cache
def demo_data(name: str = "round.json") -> dict:
    """A demo round file as parsed JSON (including its ``note`` on the data being fictitious)."""
    text = resources.files("klyngeradar.data.demo").joinpath(name).read_text("utf-8")
    return json.loads(text)


def demo_round_2025() -> RoundData:
    """The demo's second round (2025, fictitious), built on the 2023 round.

    Klynge K and L are not invited (not in the new programme: 13 → 11), Klynge M
    answers this time, Klynge H opened a presence, Klynge E closed its office, and
    Klynge A and C changed municipal agreements.
    """
    return round_from_dict(demo_data("round-2025.json"))


def demo_round() -> RoundData:
    """The demo round: 13 pseudonymous clusters in North Jutland, one of which did not answer."""
    return round_from_dict(demo_data())
