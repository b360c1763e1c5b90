"""The deck's section "Udvikling siden {year}": a round beside an earlier round of its region.

Built from a `Comparison` (spec/comparison.md): a section slide, the count findings
and the totals as native clustered bars (old beside new) with the panel as
footnote, and who entered and left with the panel clusters' movements. Nothing
is drawn for a figure nobody reported (a gap, never 0).
"""

from __future__ import annotations

from klyngeradar.core.findings.comparison import Comparison
from klyngeradar.core.findings.comparison_sentences import comparison_sentences
from klyngeradar.core.reports.deck import (
    Bullet,
    ChartSpec,
    ContentSlide,
    Footnote,
    SectionSlide,
    Series,
    Slide,
    Text,
    TwoContentSlide,
)
from klyngeradar.core.reports.outline_base import Context
from klyngeradar.core.reports.outline_summary import KeyMessage

# The count findings shown as bars (share of responders), and their short labels.
COUNT_BARS: dict[str, tuple[str, str]] = {
    "physical_presence": ("Fysisk til stede", "Physically present"),
    "presence_planned": ("Planlægger mere tilstedeværelse", "Plan more presence"),
    "agreements_any": ("Har en samarbejdsaftale", "Have an agreement"),
    "agreements_none": ("Uden aftale med en aktør", "No agreement with an actor"),
    "dialogue_willing": ("Vil gerne i tættere dialog", "Willing to closer dialogue"),
}
TOTAL_BARS: dict[str, tuple[str, str]] = {
    "members_region": ("Medlemmer i regionen", "Members in the region"),
    "members_region_50plus": ("Heraf 50+ ansatte", "Of which 50+ staff"),
    "members_region_under50": ("Heraf under 50 ansatte", "Of which under 50 staff"),
}
PARTICIPATION_BARS: dict[str, tuple[str, str]] = {
    "participation_companies": ("Unikke virksomheder", "Unique companies"),
    "participation_persons": ("Deltagere", "Participants"),
}


def comparison_title(ctx: Context, comparison: Comparison) -> str:
    return ctx.t(
        f"Udvikling siden {comparison.old.label}", f"Developments since {comparison.old.label}"
    )


def _panel_footnote(ctx: Context, comparison: Comparison, *, extra: tuple[str, ...] = ()):
    count = len(comparison.panel)
    old, new = comparison.old, comparison.new
    base = ctx.t(
        f"{old.label}: {old.responded} af {old.invited} {ctx.clusters(old.invited)} svarede; "
        f"{new.label}: {new.responded} af {new.invited}. Panel: {ctx.count_clusters(count)} "
        "svarede begge år",
        f"{old.label}: {old.responded} of {old.invited} {ctx.clusters(old.invited)} responded; "
        f"{new.label}: {new.responded} of {new.invited}. Panel: {ctx.count_clusters(count)} "
        "responded both years",
    )
    return Footnote(base, extra)


def _counts(ctx: Context, comparison: Comparison) -> ChartSpec:
    keys = tuple(COUNT_BARS)
    changes = [comparison.changes[key] for key in keys]
    panel = ", ".join(
        f"{ctx.t(*COUNT_BARS[key])}: {ctx.n(c.panel_old)} → {ctx.n(c.panel_new)}"
        for key, c in zip(keys, changes, strict=True)
    )
    return ChartSpec(
        "bar",
        tuple(ctx.t(*COUNT_BARS[key]) for key in keys),
        (
            Series(comparison.old.label, tuple(c.old_percent for c in changes)),
            Series(comparison.new.label, tuple(c.new_percent for c in changes)),
        ),
        number_format=ctx.percents,
        title=ctx.t("Andel af klyngerne, der har svaret (%)", "Share of responding clusters (%)"),
        footnote=_panel_footnote(
            ctx, comparison, extra=(ctx.t(f"Panelet (antal): {panel}", f"Panel (count): {panel}"),)
        ),
    )


