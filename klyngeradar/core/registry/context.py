"""The programme's context facts for the deck: history, programme, national figures, target groups.

The facts ship with the package as ``data/reference/context.json``: slides of
facts, each fact with its source, a short label for the footnote and a
*verified* flag. A fact without a source is kept in the file (so the gap is
visible) but never shown; one whose source does not confirm it
(``"verified": false``) is shown flagged, never as fact. A slide's
``title_facts`` are the facts its title rests on.

The file is validated when loaded: a bad entry raises `InputError` naming the
file, the list (``sheet``), the 1-based entry number (``row``), the field and why.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from klyngeradar.core.problems import InputError, Problem

FILE = "context.json"
SLIDE_FIELDS = (
    "key",
    "marker_da",
    "marker_en",
    "title_da",
    "title_en",
    "title_facts",
    "facts",
    "round_finding",
)
FACT_FIELDS = (
    "key",
    "text_da",
    "text_en",
    "source",
    "source_label",
    "verified",
    "region",
    "known_from",
    "note_da",
    "note_en",
)
# The findings a slide may set beside its facts (the round's own figure).
ROUND_FINDINGS = ("participation_companies",)


@dataclass(frozen=True)
class ContextFact:
    key: str
    text_da: str
    text_en: str
    source: str
    source_label: str
    verified: bool
    region: str | None = None
    known_from: date | None = None
    note_da: str = ""
    note_en: str = ""

    @property
    def sourced(self) -> bool:
        return bool(self.source.strip())

    def known_on(self, day: date) -> bool:
        """True when the fact's source was out on `day` (a 2023 deck states no 2025 fact)."""
        return self.known_from is None or self.known_from <= day

    def text(self, lang: str) -> str:
        return self.text_en if lang == "en" else self.text_da

    def note(self, lang: str) -> str:
        return self.note_en if lang == "en" else self.note_da


@dataclass(frozen=True)
class ContextSlide:
    key: str
    marker_da: str
    marker_en: str
    title_da: str
    title_en: str
    title_facts: tuple[str, ...]
    facts: tuple[ContextFact, ...]
    round_finding: str | None = None

    def marker(self, lang: str) -> str:
        return self.marker_en if lang == "en" else self.marker_da

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_da


def load_context(document: Any, *, file: str = FILE) -> tuple[ContextSlide, ...]:
    """Validate a parsed ``context.json`` document; raise `InputError` with every problem."""
    problems: list[Problem] = []

    def fail(sheet: str, row: int | None, field: str | None, value: Any, en: str, da: str):
        shown = None if value is None else json.dumps(value, ensure_ascii=False)
        problems.append(
            Problem(en, file=file, sheet=sheet, row=row, column=field, value=shown, reason_da=da)
        )

    def text(entry: Mapping, sheet: str, row: int, field: str, *, blank: bool = False) -> str:
        value = entry.get(field)
        if value is None and blank:
            return ""
        if not isinstance(value, str) or (not blank and not value.strip()):
            fail(sheet, row, field, value, "is not a non-empty text", "er ikke en udfyldt tekst")
            return ""
        return value.strip()

    def known(entry: Any, sheet: str, row: int, fields: tuple[str, ...]) -> bool:
        if not isinstance(entry, Mapping):
            fail(sheet, row, None, entry, "is not an object", "er ikke et objekt")
            return False
        for field in entry:
            if field not in fields:
                fail(sheet, row, field, None, "is not a known field", "er ikke et kendt felt")
        return True

    if not isinstance(document, Mapping) or not isinstance(document.get("slides"), list):
        fail("slides", None, None, None, "has no list of slides", "har ingen liste af slides")
        raise InputError(problems)
    slides: list[ContextSlide] = []
    keys: set[str] = set()
    for number, entry in enumerate(document["slides"], start=1):
        if not known(entry, "slides", number, SLIDE_FIELDS):
            continue
        key = text(entry, "slides", number, "key")
        if key in keys:
            fail("slides", number, "key", key, "is used twice", "er brugt to gange")
        keys.add(key)
        sheet = f"slides[{key or number}].facts"
        facts: list[ContextFact] = []
        raw_facts = entry.get("facts")
        if not isinstance(raw_facts, list) or not raw_facts:
            fail("slides", number, "facts", raw_facts, "is not a list of facts", "er ikke en liste")
            raw_facts = []
        for row, fact in enumerate(raw_facts, start=1):
            if not known(fact, sheet, row, FACT_FIELDS):
                continue
            verified = fact.get("verified")
            if not isinstance(verified, bool):
                fail(sheet, row, "verified", verified, "is not true or false", "er ikke sand/falsk")
            region = fact.get("region")
            if region is not None and not (isinstance(region, str) and region.isdigit()):
                fail(sheet, row, "region", region, "is not a region code", "er ikke en regionskode")
                region = None
            known_from = fact.get("known_from")
            try:
                known_from = date.fromisoformat(known_from) if known_from is not None else None
            except (TypeError, ValueError):
                reason_da = "er ikke en dato (ÅÅÅÅ-MM-DD)"
                fail(sheet, row, "known_from", known_from, "is not a date (YYYY-MM-DD)", reason_da)
                known_from = None
            facts.append(
                ContextFact(
                    key=text(fact, sheet, row, "key"),
                    text_da=text(fact, sheet, row, "text_da"),
                    text_en=text(fact, sheet, row, "text_en"),
                    # A fact may wait for its source: it is kept, and never shown.
                    source=text(fact, sheet, row, "source", blank=True),
                    source_label=text(fact, sheet, row, "source_label", blank=True),
                    verified=verified is True,
                    region=region,
                    known_from=known_from,
                    note_da=text(fact, sheet, row, "note_da", blank=True),
                    note_en=text(fact, sheet, row, "note_en", blank=True),
                )
            )
            if facts[-1].source and not facts[-1].source_label:
                fail(sheet, row, "source_label", None, "is missing", "mangler")
        title_facts = entry.get("title_facts")
        fact_keys = {f.key for f in facts}
        if not isinstance(title_facts, list) or not all(isinstance(k, str) for k in title_facts):
            fail("slides", number, "title_facts", title_facts, "is not a list", "er ikke en liste")
            title_facts = []
        for missing in (k for k in title_facts if k not in fact_keys):
            fail("slides", number, "title_facts", missing, "names no fact", "nævner ingen fakta")
        finding = entry.get("round_finding")
        if finding is not None and finding not in ROUND_FINDINGS:
            fail("slides", number, "round_finding", finding, "is not known", "er ikke kendt")
        slides.append(
            ContextSlide(
                key=key,
                marker_da=text(entry, "slides", number, "marker_da"),
                marker_en=text(entry, "slides", number, "marker_en"),
                title_da=text(entry, "slides", number, "title_da"),
                title_en=text(entry, "slides", number, "title_en"),
                title_facts=tuple(title_facts),
                facts=tuple(facts),
                round_finding=finding,
            )
        )
    if problems:
        raise InputError(problems)
    return tuple(slides)


@cache
def reference_context() -> tuple[ContextSlide, ...]:
    """The shipped context slides, validated."""
    content = resources.files("klyngeradar.data.reference").joinpath(FILE).read_text("utf-8")
    try:
        document = json.loads(content)
    except json.JSONDecodeError as error:
        raise InputError(
            [
                Problem(
                    f"is not valid JSON: {error}",
                    file=FILE,
                    reason_da=f"er ikke gyldig JSON: {error}",
                )
            ]
        ) from error
    return load_context(document)
