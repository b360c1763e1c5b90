"""The appendix sheet ``Citater`` (English ``Quotes``): the deck's quotes with their source.

One row per quote on the deck's quote slides, in the deck's order: the question
as the respondent read it, the cluster that wrote it (the slides are anonymous,
the appendix is the record), the analyst's theme, the text as it stands in the
deck and, when the analyst shortened or edited it, the original answer. Without
the analyst's choice the sheet holds the deck's default quotes
(`klyngeradar.core.reports.outline_quotes.default_quotes`).
"""

from __future__ import annotations

from klyngeradar.core.reports.outline_quotes import (
    QUOTE_MAX_CHARS,
    QUOTE_MIN_CHARS,
    QUOTE_QUESTIONS,
    Quote,
    Quotes,
    default_quotes,
)
from klyngeradar.core.surveys.questionnaire import load
from klyngeradar.core.surveys.responses import RoundData


def deck_quotes(round: RoundData, chosen: Quotes | None) -> list[Quote]:
    """The quotes the deck shows, each as a `Quote` with its cluster where it can be known."""
    own = chosen or {}
    defaults = default_quotes(round) if any(q not in own for q in QUOTE_QUESTIONS) else {}
    quotes = []
    for question in QUOTE_QUESTIONS:
        for item in own[question] if question in own else defaults[question]:
            if isinstance(item, Quote):
                quotes.append(item)
                continue
            # A plain text (the default's, the CLI's) is an answer as written: find its author.
            author = next(
                (
                    r.cluster
                    for r in round.responders
                    if isinstance(r.get(question), str) and r.get(question).strip() == item.strip()
                ),
                "",
            )
            quotes.append(Quote(question, author, item))
    return quotes


def quotes_sheet(writer, round: RoundData, chosen: Quotes | None) -> None:
    """Add ``Citater`` to the appendices `writer` (`appendices._Sheets`)."""
    t, lang = writer.t, writer.lang
    questionnaire = load()
    labels = {r.cluster: r.label for r in round.responses}
    header = (
        t("spørgsmål", "question"),
        t("klynge", "cluster"),
        t("tema", "theme"),
        t("tekst i præsentationen", "text in the deck"),
        t("oprindeligt svar (når redigeret)", "original answer (when edited)"),
    )
    rows = []
    for quote in deck_quotes(round, chosen):
        question = questionnaire.label(
            quote.question, lang, since=round.info.since, organisation=round.info.organisation
        )
        rows.append(
            (
                question,
                labels.get(quote.cluster) or t("ukendt", "unknown"),
                quote.theme or t("uden tema", "no theme"),
                quote.text,
                quote.answer if quote.edited else None,
            )
        )
    if not rows:
        rows = [
            (t("ingen citater i præsentationen", "no quotes in the deck"), None, None, None, None)
        ]
    chosen_by = (
        t("Valgt af analytikeren.", "Chosen by the analyst.")
        if chosen
        else t(
            f"Præsentationens egne citater: svar på {QUOTE_MIN_CHARS}–{QUOTE_MAX_CHARS} tegn, "
            "der ikke nævner nogen.",
            f"The deck's own quotes: answers of {QUOTE_MIN_CHARS}–{QUOTE_MAX_CHARS} characters "
            "that name no one.",
        )
    )
    writer.table(
        t("Citater", "Quotes"),
        header,
        rows,
        caption=t("Citater i præsentationen", "Quotes in the deck"),
        below=[
            chosen_by,
            t(
                "Citaterne står anonymt i præsentationen; bilaget viser, hvem der skrev dem.",
                "The quotes are anonymous in the deck; the appendix shows who wrote them.",
            ),
        ],
    )
