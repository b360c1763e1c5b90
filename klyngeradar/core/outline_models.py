"""Part 3 of the deck: collaboration models (fit, engagement, recommendations, checklist)."""

from __future__ import annotations

from klyngeradar.core.deck import (
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
from klyngeradar.core.models_catalogue import CHECKLIST, MODELS, model
from klyngeradar.core.outline_base import Context
from klyngeradar.core.recommendations import Recommendations, reason_text
from klyngeradar.core.strategy import Strategy

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
    ctx: Context, recommendations: Recommendations | None, strategy: Strategy | None
) -> list[Slide]:
    t = ctx.t
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
            _per_cluster(ctx, recommendations),
            _across(ctx, recommendations),
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
    notes = strategy.source or ""
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
    for row in matrix.rows:
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
            widths=(2.0, *(1.3 for _ in matrix.efforts), 0.7),
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


def _per_cluster(ctx: Context, rec: Recommendations) -> Slide:
    t = ctx.t
    rows, notes = [], []
    for r in rec.clusters:
        name = (
            (model(r.model).name_da if ctx.lang == "da" else model(r.model).name_en)
            if r.model
            else t("Hold orienteret", "Keep informed")
        )
        fit_row = rec.fit.row(r.cluster)
        score = rec.engagement.get(r.cluster)
        rows.append(
            (
                r.label,
                name,
                ctx.n(fit_row.score if fit_row else None),
                ctx.n(score.score if score else None),
            )
        )
        notes.append(f"{r.label}: {name}. " + " ".join(reason_text(x, ctx.lang) for x in r.reasons))
    return ContentSlide(
        title=t("Anbefalet samarbejdsmodel pr. klynge", "Recommended model per cluster"),
        body=TableSpec(
            header=(
                t("Klynge", "Cluster"),
                t("Anbefaling", "Recommendation"),
                t("Fit", "Fit"),
                t("Engagement", "Engagement"),
            ),
            rows=tuple(rows),
            widths=(2.2, 4.4, 0.9, 1.4),
            align=("left", "left", "right", "right"),
            footnote=Footnote(
                t(
                    "Regelbaseret: højt fit og højt engagement → tværkommunal aftale; højt fit "
                    "og lavt engagement → noget konkret; begrundelser i noterne",
                    "Rule-based: high fit and engagement → cross-municipal agreement; high fit, "
                    "low engagement → something concrete; reasons in the notes",
                )
            ),
        ),
        notes="\n".join(notes),
    )


def _across(ctx: Context, rec: Recommendations) -> Slide:
    t = ctx.t
    lines: list[Bullet] = []
    for call in rec.effort_calls:
        name = model(call.model).name_da if ctx.lang == "da" else model(call.model).name_en
        lines.append(Bullet(f"{name}: {call.effort.name}", bold=True))
        lines.append(Bullet(" ".join(reason_text(x, ctx.lang) for x in call.reasons), level=1))
    for region in rec.region:
        name = model(region.model).name_da if ctx.lang == "da" else model(region.model).name_en
        lines.append(Bullet(name, bold=True))
        lines.append(Bullet(" ".join(reason_text(x, ctx.lang) for x in region.reasons), level=1))
    title = t("Anbefalinger på tværs af klyngerne", "Recommendations across the clusters")
    if not lines:
        return ContentSlide(
            title=title,
            placeholder_note=placeholder_text(
                t("ingen indsats har nok klynger bag sig", "no effort has enough clusters"),
                ctx.lang,
            ),
        )
    return ContentSlide(title=title, body=Text(tuple(lines)))


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
