"""Part 3 of the deck: collaboration models (fit, engagement, priorities, recommendations).

When the analyst has decided on recommendations (`klyngeradar.core.strategy.decisions`),
the recommendation slides show the decision beside the rules' recommendation: a
"Beslutning" column per cluster, a line per targeted call and region-level
model, and the written reasons in the speaker notes. Without any decision the
slides are exactly the rules' recommendations.
"""

from __future__ import annotations

from datetime import datetime

from klyngeradar.core.dates import format_date
from klyngeradar.core.reports.deck import (
    Bullet,
    ContentSlide,
    Footnote,
    SectionSlide,
    Slide,
    TableSpec,
    Text,
    placeholder_text,
)
from klyngeradar.core.reports.outline_base import Context
from klyngeradar.core.reports.outline_fit import (
    engagement_slide,
    fit_slide,
    strategy_slide,
)
from klyngeradar.core.reports.outline_next_steps import next_steps_slide
from klyngeradar.core.reports.outline_priorities import priorities_slide, shortlist_slide
from klyngeradar.core.strategy.catalogue import CHECKLIST, MODELS, ModelCode, model
from klyngeradar.core.strategy.decisions import DecidedRecommendation, DecidedRecommendations
from klyngeradar.core.strategy.plan import Strategy
from klyngeradar.core.strategy.priorities import (
    Priorities,
    PriorityInputs,
    default_next_steps,
    priorities,
)
from klyngeradar.core.strategy.recommendations import Recommendations, reason_text


def models_slides(
    ctx: Context,
    recommendations: Recommendations | DecidedRecommendations | None,
    strategy: Strategy | None,
    inputs: PriorityInputs | None = None,
) -> list[Slide]:
    """The part's slides; `recommendations` may carry the analyst's decisions beside them.

    `inputs` holds the analyst's shortlist choices and next steps; without next
    steps the slide shows drafts drawn from the recommendations.
    """
    inputs = inputs or PriorityInputs()
    t = ctx.t
    decided = None
    if isinstance(recommendations, DecidedRecommendations):
        decided = recommendations if recommendations.decided else None
        recommendations = recommendations.recommendations
    slides: list[Slide] = [
        SectionSlide(
            title=t("Samarbejdsmodeller", "Collaboration models"),
            key="models.section",
            subtitle=t(
                "Hvilke klynger kan understøtte strategien – og hvordan samarbejder vi?",
                "Which clusters can support the strategy, and how do we work together?",
            ),
        )
    ]
    strategy = strategy or (recommendations.strategy if recommendations else None)
    slides.append(strategy_slide(ctx, strategy))
    if recommendations is None:
        missing = placeholder_text(
            t("anbefalingerne er ikke beregnet", "the recommendations are not computed"),
            ctx.lang,
        )
        for key, marker in (
            ("models.fit", t("Fit med strategien", "Fit with the strategy")),
            ("models.engagement", t("Engagement i regionen", "Engagement in the region")),
            (
                "models.per_cluster",
                t("Anbefalet samarbejdsmodel pr. klynge", "Recommended model per cluster"),
            ),
        ):
            slides.append(
                ContentSlide(
                    title=t(f"{marker}: endnu ikke beregnet", f"{marker}: not computed yet"),
                    marker=marker,
                    key=key,
                    placeholder_note=missing,
                )
            )
        slides += [_models(ctx), _checklist(ctx)]
        slides.append(
            next_steps_slide(ctx, inputs.next_steps or (), drafted=inputs.next_steps is None)
        )
        return slides
    # The shortlist leaves off what the analyst rejected and shows the decided models.
    found = priorities(decided or recommendations, inputs.overrides)
    slides += [
        fit_slide(ctx, recommendations),
        engagement_slide(ctx, recommendations),
        priorities_slide(ctx, recommendations, found),
        shortlist_slide(ctx, found),
        _per_cluster(ctx, recommendations, decided),
        _across(ctx, recommendations, decided, found),
        _models(ctx),
        _checklist(ctx),
    ]
    if inputs.next_steps is None:
        steps = default_next_steps(found, recommendations, ctx.lang)
    else:
        steps = inputs.next_steps
    slides.append(next_steps_slide(ctx, steps, drafted=inputs.next_steps is None))
    return slides


def _model_name(ctx: Context, code: ModelCode | None) -> str:
    if code is None:
        return ctx.t("Hold orienteret", "Keep informed")
    return model(code).name_da if ctx.lang == "da" else model(code).name_en


def _verdict(ctx: Context, item: DecidedRecommendation) -> str:
    """The decision in a few words: "Accepteret", "Ændret til …", "Afvist", "Ikke behandlet"."""
    t = ctx.t
    if item.decision is None:
        return t("Ikke behandlet", "Not reviewed")
    if item.decision.verdict == "accepted":
        return t("Accepteret", "Accepted")
    if item.decision.verdict == "rejected":
        return t("Afvist", "Rejected")
    name = _model_name(ctx, item.decision.model)
    return t(f"Ændret til {name}", f"Changed to {name}")


def _day(ctx: Context, moment: datetime) -> str:
    return format_date(moment, ctx.lang)


