"""The deck's context slides: the programme's history, money, reach, results and target groups.

Every fact comes from the shipped reference file (`klyngeradar.core.registry.context`)
with its source, on the decks of its region and dated after its source was out: a
fact without a source is not shown, a slide whose title rests
on an unsourced fact is left out, and a fact its source does not confirm is shown
as "Ikke verificeret: …", never as fact (its slide's title says so too when the
title rests on it). Each slide's sources are its table's footnote; the full
addresses are in the speaker notes.
"""

from __future__ import annotations

from collections.abc import Sequence

from klyngeradar.core.registry.context import ContextFact, ContextSlide, reference_context
from klyngeradar.core.reports.deck import ContentSlide, Footnote, Slide, TableSpec
from klyngeradar.core.reports.outline_base import Context


def context_slides(ctx: Context, slides: Sequence[ContextSlide] | None = None) -> list[Slide]:
    """The context slides that have sourced facts, in the reference file's order."""
    specs = reference_context() if slides is None else slides
    return [slide for spec in specs if (slide := _slide(ctx, spec)) is not None]


def _slide(ctx: Context, spec: ContextSlide) -> Slide | None:
    t, lang = ctx.t, ctx.lang
    region = ctx.round.info.region
    facts = [
        f for f in spec.facts if (f.region is None or f.region == region) and f.known_on(ctx.as_of)
    ]
    by_key = {f.key: f for f in facts}
    title_facts = [by_key.get(key) for key in spec.title_facts]
    # A title is a message: it stands only when every fact it rests on has a source.
    if any(fact is None or not fact.sourced for fact in title_facts):
        return None
    shown = [f for f in facts if f.sourced]
    if not shown:
        return None
    title = spec.title(lang)
    if any(not fact.verified for fact in title_facts if fact is not None):
        title += t(" (ikke verificeret)", " (not verified)")
    rows = [(_text(ctx, fact), fact.source_label) for fact in shown]
    qualifiers = [
        t(f"ikke verificeret: {fact.note(lang)}", f"not verified: {fact.note(lang)}")
        if fact.note(lang)
        else t("ikke verificeret i kilden", "not verified in the source")
        for fact in shown
        if not fact.verified
    ]
    if spec.round_finding == "participation_companies":
        row, qualifier = _round_companies(ctx)
        if row is not None:
            rows.append(row)
            qualifiers.append(qualifier)
    # "DEB, sn.dk" and "DEB" name DEB once in the footnote.
    labels = list(dict.fromkeys(part for _, label in rows for part in label.split(", ")))
    return ContentSlide(
        title=title,
        marker=spec.marker(lang),
        key=spec.key,
        body=TableSpec(
            header=(spec.marker(lang), t("Kilde", "Source")),
            rows=tuple(rows),
            widths=(6.4, 1.8),
            footnote=Footnote(
                t("Kilder: ", "Sources: ") + "; ".join(labels), tuple(dict.fromkeys(qualifiers))
            ),
        ),
        notes="\n".join(
            [t("Kilder:", "Sources:")]
            + list(dict.fromkeys(f"{fact.source_label}: {fact.source}" for fact in shown))
        ),
    )


def _text(ctx: Context, fact: ContextFact) -> str:
    if fact.verified:
        return fact.text(ctx.lang)
    return ctx.t("Ikke verificeret: ", "Not verified: ") + fact.text(ctx.lang)


def _round_companies(ctx: Context) -> tuple[tuple[str, str] | None, str]:
    """The round's own unique companies beside the national figure, with its base."""
    t, total = ctx.t, ctx.findings.participation_companies
    if total.total is None:
        return None, ""
    since = ctx.round.info.since
    since_da = f" siden {since.year}" if since else ""
    since_en = f" since {since.year}" if since else ""
    text = t(
        f"Denne runde: {ctx.about(total)} unikke virksomheder i {ctx.region_name}{since_da} "
        f"({total.reported} af {total.base} {ctx.clusters(total.base)} har oplyst et tal).",
        f"This round: {ctx.about(total)} unique companies in {ctx.region_name}{since_en} "
        f"({total.reported} of {total.base} {ctx.clusters(total.base)} reported a figure).",
    )
    qualifier = t(
        "tallene dækker forskellige perioder, og samme virksomhed kan indgå hos flere klynger",
        "the figures cover different periods, and one company may be counted by several clusters",
    )
    return (text, t("Rundens survey", "This round's survey")), qualifier
