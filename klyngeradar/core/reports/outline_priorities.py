"""The deck's priorities: the fit × engagement chart and the shortlist.

The rule that places and ranks the clusters and the calls is
`klyngeradar.core.strategy.priorities`; these slides show it, write it in the
footnote and the notes, and show where the analyst departed from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from klyngeradar.core.reports.deck import (
    ContentSlide,
    Footnote,
    ScatterGroup,
    ScatterLine,
    ScatterPoint,
    ScatterSlide,
    ScatterSpec,
    Slide,
    TableSpec,
    placeholder_text,
)
from klyngeradar.core.reports.outline_base import Context
from klyngeradar.core.strategy.catalogue import model
from klyngeradar.core.strategy.priorities import (
    Group,
    Placement,
    Priorities,
    ShortlistItem,
)
from klyngeradar.core.strategy.recommendations import Recommendations

GROUP_NAMES = {
    "act_first": ("Højt fit og højt engagement", "High fit and high engagement"),
    "build": ("Højt fit, lavere engagement", "High fit, lower engagement"),
    "engaged": ("Lavere fit, højt engagement", "Lower fit, high engagement"),
    "inform": ("Lavere fit og engagement", "Lower fit and engagement"),
}
# Left-out clusters are named in the footnote up to this many characters, else counted.
LISTED_NAMES = 80
GROUP_COLORS = {"act_first": "1F5F8B", "build": "4FA3D1", "engaged": "E39B2F", "inform": "9E9E9E"}


def rule_text(ctx: Context) -> str:
    """The shortlist's rule in one sentence, for the footnote and the notes."""
    return ctx.t(
        "Regel: højt fit og højt engagement først, dernæst højt fit; inden for gruppen "
        "efter fit, så engagement; satsninger efter antal klynger bag, så deres samlede fit",
        "Rule: high fit and high engagement first, then high fit; within a group by fit, "
        "then engagement; calls by the number of clusters behind them, then their total fit",
    )


def _bars(ctx: Context, found: Priorities) -> str:
    if found.engagement_bar is None:
        engagement = ctx.t("ingen engagement-score", "no engagement score")
    else:
        value = _number(ctx, found.engagement_bar)
        engagement = ctx.t(
            f"engagement ≥ {value}"
            + (" (rundens median)" if found.engagement_bar_is_median else ""),
            f"engagement ≥ {value}"
            + (" (the round's median)" if found.engagement_bar_is_median else ""),
        )
    return ctx.t(
        f"Højt: fit ≥ {found.fit_bar}, {engagement}", f"High: fit ≥ {found.fit_bar}, {engagement}"
    )


def _number(ctx: Context, value: float) -> str:
    if float(value).is_integer():
        return ctx.n(int(value))
    text = f"{value:.1f}"
    return text.replace(".", ",") if ctx.lang == "da" else text


def _left_out_reason(ctx: Context, rec: Recommendations, p: Placement) -> str:
    row = rec.fit.row(p.cluster)
    if row is not None and not row.responded:
        return ctx.t("har ikke svaret", "did not respond")
    if p.missing == "fit":
        return ctx.t("fit ukendt", "fit unknown")
    if p.missing == "engagement":
        return ctx.t("ingen engagement-score", "no engagement score")
    return ctx.t("fit og engagement ukendt", "fit and engagement unknown")


