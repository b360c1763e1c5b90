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
from klyngeradar.core.strategy.catalogue import CHECKLIST, MODELS, ModelCode, model
from klyngeradar.core.strategy.decisions import DecidedRecommendation, DecidedRecommendations
from klyngeradar.core.strategy.plan import Strategy
from klyngeradar.core.strategy.recommendations import Recommendations, reason_text

NEXT_STEPS_DA = (
    "Drøft anbefalingerne i direktionen og bestyrelsen, og vælg samarbejdsmodel(ler).",
    "Tag dialogen med de klynger, der har højt fit og vil i tættere dialog.",
    "Aftal konkrete leverancer, mål og KPI'er – på tværs af kommunegrænser.",
    "Følg op årligt: gentag surveyen, og sammenlign med i år.",
)
NEXT_STEPS_EN = (
    "Discuss the recommendations with the directors and the board, and choose the model(s).",
    "Open the dialogue with the high-fit clusters that want a closer dialogue.",
    "Agree concrete deliverables, goals and KPIs, across municipal borders.",
    "Follow up yearly: repeat the survey and compare with this year.",
)


def models_slides(
    ctx: Context,
    recommendations: Recommendations | DecidedRecommendations | None,
    strategy: Strategy | None,
) -> list[Slide]:
    """The part's slides; `recommendations` may carry the analyst's decisions beside them."""
    t = ctx.t
    decided = None
    if isinstance(recommendations, DecidedRecommendations):
        decided = recommendations if recommendations.decided else None
        recommendations = recommendations.recommendations
    slides: list[Slide] = [
        SectionSlide(
            title=t("Samarbejdsmodeller", "Collaboration models"),
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
        for title in (
            t("Fit med strategien", "Fit with the strategy"),
            t("Engagement i regionen", "Engagement in the region"),
            t("Anbefalet samarbejdsmodel pr. klynge", "Recommended model per cluster"),
        ):
            slides.append(ContentSlide(title=title, placeholder_note=missing))
    else:
        slides += [
            _fit(ctx, recommendations),
            _engagement(ctx, recommendations),
            _per_cluster(ctx, recommendations, decided),
            _across(ctx, recommendations, decided),
        ]
    slides += [_models(ctx), _checklist(ctx), _next_steps(ctx)]
    return slides


def _strategy(ctx: Context, strategy: Strategy | None) -> Slide:
    t = ctx.t
    title = t("Regionens vision og indsatser", "The region's vision and efforts")
    if strategy is None or not strategy.efforts:
        return ContentSlide(
            title=title,
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
    return ContentSlide(title=title, body=Text(tuple(lines)), notes=notes)


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
        title=t(
            "Fit med strategien: klynger × indsatser", "Fit with the strategy: clusters × efforts"
        ),
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
        title=t("Engagement i regionen (0–100)", "Engagement in the region (0–100)"),
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
    return ContentSlide(
        title=t("Anbefalet samarbejdsmodel pr. klynge", "Recommended model per cluster"),
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


def _across(ctx: Context, rec: Recommendations, decided: DecidedRecommendations | None) -> Slide:
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

    for call in rec.effort_calls:
        name = _model_name(ctx, call.model)
        lines.append(Bullet(f"{name}: {call.effort.name}", bold=True))
        lines.append(Bullet(" ".join(reason_text(x, ctx.lang) for x in call.reasons), level=1))
        decision("effort", call.effort.slug, call.effort.name)
    for region in rec.region:
        name = _model_name(ctx, region.model)
        lines.append(Bullet(name, bold=True))
        lines.append(Bullet(" ".join(reason_text(x, ctx.lang) for x in region.reasons), level=1))
        decision("region", region.model, name)
    if decided is not None:
        notes += _unmatched_notes(ctx, decided, "effort", "region")
    title = t("Anbefalinger på tværs af klyngerne", "Recommendations across the clusters")
    if not lines:
        return ContentSlide(
            title=title,
            placeholder_note=placeholder_text(
                t("ingen indsats har nok klynger bag sig", "no effort has enough clusters"),
                ctx.lang,
            ),
            notes="\n".join(notes),
        )
    return ContentSlide(title=title, body=Text(tuple(lines)), notes="\n".join(notes))


def _models(ctx: Context) -> Slide:
    t = ctx.t
    rows = tuple(
        (m.name_da, m.description_da) if ctx.lang == "da" else (m.name_en, m.description_en)
        for m in MODELS
    )
    return ContentSlide(
        title=t("Fire samarbejdsmodeller", "Four collaboration models"),
        body=TableSpec(
            header=(t("Model", "Model"), t("Sådan fungerer den", "How it works")),
            rows=rows,
            widths=(2.2, 7.0),
        ),
    )


def _checklist(ctx: Context) -> Slide:
    return ContentSlide(
        title=ctx.t("Før en aftale indgås", "Before an agreement is made"),
        body=Text.of(*(item.text(ctx.lang) for item in CHECKLIST)),
        notes=ctx.t(
            "Erfaringerne viser: jo mere konkret og tydelig aftalen er, jo større udbytte.",
            "Experience shows: the more concrete and clear the agreement, the greater the gain.",
        ),
    )


def _next_steps(ctx: Context) -> Slide:
    return ContentSlide(
        title=ctx.t("Næste skridt", "Next steps"),
        body=Text.of(*(NEXT_STEPS_DA if ctx.lang == "da" else NEXT_STEPS_EN)),
    )
