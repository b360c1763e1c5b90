"""The deck's quote slides: what the clusters say, grouped by the analyst's themes with a base.

Two free-text questions are quoted, today's agreements and the optimal
agreement. The analyst chooses answers, may shorten a quote for the slide (the
answer itself is kept) and tags it with a theme; a slide then groups the quotes
by theme, each with its base: "4 af 12 klynger nævner faste koordineringsmøder"
counts the clusters with a chosen quote in the theme out of those who answered
the question. Without the analyst's choice the deck takes `default_quotes`,
which never takes an answer that names someone (`klyngeradar.core.surveys.names`).

>>> from klyngeradar.core.surveys.demo import demo_round
>>> round = demo_round()
>>> quotes = [Quote("agreements.optimal", "klynge-a", "Konkrete møder.", theme="Faste møder")]
>>> group = group_quotes(round, "agreements.optimal", quotes)[0]
>>> (group.theme, group.clusters, group.base)
('Faste møder', 1, 10)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from klyngeradar.core.reports.deck import ContentSlide, Footnote, Slide, TableSpec, placeholder_text
from klyngeradar.core.reports.outline_base import Context
from klyngeradar.core.surveys.names import NameLists, find_names, shipped_name_lists
from klyngeradar.core.surveys.responses import RoundData

QUOTE_QUESTIONS = ("agreements.description", "agreements.optimal")
QUOTES_PER_SLIDE = 4
QUOTE_MIN_CHARS = 60
QUOTE_MAX_CHARS = 260

# The short list of themes the analyst may pick from (or write their own), drawn from
# what the clusters asked for in the 2023 survey's answers.
SUGGESTED_THEMES = (
    "Konkrete aktiviteter og projekter",
    "Faste koordineringsmøder",
    "Forpligtende aftale med mål og KPI'er",
    "Fælles data og dokumentation",
    "Langsigtet og strategisk samarbejde",
    "Medfinansiering",
    "Fysisk tilstedeværelse i regionen",
    "Videndeling og koordinering",
)


@dataclass(frozen=True)
class Quote:
    """A chosen answer as it goes on the slide; `answer` is the answer itself when edited."""

    question: str
    cluster: str
    text: str
    answer: str = ""
    theme: str = ""

    @property
    def edited(self) -> bool:
        return bool(self.answer) and self.text.strip() != self.answer.strip()


@dataclass(frozen=True)
class ThemeGroup:
    """The quotes of one theme ("" = without a theme) and how many clusters they come from."""

    theme: str
    quotes: tuple[Quote, ...]
    clusters: int
    base: int


# A question's quotes: the texts as they are (the CLI's and the default's) or `Quote`s.
Quotes = Mapping[str, Sequence[str | Quote]]


def answered(round: RoundData, question: str) -> int:
    """How many responders wrote an answer to `question`: a theme's base."""
    return sum(
        1
        for response in round.responders
        if isinstance(answer := response.get(question), str) and answer.strip()
    )


def group_quotes(
    round: RoundData, question: str, quotes: Sequence[Quote]
) -> tuple[ThemeGroup, ...]:
    """The quotes of `question` by theme: most clusters first, then as chosen; no theme last.

    A cluster counts once in a theme however many of its quotes carry it; quotes
    without a known cluster (plain texts) count one each.
    """
    base = answered(round, question)
    themes: dict[str, list[Quote]] = {}
    for quote in quotes:
        if quote.question == question:
            themes.setdefault(quote.theme.strip(), []).append(quote)
    groups = [
        ThemeGroup(theme, tuple(items), _clusters(items), base) for theme, items in themes.items()
    ]
    order = {theme: i for i, theme in enumerate(themes)}
    groups.sort(key=lambda g: (g.theme == "", -g.clusters, order[g.theme]))
    return tuple(groups)


def _clusters(quotes: Sequence[Quote]) -> int:
    known = {q.cluster for q in quotes if q.cluster}
    return len(known) + sum(1 for q in quotes if not q.cluster)


