"""Part 3 of the deck: collaboration models (fit, engagement, recommendations, checklist).

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
    ChartSpec,
    ContentSlide,
    Footnote,
    SectionSlide,
    Series,
    Slide,
    TableSpec,
    Text,
    placeholder_text,
)
from klyngeradar.core.reports.outline_base import Context
from klyngeradar.core.reports.outline_priorities import (
    next_steps_slide,
    priorities_slide,
    shortlist_slide,
)
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
    slides.append(_strategy(ctx, strategy))
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
    found = priorities(recommendations, inputs.overrides)
    slides += [
        _fit(ctx, recommendations),
        _engagement(ctx, recommendations),
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


def _strategy(ctx: Context, strategy: Strategy | None) -> Slide:
    t = ctx.t
    marker = t("Regionens vision og indsatser", "The region's vision and efforts")
    if strategy is None or not strategy.efforts:
        return ContentSlide(
            title=t(
                "Regionens strategiske indsatser er ikke registreret endnu",
                "The region's strategy efforts are not registered yet",
            ),
            marker=marker,
            key="models.strategy",
            placeholder_note=placeholder_text(
                t("strategiens indsatser er ikke registreret", "no strategy efforts registered"),
                ctx.lang,
            ),
        )
    lines = []
    if strategy.vision:
        lines.append(
            Bullet(
                f"»{strategy.vision}«" if ctx.lang == "da" else f"“{strategy.vision}”", bold=True
            )
        )
    lines += [Bullet(e.name, level=1 if strategy.vision else 0) for e in strategy.efforts]
    # The source is a code ("round") or a reference; the notes say it in words.
    if strategy.source == "round":
        notes = t(
            "Indsatserne er rundens egne (svarfilens ark »indsatser«).",
            "The efforts are the round's own (the answers file's »indsatser« sheet).",
        )
    else:
        notes = (
            t(f"Kilde: {strategy.source}", f"Source: {strategy.source}") if strategy.source else ""
        )
    if strategy.vision:
        notes = "\n".join(
            n for n in (t("Visionen: ", "The vision: ") + strategy.vision, notes) if n
        )
    if strategy.example:
        lines.append(
            Bullet(
                t(
                    "Eksempel: indsatserne er ikke regionens egne",
                    "Example: the efforts are not the region's own",
                )
            )
        )
    count = len(strategy.efforts)
    title = t(
        f"Klyngerne måles mod {count} "
        + ctx.noun(count, "strategisk indsats", "strategiske indsatser")
        + (" (et eksempel)" if strategy.example else ""),
        f"The clusters are measured against {count} strategy "
        f"{ctx.noun(count, 'effort', 'efforts')}" + (" (an example)" if strategy.example else ""),
    )
    return ContentSlide(
        title=title, marker=marker, key="models.strategy", body=Text(tuple(lines)), notes=notes
    )


def _fit(ctx: Context, rec: Recommendations) -> Slide:
    t = ctx.t
    matrix = rec.fit
    header = (t("Klynge", "Cluster"), *(e.name for e in matrix.efforts), t("Fit", "Fit"))
    rows, levels = [], []
    # Most important first: the rows continue on further slides in a large round.
    for row in sorted(matrix.rows, key=lambda r: -(r.score or 0)):
        cells = [row.cell(e.slug).score for e in matrix.efforts]
        rows.append((row.label, *("–" if s is None else str(s) for s in cells), ctx.n(row.score)))
        levels.append((None, *cells, None))
    unknown = sum(1 for row in matrix.rows if not row.known)
    return ContentSlide(
        title=_fit_title(ctx, rec),
        marker=t(
            "Fit med strategien: klynger × indsatser", "Fit with the strategy: clusters × efforts"
        ),
        key="models.fit",
        body=TableSpec(
            header=header,
            rows=tuple(rows),
            levels=tuple(levels),
            widths=fit_widths(tuple(row.label for row in matrix.rows), header[1:-1]),
            align=("left", *("center" for _ in matrix.efforts), "right"),
            footnote=Footnote(
                t(
                    "0 ingen · 1 svag · 2 tydelig · 3 stærk; kilde: surveyen (afkrydsning = 2) "
                    "eller analytikeren",
                    "0 none · 1 weak · 2 clear · 3 strong; source: the survey (ticked = 2) or "
                    "the analyst",
                ),
                (t(f"– ukendt ({unknown} klynger)", f"– unknown ({unknown} clusters)"),)
                if unknown
                else (),
            ),
        ),
        notes=t(
            "Fit-scoren er summen af rækkens kendte celler.",
            "The fit score is the sum of the row's known cells.",
        ),
    )


def _fit_title(ctx: Context, rec: Recommendations) -> str:
    """ "7 af 12 klynger har højt fit – flest bag »Grøn omstilling« (5 klynger)"."""
    t = ctx.t
    rows = rec.fit.rows
    known = [r for r in rows if r.known]
    high = [r for r in known if r.score >= rec.thresholds.high_fit]
    support = rec.thresholds.effort_support
    best = max(
        rec.fit.efforts,
        key=lambda e: len(rec.fit.supporters(e.slug, support)),
        default=None,
    )
    title = t(
        f"{len(high)} af {len(known)} klynger har højt fit med strategien",
        f"{len(high)} of {len(known)} clusters have a high fit with the strategy",
    )
    behind = len(rec.fit.supporters(best.slug, support)) if best else 0
    if best is not None and behind:
        title += t(
            f" – flest bag »{best.name}« ({behind})",
            f", most behind “{best.name}” ({behind})",
        )
    return title


def _engagement_title(ctx: Context, rec: Recommendations) -> str:
    t = ctx.t
    scored = [s for s in rec.engagement.scores if s.score is not None]
    if not scored:
        return t(
            "Ingen klynge har en engagement-score endnu", "No cluster has an engagement score yet"
        )
    top = max(scored, key=lambda s: s.score)
    low = min(s.score for s in scored)
    return t(
        f"Engagementet spænder fra {low} til {top.score} af 100 – {top.label} ligger højest",
        f"Engagement ranges from {low} to {top.score} of 100; {top.label} is highest",
    )


def _engagement(ctx: Context, rec: Recommendations) -> Slide:
    t = ctx.t
    scores = rec.engagement.scores
    partial = [s for s in scores if s.score is not None and s.inputs < s.of]
    missing = [s.label for s in scores if s.score is None]
    qualifiers = [
        t(
            f"{s.label}: baseret på {s.inputs} af {s.of} input",
            f"{s.label}: based on {s.inputs} of {s.of} inputs",
        )
        for s in partial
    ]
    if missing:
        qualifiers.append(t("ingen score: ", "no score: ") + ", ".join(missing))
    return ContentSlide(
        title=_engagement_title(ctx, rec),
        marker=t("Engagement i regionen (0–100)", "Engagement in the region (0–100)"),
        key="models.engagement",
        body=ChartSpec(
            "bar",
            tuple(s.label for s in scores),
            (Series(t("Engagement-score", "Engagement score"), tuple(s.score for s in scores)),),
            number_format=ctx.integers,
            footnote=Footnote(
                t(
                    "Tilstedeværelse, medlemmer, virksomheder, partnere, aftaler og dialog",
                    "Presence, members, companies, partners, agreements and dialogue",
                ),
                tuple(qualifiers),
            ),
        ),
        notes=t(
            "Manglende svar sænker sikkerheden, ikke scoren.",
            "Missing answers lower the confidence, not the score.",
        ),
    )


def fit_widths(labels: tuple[str, ...], efforts: tuple[str, ...]) -> tuple[float, ...]:
    """Relative column widths of the fit matrix, in characters.

    Headers wrap between words, never inside one, so an effort column is as wide
    as the longest word of its name, and at least half the name so that it takes
    no more than about two lines; the cells under it hold one digit. The
    cluster column takes the longest name up to 28 characters (longer names
    wrap), at least 18; the row sum ("Fit") is narrow. Two characters per column
    stand for the cell margins.
    """
    name = max(18, min(28, max((len(label) for label in labels), default=0)))
    effort_widths = (
        max(4, -(-len(effort) // 2), *(len(word) for word in effort.split())) for effort in efforts
    )
    return (name + 2, *(w + 2 for w in effort_widths), 5)


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
