"""The appendices' sheets of a comparison: the `changes` table and who entered, left and moved.

The columns are the fields of spec/comparison.md's `changes`, in words, so a
board's analyst can check every figure of the deck's section "Udvikling siden
{year}"; findings, qualifiers and movements are named, not coded. A field a
change does not have (a count has no `panel_reported`) is left blank, never 0.
"""

from __future__ import annotations

from collections.abc import Mapping

from klyngeradar.core.findings.comparison import CHANGE_KEYS, Comparison
from klyngeradar.core.surveys.questionnaire import load
from klyngeradar.render.workbooks.appendix_labels import (
    COMPARISON_FIELDS,
    FINDINGS,
    MOVEMENTS,
    QUALIFIERS,
    label,
)

COLUMNS = (
    "old",
    "new",
    "delta",
    "old_base",
    "new_base",
    "old_percent",
    "new_percent",
    "old_reported",
    "new_reported",
    "panel_reported",
    "panel_old",
    "panel_new",
    "panel_delta",
    "old_municipalities",
    "new_municipalities",
    "old_clusters",
    "new_clusters",
)


def write_comparison_sheets(sheets, comparison: Comparison | None) -> None:
    """Add the changes sheet and the clusters sheet (who entered, left and moved)."""
    if comparison is None:
        return
    t, lang = sheets.t, sheets.lang
    old, new = comparison.old.label, comparison.new.label
    header = (
        t("fund", "finding"),
        *(label(COMPARISON_FIELDS, column, lang) for column in COLUMNS),
        t("forbehold", "qualifiers"),
    )
    rows = []
    for key in CHANGE_KEYS:
        data = comparison.changes[key].to_dict()
        qualifiers = ", ".join(label(QUALIFIERS, q, lang) for q in data.get("qualifiers", ()))
        rows.append(
            (label(FINDINGS, key, lang), *(data.get(column) for column in COLUMNS), qualifiers)
        )
    sheets.table(
        t(f"udvikling {old}-{new}", f"changes {old}-{new}"),
        header,
        rows,
        caption=t(f"Udvikling fra {old} til {new}", f"Changes from {old} to {new}"),
        below=[
            t(
                "Panel: de klynger, der svarede begge gange. Et tomt felt er ikke oplyst.",
                "Panel: the clusters that responded both times. An empty cell was not reported.",
            )
        ],
    )

    names = sheets.names
    people = [
        (comparison.name_of(slug), label(MOVEMENTS, "panel", lang), None)
        for slug in comparison.panel
    ]
    people += [
        (comparison.name_of(slug), label(MOVEMENTS, "entered", lang), None)
        for slug in comparison.entered
    ]
    people += [
        (comparison.name_of(slug), label(MOVEMENTS, "left", lang), None) for slug in comparison.left
    ]
    people += [
        (
            comparison.name_of(m.cluster),
            label(MOVEMENTS, m.change, lang),
            _detail(m.detail, names, lang),
        )
        for m in comparison.movements
    ]
    sheets.table(
        t("udvikling-klynger", "changes-clusters"),
        (t("klynge", "cluster"), t("ændring", "change"), t("detalje", "detail")),
        people,
        caption=t(f"Klyngerne fra {old} til {new}", f"The clusters from {old} to {new}"),
    )


def _detail(detail: str, names: Mapping[str, str], lang: str) -> str | None:
    """A movement's detail (a presence type, an actor or a municipality) in words."""
    if not detail:
        return None
    for question in load().questions:
        option = question.option(detail)
        if option is not None and question.id == "presence.type":
            return option.label.get(lang)
    return names.get(detail, detail)
