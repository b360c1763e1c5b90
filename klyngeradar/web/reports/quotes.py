"""The quotes of a round: the free-text answers to pick from and the analyst's choice.

The deck quotes two questions, today's agreements and the optimal agreement
(`klyngeradar.core.reports.outline_survey.QUOTE_QUESTIONS`). Without a stored choice
the deck takes the core's `default_quotes`; the picker then shows those ticked.
"""

from __future__ import annotations

from dataclasses import dataclass

from klyngeradar.core.reports.outline_quotes import QUOTE_MAX_CHARS, QUOTE_QUESTIONS, default_quotes
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


def default_keys(data: RoundData) -> set[tuple[str, str]]:
    """The (question, cluster) pairs of the deck's default quotes."""
    defaults = default_quotes(data)
    return {
        (option.question, option.cluster)
        for option in quote_options(data)
        if option.text in defaults[option.question]
    }


def chosen_quotes(
    data: RoundData, chosen: set[tuple[str, str]] | None
) -> dict[str, tuple[str, ...]] | None:
    """The texts of the chosen answers per question, for `build_deck(quotes=...)`.

    None without a choice, so that the deck takes its default. A choice that
    names an answer no longer there (the cluster was removed) skips it.
    """
    if chosen is None:
        return None
    options = quote_options(data)
    return {
        question: tuple(
            o.text for o in options if o.question == question and (o.question, o.cluster) in chosen
        )
        for question in QUOTE_QUESTIONS
    }