def _lower(text: str) -> str:
    """ "Afvist" → "afvist" after a colon; model names keep their capitals."""
    return text[:1].lower() + text[1:]


def decision_note(ctx: Context, item: DecidedRecommendation, *, since: bool = True) -> str:
    """The decision as a sentence for the speaker notes, with its reason, who and when.

    With `since`, a decision whose recommendation has changed says what it was then.
    """
    t = ctx.t
    decision = item.decision
    if decision is None:
        return t("Beslutning: ikke behandlet.", "Decision: not reviewed.")
    text = t("Beslutning: ", "Decision: ") + _lower(_verdict(ctx, item))
    if decision.reason:
        text += t(" – begrundelse: ", " – reason: ") + decision.reason.strip().rstrip(".")
    at = decision.decided_at and _day(ctx, decision.decided_at)
    who = [part for part in (decision.decided_by, at) if part]
    if who:
        text += f" ({', '.join(who)})"
    text += "."
    if since and item.stale:
        then = _model_name(ctx, decision.recommended)
        text += t(
            f" NB: Anbefalingen er ændret siden beslutningen (dengang: {then}).",
            f" Note: the recommendation has changed since the decision (then: {then}).",
        )
    return text


def _per_cluster(
    ctx: Context, rec: Recommendations, decided: DecidedRecommendations | None
) -> Slide:
    t = ctx.t
    rows, notes = [], []
    stale = 0
    for r in _by_importance(rec):
        name = _model_name(ctx, r.model)
        fit_row = rec.fit.row(r.cluster)
        score = rec.engagement.get(r.cluster)
        decision: tuple[str, ...] = ()
        note = f"{r.label}: {name}. " + " ".join(reason_text(x, ctx.lang) for x in r.reasons)
        item = decided.get("cluster", r.cluster) if decided else None
        if item is not None:
            stale += item.stale
            decision = (_verdict(ctx, item) + (" *" if item.stale else ""),)
            note += " " + decision_note(ctx, item)
        rows.append(
            (
                r.label,
                name,
                *decision,
                ctx.n(fit_row.score if fit_row else None),
                ctx.n(score.score if score else None),
            )
        )
        notes.append(note)
    if decided is not None:
        notes += _unmatched_notes(ctx, decided, "cluster")
    base = t(
        "Regelbaseret: højt fit og højt engagement → tværkommunal aftale; højt fit "
        "og lavt engagement → noget konkret; begrundelser i noterne",
        "Rule-based: high fit and engagement → cross-municipal agreement; high fit, "
        "low engagement → something concrete; reasons in the notes",
    )
    qualifiers: tuple[str, ...] = ()
    header = (t("Klynge", "Cluster"), t("Anbefaling", "Recommendation"))
    widths: tuple[float, ...] = (2.2, 4.4, 0.9, 1.4)
    if decided is not None:
        header += (t("Beslutning", "Decision"),)
        widths = (2.0, 3.7, 4.1, 0.7, 1.3)
        qualifiers = (t("Beslutning: analytikerens", "Decision: the analyst's"),)
        if stale:
            qualifiers += (
                t(
                    "* anbefalingen er ændret siden beslutningen",
                    "* the recommendation has changed since the decision",
                ),
            )
    columns = len(header)
    agreement = sum(1 for r in rec.clusters if r.model == "cross_municipal_agreement")
    concrete = sum(1 for r in rec.clusters if r.model == "concrete_collaboration")
    return ContentSlide(
        title=t(
            f"{agreement} {ctx.clusters(agreement)} anbefales til en tværkommunal aftale, "
            f"{concrete} til et konkret samarbejde",
            f"{agreement} {ctx.clusters(agreement)} recommended for a cross-municipal "
            f"agreement, {concrete} for a concrete collaboration",
        ),
        marker=t("Anbefalet samarbejdsmodel pr. klynge", "Recommended model per cluster"),
        key="models.per_cluster",
        body=TableSpec(
            header=(*header, t("Fit", "Fit"), t("Engagement", "Engagement")),
            rows=tuple(rows),
            widths=widths,
            align=(*("left",) * columns, "right", "right"),
            footnote=Footnote(base, qualifiers),
        ),
        notes="\n".join(notes),
    )


def _by_importance(rec: Recommendations):
    """The clusters by fit, then engagement, highest first (a missing score counts as lowest)."""

    def key(r):
        fit_row = rec.fit.row(r.cluster)
        score = rec.engagement.get(r.cluster)
        return (
            -((fit_row.score if fit_row else None) or -1),
            -((score.score if score else None) or -1),
        )

    return sorted(rec.clusters, key=key)


def _unmatched_notes(ctx: Context, decided: DecidedRecommendations, *kinds: str) -> list[str]:
    """Decisions on recommendations the rules no longer give, so none silently disappears."""
    t = ctx.t
    lines = []
    for item in decided.unmatched:
        if item.subject_kind not in kinds or item.decision is None:
            continue
        label = item.label or item.subject
        if item.subject_kind == "region":
            label = t("Regionen", "The region")
        then = _model_name(ctx, item.decision.recommended)
        lines.append(
            t(
                f"{label}: anbefalingen ({then}) gives ikke længere. ",
                f"{label}: the recommendation ({then}) is no longer given. ",
            )
            + decision_note(ctx, item, since=False)
        )
    return lines


