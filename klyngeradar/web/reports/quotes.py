"""The quotes of a round: the free-text answers to pick from and the analyst's choice.

The deck quotes two questions, today's agreements and the optimal agreement
(`klyngeradar.core.reports.outline_quotes.QUOTE_QUESTIONS`). Without a stored choice
the deck takes the core's `default_quotes`; the picker then shows those ticked.

A chosen quote goes into the deck with the analyst's text and theme, but only
when every name in its text (`klyngeradar.core.surveys.names`) is one the analyst
confirmed: until then the page says why it is left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from klyngeradar.core.reports.outline_quotes import (
    QUOTE_MAX_CHARS,
    QUOTE_QUESTIONS,
    Quote,
    default_quotes,
)
from klyngeradar.core.surveys.names import NameFlag, NameLists, find_names, shipped_name_lists
from klyngeradar.core.surveys.responses import RoundData

# The optimal agreement first, as in `default_quotes`: it is what the board asks about.
PICKER_ORDER = ("agreements.optimal", "agreements.description")


@dataclass(frozen=True)
class QuoteOption:
    """One free-text answer that may be quoted."""

    question: str
    cluster: str
    cluster_name: str
    text: str

    @property
    def key(self) -> str:
        return f"{self.question}:{self.cluster}"

    @property
    def long(self) -> bool:
        return len(self.text) > QUOTE_MAX_CHARS


def quote_options(data: RoundData) -> tuple[QuoteOption, ...]:
    """Every non-empty answer to the quoted questions, per question in the round's order."""
    return tuple(
        QuoteOption(question, response.cluster, response.label, answer.strip())
        for question in PICKER_ORDER
        for response in data.responders
        if isinstance(answer := response.get(question), str) and answer.strip()
    )


def name_lists(data: RoundData) -> NameLists:
    """The names a quote of this round is checked against: the registry's, the round's, the 98."""
    return shipped_name_lists(r.label for r in data.responses)


def unconfirmed(text: str, confirmed, lists: NameLists) -> tuple[NameFlag, ...]:
    """The names in `text` the analyst has not confirmed (each by its text, as flagged)."""
    allowed = set(confirmed or ())
    return tuple(flag for flag in find_names(text, lists) if flag.text not in allowed)


def default_keys(data: RoundData) -> set[tuple[str, str]]:
    """The (question, cluster) pairs of the deck's default quotes."""
    defaults = default_quotes(data, name_lists(data))
    return {
        (option.question, option.cluster)
        for option in quote_options(data)
        if option.text in defaults[option.question]
    }


def deck_text(option: QuoteOption, item: dict | None) -> str:
    """The quote's text on the slide: the analyst's edit, else the answer as it is now."""
    return (item or {}).get("text") or option.text


def chosen_quotes(
    data: RoundData, items: dict[tuple[str, str], dict] | None
) -> dict[str, tuple[Quote, ...]] | None:
    """The chosen quotes per question, for `build_deck(quotes=...)`.

    None without a choice, so that the deck takes its default. A choice that
    names an answer no longer there (the cluster was removed) skips it, and so
    does a quote with a name the analyst has not confirmed.
    """
    if items is None:
        return None
    lists = name_lists(data)
    chosen: dict[str, list[Quote]] = {question: [] for question in QUOTE_QUESTIONS}
    for option in quote_options(data):
        item = items.get((option.question, option.cluster))
        if item is None:
            continue
        text = deck_text(option, item)
        if unconfirmed(text, item.get("confirmed"), lists):
            continue
        chosen[option.question].append(
            Quote(
                option.question,
                option.cluster,
                text,
                answer=option.text,
                theme=item.get("theme") or "",
            )
        )
    return {question: tuple(quotes) for question, quotes in chosen.items()}
