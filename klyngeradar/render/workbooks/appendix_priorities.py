"""The appendix sheets ``Kortliste`` and ``Næste skridt`` (English ``Shortlist``, ``Next steps``).

``Kortliste`` holds the deck's shortlist line by line: its rank, the cluster or
targeted call, its rank by the rule, who set it (the rule or the analyst), the
facts behind it (group, fit, engagement, clusters behind a call), the model with
the analyst's decision, and the reason; then what the analyst removed and what the
rule left off because the analyst rejected the recommendation, without a rank.

``Næste skridt`` holds the steps as on the deck's slide: an empty owner, date or
budget says "mangler", never a blank or 0; the last row is the total budget with
its base ("3 af 5 skridt har et budget"). Until the analyst writes steps, the
deck's drafts are shown, marked as drafts.

Both come from `klyngeradar.core.strategy.priorities`, so the sheets and the deck
agree line by line.
"""

from __future__ import annotations

from collections.abc import Sequence

from klyngeradar.core.numbers import format_int
from klyngeradar.core.reports.outline_priorities import GROUP_NAMES
from klyngeradar.core.strategy.catalogue import model
from klyngeradar.core.strategy.decisions import DecidedRecommendations
from klyngeradar.core.strategy.priorities import (
    NextStep,
    Priorities,
    PriorityInputs,
    ShortlistItem,
    default_next_steps,
    priorities,
)
from klyngeradar.core.strategy.recommendations import Recommendations


def priority_sheets(
    writer,
    recommendations: Recommendations | DecidedRecommendations | None,
    inputs: PriorityInputs | None,
) -> None:
    """Add ``Kortliste`` and ``Næste skridt`` to the appendices `writer` (`appendices._Sheets`).

    `recommendations` may carry the analyst's decisions; `inputs` the analyst's
    shortlist choices and next steps (None: the rule's shortlist and the drafts).
    """
    inputs = inputs or PriorityInputs()
    if recommendations is None:
        shortlist_sheet(writer, None)
        next_steps_sheet(writer, inputs.next_steps or (), drafted=inputs.next_steps is None)
        return
    found = priorities(recommendations, inputs.overrides)
    shortlist_sheet(writer, found)
    if inputs.next_steps is None:
        rec = (
            recommendations.recommendations
            if isinstance(recommendations, DecidedRecommendations)
            else recommendations
        )
        steps = default_next_steps(found, rec, writer.lang)
    else:
        steps = inputs.next_steps
    next_steps_sheet(writer, steps, drafted=inputs.next_steps is None)


def shortlist_sheet(writer, found: Priorities | None) -> None:
    t = writer.t
    name = t("Kortliste", "Shortlist")
    if found is None:
        writer.table(
            name,
            (t("note", "note"),),
            [(t("ingen anbefalinger beregnet", "no recommendations computed"),)],
        )
        return
    header = (
        t("nr.", "no."),
        t("klynge / indsats", "cluster / effort"),
        t("slags", "kind"),
        t("nr. efter reglen", "rank by the rule"),
        t("sat af", "set by"),
        t("gruppe", "group"),
        t("fit-score", "fit score"),
        t("engagement-score", "engagement score"),
        t("klynger bag", "clusters behind"),
        t("samarbejdsmodel", "collaboration model"),
        t("beslutning", "decision"),
        t("begrundelse", "reason"),
    )
    rows = [_row(writer, item, _set_by(writer, item)) for item in (*found.clusters, *found.efforts)]
    removed = t("analytikeren: fjernet", "the analyst: removed")
    rows += [_row(writer, item, removed, ranked=False) for item in found.excluded]
    rejected = t("reglen: afvist af analytikeren", "the rule: rejected by the analyst")
    rows += [_row(writer, item, rejected, ranked=False) for item in found.rejected]
    writer.table(
        name,
        header,
        rows,
        caption=t("Kortliste: det handler vi på først", "Shortlist: what we act on first"),
        below=_rule_lines(writer, found),
    )


def _set_by(writer, item: ShortlistItem) -> str:
    t = writer.t
    if item.source == "rule":
        return t("reglen", "the rule")
    if item.rule_rank is None:
        return t("analytikeren (reglen lister den ikke)", "the analyst (not listed by the rule)")
    return t("analytikeren (fastgjort)", "the analyst (pinned)")