def priorities_slide(ctx: Context, rec: Recommendations, found: Priorities) -> Slide:
    """The fit × engagement scatter chart, thresholds drawn, each cluster labelled."""
    t = ctx.t
    marker = t("Prioritering: fit × engagement", "Priorities: fit × engagement")
    first = found.group("act_first")
    build = found.group("build")
    listed = sum(1 for item in found.clusters if item.group == "act_first")
    if first and listed < len(first):
        # The shortlist is short: say how many of the group it holds, so the two agree.
        title = t(
            f"{len(first)} {ctx.clusters(len(first))} har højt strategisk fit og er aktive i "
            f"regionen – {listed} står først på kortlisten",
            f"{len(first)} {ctx.clusters(len(first))} have a high strategic fit and are active "
            f"in the region; {listed} lead the shortlist",
        )
    elif first:
        title = t(
            f"{len(first)} {ctx.clusters(len(first))} bør prioriteres først: højt strategisk "
            "fit og aktive i regionen",
            f"{len(first)} {ctx.clusters(len(first))} should come first: high strategic fit "
            "and active in the region",
        )
    elif build:
        title = t(
            f"Ingen klynge har både højt fit og højt engagement – {len(build)} har højt fit at "
            "bygge videre på",
            f"No cluster has both high fit and high engagement; {len(build)} have high fit "
            "to build on",
        )
    else:
        title = t(
            "Ingen klynge har højt fit med strategien endnu",
            "No cluster has a high fit with the strategy yet",
        )
    left_out = found.left_out
    reasons = [f"{p.label} ({_left_out_reason(ctx, rec, p)})" for p in left_out]
    qualifiers: list[str] = []
    if left_out:
        # The names where they fit on the footnote's line; else how many for each reason.
        listed = ", ".join(reasons)
        if len(listed) > LISTED_NAMES:
            counts: dict[str, int] = {}
            for p in left_out:
                why = _left_out_reason(ctx, rec, p)
                counts[why] = counts.get(why, 0) + 1
            listed = ", ".join(f"{n} {why}" for why, n in counts.items())
        qualifiers.append(
            t(
                f"{len(left_out)} {ctx.clusters(len(left_out))} ikke vist: ",
                f"{len(left_out)} {ctx.clusters(len(left_out))} not shown: ",
            )
            + listed
        )
    placements, efforts = len(found.placements), len(rec.fit.efforts)
    base = t(
        f"{len(found.placed)} af {placements} {ctx.clusters(placements)} vist; fit: summen af "
        f"{efforts} {ctx.noun(efforts, 'indsats', 'indsatser')} à 0–3; engagement 0–100. "
        f"{_bars(ctx, found)}",
        f"{len(found.placed)} of {placements} {ctx.clusters(placements)} shown; fit: the sum over "
        f"{efforts} {ctx.noun(efforts, 'effort', 'efforts')} of 0–3 each; engagement 0–100. "
        f"{_bars(ctx, found)}",
    )
    footnote = Footnote(base, tuple(qualifiers))
    notes = "\n".join(
        (
            t(
                "Hver klynge står, hvor dens fit med strategien og dens engagement i regionen "
                "mødes; de stiplede linjer er grænserne for højt fit og højt engagement.",
                "Each cluster sits where its fit with the strategy meets its engagement in the "
                "region; the dashed lines are the bars for high fit and high engagement.",
            ),
            rule_text(ctx) + ".",
            footnote.text,
            *([t("Ikke vist: ", "Not shown: ") + ", ".join(reasons) + "."] if reasons else []),
        )
    )
    placed = found.placed
    if not placed or found.engagement_bar is None:
        return ScatterSlide(
            title=title,
            marker=marker,
            key="models.priorities",
            notes=notes,
            placeholder_note=placeholder_text(
                t(
                    "ingen klynge har både et kendt fit og en engagement-score",
                    "no cluster has both a known fit and an engagement score",
                ),
                ctx.lang,
            )
            + (" · " + footnote.text if qualifiers else ""),
        )
    x_max = max(found.fit_bar, *(p.fit or 0 for p in placed)) + 1
    # A large round would bury its points under their names: name the shortlist's only.
    named = None
    if len(placed) > MAX_NAMED:
        named = {i.subject for i in found.clusters}
        footnote = Footnote(
            footnote.base,
            (
                *footnote.qualifiers,
                t(
                    f"navne vist for kortlistens {len(named)} klynger",
                    f"names shown for the shortlist's {len(named)} clusters",
                ),
            ),
        )
    groups = []
    for name in ("act_first", "build", "engaged", "inform"):
        members = found.group(name)
        if members:
            groups.append(
                ScatterGroup(
                    t(*GROUP_NAMES[name]), _points(ctx, members, named), GROUP_COLORS[name]
                )
            )
    groups = _spread_labels(groups)
    bar = found.engagement_bar
    lines = (
        ScatterLine(
            t(f"Grænse for højt fit ({found.fit_bar})", f"High-fit bar ({found.fit_bar})"),
            (found.fit_bar, 0),
            (found.fit_bar, 100),
        ),
        ScatterLine(
            t(
                f"Grænse for højt engagement ({_number(ctx, bar)})",
                f"High-engagement bar ({_number(ctx, bar)})",
            ),
            (0, bar),
            (x_max, bar),
        ),
    )
    chart = ScatterSpec(
        groups=tuple(groups),
        lines=lines,
        x_title=t("Fit med strategien (sum)", "Fit with the strategy (sum)"),
        y_title=t("Engagement (0–100)", "Engagement (0–100)"),
        x_max=x_max,
        y_max=100,
        footnote=footnote,
    )
    return ScatterSlide(
        title=title, marker=marker, key="models.priorities", chart=chart, notes=notes
    )


