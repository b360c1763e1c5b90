"""Part 3's first slides: the region's strategy, the fit matrix and the engagement scores."""

from __future__ import annotations

from klyngeradar.core.reports.deck import (
    Bullet,
    ChartSpec,
    ContentSlide,
    Footnote,
    Series,
    Slide,
    TableSpec,
    Text,
    placeholder_text,
)
from klyngeradar.core.reports.outline_base import Context
from klyngeradar.core.strategy.plan import Strategy
from klyngeradar.core.strategy.recommendations import Recommendations


def strategy_slide(ctx: Context, strategy: Strategy | None) -> Slide:
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


def fit_slide(ctx: Context, rec: Recommendations) -> Slide:
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
                (
                    t(
                        f"– ukendt ({ctx.count_clusters(unknown)})",
                        f"– unknown ({ctx.count_clusters(unknown)})",
                    ),
                )
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
        f"{len(high)} af {len(known)} {ctx.clusters(len(known))} har højt fit med strategien",
        f"{len(high)} of {len(known)} {ctx.clusters(len(known))} "
        f"{ctx.noun(len(high), 'has', 'have')} a high fit with the strategy",
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


def engagement_slide(ctx: Context, rec: Recommendations) -> Slide:
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
