"""Names in a free-text answer that could identify who wrote it or whom it is about.

The deck quotes answers anonymously, so before a quote goes on a slide the
analyst is shown what in it looks like a name: a cluster's name (the registry's
and the round's), one of the municipalities (the 98 the package ships, also in
the genitive, "Aalborgs", and lower-case when followed by "kommune"), an e-mail
address, and words that are capitalised where Danish writes nouns in lower case
(mid-sentence; at a sentence's start, the words after its first: "Lars Erik
Jønsson" flags "Erik Jønsson").

It errs on the side of flagging: a flag asks the analyst to look, it does not
change the text. Common capitalised abbreviations that name no one (SMV, KPI,
EU) are never flagged.

>>> lists = NameLists.of(municipalities=["Aalborg"])
>>> [f.text for f in find_names("Vi mødes med Aalborg kommune og Lars Hansen.", lists)]
['Aalborg kommune', 'Lars Hansen']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

NameKind = Literal["cluster", "municipality", "email", "name"]

# Capitalised words that name no person, place or organisation in a Danish answer.
GENERIC_WORDS = frozenset(
    {
        "SMV",
        "SMV'er",
        "SMV'erne",
        "KPI",
        "KPI'er",
        "KPI'erne",
        "EU",
        "EU's",
        "CVR",
        "NB",
        "OK",
        "I",  # "I" is the Danish plural "you" and starts many sentences
        "Jer",
        "De",
        "Dem",
        "Deres",
        # The definite forms respondents capitalise for their own cluster, region and
        # municipality, and the country and system every answer speaks of.
        "Klyngen",
        "Klyngens",
        "Regionen",
        "Regionens",
        "Kommunen",
        "Kommunens",
        "Erhvervshuset",
        "Erhvervshusets",
        "Erhvervsfremmesystemet",
        "Danmark",
        "Danmarks",
        "ERST",
        "EDIH",
        "EDIH'en",
    }
)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A word: letters (æøå and accents included), with inner hyphens or apostrophes ("Høje-Taastrup",
# "SMV'er"). `\w` would also take digits and underscores, which no name here is made of.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# What may stand before a word that opens a sentence, a bullet or a parenthesis' sequel.
_OPENER = re.compile(r"(?:[.!?:;)\n•]|\s[-–])\s*[\"'»«“(\-–]*\s*$|^\s*[\"'»«“(\-–]*\s*$")


@dataclass(frozen=True)
class NameFlag:
    """One thing in a text that looks like a name: where it is, what it is."""

    text: str
    kind: NameKind
    start: int
    end: int


@dataclass(frozen=True)
class NameLists:
    """The known names to look for; unknown capitalised words are flagged regardless."""

    clusters: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    generic: frozenset[str] = field(default=GENERIC_WORDS)

    @classmethod
    def of(
        cls,
        clusters: Iterable[str] = (),
        municipalities: Iterable[str] = (),
        generic: Iterable[str] = (),
    ) -> NameLists:
        return cls(
            tuple(n.strip() for n in clusters if n and n.strip()),
            tuple(n.strip() for n in municipalities if n and n.strip()),
            GENERIC_WORDS | frozenset(generic),
        )


def shipped_name_lists(extra_clusters: Iterable[str] = ()) -> NameLists:
    """The registry's cluster names, `extra_clusters` (e.g. a round's) and the 98 municipalities.

    The five regions' names are generic: every answer speaks of its region.
    """
    from klyngeradar.core.registry.geography import municipalities, regions
    from klyngeradar.core.registry.reference import reference_clusters

    clusters: list[str] = []
    for cluster in reference_clusters():
        clusters.append(cluster.name)
        # "MADE – Manufacturing Academy of Denmark": both the short and the long name.
        clusters += [part.strip() for part in re.split(r"\s[–-]\s", cluster.name)]
    clusters += list(extra_clusters)
    region_words = {word for r in regions() for word in r.name.split()}
    return NameLists.of(clusters, (m.name for m in municipalities()), region_words)


def find_names(text: str, lists: NameLists) -> tuple[NameFlag, ...]:
    """Everything in `text` that looks like a name, in the order it appears, never overlapping.

    Known cluster names come first, then municipalities, e-mail addresses and
    name-like capitalised words; a longer known name wins over a shorter one
    inside it ("Energy Cluster Denmark" over "Denmark").
    """
    found: list[NameFlag] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, kind: NameKind) -> None:
        if any(start < b and a < end for a, b in taken):
            return
        taken.append((start, end))
        found.append(NameFlag(text[start:end], kind, start, end))

    for name in sorted(set(lists.clusters), key=len, reverse=True):
        # An all-capital name (MADE, CLEAN) only in capitals: "made" and "clean" are words.
        flags = 0 if name.isupper() else re.IGNORECASE
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?:s|'s|’s)?(?!\w)", text, flags):
            add(match.start(), match.end(), "cluster")
    for name in sorted(set(lists.municipalities), key=len, reverse=True):
        pattern = rf"(?<!\w)({re.escape(name)})(?:s)?(?:\s+(kommune|[Kk]ommunes?))?(?!\w)"
        for match in re.finditer(pattern, text, re.IGNORECASE):
            capitalised = match.group(1)[:1].isupper()
            if capitalised or match.group(2):
                add(match.start(), match.end(), "municipality")
    for match in _EMAIL.finditer(text):
        add(match.start(), match.end(), "email")
    for start, end in _capitalised_runs(text, lists.generic):
        add(start, end, "name")
    return tuple(sorted(found, key=lambda f: f.start))


def _capitalised_runs(text: str, generic: frozenset[str]) -> list[tuple[int, int]]:
    """Runs of capitalised words that are names by position: mid-sentence, or two or more."""
    words = [m for m in _WORD.finditer(text) if m.group()[:1].isupper()]
    runs: list[list[re.Match[str]]] = []
    for word in words:
        if word.group() in generic:
            continue
        if runs and text[runs[-1][-1].end() : word.start()] in (" ", " & "):
            runs[-1].append(word)
        else:
            runs.append([word])
    spans = []
    for run in runs:
        # A sentence's first word is capitalised anyway, so it is left out of the flag:
        # "Såvel Erhvervshus Nordjylland" flags "Erhvervshus Nordjylland", and in
        # "Lars Hansen mener" the flag on "Hansen" points the analyst at the name.
        if _OPENER.search(text[: run[0].start()]):
            run = run[1:]
        if run:
            spans.append((run[0].start(), run[-1].end()))
    return spans
