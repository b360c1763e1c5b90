"""A survey round as plain data: the contract between readers, findings and rules.

Everything that computes on a round (findings, fit, engagement, recommendations,
the deck) takes a `RoundData`. The exchange-format reader builds one from a
spreadsheet; the web app builds one from the database. Values are already
validated and typed when they get here:

- ``single``/``yesno``/``choice3``: the option code as ``str`` (``yes``/``no``/``maybe``).
- ``multi``: a ``frozenset`` of codes; the answer "none" (Danish "ingen") is the
  empty frozenset, which is *answered*. An unanswered question is absent.
- ``int``: an ``int`` ≥ 0, its basis in `Response.basis` (``counted``,
  ``estimated`` or ``None`` when not stated).
- ``text``: a non-empty ``str``.

A missing answer is absent from `Response.answers` (never 0, never "").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from klyngeradar.core.problems import Problem

Status = Literal["complete", "partial", "none"]
Basis = Literal["counted", "estimated"]
Value = str | int | frozenset[str]

RESPONDED: frozenset[str] = frozenset({"complete", "partial"})


@dataclass(frozen=True)
class Choice:
    """A slug with a display name: a region's actor, effort or municipality (code)."""

    slug: str
    name: str


@dataclass(frozen=True)
class RoundInfo:
    """The round's keys (sheet ``runde`` or command-line options)."""

    region: str | None = None
    since: date | None = None
    organisation: str | None = None
    title: str | None = None
    year: int | None = None

    @property
    def label(self) -> str | None:
        """The round's label (comparison.md): its year when given, else its title."""
        return str(self.year) if self.year is not None else self.title


@dataclass(frozen=True)
class Response:
    """One invited cluster's row: its status and the answers it gave."""

    cluster: str
    status: Status
    answers: Mapping[str, Value] = field(default_factory=dict)
    basis: Mapping[str, Basis | None] = field(default_factory=dict)
    name: str | None = None

    @property
    def responded(self) -> bool:
        return self.status in RESPONDED

    @property
    def label(self) -> str:
        return self.name or self.cluster

    def get(self, question: str) -> Value | None:
        return self.answers.get(question)

    def answered(self, question: str) -> bool:
        return question in self.answers


@dataclass(frozen=True)
class RoundData:
    """One round: its keys, the region's lists and every invited cluster's response."""

    info: RoundInfo
    responses: tuple[Response, ...]
    municipalities: tuple[Choice, ...] = ()
    actors: tuple[Choice, ...] = ()
    efforts: tuple[Choice, ...] = ()
    warnings: tuple[Problem, ...] = ()

    @property
    def invited(self) -> int:
        return len(self.responses)

    @property
    def responders(self) -> tuple[Response, ...]:
        return tuple(r for r in self.responses if r.responded)
