"""The appendices' sheets of a comparison: the `changes` table and who entered, left and moved.

The columns are the fields of spec/comparison.md's `changes`, so a board's analyst
can check every figure of the deck's section "Udvikling siden {year}". A field a
change does not have (a count has no `panel_reported`) is left blank, never 0.
"""

from __future__ import annotations

from klyngeradar.core.findings.comparison import CHANGE_KEYS, Comparison

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
    t = sheets.t
    old, new = comparison.old.label, comparison.new.label
    header = (t("fund", "finding"), *COLUMNS, t("forbehold", "qualifiers"))
    rows = []
    for key in CHANGE_KEYS:
        data = comparison.changes[key].to_dict()
        rows.append(
            (key, *(data.get(column) for column in COLUMNS), ", ".join(data.get("qualifiers", ())))
        )
    sheets.table(t(f"udvikling {old}-{new}", f"changes {old}-{new}"), header, rows)

    people = [(slug, comparison.name_of(slug), "panel", "") for slug in comparison.panel]
    people += [(slug, comparison.name_of(slug), "entered", "") for slug in comparison.entered]
    people += [(slug, comparison.name_of(slug), "left", "") for slug in comparison.left]
    people += [
        (m.cluster, comparison.name_of(m.cluster), m.change, m.detail) for m in comparison.movements
    ]
    sheets.table(
        t("udvikling-klynger", "changes-clusters"),
        ("cluster", t("navn", "name"), t("ændring", "change"), t("detalje", "detail")),
        people,
    )