def _points(
    ctx: Context, members: Sequence[Placement], named: set[str] | None
) -> tuple[ScatterPoint, ...]:
    """One point per place; clusters at the very same place share it and its label.

    `named` (None: everyone) are the clusters whose names the labels show; a label
    of more than two names shows two and how many more.
    """
    places: dict[tuple[int, int], list[str]] = {}
    for p in members:
        label = p.label if named is None or p.cluster in named else ""
        places.setdefault((p.fit, p.engagement), []).append(label)
    points = []
    for (x, y), labels in sorted(places.items()):
        shown = [label for label in labels if label]
        text = ", ".join(shown[:2])
        if len(shown) > 2:
            text += f" +{len(shown) - 2}"
        points.append(ScatterPoint(text, x, y))
    return tuple(points)


# Points this close in engagement (on its 0–100 axis) at the same fit would have their
# labels on top of each other on the right; the next one's goes to the left, then below.
LABEL_GAP = 6
# More placed clusters than this, and only the shortlist's are named on the chart.
MAX_NAMED = 20
LABEL_SIDES = ("right", "left", "below", "above")


def _spread_labels(groups: list[ScatterGroup]) -> list[ScatterGroup]:
    """Put a label to the left where it would cover a neighbour's label on the right."""
    taken: dict[str, list[tuple[float, float]]] = {side: [] for side in LABEL_SIDES}
    positions: dict[tuple[int, int], str] = {}
    every = sorted(
        ((gi, pi, p) for gi, g in enumerate(groups) for pi, p in enumerate(g.points)),
        key=lambda item: (item[2].x, item[2].y),
    )
    for gi, pi, point in every:
        if not point.label:
            continue
        # The first side where no label of a point close by sits yet; right when all are.
        side = next(
            (
                side
                for side in LABEL_SIDES
                if not any(x == point.x and abs(y - point.y) < LABEL_GAP for x, y in taken[side])
            ),
            "right",
        )
        taken[side].append((point.x, point.y))
        positions[(gi, pi)] = side
    return [
        replace(
            group,
            points=tuple(
                replace(p, label_position=positions.get((gi, pi), "right"))
                for pi, p in enumerate(group.points)
            ),
        )
        for gi, group in enumerate(groups)
    ]


def _model_name(ctx: Context, code) -> str:
    if code is None:
        return ctx.t("hold orienteret", "keep informed")
    found = model(code)
    return found.name_da if ctx.lang == "da" else found.name_en


def decision_text(ctx: Context, item: ShortlistItem) -> str:
    """The analyst's decision on the line's recommendation, or "" when there is none."""
    t = ctx.t
    if item.verdict == "accepted":
        return t("besluttet", "decided")
    if item.verdict == "changed":
        name = _model_name(ctx, item.recommended)
        return t(f"besluttet; reglerne: {name}", f"decided; the rules: {name}")
    if item.verdict == "rejected":
        return t("afvist af analytikeren", "rejected by the analyst")
    return ""


def _why(ctx: Context, item: ShortlistItem) -> str:
    t = ctx.t
    decided = decision_text(ctx, item)
    if item.kind == "effort":
        text = t(
            f"{item.support} klynger bag; samlet fit {item.fit} med indsatsen",
            f"{item.support} clusters behind it; total fit {item.fit} with the effort",
        )
        if item.verdict == "changed":
            text += f" → {_model_name(ctx, item.model)}"
        return f"{text} ({decided})" if decided else text
    group: Group | None = item.group
    facts = t(
        f"fit {ctx.n(item.fit)}, engagement {ctx.n(item.engagement)}",
        f"fit {ctx.n(item.fit)}, engagement {ctx.n(item.engagement)}",
    )
    name = t(*GROUP_NAMES[group]) if group else t("ikke placeret", "not placed")
    if item.verdict == "rejected":
        return f"{name}: {facts} → {decided}"
    text = f"{name}: {facts} → {_model_name(ctx, item.model)}"
    return f"{text} ({decided})" if decided else text


def rejected_text(ctx: Context, found: Priorities) -> str:
    """ "ikke på listen, afvist af analytikeren: Klynge A, satsningen »…«"; "" when none."""
    if not found.rejected:
        return ""
    names = [
        i.label
        if i.kind == "cluster"
        else ctx.t(f"satsningen »{i.label}«", f"the call “{i.label}”")
        for i in found.rejected
    ]
    return ctx.t(
        "ikke på listen, afvist af analytikeren: ", "not listed, rejected by the analyst: "
    ) + ", ".join(names)