def default_quotes(round: RoundData, names: NameLists | None = None) -> dict[str, tuple[str, ...]]:
    """The quotes the deck takes without the analyst's choice, per free-text question.

    Up to `QUOTES_PER_SLIDE` answers per question, in the round's order, that
    say something (at least `QUOTE_MIN_CHARS`: "Henviser til vores samtale" is
    no quote), fit a slide (at most `QUOTE_MAX_CHARS`) and name no one: an answer
    with a cluster's, municipality's or person's name or an e-mail address waits
    for the analyst. The optimal-agreement answers come first: they are what the
    board asks for, so a list built from this mapping shows them first.
    """
    names = names or shipped_name_lists(r.label for r in round.responses)
    chosen: dict[str, tuple[str, ...]] = {}
    for question in sorted(QUOTE_QUESTIONS, key=lambda q: q != "agreements.optimal"):
        answers = (r.get(question) for r in round.responders)
        usable = (
            a.strip()
            for a in answers
            if isinstance(a, str)
            and QUOTE_MIN_CHARS <= len(a.strip()) <= QUOTE_MAX_CHARS
            and not find_names(a, names)
        )
        chosen[question] = tuple(usable)[:QUOTES_PER_SLIDE]
    return chosen


def quote_slides(ctx: Context, chosen: Quotes | None) -> list[Slide]:
    """One slide per quoted question: the quotes by theme with their base, or a placeholder."""
    own = chosen or {}
    defaults = default_quotes(ctx.round) if any(q not in own for q in QUOTE_QUESTIONS) else {}
    slides: list[Slide] = []
    for question in QUOTE_QUESTIONS:
        items = own[question] if question in own else defaults[question]
        quotes = tuple(
            item if isinstance(item, Quote) else Quote(question, "", item) for item in items
        )
        slides.append(_slide(ctx, question, quotes))
    return slides


def _markers(ctx: Context) -> dict[str, str]:
    """Per question: the slide's section marker."""
    t = ctx.t
    return {
        "agreements.description": t("Citater: aftalerne i dag", "Quotes: agreements today"),
        "agreements.optimal": t("Citater: den optimale aftale", "Quotes: the optimal agreement"),
    }


# Per question: what the clusters who answered it did, after "8 af 12 klynger" (after
# one, and after more), in Danish and in English.
_DESCRIBE = {
    "agreements.description": (
        ("beskriver sine aftaler i dag", "beskriver deres aftaler i dag"),
        ("describes its agreements today", "describe their agreements today"),
    ),
    "agreements.optimal": (
        ("beskriver den optimale aftale", "beskriver den optimale aftale"),
        ("describes the optimal agreement", "describe the optimal agreement"),
    ),
}


def plain_title(ctx: Context, question: str, shown: int) -> str:
    """The message of a slide of quotes without themes, with its base and how many are shown.

    "8 af 12 klynger beskriver deres aftaler i dag – 4 udvalgte citater"; without an
    answer to quote: "Ingen af de 12 klynger beskriver …", or, when there are answers
    but none is chosen, "… – ingen citater valgt endnu".
    """
    t = ctx.t
    base, count = ctx.findings.responded, answered(ctx.round, question)
    da, en = _DESCRIBE[question]
    one, many = da if ctx.lang == "da" else en
    title = f"{ctx.share(count, base)} {ctx.noun(count, one, many)}"
    if count == 0:
        return ctx.sentence(title)
    if shown == 0:
        chosen = t("ingen citater valgt endnu", "no quotes chosen yet")
    else:
        chosen = t(
            f"{ctx.n(shown)} {ctx.noun(shown, 'udvalgt citat', 'udvalgte citater')}",
            f"{ctx.n(shown)} {ctx.noun(shown, 'selected quote', 'selected quotes')}",
        )
    return ctx.sentence(f"{title} – {chosen}")


