"""The deck's "Næste skridt": the analyst's next steps (or drafts) as a table.

An empty owner, date or budget says what is missing ("ansvarlig mangler") rather
than leaving a blank cell; drafts drawn from the recommendations are marked so.
"""

from __future__ import annotations

from collections.abc import Sequence

from klyngeradar.core.dates import format_date
from klyngeradar.core.reports.deck import (
    ContentSlide,
    Footnote,
    Slide,
    TableSpec,
    placeholder_text,
)
from klyngeradar.core.reports.outline_base import Context
from klyngeradar.core.strategy.priorities import NextStep


def _money(ctx: Context, kroner: int) -> str:
    return ctx.t(f"{ctx.n(kroner)} kr.", f"DKK {ctx.n(kroner)}")


def next_steps_slide(ctx: Context, steps: Sequence[NextStep], *, drafted: bool) -> Slide:
    """The next steps as a table; an empty owner, date or budget says that it is missing."""
    t = ctx.t
    marker = t("Næste skridt", "Next steps")
    rows = []
    for step in steps:
        rows.append(
            (
                (t("Udkast: ", "Draft: ") if step.draft else "") + step.text,
                step.owner.strip()
                if step.owner and step.owner.strip()
                else t("ansvarlig mangler", "owner missing"),
                format_date(step.due, ctx.lang) if step.due else t("dato mangler", "date missing"),
                _money(ctx, step.budget)
                if step.budget is not None
                else t("budget mangler", "budget missing"),
            )
        )
    budgets = [s.budget for s in steps if s.budget is not None]
    incomplete = [s for s in steps if s.missing]
    if drafted:
        title = t(
            "Næste skridt er et udkast: ansvarlige, datoer og budget mangler",
            "The next steps are a draft: owners, dates and budget are missing",
        )
        base = t(
            "Udkast ud fra anbefalingerne; analytikeren har ikke skrevet næste skridt endnu",
            "Drafted from the recommendations; the analyst has not written next steps yet",
        )
    else:
        if not incomplete:
            title = t(
                f"{len(steps)} næste skridt med ansvarlig, dato og budget – i alt "
                f"{_money(ctx, sum(budgets))}",
                f"{len(steps)} next steps with owner, date and budget: "
                f"{_money(ctx, sum(budgets))} in all",
            )
        else:
            title = t(
                f"{len(steps)} næste skridt – {len(incomplete)} mangler ansvarlig, dato "
                "eller budget",
                f"{len(steps)} next steps; {len(incomplete)} lack an owner, a date or a budget",
            )
        base = t("Skrevet af analytikeren", "Written by the analyst")
    qualifiers = ()
    if budgets:
        qualifiers = (
            t(
                f"budget i alt {_money(ctx, sum(budgets))} for {len(budgets)} af {len(steps)} "
                "skridt",
                f"total budget {_money(ctx, sum(budgets))} for {len(budgets)} of {len(steps)} "
                "steps",
            ),
        )
    if not steps:
        return ContentSlide(
            title=title,
            marker=marker,
            key="models.next_steps",
            placeholder_note=placeholder_text(t("ingen næste skridt", "no next steps"), ctx.lang),
        )
    return ContentSlide(
        title=title,
        marker=marker,
        key="models.next_steps",
        body=TableSpec(
            header=(
                t("Skridt", "Step"),
                t("Ansvarlig", "Owner"),
                t("Dato", "Date"),
                t("Budget", "Budget"),
            ),
            rows=tuple(rows),
            widths=(5.6, 2.4, 2.0, 1.8),
            align=("left", "left", "left", "right"),
            footnote=Footnote(base, qualifiers),
        ),
        notes=t(
            "Et tomt felt står som »mangler«, så bestyrelsen ser, hvad der skal besluttes.",
            "An empty field reads “missing”, so the board sees what is still to be decided.",
        ),
    )