def _row(writer, item: ShortlistItem, set_by: str, *, ranked: bool = True) -> tuple:
    t = writer.t
    group = t(*GROUP_NAMES[item.group]) if item.group else None
    return (
        item.rank if ranked else None,
        item.label,
        t("klynge", "cluster") if item.kind == "cluster" else t("satsning", "call"),
        item.rule_rank,
        set_by,
        group,
        item.fit,
        item.engagement if item.kind == "cluster" else None,
        item.support if item.kind == "effort" else None,
        _model_name(writer, item.model) if item.verdict != "rejected" else None,
        _verdict(writer, item),
        item.reason or item.decision_reason or None,
    )


def _model_name(writer, code) -> str:
    if code is None:
        return writer.t("Hold orienteret", "Keep informed")
    found = model(code)
    return found.name_da if writer.lang == "da" else found.name_en


def _verdict(writer, item: ShortlistItem) -> str:
    t = writer.t
    if item.verdict == "accepted":
        return t("accepteret", "accepted")
    if item.verdict == "changed":
        return t(
            f"anden model valgt (reglerne: {_model_name(writer, item.recommended)})",
            f"another model chosen (the rules: {_model_name(writer, item.recommended)})",
        )
    if item.verdict == "rejected":
        return t("afvist af analytikeren", "rejected by the analyst")
    return t("ikke behandlet", "not reviewed")


def _number(writer, value: float) -> str:
    if float(value).is_integer():
        return format_int(int(value), writer.lang)
    text = f"{value:.1f}"
    return text.replace(".", ",") if writer.lang == "da" else text


def _rule_lines(writer, found: Priorities) -> list[str]:
    t = writer.t
    if found.engagement_bar is None:
        engagement = t("ingen engagement-score", "no engagement score")
    else:
        median = t(" (rundens median)", " (the round's median)")
        engagement = f"engagement ≥ {_number(writer, found.engagement_bar)}" + (
            median if found.engagement_bar_is_median else ""
        )
    placed, of = len(found.placed), len(found.placements)
    return [
        t(
            "Regel: højt fit og højt engagement først, dernæst højt fit; inden for gruppen "
            "efter fit, så engagement, så navn; satsninger efter antal klynger bag, så deres "
            "samlede fit. Fastgjorte står først i analytikerens rækkefølge; fjernede og "
            "afviste udelades.",
            "Rule: high fit and high engagement first, then high fit; within a group by fit, "
            "then engagement, then name; calls by the number of clusters behind them, then "
            "their total fit. Pinned lines come first in the analyst's order; removed and "
            "rejected ones are left out.",
        ),
        t(
            f"Højt: fit ≥ {found.fit_bar}, {engagement}. {placed} af {of} klynger har både fit "
            "og engagement-score.",
            f"High: fit ≥ {found.fit_bar}, {engagement}. {placed} of {of} clusters have both a "
            "fit and an engagement score.",
        ),
    ]


def next_steps_sheet(writer, steps: Sequence[NextStep], *, drafted: bool) -> None:
    t = writer.t
    missing = t("mangler", "missing")
    header = (
        t("skridt", "step"),
        t("ansvarlig", "owner"),
        t("dato", "date"),
        t("budget (kr.)", "budget (DKK)"),
        t("skrevet af", "written by"),
    )
    rows = []
    for step in steps:
        rows.append(
            (
                step.text,
                step.owner.strip() if step.owner and step.owner.strip() else missing,
                step.due or missing,
                step.budget if step.budget is not None else missing,
                t("udkast fra anbefalingerne", "draft from the recommendations")
                if step.draft
                else t("analytikeren", "the analyst"),
            )
        )
    budgets = [s.budget for s in steps if s.budget is not None]
    if steps:
        base = t(
            f"i alt ({len(budgets)} af {len(steps)} skridt har et budget)",
            f"total ({len(budgets)} of {len(steps)} steps have a budget)",
        )
        # No budget at all is not a total of 0.
        rows.append((base, None, None, sum(budgets) if budgets else missing, None))
    else:
        rows.append((t("ingen næste skridt", "no next steps"), None, None, None, None))
    if drafted:
        source = t(
            "Udkast ud fra anbefalingerne; analytikeren har ikke skrevet næste skridt endnu.",
            "Drafted from the recommendations; the analyst has not written next steps yet.",
        )
    else:
        source = t("Skrevet af analytikeren.", "Written by the analyst.")
    writer.table(
        t("Næste skridt", "Next steps"),
        header,
        rows,
        below=[
            source,
            t(
                "Et tomt felt står som »mangler«, så det ses, hvad der skal besluttes.",
                "An empty field reads “missing”, so what is still to be decided shows.",
            ),
        ],
    )