def _slide(ctx: Context, question: str, quotes: tuple[Quote, ...]) -> Slide:
    t = ctx.t
    marker = _markers(ctx)[question]
    key = f"quotes.{question.removeprefix('agreements.')}"
    if not quotes:
        return ContentSlide(
            title=plain_title(ctx, question, 0),
            marker=marker,
            key=key,
            placeholder_note=placeholder_text(
                t("ingen fritekstsvar", "no free-text answers"), ctx.lang
            ),
        )
    groups = group_quotes(ctx.round, question, quotes)
    edited = any(q.edited for q in quotes)
    qualifiers = [t("citaterne er anonyme", "the quotes are anonymous")]
    if edited:
        qualifiers.append(
            t("* forkortet eller redigeret af analytikeren", "* shortened or edited by the analyst")
        )
    notes = [
        t(
            "Citaterne er valgt af analytikeren blandt fritekstsvarene.",
            "The quotes are chosen by the analyst among the free-text answers.",
        )
    ]
    if not any(g.theme for g in groups):
        return ContentSlide(
            title=plain_title(ctx, question, len(quotes)),
            marker=marker,
            key=key,
            body=TableSpec(
                header=(t("Citater fra surveyen (anonyme)", "Quotes from the survey (anonymous)"),),
                rows=tuple((_quoted(ctx, q),) for q in quotes),
                footnote=Footnote(_base(ctx, groups[0].base), tuple(qualifiers[1:])),
            ),
            notes="\n".join(notes),
        )
    rows: list[tuple[str, str]] = []
    for group in groups:
        label = _theme_label(ctx, group)
        for i, quote in enumerate(group.quotes):
            rows.append((label if i == 0 else "", _quoted(ctx, quote)))
        if group.theme:
            notes.append(_mentions(ctx, group))
    return ContentSlide(
        title=_mentions(ctx, groups[0]),
        marker=marker,
        key=key,
        body=TableSpec(
            header=(t("Tema", "Theme"), t("Citater fra surveyen", "Quotes from the survey")),
            rows=tuple(rows),
            widths=(2.2, 5.8),
            footnote=Footnote(
                t(
                    f"Base: {groups[0].base} {ctx.clusters(groups[0].base)} har besvaret "
                    "spørgsmålet; en klynge tæller én gang pr. tema",
                    f"Base: {groups[0].base} {ctx.clusters(groups[0].base)} answered the "
                    "question; a cluster counts once per theme",
                ),
                tuple(qualifiers),
            ),
        ),
        notes="\n".join(notes),
    )


def _base(ctx: Context, base: int) -> str:
    return ctx.t(
        f"Base: {base} {ctx.clusters(base)} har besvaret spørgsmålet; citaterne er anonyme",
        f"Base: {base} {ctx.clusters(base)} answered the question; the quotes are anonymous",
    )


def _quoted(ctx: Context, quote: Quote) -> str:
    text = quote.text.strip()
    mark = " *" if quote.edited else ""
    return (f"»{text}«" if ctx.lang == "da" else f"“{text}”") + mark


def _theme_label(ctx: Context, group: ThemeGroup) -> str:
    if not group.theme:
        return ctx.t("Uden tema", "No theme")
    return ctx.t(
        f"{group.theme}\n{group.clusters} af {group.base} {ctx.clusters(group.base)}",
        f"{group.theme}\n{group.clusters} of {group.base} {ctx.clusters(group.base)}",
    )


def _mentions(ctx: Context, group: ThemeGroup) -> str:
    """ "4 af 12 klynger nævner faste koordineringsmøder"."""
    theme = group.theme
    # The theme as written, with a lower-case start inside the sentence unless it is an
    # abbreviation ("KPI'er i aftalen").
    if theme[:1].isupper() and not theme[:2].isupper():
        theme = theme[:1].lower() + theme[1:]
    return ctx.t(
        f"{group.clusters} af {group.base} {ctx.clusters(group.base)} nævner {theme}",
        f"{group.clusters} of {group.base} {ctx.clusters(group.base)} "
        f"{'mentions' if group.clusters == 1 else 'mention'} {theme}",
    )