def _totals(ctx: Context, comparison: Comparison, bars: dict[str, tuple[str, str]]) -> ChartSpec:
    keys = tuple(bars)
    changes = [comparison.changes[key] for key in keys]
    qualifiers: list[str] = []
    if any("minimum" in c.qualifiers for c in changes):
        qualifiers.append(
            ctx.t(
                "mindst ét af tallene er et minimum (ikke alle har oplyst)",
                "at least one figure is a minimum (not everyone reported)",
            )
        )
    if any("estimates" in c.qualifiers for c in changes):
        qualifiers.append(ctx.t("indeholder skøn", "includes estimates"))
    if any("period_changed" in c.qualifiers for c in changes):
        qualifiers.append(
            ctx.t(
                "perioderne er forskellige, så tallene dækker ikke det samme tidsrum",
                "the periods differ, so the figures cover different spans of time",
            )
        )
    panel = ", ".join(
        f"{ctx.t(*bars[key])}: {ctx.n(c.panel_old)} → {ctx.n(c.panel_new)} "
        + f"({ctx.count_clusters(c.panel_reported)})"
        for key, c in zip(keys, changes, strict=True)
        if c.panel_reported
    )
    if panel:
        qualifiers.append(ctx.t(f"Samme klynger begge år: {panel}", f"Same clusters: {panel}"))
    return ChartSpec(
        "column",
        tuple(ctx.t(*bars[key]) for key in keys),
        (
            Series(comparison.old.label, tuple(c.old for c in changes)),
            Series(comparison.new.label, tuple(c.new for c in changes)),
        ),
        number_format=ctx.integers,
        footnote=_panel_footnote(ctx, comparison, extra=tuple(qualifiers)),
    )


def _who(ctx: Context, comparison: Comparison) -> Text:
    names = comparison.name_of
    bullets = [
        Bullet(ctx.t("Kommet til", "Entered"), bold=True),
        Bullet(", ".join(names(s) for s in comparison.entered) or "–", level=1),
        Bullet(ctx.t("Faldet fra", "Left"), bold=True),
        Bullet(", ".join(names(s) for s in comparison.left) or "–", level=1),
        Bullet(ctx.t("Bevægelser blandt panelets klynger", "Movements in the panel"), bold=True),
    ]
    words = {
        "presence_opened": ctx.t("har åbnet fysisk tilstedeværelse", "opened a presence"),
        "presence_closed": ctx.t("har lukket sin tilstedeværelse", "closed its presence"),
        "agreement_added": ctx.t("ny kommuneaftale", "new municipal agreement"),
        "agreement_ended": ctx.t("kommuneaftale ophørt", "municipal agreement ended"),
    }
    municipalities = {c.slug: c.name for c in ctx.round.municipalities}
    for movement in comparison.movements:
        detail = (
            ctx.option("presence.type", movement.detail)
            if movement.change.startswith("presence")
            else municipalities.get(movement.detail, movement.detail)
        )
        bullets.append(
            Bullet(f"{names(movement.cluster)}: {words[movement.change]} ({detail})", level=1)
        )
    if not comparison.movements:
        bullets.append(Bullet(ctx.t("Ingen", "None"), level=1))
    return Text.of(*bullets)


def _who_title(ctx: Context, comparison: Comparison) -> str:
    """ "10 klynger svarede både i 2023 og 2025 – 1 kom til, 2 faldt fra"."""
    old, new = comparison.old.label, comparison.new.label
    panel, entered, left = len(comparison.panel), len(comparison.entered), len(comparison.left)
    return ctx.sentence(
        ctx.t(
            f"{ctx.count_clusters(panel)} svarede både i {old} og {new} – "
            f"{ctx.n(entered)} kom til, {ctx.n(left)} faldt fra",
            f"{ctx.count_clusters(panel)} responded both in {old} and {new} – "
            f"{ctx.n(entered)} entered, {ctx.n(left)} left",
        )
    )


def _counts_title(ctx: Context, comparison: Comparison) -> str:
    """Presence and agreements over the panel: "Samme 10 klynger: 7 → 7 fysisk til stede …"."""
    panel = len(comparison.panel)
    if panel == 0:
        return ctx.t(
            "Tilstedeværelse og aftaler: ingen klynger svarede begge år",
            "Presence and agreements: no cluster responded both years",
        )
    presence = comparison.changes["physical_presence"]
    agreements = comparison.changes["agreements_any"]
    return ctx.t(
        f"Blandt de samme {ctx.count_clusters(panel)}: fysisk til stede "
        f"{ctx.n(presence.panel_old)} → {ctx.n(presence.panel_new)}, med aftale "
        f"{ctx.n(agreements.panel_old)} → {ctx.n(agreements.panel_new)}",
        f"Among the same {ctx.count_clusters(panel)}: present "
        f"{ctx.n(presence.panel_old)} → {ctx.n(presence.panel_new)}, with an agreement "
        f"{ctx.n(agreements.panel_old)} → {ctx.n(agreements.panel_new)}",
    )