def _across(
    ctx: Context,
    rec: Recommendations,
    decided: DecidedRecommendations | None,
    found: Priorities,
) -> Slide:
    t = ctx.t
    lines: list[Bullet] = []
    notes: list[str] = []

    def decision(kind: str, subject: str, label: str) -> None:
        item = decided.get(kind, subject) if decided else None
        if item is None:
            return
        verdict = _verdict(ctx, item)
        if item.stale:
            verdict += t(
                " (anbefalingen er ændret siden)", " (the recommendation has changed since)"
            )
        lines.append(Bullet(t("Beslutning: ", "Decision: ") + _lower(verdict), level=1))
        notes.append(f"{label}: {decision_note(ctx, item)}")

    # Ranked by support, then fit: the first call is the one to prepare first.
    for ranked in found.calls:
        call = ranked.call
        name = _model_name(ctx, call.model)
        facts = t(
            f"{ranked.support} klynger, samlet fit {ranked.fit}",
            f"{ranked.support} clusters, total fit {ranked.fit}",
        )
        lines.append(Bullet(f"{ranked.rank}. {name}: {call.effort.name} ({facts})", bold=True))
        lines.append(Bullet(" ".join(reason_text(x, ctx.lang) for x in call.reasons), level=1))
        decision("effort", call.effort.slug, call.effort.name)
    for region in rec.region:
        name = _model_name(ctx, region.model)
        lines.append(Bullet(name, bold=True))
        lines.append(Bullet(" ".join(reason_text(x, ctx.lang) for x in region.reasons), level=1))
        decision("region", region.model, name)
    if decided is not None:
        notes += _unmatched_notes(ctx, decided, "effort", "region")
    marker = t("Anbefalinger på tværs af klyngerne", "Recommendations across the clusters")
    if found.calls:
        notes.insert(
            0,
            t(
                "Målrettede indkaldelser er rangeret efter antal klynger bag (fit ≥ "
                f"{rec.thresholds.effort_support}), dernæst deres samlede fit med indsatsen.",
                "Targeted calls are ranked by the number of clusters behind them (fit ≥ "
                f"{rec.thresholds.effort_support}), then their total fit with the effort.",
            ),
        )
        first = found.calls[0]
        count = len(found.calls)
        title = t(
            f"{count} {ctx.noun(count, 'indsats', 'indsatser')} har klynger nok til en "
            f"målrettet indkaldelse – »{first.call.effort.name}« står stærkest",
            f"{count} {ctx.noun(count, 'effort has', 'efforts have')} enough clusters for a "
            f"targeted call; “{first.call.effort.name}” is strongest",
        )
    elif rec.region:
        title = t(
            "Ingen indsats har klynger nok til en målrettet indkaldelse – men regionen som helhed",
            "No effort has enough clusters for a targeted call, but the region as a whole",
        )
    else:
        title = t(
            "Ingen indsats har klynger nok til en målrettet indkaldelse endnu",
            "No effort has enough clusters for a targeted call yet",
        )
    if not lines:
        return ContentSlide(
            title=title,
            marker=marker,
            key="models.across",
            placeholder_note=placeholder_text(
                t("ingen indsats har nok klynger bag sig", "no effort has enough clusters"),
                ctx.lang,
            ),
            notes="\n".join(notes),
        )
    return ContentSlide(
        title=title,
        marker=marker,
        key="models.across",
        body=Text(tuple(lines)),
        notes="\n".join(notes),
    )


def _models(ctx: Context) -> Slide:
    t = ctx.t
    rows = tuple(
        (m.name_da, m.description_da) if ctx.lang == "da" else (m.name_en, m.description_en)
        for m in MODELS
    )
    return ContentSlide(
        title=t(
            "Fire samarbejdsmodeller – fra noget konkret til en tværkommunal aftale",
            "Four collaboration models, from something concrete to a cross-municipal agreement",
        ),
        marker=t("Fire samarbejdsmodeller", "Four collaboration models"),
        key="models.catalogue",
        body=TableSpec(
            header=(t("Model", "Model"), t("Sådan fungerer den", "How it works")),
            rows=rows,
            widths=(2.2, 7.0),
        ),
    )


def _checklist(ctx: Context) -> Slide:
    count = len(CHECKLIST)
    return ContentSlide(
        title=ctx.t(
            f"{count} ting skal være på plads, før en aftale indgås",
            f"{count} things must be in place before an agreement is made",
        ),
        marker=ctx.t("Før en aftale indgås", "Before an agreement is made"),
        key="models.checklist",
        body=Text.of(*(item.text(ctx.lang) for item in CHECKLIST)),
        notes=ctx.t(
            "Erfaringerne viser: jo mere konkret og tydelig aftalen er, jo større udbytte.",
            "Experience shows: the more concrete and clear the agreement, the greater the gain.",
        ),
    )
