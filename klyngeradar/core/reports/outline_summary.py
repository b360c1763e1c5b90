"""The deck's opening: the key messages with their base, and what the board is asked to decide.

Right after the title the board reads 3–5 key messages computed from the
findings, the recommendations and, when there is one, the comparison with the
previous round (`KeyMessage`s from the caller, e.g. the comparison section), each
with its base; then "Bestyrelsen bedes …": the decisions asked for, as the
analyst wrote them or, by default, drawn from the recommendations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from klyngeradar.core.reports.deck import Bullet, ContentSlide, Slide, Text
from klyngeradar.core.reports.outline_base import Context
from klyngeradar.core.strategy.catalogue import model
from klyngeradar.core.strategy.priorities import rank_calls
from klyngeradar.core.strategy.recommendations import Recommendations

MAX_MESSAGES = 5
# Messages from a comparison with the previous round go first, at most this many.
MAX_COMPARISON = 2


@dataclass(frozen=True)
class KeyMessage:
    """One key message and the base it rests on ("12 af 13 klynger har svaret")."""

    text: str
    base: str


def key_messages(
    ctx: Context,
    recommendations: Recommendations | None,
    comparison: Sequence[KeyMessage] = (),
) -> tuple[KeyMessage, ...]:
    """The deck's 3–5 key messages: the comparison's first, then the round's own."""
    t, f = ctx.t, ctx.findings
    if f.responded == 0:
        return (
            KeyMessage(
                t("Ingen klynger har svaret endnu", "No cluster has responded yet"),
                t(
                    f"Base: {f.invited} {ctx.clusters(f.invited)} inviteret",
                    f"Base: {f.invited} {ctx.clusters(f.invited)} invited",
                ),
            ),
        )
    rate = f.response_rate
    presence = f.physical_presence
    agreements = f.agreements_any
    members = f.members_region
    answered = t(
        f"Base: {rate.count} af {rate.base} {ctx.clusters(rate.base)} har svaret",
        f"Base: {rate.count} of {rate.base} {ctx.clusters(rate.base)} responded",
    )
    own = [
        KeyMessage(
            t(
                f"{presence.count} af {presence.base} {ctx.clusters(presence.base)} er fysisk til "
                "stede i regionen",
                f"{presence.count} of {presence.base} {ctx.clusters(presence.base)} "
                f"{ctx.noun(presence.count, 'is', 'are')} physically present in the region",
            ),
            t(
                f"Base: {presence.answered} har besvaret spørgsmålet",
                f"Base: {presence.answered} answered the question",
            ),
        ),
        KeyMessage(
            t(
                f"Klyngerne har {ctx.about(members)} {ctx.members(members.total)} i regionen",
                f"The clusters have {ctx.about(members)} {ctx.members(members.total)} in the "
                "region",
            ),
            "Base: " + ctx.base_of_total(members, what_da="et medlemstal", what_en="members").text,
        ),
        KeyMessage(
            t(
                f"{agreements.count} af {agreements.base} {ctx.clusters(agreements.base)} har en "
                "samarbejdsaftale i regionen",
                f"{agreements.count} of {agreements.base} {ctx.clusters(agreements.base)} "
                f"{ctx.noun(agreements.count, 'has', 'have')} an agreement in the region",
            ),
            t(
                f"Base: {agreements.answered} har besvaret spørgsmålet",
                f"Base: {agreements.answered} answered the question",
            ),
        ),
    ]
    if recommendations is not None:
        message = _recommended(ctx, recommendations)
        if message is not None:
            own.append(message)
    own.insert(0, KeyMessage(_response_text(ctx), answered))
    messages = list(comparison[:MAX_COMPARISON]) + own
    return tuple(messages[:MAX_MESSAGES])


def _response_text(ctx: Context) -> str:
    rate, willing = ctx.findings.response_rate, ctx.findings.dialogue_willing
    return ctx.t(
        f"Svarprocent {ctx.pct(rate.percent)}; {willing.count} af {willing.base} vil gerne i "
        "tættere dialog",
        f"Response rate {ctx.pct(rate.percent)}; {willing.count} of {willing.base} "
        f"{ctx.noun(willing.count, 'wants', 'want')} a closer dialogue",
    )


