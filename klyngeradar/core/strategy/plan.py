"""A region's business strategy as data: a vision and the efforts clusters can support.

The efforts are the columns of the fit matrix and the options of the survey
question ``strategy.efforts``. Nothing here is specific to North Jutland: the
demo strategy is a data file, labelled as an example.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from klyngeradar.core.problems import InputError, Problem
from klyngeradar.core.surveys.responses import RoundData

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Effort:
    """One strategy effort (indsats): its slug, Danish name and a one-sentence description."""

    slug: str
    name: str
    description: str | None = None


@dataclass(frozen=True)
class Strategy:
    """A region's vision and efforts; `example` marks a strategy that is not the real one."""

    vision: str | None
    efforts: tuple[Effort, ...]
    example: bool = False
    source: str | None = None

    def effort(self, slug: str) -> Effort | None:
        return next((e for e in self.efforts if e.slug == slug), None)

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(e.slug for e in self.efforts)


def strategy_from_dict(data: Mapping[str, object], *, file: str | None = None) -> Strategy:
    """Build a `Strategy` from parsed JSON, or raise `InputError` listing every problem.

    >>> strategy_from_dict({"vision": "V", "efforts": [{"slug": "a", "name": "A"}]}).slugs
    ('a',)
    """
    problems: list[Problem] = []
    vision = data.get("vision")
    if vision is not None and (not isinstance(vision, str) or not vision.strip()):
        problems.append(
            Problem(
                "vision must be a non-empty text",
                file=file,
                column="vision",
                reason_da="vision skal være en tekst, der ikke er tom",
            )
        )
    raw_efforts = data.get("efforts")
    efforts: list[Effort] = []
    if not isinstance(raw_efforts, list):
        problems.append(
            Problem(
                "efforts must be a list",
                file=file,
                column="efforts",
                reason_da="efforts skal være en liste",
            )
        )
        raw_efforts = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_efforts, start=1):
        where = f"efforts[{number}]"
        if not isinstance(raw, Mapping):
            problems.append(
                Problem(
                    "must be an object with slug and name",
                    file=file,
                    column=where,
                    reason_da="skal være et objekt med slug og name",
                )
            )
            continue
        slug, name, description = raw.get("slug"), raw.get("name"), raw.get("description")
        if not isinstance(slug, str) or not _SLUG.match(slug):
            problems.append(
                Problem(
                    "slug must be lowercase ASCII letters, digits and -",
                    file=file,
                    column=f"{where}.slug",
                    value=None if slug is None else str(slug),
                    reason_da="slug må kun indeholde små ASCII-bogstaver, cifre og -",
                )
            )
            continue
        if slug in seen:
            problems.append(
                Problem(
                    "duplicate effort slug",
                    file=file,
                    column=f"{where}.slug",
                    value=slug,
                    reason_da="indsatsens slug står to gange",
                )
            )
            continue
        seen.add(slug)
        if not isinstance(name, str) or not name.strip():
            problems.append(
                Problem(
                    "name must be a non-empty text",
                    file=file,
                    column=where,
                    reason_da="name skal være en tekst, der ikke er tom",
                )
            )
            continue
        if description is not None and not isinstance(description, str):
            problems.append(
                Problem(
                    "description must be a text",
                    file=file,
                    column=where,
                    reason_da="description skal være en tekst",
                )
            )
            continue
        efforts.append(Effort(slug, name.strip(), description.strip() if description else None))
    example = data.get("example", False)
    if not isinstance(example, bool):
        problems.append(
            Problem(
                "example must be true or false",
                file=file,
                column="example",
                reason_da="example skal være true eller false",
            )
        )
    source = data.get("source")
    if source is not None and not isinstance(source, str):
        problems.append(
            Problem(
                "source must be a text",
                file=file,
                column="source",
                reason_da="source skal være en tekst",
            )
        )
    if problems:
        raise InputError(problems)
    return Strategy(
        vision=vision.strip() if isinstance(vision, str) else None,
        efforts=tuple(efforts),
        example=example,
        source=source,
    )


def read_strategy(path: str | Path) -> Strategy:
    """Read a strategy JSON file (the shape of ``data/demo/strategy.json``)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(
            [
                Problem(
                    f"is not valid JSON ({exc.msg})",
                    file=path.name,
                    reason_da=f"er ikke gyldig JSON ({exc.msg})",
                )
            ]
        ) from exc
    if not isinstance(data, Mapping):
        raise InputError(
            [
                Problem(
                    "must hold a JSON object",
                    file=path.name,
                    reason_da="skal indeholde et JSON-objekt",
                )
            ]
        )
    return strategy_from_dict(data, file=path.name)


def demo_strategy() -> Strategy:
    """The demo's strategy: the seed's vision and six example efforts (``example=True``)."""
    text = resources.files("klyngeradar.data").joinpath("demo/strategy.json").read_text("utf-8")
    return strategy_from_dict(json.loads(text), file="strategy.json")


def strategy_from_round(round: RoundData) -> Strategy:
    """The efforts a round carries, as a strategy without a vision.

    The round's own list (the exchange file's ``indsatser`` sheet) wins. A round
    without that list falls back to the effort slugs the clusters ticked, sorted,
    each named by its slug, so that a bare spreadsheet still gives a fit matrix.
    """
    if round.efforts:
        efforts = tuple(Effort(c.slug, c.name) for c in round.efforts)
        return Strategy(vision=None, efforts=efforts, source="round")
    ticked: set[str] = set()
    for response in round.responses:
        value = response.get("strategy.efforts")
        if isinstance(value, frozenset):
            ticked |= value
    return Strategy(
        vision=None, efforts=tuple(Effort(s, s) for s in sorted(ticked)), source="answers"
    )
