"""Municipality names and codes as Statistics Denmark writes them, resolved to the registry's codes.

Statistikbanken writes most municipalities as the registry names them
("Aalborg", "Høje-Taastrup"), some in the genitive form of the municipality's
official name ("Nordfyns") and older tables with pre-2011 names. Rows for the
whole country, regions, landsdele and "Uoplyst" are aggregates: recognised and
never counted as municipalities.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

from klyngeradar.core.registry import geography

# Names Statistics Denmark (or a person) may write for a municipality, beyond the
# registry's own name. Keys are folded (see `_fold`).
_VARIANTS = {
    "nordfyns": "480",
    "århus": "751",
    "aarhus": "751",
    "brønderslev-dronninglund": "810",
    "københavns": "101",
    "frederiksbergs": "147",
    "bornholms": "400",
    "bornholms regionskommune": "400",
}
# Aggregate rows: not municipalities, never counted (folded text -> kind).
_AGGREGATE_NAMES = {
    "hele landet": "country",
    "danmark": "country",
    "i alt": "country",
    "total": "country",
    "uoplyst": "unknown",
    "uoplyst kommune": "unknown",
    "ukendt": "unknown",
    "udlandet": "abroad",
    "christiansø": "christiansø",
}
_AGGREGATE_PREFIXES = (("region ", "region"), ("landsdel ", "landsdel"))
_CODE = re.compile(r"^\d{1,4}$")
_CODE_AND_LABEL = re.compile(r"^(\d{1,4})\s+(\S.*)$")


@dataclass(frozen=True)
class Place:
    """What a cell of the municipality column names.

    `code` is the registry's 3-digit municipality code, or None for an
    aggregate row (`aggregate` says which kind) or an unknown name
    (`suggestion` is the closest municipality name, when one is close).
    """

    code: str | None = None
    aggregate: str | None = None
    suggestion: str | None = None

    @property
    def known(self) -> bool:
        return self.code is not None or self.aggregate is not None


def _fold(text: str) -> str:
    folded = " ".join(text.replace("\u00a0", " ").split()).casefold()
    for suffix in (" kommune", " kommunes"):
        if folded.endswith(suffix) and not folded.startswith("region"):
            folded = folded[: -len(suffix)]
    return folded


@cache
def _names() -> dict[str, str]:
    names = {_fold(m.name): m.code for m in geography.municipalities()}
    names.update(_VARIANTS)
    return names


@cache
def _codes() -> dict[str, str]:
    return {m.code: m.code for m in geography.municipalities()}


def _region_codes() -> set[str]:
    codes = set()
    for region in geography.regions():
        codes.update({region.code, region.code[1:], region.code[2:]})
    return codes


@cache
def resolve(value: str) -> Place:
    """The municipality, aggregate or unknown name that ``value`` is.

    >>> resolve("Nordfyns").code
    '480'
    >>> resolve("Region Nordjylland").aggregate
    'region'
    """
    text = " ".join(str(value).split())
    match = _CODE_AND_LABEL.match(text)
    if match:
        # "851 Aalborg": the code decides; the label is the reader's help.
        text = match.group(1)
    if _CODE.match(text):
        return _code(text)
    folded = _fold(text)
    if folded in _names():
        return Place(code=_names()[folded])
    if folded in _AGGREGATE_NAMES:
        return Place(aggregate=_AGGREGATE_NAMES[folded])
    for prefix, kind in _AGGREGATE_PREFIXES:
        if folded.startswith(prefix):
            return Place(aggregate=kind)
    return Place(suggestion=closest(text))


def _code(text: str) -> Place:
    code = text.lstrip("0").zfill(3) if len(text) == 4 and text.startswith("0") else text
    if code in _codes():
        return Place(code=code)
    if code.strip("0") == "":
        return Place(aggregate="country")
    if code in _region_codes():
        return Place(aggregate="region")
    if code == "411":
        return Place(aggregate="christiansø")
    if len(code) <= 2:
        return Place(aggregate="landsdel")
    return Place()


def closest(text: str) -> str | None:
    """The municipality name closest to ``text``, or None when none is close."""
    names = {m.name.casefold(): m.name for m in geography.municipalities()}
    match = difflib.get_close_matches(text.casefold(), list(names), n=1, cutoff=0.6)
    return names[match[0]] if match else None
