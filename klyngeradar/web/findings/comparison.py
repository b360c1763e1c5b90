"""A comparison of two rounds, laid out for the comparison page (rows, movements, sentences).

The page computes `compare_rounds(round_data(old), round_data(new))`, the engine
`klyngeradar compare` runs on two spreadsheets; this module only turns its result
into rows with both figures, the panel figure and the qualifiers in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from klyngeradar.core.findings.comparison import (
    CHANGE_KEYS,
    AgreementsChange,
    Comparison,
    CountChange,
    TotalChange,
)
from klyngeradar.core.findings.comparison_sentences import comparison_sentences, signed
from klyngeradar.core.numbers import format_int, format_percent
from klyngeradar.core.registry.geography import municipalities
from klyngeradar.web.findings.figures import TITLES
from klyngeradar.web.surveys.models import Round

QUALIFIERS = {
    "estimates": gettext_lazy("indeholder skøn"),
    "minimum": gettext_lazy("mindst ét tal er et minimum"),
    "period_changed": gettext_lazy("perioderne er forskellige"),
}
MOVEMENTS = {
    "presence_opened": gettext_lazy("har åbnet fysisk tilstedeværelse"),
    "presence_closed": gettext_lazy("har lukket sin fysiske tilstedeværelse"),
    "agreement_added": gettext_lazy("ny aftale med kommune"),
    "agreement_ended": gettext_lazy("aftale med kommune ophørt"),
}
PRESENCE = {
    "own_office": gettext_lazy("egen adresse"),
    "colocated_business_hub": gettext_lazy("hos Erhvervshuset"),
    "colocated_other": gettext_lazy("hos en anden aktør"),
}


@dataclass(frozen=True)
class Row:
    key: str
    title: str
    old: str
    new: str
    delta: str
    panel: str
    qualifiers: tuple[str, ...]


@dataclass(frozen=True)
class Move:
    name: str
    what: str
    detail: str


def earlier_rounds(round: Round):
    """The organisation's rounds of the same region that came before `round` (newest first)."""
    others = Round.objects.filter(organisation=round.organisation, region=round.region).exclude(
        pk=round.pk
    )
    year = round.round_year
    earlier = [
        other
        for other in others
        if (other.round_year or 0, other.created_at) < (year or 0, round.created_at)
    ]
    return sorted(earlier, key=lambda r: (r.round_year or 0, r.created_at), reverse=True)


def _figure(value: int | None, base: int | None, pct: int | None, lang: str) -> str:
    if base is None:
        return format_int(value, lang)
    of = "af" if lang == "da" else "of"
    return f"{format_int(value, lang)} {of} {format_int(base, lang)} ({format_percent(pct, lang)})"


def _row(key: str, change, lang: str) -> Row:
    n = format_int
    if isinstance(change, CountChange):
        panel = f"{n(change.panel_old, lang)} → {n(change.panel_new, lang)}"
        if key == "response_rate":
            panel = ""
        return Row(
            key,
            str(TITLES[key]),
            _figure(change.old, change.old_base, change.old_percent, lang),
            _figure(change.new, change.new_base, change.new_percent, lang),
            signed(change.delta, lang),
            panel,
            (),
        )
    if isinstance(change, TotalChange):
        panel = ""
        if change.panel_reported:
            panel = (
                f"{n(change.panel_old, lang)} → {n(change.panel_new, lang)} "
                f"({n(change.panel_reported, lang)})"
            )
        return Row(
            key,
            str(TITLES[key]),
            n(change.old, lang),
            n(change.new, lang),
            signed(change.delta, lang),
            panel,
            tuple(str(QUALIFIERS[q]) for q in change.qualifiers),
        )
    assert isinstance(change, AgreementsChange)
    return Row(
        key,
        str(TITLES[key]),
        n(change.old, lang),
        n(change.new, lang),
        signed(change.delta, lang),
        "",
        (),
    )


def rows(comparison: Comparison, lang: str) -> list[Row]:
    return [_row(key, comparison.changes[key], lang) for key in CHANGE_KEYS]


def moves(comparison: Comparison) -> list[Move]:
    found = []
    for movement in comparison.movements:
        if movement.change.startswith("presence"):
            detail = str(PRESENCE.get(movement.detail, movement.detail))
        else:
            names = {m.code: m.name for m in municipalities()}
            detail = names.get(movement.detail, movement.detail)
        found.append(
            Move(comparison.name_of(movement.cluster), str(MOVEMENTS[movement.change]), detail)
        )
    return found


def sentences(comparison: Comparison, lang: str) -> list[str]:
    return [sentence.text for sentence in comparison_sentences(comparison, lang)]