def _total_title(ctx: Context, comparison: Comparison, key: str) -> str:
    """ "Medlemmer i regionen: ca. 375 i 2023, ca. 399 i 2025 – samme 10 klynger: 360 → 385".

    The panel's like-for-like figure is the message; a change between different periods
    or against a minimum is said as such, never as growth or decline.
    """
    bars = TOTAL_BARS if key in TOTAL_BARS else PARTICIPATION_BARS
    label = ctx.t(*bars[key])
    change = comparison.changes[key]
    old_total = getattr(comparison.old_findings, key)
    new_total = getattr(comparison.new_findings, key)
    if change.old is None and change.new is None:
        return ctx.t(f"{label}: ingen tal at sammenligne", f"{label}: no figures to compare")
    old, new = comparison.old.label, comparison.new.label
    title = ctx.t(
        f"{label}: {ctx.about(old_total)} i {old}, {ctx.about(new_total)} i {new}",
        f"{label}: {ctx.about(old_total)} in {old}, {ctx.about(new_total)} in {new}",
    )
    if "period_changed" in change.qualifiers:
        return title + ctx.t(" – perioderne er forskellige", " – the periods differ")
    if change.panel_reported and "minimum" not in change.qualifiers:
        return title + ctx.t(
            f" – samme {ctx.count_clusters(change.panel_reported)}: "
            f"{ctx.n(change.panel_old)} → {ctx.n(change.panel_new)}",
            f" – same {ctx.count_clusters(change.panel_reported)}: "
            f"{ctx.n(change.panel_old)} → {ctx.n(change.panel_new)}",
        )
    if "minimum" in change.qualifiers:
        return title + ctx.t(" – mindst-tal, ikke en udvikling", " – minimums, not a trend")
    return title


def comparison_slides(ctx: Context, comparison: Comparison | None) -> list[Slide]:
    """The section's slides; none when the round has no earlier round to compare with."""
    if comparison is None:
        return []
    said = comparison_sentences(comparison, ctx.lang)
    notes = {s.key: s.text for s in said}
    title = comparison_title(ctx, comparison)
    return [
        SectionSlide(
            title=title,
            subtitle=ctx.t(
                f"{comparison.old.label} og {comparison.new.label}: hvad har ændret sig?",
                f"{comparison.old.label} and {comparison.new.label}: what has changed?",
            ),
        ),
        TwoContentSlide(
            title=_who_title(ctx, comparison),
            marker=f"{title} · "
            + ctx.t("Hvem har svaret, og hvad har flyttet sig", "Who responded, what moved"),
            key="comparison.who",
            left=Text.of(Bullet(notes["panel"]), Bullet(notes["entered_left"])),
            right=_who(ctx, comparison),
            notes="\n".join((notes["panel"], notes["entered_left"], notes["movements"])),
        ),
        ContentSlide(
            title=_counts_title(ctx, comparison),
            marker=f"{title} · " + ctx.t("Tilstedeværelse og aftaler", "Presence and agreements"),
            key="comparison.counts",
            body=_counts(ctx, comparison),
            notes="\n".join(notes[key] for key in COUNT_BARS),
        ),
        ContentSlide(
            title=_total_title(ctx, comparison, "members_region"),
            marker=f"{title} · " + ctx.t("Medlemmer i regionen", "Members in the region"),
            key="comparison.members",
            body=_totals(ctx, comparison, TOTAL_BARS),
            notes="\n".join(notes[key] for key in TOTAL_BARS),
        ),
        ContentSlide(
            title=_total_title(ctx, comparison, "participation_companies"),
            marker=f"{title} · "
            + ctx.t("Deltagelse i klyngernes aktiviteter", "Participation in activities"),
            key="comparison.participation",
            body=_totals(ctx, comparison, PARTICIPATION_BARS),
            notes="\n".join(notes[key] for key in PARTICIPATION_BARS),
        ),
    ]


# The changes that lead the deck's summary when the round has an earlier round, in order.
SUMMARY_CHANGES = ("physical_presence", "agreements_any", "participation_companies")


def comparison_key_messages(ctx: Context, comparison: Comparison | None) -> tuple[KeyMessage, ...]:
    """At most two key messages on what changed, each with the panel as its base."""
    if comparison is None:
        return ()
    sentences = {s.key: s for s in comparison_sentences(comparison, ctx.lang)}
    base = ctx.t(
        f"{ctx.count_clusters(len(comparison.panel))} svarede både i {comparison.old.label} "
        f"og i {comparison.new.label}",
        f"{ctx.count_clusters(len(comparison.panel))} responded both in {comparison.old.label} "
        f"and in {comparison.new.label}",
    )
    chosen = [sentences[key] for key in SUMMARY_CHANGES if key in sentences][:2]
    return tuple(KeyMessage(s.text, base) for s in chosen)