def _source(ctx: Context, item: ShortlistItem) -> str:
    t = ctx.t
    if item.source == "rule":
        return t(f"Reglen (nr. {item.rule_rank})", f"The rule (no. {item.rule_rank})")
    if item.rule_rank is None:
        return t("Analytikeren (reglen lister den ikke)", "The analyst (not listed by the rule)")
    return t(
        f"Analytikeren (reglen: nr. {item.rule_rank})",
        f"The analyst (the rule: no. {item.rule_rank})",
    )


def _shortlist_title(ctx: Context, found: Priorities) -> str:
    """ "Start med Klynge A og Klynge B – og satsningen »…«"; more than three: how many."""
    t = ctx.t
    clusters = [i.label for i in found.clusters]
    parts = []
    if len(clusters) > 3:
        lead = ctx.names(clusters[:2], 3)
        parts.append(
            t(
                f"{len(clusters)} klynger, anført af {lead}",
                f"{len(clusters)} clusters, led by {lead}",
            )
        )
    elif clusters:
        parts.append(ctx.names(clusters, 3))
    if found.efforts:
        first = found.efforts[0].label
        parts.append(t(f"satsningen »{first}«", f"the call “{first}”"))
    return t("Start med ", "Start with ") + t(" – og ", ", and ").join(parts)


def shortlist_slide(ctx: Context, found: Priorities) -> Slide:
    """The few clusters and calls to act on first, ranked, each with why and by whom."""
    t = ctx.t
    marker = t("Kortliste: det handler vi på først", "Shortlist: what we act on first")
    items = (*found.clusters, *found.efforts)
    rejected = rejected_text(ctx, found)
    if not items:
        return ContentSlide(
            title=t(
                "Ingen klynge eller indsats står til at blive prioriteret endnu",
                "No cluster or effort stands out for priority yet",
            ),
            marker=marker,
            key="models.shortlist",
            placeholder_note=placeholder_text(
                t(
                    "ingen klynge har højt fit, og ingen indsats har klynger nok",
                    "no cluster has a high fit and no effort has enough clusters",
                ),
                ctx.lang,
            )
            + (f" · {rejected}" if rejected else ""),
            notes="\n".join((rule_text(ctx) + ".", *_rejected_notes(ctx, found))),
        )
    title = _shortlist_title(ctx, found)
    rows = []
    # Clusters and calls are ranked each on their own, as the rule ranks them.
    for item in items:
        what = (
            item.label
            if item.kind == "cluster"
            else t(f"Satsning: {item.label}", f"Call: {item.label}")
        )
        rows.append((str(item.rank), what, _why(ctx, item), _source(ctx, item)))
    notes = [rule_text(ctx) + "."]
    for item in items:
        if item.source == "analyst" and item.reason:
            notes.append(
                t(
                    f"{item.label}: fastgjort – {item.reason}",
                    f"{item.label}: pinned – {item.reason}",
                )
            )
    if found.excluded:
        notes.append(
            t("Fjernet af analytikeren: ", "Removed by the analyst: ")
            + ", ".join(f"{i.label} ({i.reason})" if i.reason else i.label for i in found.excluded)
        )
    notes += _rejected_notes(ctx, found)
    qualifiers = []
    if found.overridden:
        qualifiers.append(
            t("rækkefølgen er justeret af analytikeren", "the order was adjusted by the analyst")
        )
    if rejected:
        qualifiers.append(rejected)
    return ContentSlide(
        title=title,
        marker=marker,
        key="models.shortlist",
        body=TableSpec(
            header=(
                t("Nr.", "No."),
                t("Klynge / indsats", "Cluster / effort"),
                t("Hvorfor", "Why"),
                t("Sat af", "Set by"),
            ),
            rows=tuple(rows),
            widths=(0.6, 3.0, 5.2, 2.6),
            align=("right", "left", "left", "left"),
            footnote=Footnote(rule_text(ctx), tuple(qualifiers)),
        ),
        notes="\n".join(notes),
    )


def _rejected_notes(ctx: Context, found: Priorities) -> list[str]:
    """The rejected items with the analyst's reasons, for the speaker notes."""
    if not found.rejected:
        return []
    listed = ", ".join(
        f"{i.label} ({i.decision_reason})" if i.decision_reason else i.label for i in found.rejected
    )
    return [ctx.t("Afvist af analytikeren: ", "Rejected by the analyst: ") + listed]