def _recommended(ctx: Context, rec: Recommendations) -> KeyMessage | None:
    t = ctx.t
    agreement = [r for r in rec.clusters if r.model == "cross_municipal_agreement"]
    if not agreement and not rec.effort_calls:
        return None
    name = _name(ctx, "cross_municipal_agreement")
    name = name[:1].lower() + name[1:]  # "Tværkommunal aftale gennem BRN" keeps "BRN"
    text = t(
        f"{len(agreement)} {ctx.clusters(len(agreement))} anbefales til {name}; "
        f"{len(rec.effort_calls)} {ctx.noun(len(rec.effort_calls), 'indsats', 'indsatser')} "
        "har klynger nok til et målrettet udbud",
        f"{len(agreement)} {ctx.clusters(len(agreement))} recommended for {name}; "
        f"{len(rec.effort_calls)} {ctx.noun(len(rec.effort_calls), 'effort', 'efforts')} "
        "have enough clusters for a targeted call",
    )
    base = t(
        f"Base: {len(rec.clusters)} {ctx.clusters(len(rec.clusters))}; regelbaseret på fit "
        "og engagement",
        f"Base: {len(rec.clusters)} {ctx.clusters(len(rec.clusters))}; rule-based on fit "
        "and engagement",
    )
    return KeyMessage(text, base)


def _name(ctx: Context, code) -> str:
    found = model(code)
    return found.name_da if ctx.lang == "da" else found.name_en


def default_decisions(ctx: Context, rec: Recommendations | None) -> tuple[str, ...]:
    """What the board is asked to decide, drawn from the recommendations."""
    t = ctx.t
    if rec is None or ctx.findings.responded == 0:
        return (
            t(
                "tage orienteringen om surveyen til efterretning",
                "take note of the survey so far",
            ),
        )
    asks = []
    agreement = [r.label for r in rec.clusters if r.model == "cross_municipal_agreement"]
    if agreement:
        names = ctx.names(agreement, 4)
        asks.append(
            t(
                f"godkende, at der indledes dialog om en tværkommunal aftale med {names}",
                f"approve opening talks on a cross-municipal agreement with {names}",
            )
        )
    if rec.effort_calls:
        # The strongest call: most clusters behind it, then their fit with the effort.
        first = rank_calls(rec)[0].call
        asks.append(
            t(
                f"prioritere et målrettet udbud inden for »{first.effort.name}« "
                f"({len(first.clusters)} {ctx.clusters(len(first.clusters))} bag)",
                f"prioritise a targeted call within “{first.effort.name}” "
                f"({len(first.clusters)} {ctx.clusters(len(first.clusters))} behind it)",
            )
        )
    asks.append(
        t(
            "tage stilling til næste skridt: ansvarlige, tidsplan og budget",
            "decide the next steps: owners, timetable and budget",
        )
    )
    return tuple(asks)


def summary_slides(
    ctx: Context,
    recommendations: Recommendations | None,
    *,
    comparison: Sequence[KeyMessage] = (),
    decisions: Sequence[str] | None = None,
) -> list[Slide]:
    """The key messages slide and the "Bestyrelsen bedes …" slide.

    `decisions` is the analyst's text for what the board is asked (one item each);
    without it the items are drawn from the recommendations.
    """
    t = ctx.t
    messages = key_messages(ctx, recommendations, comparison)
    lines: list[Bullet] = []
    for message in messages:
        lines += [Bullet(message.text, bold=True), Bullet(message.base, level=1)]
    asks = tuple(decisions) if decisions else default_decisions(ctx, recommendations)
    edited = bool(decisions)
    count = len(asks)
    return [
        ContentSlide(
            # The lead message is the title; the bullets give all of them with their base.
            title=t("Resumé: ", "Summary: ") + messages[0].text,
            marker=t("Resumé: det viser surveyen", "Summary: what the survey shows"),
            key="summary.messages",
            body=Text(tuple(lines)),
            notes=t(
                "Hovedbudskaberne med deres base; tallene er de samme som på de følgende dias.",
                "The key messages with their base; the figures are those of the slides that "
                "follow.",
            ),
        ),
        ContentSlide(
            title=t(
                f"Bestyrelsen bedes tage stilling til {count} "
                f"{ctx.noun(count, 'punkt', 'punkter')}",
                f"The board is asked to decide on {count} {ctx.noun(count, 'item', 'items')}",
            ),
            marker=t("Bestyrelsen bedes …", "The board is asked to …"),
            key="summary.board_asks",
            body=Text.of(*asks),
            notes=t(
                "Formuleret af analytikeren."
                if edited
                else "Udkast ud fra anbefalingerne; analytikeren kan rette teksten.",
                "Written by the analyst."
                if edited
                else "Draft from the recommendations; the analyst may edit the text.",
            ),
        ),
    ]
