"""Denmark's regions and municipalities with their official codes (shipped reference data).

Rows whose facts are not checked against an official source carry
``verified=False`` and a note; they are flagged wherever they are shown.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    verified: bool
    source: str


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    region: str
    verified: bool
    source: str
    note: str = ""


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("klyngeradar.data.reference").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def regions() -> tuple[Region, ...]:
    return tuple(
        Region(r["code"], r["name"], r["verified"] == "yes", r["source"])
        for r in _rows("regions.csv")
    )


@cache
def municipalities() -> tuple[Municipality, ...]:
    return tuple(
        Municipality(
            r["code"], r["name"], r["region"], r["verified"] == "yes", r["source"], r["note"]
        )
        for r in _rows("municipalities.csv")
    )


def region(code: str) -> Region | None:
    return next((r for r in regions() if r.code == code), None)


def municipalities_in(region_code: str) -> tuple[Municipality, ...]:
    """The municipalities of a region, in code order; empty for an unknown region."""
    return tuple(m for m in municipalities() if m.region == region_code)
